/**
 * Stage 2: lines → blocks.
 *
 * PDF text-layer dumps separate paragraphs by blank lines and keep the line breaks of multi-line
 * items (signatures, tables, two-line labels) inside a block. Other exports put one paragraph per
 * line with no blank lines, often with full-width indents. The layout is detected per file.
 *
 * Hard-wrapped text (every line of a paragraph as wide as its column) is first joined into logical
 * lines (unwrap.ts); layout and blocks are those of the logical lines. Files that are not
 * hard-wrapped are read line by line as before.
 */
import { wordSpansSeam } from '../text/words.ts';
import { endsSentence, joinLines } from '../text/characters.ts';
import { detectColumns, indentsDropped, isWholeByline, unwrap, type LogicalLine } from './unwrap.ts';
import { isLooselyWrapped, unwrapLoose } from './unwrap-loose.ts';

export interface Block {
  /** position in the block list */
  index: number;
  /**
   * the block's lines with their text, trimmed: one per source line (1-based `no`), or, in a
   * hard-wrapped file, one per logical line, `more` holding the numbers of the further source lines
   * joined into it
   */
  lines: { no: number; text: string; more?: number[] }[];
  /** the lines joined into one string (see joinLines) */
  text: string;
  /** number of blank lines before the block (a run of 2+ in a blank-separated file marks a picture gap) */
  gapBefore: number;
  /** the first line began with an indent (spaces, U+3000 or tab) */
  indented: boolean;
  /**
   * hard-wrapped text cut at a column edge: the block's last source line fills its column, the text
   * does not end a sentence, and it is wrapped text (two source lines or more), ends on clause
   * punctuation or is followed by a block that goes on with the word it cut — a paragraph that goes
   * on after the column break, not a heading
   */
  cut?: boolean;
  /**
   * hard-wrapped text that stops short of its column: wrapped (two source lines or more) in a file
   * wrapped at a column width, its last line not filling it — the paragraph ended there, whether
   * or not a full stop was printed (pull quotes and headings are set without one)
   */
  short?: boolean;
  /** the first line's leading white space, as printed ('' when none) */
  indent: string;
}

/**
 * blank-separated: blank lines separate paragraphs (PDF text-layer dumps); line-per-paragraph: one
 * paragraph per line, never rejoined (e-paper text); wrapped-paragraphs: hard-wrapped text whose
 * paragraphs follow one another without blank lines and without their indents (pdftotext without
 * -layout) — each logical line (unwrap.ts) is a paragraph, and a blank line is a column break.
 */
export type Layout = 'blank-separated' | 'line-per-paragraph' | 'wrapped-paragraphs';

/** The logical lines of a file, kept for the last file seen (detectLayout and toBlocks both need them). */
let cache: { lines: readonly string[]; logical: LogicalLine[]; dropped: boolean } | null = null;
function unwrapped(lines: readonly string[]): { logical: LogicalLine[]; dropped: boolean } {
  if (cache?.lines !== lines) {
    const widths = detectColumns(lines);
    // no column width lines up, yet the text runs on from line to line: a tool's text layer
    cache =
      widths.length === 0 && isLooselyWrapped(lines)
        ? { lines, logical: unwrapLoose(lines), dropped: true }
        : { lines, logical: unwrap(lines, widths), dropped: indentsDropped(lines, widths) };
  }
  return cache;
}
const logicalLines = (lines: readonly string[]) => unwrapped(lines).logical;

/** Decide whether blank lines separate paragraphs in this file (after unwrapping hard-wrapped lines). */
export function detectLayout(source: readonly string[]): Layout {
  if (unwrapped(source).dropped) return 'wrapped-paragraphs';
  const lines = logicalLines(source).map((l) => l.text);
  let text = 0;
  let followedByBlank = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    text++;
    if (i + 1 >= lines.length || !lines[i + 1]!.trim()) followedByBlank++;
  }
  // Lines that share an indent and follow one another directly are paragraphs each on its line
  // (e-paper text, which may also print blank header slots and so have as many blank lines as
  // text lines); in a blank-separated dump an indented line opens a block whose wrapped lines
  // run on flush.
  let indentedPairs = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const [x, y] = [lines[i]!, lines[i + 1]!];
    const indent = INDENT.exec(x)?.[0];
    if (indent && x.trim() && y.trim() && y.startsWith(indent) && !INDENT.test(y.slice(indent.length)))
      indentedPairs++;
  }
  if (indentedPairs >= 2) return 'line-per-paragraph';
  // In a blank-separated dump nearly every text line ends a block; allow multi-line blocks.
  return text > 0 && followedByBlank / text >= 0.5 ? 'blank-separated' : 'line-per-paragraph';
}

const INDENT = /^[\s\u3000]+/u;

export function toBlocks(source: readonly string[], layout: Layout = detectLayout(source)): Block[] {
  const lines = logicalLines(source);
  const blocks: Block[] = [];
  let gap = 0;
  let current: Block | null = null;
  let lastFull = false;
  let afterByline = false;
  /** the last logical line was cut by a column break (unwrap-loose.ts says so) */
  let lastCut = false;
  const cutByLayer = new Set<Block>();
  /** blocks whose last line fills its column; whether they were cut is decided with the next block */
  const full = new Set<Block>();
  /** blocks whose last line does not fill its column */
  const notFull = new Set<Block>();
  const close = () => {
    if (current) {
      current.text = joinLines(current.lines.map((l) => l.text));
      if (lastFull && !endsSentence(current.text)) full.add(current);
      if (!lastFull) notFull.add(current);
      if (lastCut) cutByLayer.add(current);
      blocks.push(current);
      current = null;
    }
  };
  for (const line of lines) {
    const raw = line.text;
    const text = raw.trim();
    if (!text) {
      close();
      gap++;
      afterByline = false;
      continue;
    }
    // A byline line stands apart from the heading above it and the text below it, even where no
    // blank line separates them (pdftotext prints 标题 / ■本报记者 X / 正文 as one block).
    const byline = isWholeByline(text);
    if (!current || layout !== 'blank-separated' || byline || afterByline) {
      close();
      current = {
        index: blocks.length,
        lines: [],
        text: '',
        gapBefore: gap,
        indented: INDENT.test(raw),
        indent: INDENT.exec(raw)?.[0] ?? '',
      };
      gap = 0;
    }
    current.lines.push(line.more ? { no: line.no, text, more: line.more } : { no: line.no, text });
    lastFull = !!line.full;
    lastCut = !!line.cut;
    afterByline = byline;
  }
  close();
  // A block whose last line fills its column was cut there when it is wrapped text (two lines or
  // more), ends on clause punctuation, or the next block goes on with the word it cut (…考察并发 |
  // 表重要讲话). A one-line heading that happens to be as wide as the column is none of these.
  for (const b of full) {
    const wrapped = b.lines.length > 1 || !!b.lines[0]!.more;
    const next = blocks[b.index + 1];
    if (wrapped || /[，、；,;]$/u.test(b.text) || (next && wordSpansSeam(b.text, next.text))) b.cut = true;
  }
  for (const b of cutByLayer) b.cut = true;
  // Text wrapped at a column width (some logical line joins several source lines): a wrapped block
  // whose last line stops short of the column ended there.
  if (lines.some((l) => l.more)) {
    for (const b of notFull) if (b.lines.length > 1 || b.lines[0]!.more) b.short = true;
  }
  return blocks;
}
