/**
 * The source lines an article was made from, read from the seed file when a page is rendered
 * rather than kept in the content store (they were a third of it). A few decoded files are cached,
 * since pages are rendered issue by issue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyCorrections } from '../lib/corrections.ts';
import { decodeIssue } from '../lib/read.ts';
import { corrections, seedsDir } from '../loaders/edition.ts';

const CACHE_FILES = 8;
const cache = new Map<string, string[]>();

function linesOf(file: string): string[] {
  let lines = cache.get(file);
  if (lines) {
    cache.delete(file);
  } else {
    const decoded = decodeIssue(new Uint8Array(readFileSync(join(seedsDir(), file))), file);
    lines = applyCorrections(decoded, corrections()).source.lines;
    if (cache.size >= CACHE_FILES) cache.delete(cache.keys().next().value!);
  }
  cache.set(file, lines);
  return lines;
}

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
