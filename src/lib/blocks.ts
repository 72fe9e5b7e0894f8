/**
 * Stage 2: lines → blocks.
 *
 * PDF text-layer dumps separate paragraphs by blank lines and keep the line breaks of multi-line
 * items (signatures, tables, two-line labels) inside a block. Other exports put one paragraph per
 * line with no blank lines, often with full-width indents. The layout is detected per file.
 */
import { joinLines } from './text.ts';

export interface Block {
  /** position in the block list */
  index: number;
  /** the block's source lines (1-based numbers) with their text, trimmed */
  lines: { no: number; text: string }[];
  /** the lines joined into one string (see joinLines) */
  text: string;
  /** number of blank lines before the block (a run of 2+ in a blank-separated file marks a picture gap) */
  gapBefore: number;
  /** the first line began with an indent (spaces, U+3000 or tab) */
  indented: boolean;
}

export type Layout = 'blank-separated' | 'line-per-paragraph';

/** Decide whether blank lines separate paragraphs in this file. */
export function detectLayout(lines: readonly string[]): Layout {
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

export function toBlocks(lines: readonly string[], layout: Layout = detectLayout(lines)): Block[] {
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
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
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
    current.lines.push({ no: i + 1, text });
  }
  close();
  return blocks;
}
