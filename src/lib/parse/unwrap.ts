/**
 * Stage 2a: hard-wrapped lines → logical lines.
 *
 * A PDF text layer prints a column line by line: every line of a paragraph is as wide as its column
 * but the last, and a word, a number or a Latin name may be cut anywhere (回顾202 / 4年). This stage
 * finds the file's column widths and joins each line that fills its column with the line after it,
 * so that the later stages see one logical line per paragraph (or per caption, byline, …). A logical
 * line keeps every source line it was made of.
 *
 * Column widths: the widths that many lines followed by a non-blank line share. A width is measured
 * in ems, a CJK character (or any full-width form) 1, a half-width character (digit, Latin letter,
 * ASCII punctuation or space) 0.5; leading white space counts (an indent stands in the column),
 * trailing white space does not. Candidates are the widths at least two lines without half-width
 * characters (whose width is exact) share, the most shared first; a candidate is a column when
 * at least MIN_LINES inner lines, and MIN_SHARE of them, fill it (see below) and no column already
 * taken lies within 2 of it. A file where the lines filling a column are not most of the inner
 * lines is not hard-wrapped at all (one paragraph per line, or blocks of short items: signatures,
 * tables, mastheads) and comes out unchanged.
 *
 * A line fills a column of width W when W lies within 1 of the line's width, counting its
 * half-width characters anywhere from 0.5 to 1 em each: fonts set digits and Latin letters from
 * half to full width, and text layers written by counting characters wrap them as full ones; the
 * 1 em of slack covers punctuation squeezed or hung at the line end.
 *
 * A full line is not joined with the next when the next line is indented (U+3000, a tab or two
 * spaces: a new paragraph in a dump without blank lines) or either line holds a tab (a table row).
 * The join itself adds nothing: a mechanical wrap cuts words, numbers and Latin names without a
 * space, and a space that stood at the cut (the last character of the line, or the first of the
 * next) is kept as one space.
 */

export interface LogicalLine {
  /** the first source line (1-based) */
  no: number;
  /** the lines joined: the first line's leading white space kept, the end trimmed; '' for a blank line */
  text: string;
  /** the further source lines joined into this one, in order */
  more?: number[];
  /** its last source line fills a column (the text may go on after a column break) */
  full?: true;
}

/** Fewest lines that must share a width for it to be a column. */
const MIN_LINES = 5;
/** Least share of the inner lines that must fill a column width. */
const MIN_SHARE = 0.2;
/** Least share of all inner lines that must fill a column for the file to count as hard-wrapped. */
const MIN_FULL_SHARE = 0.5;
/** Narrowest and widest column accepted, in ems. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** A half-width character: ASCII, Latin-1 and the half-width forms (U+FF61–U+FFDC). */
function isHalf(c: number): boolean {
  return c < 0x1100 || (c >= 0xff61 && c <= 0xffdc);
}

/** The width of a line in ems: [half-width characters at 0.5, at 1]. Trailing white space ignored. */
export function lineWidth(line: string): { min: number; max: number } {
  const t = line.trimEnd();
  let full = 0;
  let half = 0;
  for (const ch of t) {
    if (isHalf(ch.codePointAt(0)!)) half++;
    else full++;
  }
  return { min: full + half / 2, max: full + half };
}

function fills(w: { min: number; max: number }, widths: readonly number[]): boolean {
  return widths.some((c) => w.min - 1 <= c && c <= w.max + 1);
}

const isBlank = (s: string | undefined) => s === undefined || s.trim() === '';

/**
 * The column widths of a hard-wrapped file (ascending), or [] when the file is not hard-wrapped.
 * Only inner lines count: those followed by a non-blank line (a paragraph's last line has no
 * column to fill).
 */
export function detectColumns(lines: readonly string[]): number[] {
  const exact = new Map<number, number>();
  const inner: { min: number; max: number }[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (isBlank(lines[i]) || isBlank(lines[i + 1])) continue;
    const w = lineWidth(lines[i]!);
    inner.push(w);
    if (w.min === w.max) exact.set(w.min, (exact.get(w.min) ?? 0) + 1);
  }
  // Candidates: exact widths shared by two lines or more, the most shared first; a candidate is a
  // column when enough inner lines fill it and no more shared column lies within 2 of it.
  const candidates = [...exact]
    .filter(([w, n]) => w >= MIN_WIDTH && w <= MAX_WIDTH && n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const widths: number[] = [];
  for (const [w] of candidates) {
    if (widths.some((c) => Math.abs(c - w) <= 2)) continue;
    const support = inner.filter((x) => fills(x, [w])).length;
    if (support >= MIN_LINES && support >= inner.length * MIN_SHARE) widths.push(w);
  }
  if (widths.length === 0) return [];
  const full = inner.filter((w) => fills(w, widths)).length;
  return full >= inner.length * MIN_FULL_SHARE ? widths.sort((a, b) => a - b) : [];
}

/** A line that opens a new paragraph (indent) or is a table row cannot continue the line above. */
const INDENTED = /^(?:\u3000|\t| {2})/u;

/**
 * Join the hard-wrapped lines of a file into logical lines (blank lines are kept as blank logical
 * lines). `widths` defaults to the file's own (detectColumns); with none, every source line is its
 * own logical line.
 */
export function unwrap(
  lines: readonly string[],
  widths: readonly number[] = detectColumns(lines),
): LogicalLine[] {
  const out: LogicalLine[] = [];
  let cur: LogicalLine | null = null;
  /** whether the source line last added to `cur` fills its column */
  let open = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const canContinue = cur !== null && open && !isBlank(raw) && !INDENTED.test(raw) && !raw.includes('\t');
    if (canContinue) {
      const c: LogicalLine = cur!;
      const space = /\s$/u.test(lastRaw(lines, c)) || /^\s/u.test(raw) ? ' ' : '';
      c.text = c.text + space + raw.trim();
      (c.more ??= []).push(i + 1);
    } else {
      cur = { no: i + 1, text: raw.trimEnd() };
      out.push(cur);
    }
    open = widths.length > 0 && !isBlank(raw) && !raw.includes('\t') && fills(lineWidth(raw), widths);
    if (open) cur!.full = true;
    else delete cur!.full;
  }
  return out;
}

/** The source text of the last line joined into `l`. */
function lastRaw(lines: readonly string[], l: LogicalLine): string {
  const no = l.more ? l.more[l.more.length - 1]! : l.no;
  return lines[no - 1]!;
}
