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
import { joinLines } from './text.ts';
import { unwrap, type LogicalLine } from './unwrap.ts';

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
}

export type Layout = 'blank-separated' | 'line-per-paragraph';

/** The logical lines of a file, kept for the last file seen (detectLayout and toBlocks both need them). */
let cache: { lines: readonly string[]; logical: LogicalLine[] } | null = null;
function logicalLines(lines: readonly string[]): LogicalLine[] {
  if (cache?.lines !== lines) cache = { lines, logical: unwrap(lines) };
  return cache.logical;
}

/** Decide whether blank lines separate paragraphs in this file (after unwrapping hard-wrapped lines). */
export function detectLayout(source: readonly string[]): Layout {
  const lines = logicalLines(source).map((l) => l.text);
  let text = 0;
  let followedByBlank = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    text++;
    if (i + 1 >= lines.length || !lines[i + 1]!.trim()) followedByBlank++;
  }
  // In a blank-separated dump nearly every text line ends a block; allow multi-line blocks.
  return text > 0 && followedByBlank / text >= 0.5 ? 'blank-separated' : 'line-per-paragraph';
}

const INDENT = /^[\s\u3000]+/u;

export function toBlocks(source: readonly string[], layout: Layout = detectLayout(source)): Block[] {
  const lines = logicalLines(source);
  const blocks: Block[] = [];
  let gap = 0;
  let current: Block | null = null;
  const close = () => {
    if (current) {
      current.text = joinLines(current.lines.map((l) => l.text));
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
      continue;
    }
    if (!current || layout === 'line-per-paragraph') {
      close();
      current = {
        index: blocks.length,
        lines: [],
        text: '',
        gapBefore: gap,
        indented: INDENT.test(raw),
      };
      gap = 0;
    }
    current.lines.push(line.more ? { no: line.no, text, more: line.more } : { no: line.no, text });
  }
  close();
  return blocks;
}
