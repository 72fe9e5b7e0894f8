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

import { matchByline } from './byline.ts';

export interface LogicalLine {
  /** the first source line (1-based) */
  no: number;
  /** the lines joined: the first line's leading white space kept, the end trimmed; '' for a blank line */
  text: string;
  /** the further source lines joined into this one, in order */
  more?: number[];
  /** its last source line fills a column (the text may go on after a column break) */
  full?: true;
  /** body text that a column break cut (it runs to the column's edge, or opens a paragraph there), not a heading */
  cut?: true;
}

/** Fewest lines that must share a width for it to be a column. */
const MIN_LINES = 3;
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

/** A missing or white-space-only line. */
export const isBlank = (s: string | undefined) => s === undefined || s.trim() === '';

/**
 * The column widths of a hard-wrapped file (ascending), or [] when the file is not hard-wrapped.
 * Only inner lines count: those followed by a non-blank line (a paragraph's last line has no
 * column to fill).
 */
export function detectColumns(lines: readonly string[]): number[] {
  const exact = new Map<number, number>();
  const inner: { min: number; max: number; opens: boolean; ends: boolean }[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (isBlank(lines[i]) || isBlank(lines[i + 1])) continue;
    const w = lineWidth(lines[i]!);
    // a line after one that ends a sentence opens a paragraph: it may stand the indent short
    const opens =
      i > 0 && !isBlank(lines[i - 1]) && endsParagraph(lines[i - 1]!) && !INDENTED.test(lines[i]!);
    inner.push({ ...w, opens, ends: endsParagraph(lines[i]!) });
    if (w.min === w.max) exact.set(w.min, (exact.get(w.min) ?? 0) + 1);
  }
  // A line fills column w, or opens a paragraph the indent short of it (a text layer that drops
  // indents: pdftotext without -layout).
  const supports = (x: (typeof inner)[number], ws: readonly number[]) =>
    fills(x, ws) ||
    (x.opens &&
      fills(
        x,
        ws.map((c) => c - PARAGRAPH_INDENT),
      ));
  // Candidates: exact widths shared by two lines or more; a candidate is a column when enough inner
  // lines support it and no better supported column lies within 2 of it.
  const candidates = [...exact]
    .filter(([w, n]) => w >= MIN_WIDTH && w <= MAX_WIDTH && n >= 2)
    .map(([w]) => ({ w, support: inner.filter((x) => supports(x, [w])).length }))
    .sort((a, b) => b.support - a.support || a.w - b.w);
  const widths: number[] = [];
  for (const { w, support } of candidates) {
    if (widths.some((c) => Math.abs(c - w) <= 2)) continue;
    if (support >= MIN_LINES && support >= inner.length * MIN_SHARE) widths.push(w);
  }
  if (widths.length === 0) return [];
  const full = inner.filter((x) => supports(x, widths)).length;
  if (full >= inner.length * MIN_FULL_SHARE) return widths.sort((a, b) => a - b);
  // A text layer that drops indents and blank lines between paragraphs (pdftotext without -layout)
  // has a paragraph's last line and its headings among the inner lines too: there, most lines that
  // do not end a sentence fill a column, and two paragraphs or more open the indent short of it.
  const openers = inner.filter((x) => x.opens && !fills(x, widths) && supports(x, widths)).length;
  const going = inner.filter((x) => !x.ends);
  const goingFull = going.filter((x) => supports(x, widths)).length;
  return openers >= 2 && goingFull >= going.length * MIN_FULL_SHARE ? widths.sort((a, b) => a - b) : [];
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
  const dropped = indentsDropped(lines, widths);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const canContinue =
      cur !== null && open && !isBlank(raw) && !INDENTED.test(raw) && !raw.includes('\t') && !opensItem(raw);
    const starts = !canContinue;
    if (canContinue) {
      const c: LogicalLine = cur!;
      const space = /\s$/u.test(lastRaw(lines, c)) || /^\s/u.test(raw) ? ' ' : '';
      c.text = c.text + space + raw.trim();
      (c.more ??= []).push(i + 1);
    } else {
      cur = { no: i + 1, text: raw.trimEnd() };
      out.push(cur);
    }
    open =
      widths.length > 0 &&
      !isBlank(raw) &&
      !raw.includes('\t') &&
      !isWholeByline(raw) &&
      fills(lineWidth(raw), widths);
    // A paragraph's first line whose indent the text layer dropped is the indent short of its
    // column: after a line that ended a paragraph short of its column, or a short line (a byline).
    if (!open && starts && dropped && !isBlank(raw) && !raw.includes('\t') && !endsParagraph(raw))
      open =
        opensAfter(before(lines, i), widths) &&
        !opensItem(lines[i + 1] ?? '') &&
        fills(
          lineWidth(raw),
          widths.map((w) => w - PARAGRAPH_INDENT),
        );
    if (open) cur!.full = true;
    else delete cur!.full;
    // where indents are dropped, a paragraph's opener that runs to a column break goes on after it
    if (dropped && open && starts && isBlank(lines[i + 1]) && !endsParagraph(raw)) cur!.cut = true;
    else delete cur!.cut;
  }
  return out;
}

/**
 * Whether a paragraph may open after `prev`: a line that ends a sentence short of its column, or a
 * line shorter than a paragraph's first line (a byline, a short heading) — not a blank line (a
 * headline stands after one) and not a line as wide as the text (a heading's first line).
 */
function opensAfter(prev: string | undefined, widths: readonly number[]): boolean {
  if (isBlank(prev)) return false;
  const w = lineWidth(prev!);
  if (fills(w, widths)) return false;
  return endsParagraph(prev!) || widths.every((c) => w.max < c - PARAGRAPH_INDENT - 1);
}

/**
 * The line before line i, looking across one blank line (a column break between two paragraphs);
 * undefined after two blank lines or more, or at the start.
 */
function before(lines: readonly string[], i: number): string | undefined {
  if (!isBlank(lines[i - 1])) return lines[i - 1];
  return isBlank(lines[i - 2]) ? undefined : lines[i - 2];
}

/** A line that opens an item with a byline or dateline (本报讯, 本报记者 X, 新华社北京2月28日电): never the rest of a line above. */
export function opensItem(line: string): boolean {
  if (!BYLINE_WORD.test(line)) return false;
  const m = matchByline(line.trim());
  return !!m && line.trim().startsWith(m.text.trim().slice(0, 2));
}

/** Words every byline form holds one of (a cheap test before matchByline). */
const BYLINE_WORD = /记者|通讯员|讯|电|摄|本报|撰稿|实习生|评论员|作者/u;

/** A line that is a reporter's credit and nothing more (■本报记者 王云娜): complete, it never runs on. */
export function isWholeByline(line: string): boolean {
  if (!BYLINE_WORD.test(line)) return false;
  const m = matchByline(line.trim());
  // a dateline (本报北京1月14日电（记者 X）, 本报讯) opens its paragraph: the text runs on after it
  return !!m && !m.open && !m.rest.trim() && !m.dateline && !/[讯电]/u.test(m.source);
}

/** The indent of a paragraph's first line in Chinese typesetting, in ems. */
const PARAGRAPH_INDENT = 2;

/** A line that ends a sentence (and so its paragraph, when it stops short of the column). */
export const endsParagraph = (line: string) => /[。！？!?；;…][”’」』）)]*\s*$/u.test(line);

/**
 * Whether the text layer dropped the paragraph indents of a hard-wrapped file that does not
 * separate paragraphs by blank lines (pdftotext without -layout): many lines that open a paragraph
 * — after a line that ends a sentence short of its column — are themselves the indent short of
 * the column, and go on in the next line.
 */
export function indentsDropped(lines: readonly string[], widths: readonly number[]): boolean {
  if (widths.length === 0) return false;
  let openers = 0;
  let short = 0;
  for (let i = 1; i + 1 < lines.length; i++) {
    const [prev, line, next] = [lines[i - 1]!, lines[i]!, lines[i + 1]!];
    if (isBlank(prev) || isBlank(line) || isBlank(next) || INDENTED.test(line)) continue;
    if (!endsParagraph(prev) || fills(lineWidth(prev), widths)) continue;
    openers++;
    if (
      fills(
        lineWidth(line),
        widths.map((w) => w - PARAGRAPH_INDENT),
      ) &&
      !endsParagraph(line)
    )
      short++;
  }
  return openers >= 2 && short >= openers * 0.6;
}

/** The source text of the last line joined into `l`. */
function lastRaw(lines: readonly string[], l: LogicalLine): string {
  const no = l.more ? l.more[l.more.length - 1]! : l.no;
  return lines[no - 1]!;
}
