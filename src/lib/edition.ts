/**
 * Reading a folder of issue files into an edition: the file-system side shared by the command
 * line and the Astro loader. Each file is parsed on its own, so one bad file is reported (with its
 * name) and the others still build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCorrections, type Correction } from './corrections.ts';
import { parseHints, type Hints } from './hints.ts';
import { parseIssueWithSource } from './parse.ts';
import type { PaperCatalog } from './paper.ts';
import { InputError, type SourceText } from './read.ts';
import type { Issue } from './types.ts';

export function loadCatalog(path: string): PaperCatalog {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(path, `cannot read the paper catalogue: ${(e as Error).message}`);
  }
  const papers = (raw as { papers?: unknown }).papers;
  if (
    !Array.isArray(papers) ||
    !papers.every((p) => p && typeof p.id === 'string' && typeof p.name === 'string')
  ) {
    throw new InputError(path, 'the paper catalogue needs a "papers" list of objects with "id" and "name"');
  }
  for (const p of papers as { id: string }[]) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(p.id))
      throw new InputError(path, `paper id "${p.id}" must be a lowercase ASCII slug`);
  }
  return { papers };
}

/** Editorial corrections, or none when the file does not exist. */
export function loadCorrections(path: string): Correction[] {
  if (!existsSync(path)) return [];
  return parseCorrections(readFileSync(path, 'utf8'), path);
}

/** Hints file beside a seed: `name.txt` → `name.yaml` (or `.yml`). */
export function readHints(txtPath: string): Hints | undefined {
  for (const ext of ['.yaml', '.yml']) {
    const p = txtPath.replace(/\.txt$/i, ext);
    if (p !== txtPath && existsSync(p)) return parseHints(readFileSync(p, 'utf8'), p);
  }
  return undefined;
}

export interface ParsedFile {
  issue: Issue;
  source: SourceText;
  /** full path of the file */
  path: string;
}

export interface EditionResult {
  issues: ParsedFile[];
  /** files that could not be parsed, with a message naming the file */
  errors: { file: string; message: string }[];
}

/** Parse one file; bad input becomes an error entry instead of an exception. */
export function parseFile(
  path: string,
  catalog: PaperCatalog,
  corrections: readonly Correction[] = [],
): ParsedFile | { file: string; message: string } {
  try {
    const bytes = readFileSync(path);
    const options = { catalog, hints: readHints(path), corrections };
    return { ...parseIssueWithSource(new Uint8Array(bytes), path, options), path };
  } catch (e) {
    if (e instanceof InputError) return { file: e.file, message: e.message };
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { file: path, message: `${path}: no such file` };
    if ((e as NodeJS.ErrnoException).code === 'EISDIR')
      return { file: path, message: `${path}: is a folder, not a file` };
    throw e;
  }
}

/**
 * Parse the `.txt` files of a folder one at a time, in file-name order, yielding each parsed file
 * or the error of a file that could not be parsed: a large archive never has to be held in memory
 * whole. Issue ids must be unique: a second file that yields the same paper and date keeps its own
 * id (suffixed with its file name) and a warning says so.
 */
export function* parseEdition(
  dir: string,
  catalog: PaperCatalog,
  corrections: readonly Correction[] = [],
  /** called before each file (progress reporting for long runs) */
  onFile?: (done: number, total: number) => void,
): Generator<ParsedFile | { file: string; message: string }> {
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.txt'))
    .sort();
  const seen = new Map<string, string>();
  for (const [k, f] of files.entries()) {
    onFile?.(k, files.length);
    const r = parseFile(join(dir, f), catalog, corrections);
    if (!('issue' in r)) {
      yield r;
      continue;
    }
    const issue = r.issue;
    const other = seen.get(issue.id);
    if (other) {
      const stem = f.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '-');
      const newId = `${issue.id}-${stem}`;
      issue.warnings.push({
        code: 'duplicate-issue',
        message: `${other} already gives ${issue.id}; this file is published as ${newId}`,
      });
      for (const a of issue.articles) a.id = a.id.replace(issue.id, newId);
      for (const d of issue.duplicates) d.keptIn = d.keptIn.replace(issue.id, newId);
      issue.id = newId;
    }
    seen.set(issue.id, f);
    yield r;
  }
}

/** Parse every `.txt` file of a folder (see parseEdition), all held in memory. */
export function loadEdition(
  dir: string,
  catalog: PaperCatalog,
  corrections: readonly Correction[] = [],
  onFile?: (done: number, total: number) => void,
): EditionResult {
  const issues: ParsedFile[] = [];
  const errors: EditionResult['errors'] = [];
  for (const r of parseEdition(dir, catalog, corrections, onFile)) {
    if ('issue' in r) issues.push(r);
    else errors.push(r);
  }
  return { issues, errors };
}
