/**
 * The source lines an article was made from, read from the seed file when a page is rendered
 * rather than kept in the content store (they were a third of it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyCorrections } from '../lib/editorial/corrections.ts';
import { decodeIssue } from '../lib/parse/read.ts';
import { isPdfName, pdfSourceLines } from '../lib/pdf/seed.ts';
import { corrections, seedsDir } from '../lib/editorial/inputs.ts';
import { recent } from './recent.ts';

const linesOf = recent(8, (file: string): string[] => {
  const bytes = new Uint8Array(readFileSync(join(seedsDir(), file)));
  // A PDF's source lines are its text lines in reading order (src/lib/pdf/seed.ts).
  if (isPdfName(file)) return pdfSourceLines(bytes, file, corrections());
  return applyCorrections(decodeIssue(bytes, file), corrections()).source.lines;
});

/** Non-empty source lines of a file within a line range, with their numbers (as corrected). */
export function sourceLinesFor(
  file: string,
  range: { start: number; end: number },
): { no: number; text: string }[] {
  const lines = linesOf(file);
  const out: { no: number; text: string }[] = [];
  for (let no = range.start; no <= range.end; no++) {
    const text = lines[no - 1] ?? '';
    if (text.trim()) out.push({ no, text });
  }
  return out;
}
