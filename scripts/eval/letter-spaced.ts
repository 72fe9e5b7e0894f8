/**
 * The development corpus with letter-spaced lines, as OCR and some PDF text layers give them
 * (本 报 讯 （ 记 者 王 明 ）): every page of the corpus copied with a space put between the
 * characters of about one line in three (chosen by a hash of the line, so the copy is the same on
 * every run). The labels stay as they are: the scores compare text without white space.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { CorpusLabels } from './labels.ts';

/** The line letter-spaced, when its hash picks it (about one line in three); blank lines as they are. */
export function letterSpace(line: string): string {
  if (!line.trim() || createHash('md5').update(line).digest()[0]! % 3 !== 0) return line;
  const lead = /^\s*/u.exec(line)![0];
  return lead + Array.from(line.slice(lead.length)).join(' ');
}

/**
 * Write letter-spaced copies of the pages of `labelFiles` (and their labels, pointing at the
 * copies) under `out`, keeping their paths below `root`; returns the copies' label files. The
 * copies are read with `out` as the root (runEval), which holds the catalogue too.
 */
export function writeLetterSpaced(root: string, labelFiles: readonly string[], out: string): string[] {
  mkdirSync(join(out, 'content'), { recursive: true });
  writeFileSync(join(out, 'content/papers.json'), readFileSync(join(root, 'content/papers.json')));
  return labelFiles.map((f) => {
    const labels = JSON.parse(readFileSync(f, 'utf8')) as CorpusLabels;
    const text = readFileSync(join(root, labels.input), 'utf8');
    const spaced = text
      .split(/(\r?\n)/u)
      .map((part, i) => (i % 2 === 0 ? letterSpace(part) : part))
      .join('');
    const input = join(out, labels.input);
    mkdirSync(dirname(input), { recursive: true });
    writeFileSync(input, spaced);
    const copy = join(out, relative(root, f));
    mkdirSync(dirname(copy), { recursive: true });
    writeFileSync(copy, JSON.stringify(labels));
    return copy;
  });
}
