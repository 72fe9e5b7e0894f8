/**
 * Stage 2a′: hard-wrapped text whose line widths do not line up (pdftotext without -layout).
 *
 * A text layer written by a PDF tool counts characters, not ems: squeezed punctuation, digits and
 * Latin letters make the lines of one column 34, 35 or 37 characters long, paragraphs follow one
 * another with no blank line and without their indent, and a blank line stands where a column
 * breaks. unwrap.ts finds no column width in such a file. Here a line's column is measured
 * locally — the widest line among its neighbours — and a line goes on in the next when it is
 * nearly that wide and does not end a sentence short of it; a paragraph's first line may stand an
 * indent (2 em) shorter. Lines that open an item (本报讯, 本报记者 X) start a logical line of their
 * own. Nothing is added or dropped: lines are joined as unwrap.ts joins them.
 */
import { endsParagraph, isBlank, lineWidth, opensItem, type LogicalLine } from './unwrap.ts';

/** Lines either side that set a line's column (the widest of them). */
const WINDOW = 4;
/** How far short of its column a line may stop and still be full (squeezed punctuation, digits). */
const SLACK = 3;
/** The indent of a paragraph's first line, in ems. */
const INDENT = 2;
/** Narrowest column read this way (ems): shorter lines are headings, bylines, table cells. */
const MIN_COLUMN = 10;

/** The width (max, in ems) of each line, 0 for blank lines. */
const widthsOf = (lines: readonly string[]) => lines.map((l) => (isBlank(l) ? 0 : lineWidth(l).max));

/** The column a line stands in: the widest non-blank line within WINDOW lines of it. */
function columnAt(widths: readonly number[], i: number): number {
  let w = 0;
  for (let k = Math.max(0, i - WINDOW); k <= Math.min(widths.length - 1, i + WINDOW); k++)
    w = Math.max(w, widths[k]!);
  return w;
}

/**
 * Whether the file is text wrapped this way: most of its text lines run on into the next line
 * without ending a sentence, and few blank lines separate them (paragraphs are not blank-separated).
 */
export function isLooselyWrapped(lines: readonly string[]): boolean {
  const widths = widthsOf(lines);
  let text = 0;
  let blanks = 0;
  let runOn = 0;
  for (let i = 0; i < lines.length; i++) {
    if (isBlank(lines[i])) {
      blanks++;
      continue;
    }
    text++;
    const col = columnAt(widths, i);
    if (col >= MIN_COLUMN && !isBlank(lines[i + 1]) && !endsParagraph(lines[i]!) && widths[i]! >= col - SLACK)
      runOn++;
  }
  return text >= 6 && blanks < text * 0.4 && runOn >= text * 0.3;
}

/** Join the lines of a loosely wrapped file into logical lines (blank lines kept). */
export function unwrapLoose(lines: readonly string[]): LogicalLine[] {
  const widths = widthsOf(lines);
  const out: LogicalLine[] = [];
  let cur: LogicalLine | null = null;
  let open = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (cur && open && !isBlank(raw) && !opensItem(raw) && !raw.includes('\t')) {
      const space = /\s$/u.test(lines[i - 1] ?? '') || /^\s/u.test(raw) ? ' ' : '';
      cur.text = cur.text + space + raw.trim();
      (cur.more ??= []).push(i + 1);
    } else {
      cur = { no: i + 1, text: raw.trimEnd() };
      out.push(cur);
    }
    const col = columnAt(widths, i);
    const full = !isBlank(raw) && col >= MIN_COLUMN && widths[i]! >= col - SLACK;
    const opener =
      !isBlank(raw) &&
      cur.more === undefined &&
      col >= MIN_COLUMN &&
      widths[i]! >= col - SLACK - INDENT &&
      i > 0 &&
      !isBlank(lines[i - 1]) &&
      (endsParagraph(lines[i - 1]!) || opensItem(lines[i - 1]!));
    open = (full && !(endsParagraph(raw) && widths[i]! < col - 1)) || (opener && !endsParagraph(raw));
    if (open && !raw.includes('\t')) cur.full = true;
    else delete cur.full;
    // body text running to a column break: the paragraph goes on after it
    if (open && isBlank(lines[i + 1]) && !endsParagraph(raw) && (cur.more !== undefined || opener))
      cur.cut = true;
    else delete cur.cut;
  }
  return out;
}
