/**
 * Reading a folder of issue files into an edition: the file-system side shared by the command
 * line and the Astro loader.
 *
 * 1. List the folder (sub-folders too) without opening anything that is not a regular file
 *    (src/lib/edition/files.ts): FIFOs, devices, loops and unreadable entries become problems by name.
 * 2. Parse each file on its own (a text file with src/lib/parse/, a PDF with src/lib/pdf/), so one bad file is reported (by name, in one line) and the
 *    others still build; keep each parse aside (in memory, or on disk for an archive).
 * 3. Group the files into issues by paper and date, as the text, the hints or the file name give
 *    them (one file per 版 is how most e-papers publish), and combine each group's parses into one
 *    issue (src/lib/edition/combine.ts). A file whose paper or date is unknown is an issue of its own.
 * 4. Make ids unique by construction: a group's id is `<paper>-<date>`; an id that is taken
 *    already gets `-2`, `-3` … and a warning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, posix } from 'node:path';
import { combineParts } from './combine.ts';
import type { Correction } from '../editorial/corrections.ts';
import { listSeedFiles, readSeedBytes, type FileProblem } from './files.ts';
import { parseHints, type Hints } from '../editorial/hints.ts';
import { parseIssue } from '../parse/parse-issue.ts';
import { isPdfName, parsePdfSeed } from '../pdf/seed.ts';
import type { PaperCatalog } from '../parse/paper.ts';
import { InputError, type SourceText } from '../parse/read.ts';
import type { Issue } from '../model/issue.ts';
import { bytesDigest, type ParseCache } from './parse-cache.ts';
import type { SeedDigests } from './seed-digests.ts';

export type { FileProblem } from './files.ts';

/** The paper catalogue (content/papers.json), read and checked by src/lib/editorial/papers.ts. */
export { loadCatalog } from '../editorial/papers.ts';

/** Editorial corrections, or none when the file does not exist (src/lib/editorial/corrections.ts). */
export { loadCorrections } from '../editorial/corrections.ts';

/** Hints file beside a seed: `name.txt` (or `name.pdf`) → `name.yaml` (or `.yml`). */
export function readHints(seedPath: string): Hints | undefined {
  for (const ext of ['.yaml', '.yml']) {
    const p = seedPath.replace(/\.(?:txt|pdf)$/i, ext);
    if (p !== seedPath && existsSync(p)) return parseHints(readFileSync(p, 'utf8'), p);
  }
  return undefined;
}

export interface ParsedFile {
  issue: Issue;
  source: SourceText;
  /** full path of the file */
  path: string;
}

/** A file's parse kept aside between reading and grouping. */
export interface PartStore {
  put(k: number, issue: Issue): void;
  /** the part stored under k (read once: it may be let go afterwards) */
  take(k: number): Issue;
}

/** Parts held in memory (tests, the command line, small editions). */
export function memoryParts(): PartStore {
  const parts = new Map<number, Issue>();
  return {
    put: (k, issue) => parts.set(k, issue),
    take: (k) => {
      const issue = parts.get(k)!;
      parts.delete(k);
      return issue;
    },
  };
}

/**
 * Parse one file; bad input, and any failure of the parser on it, becomes a one-line problem
 * naming the file instead of an exception.
 */
export function parseFile(
  path: string,
  catalog: PaperCatalog,
  corrections: readonly Correction[] = [],
  /** the file's name under the seed folder; default its base name */
  name = basename(path),
  hintsPath?: string,
): ParsedFile | FileProblem {
  try {
    const bytes = readSeedBytes(path, name);
    // Hints are named like their seed: relative to the seed folder.
    const hintsName = hintsPath && posix.join(posix.dirname(name), basename(hintsPath));
    const hints = hintsPath ? parseHints(readFileSync(hintsPath, 'utf8'), hintsName!) : readHints(path);
    // A PDF (one 版 or a whole issue) is read from its text layer and geometry (src/lib/pdf/).
    const parse = isPdfName(name) ? parsePdfSeed : parseIssue;
    const { issue, source } = parse(bytes, path, { catalog, hints, corrections, name });
    return { issue, source, path };
  } catch (e) {
    if (e instanceof InputError) return { file: name, message: e.message.split('\n').join('; ') };
    const code = (e as NodeJS.ErrnoException).code;
    const why = code ? `${code}: ${(e as Error).message}` : (e as Error).message;
    return { file: name, message: `${name}: could not be parsed (${why.split('\n')[0]})` };
  }
}

export interface EditionOptions {
  corrections?: readonly Correction[];
  /** called before each file (progress reporting for long runs) */
  onFile?: (done: number, total: number) => void;
  /** where parses wait for their issue's other files; default in memory */
  parts?: PartStore;
  /** parses kept from earlier builds (src/lib/edition/parse-cache.ts): unchanged files are not parsed again */
  parseCache?: ParseCache;
  /** the seeds' digests for their parse keys, kept from earlier builds (src/lib/edition/seed-digests.ts); default: each file read */
  seedDigests?: SeedDigests;
  /**
   * Whether the caller keeps, from an earlier build, all it needs of the issue `id` made of the
   * kept parses `keys` (in file order). Such an issue is yielded as `{ kept }` and its parses are
   * not read (a daily build of a long archive reads only the new issue). Needs `parseCache`.
   */
  keptIssue?: (id: string, keys: readonly string[]) => boolean;
}

/** An issue the caller keeps from an earlier build (EditionOptions.keptIssue), its parses unread. */
export interface KeptIssue {
  id: string;
  /** the parse keys of its files, in file order */
  keys: string[];
}

/**
 * A file's issue: kept from an earlier build when the cache has it under the file's key, else
 * parsed (and kept). A file that cannot be read is parsed anyway, so that its problem is reported.
 */
function parseOrReuse(
  seed: { path: string; name: string },
  catalog: PaperCatalog,
  options: EditionOptions,
  hintsPath: string | undefined,
  key: string | undefined,
): { issue: Issue } | FileProblem {
  const cache = options.parseCache;
  if (!cache || key === undefined)
    return parseFile(seed.path, catalog, options.corrections, seed.name, hintsPath);
  const kept = cache.get(key);
  if (kept) return { issue: kept };
  const r = parseFile(seed.path, catalog, options.corrections, seed.name, hintsPath);
  if ('issue' in r) cache.put(key, r.issue);
  return r;
}

/** A file's parse key, or undefined when the file cannot be read (it is parsed then, to report it). */
function keyOf(
  seed: { path: string; name: string },
  cache: ParseCache,
  options: EditionOptions,
  hintsPath: string | undefined,
): string | undefined {
  try {
    return cache.key({
      name: seed.name,
      digest: options.seedDigests?.digest(seed) ?? bytesDigest(readSeedBytes(seed.path, seed.name)),
      hints: hintsPath ? readFileSync(hintsPath, 'utf8') : undefined,
      corrections: options.corrections ?? [],
    });
  } catch {
    return undefined;
  }
}

/**
 * The issues of an edition (with the parse keys of its files, in file order, when a parse cache
 * was given and every file has one), or a problem with one of its files.
 */
export type EditionItem = { issue: Issue; keys?: string[] } | FileProblem;
/** An issue, an issue the caller keeps (only with EditionOptions.keptIssue), or a problem. */
export type EditionOrKeptItem = EditionItem | { kept: KeptIssue };

/** The group (issue) a file's parse belongs to: its paper and date, else the file alone. */
const groupOf = (paper: string, date: string | null | undefined, name: string): string =>
  paper !== 'unknown' && date ? `${paper}|${date}` : `file|${name}`;

/**
 * Parse the files of a folder one at a time (in name order), then yield each issue, combined from
 * its files, oldest group first by file name; problems (files that could not be read or parsed)
 * come first, as they are found. A large archive never has to be held in memory whole when
 * `parts` keeps the parses on disk.
 */
export function parseEdition(
  dir: string,
  catalog: PaperCatalog,
  options?: EditionOptions & { keptIssue?: undefined },
): Generator<EditionItem>;
export function parseEdition(
  dir: string,
  catalog: PaperCatalog,
  options: EditionOptions,
): Generator<EditionOrKeptItem>;
export function* parseEdition(
  dir: string,
  catalog: PaperCatalog,
  options: EditionOptions = {},
): Generator<EditionOrKeptItem> {
  const listing = listSeedFiles(dir);
  yield* listing.problems;
  const parts = options.parts ?? memoryParts();
  const cache = options.parseCache;
  /** a file of a group: its parse waits in `parts`, or (`unread`) only its head was read */
  type GroupFile = { k: number; name: string; path: string; key?: string; unread: boolean };
  const groups = new Map<string, { id: string; files: GroupFile[] }>();
  const join = (group: string, id: string, file: GroupFile) => {
    let g = groups.get(group);
    if (!g) groups.set(group, (g = { id, files: [] }));
    g.files.push(file);
  };
  for (const [k, seed] of listing.seeds.entries()) {
    options.onFile?.(k, listing.seeds.length);
    const hintsPath = listing.hints.get(seed.name);
    const key = cache && keyOf(seed, cache, options, hintsPath);
    const head = key !== undefined && options.keptIssue ? cache?.head?.(key) : undefined;
    if (head) {
      join(groupOf(head.paper, head.date, seed.name), head.id, { k, ...seed, key, unread: true });
      continue;
    }
    const r = parseOrReuse(seed, catalog, options, hintsPath, key);
    if (!('issue' in r)) {
      yield r;
      continue;
    }
    const { paper, date } = r.issue;
    join(groupOf(paper.id, date.value, seed.name), r.issue.id, { k, ...seed, key, unread: false });
    parts.put(k, r.issue);
  }
  const ids = new Set<string>();
  for (const group of groups.values()) {
    let id = group.id;
    for (let n = 2; ids.has(id); n++) id = `${group.id}-${n}`;
    ids.add(id);
    const keys = group.files.map((f) => f.key!);
    if (group.files.every((f) => f.unread) && options.keptIssue?.(id, keys)) {
      yield { kept: { id, keys } };
      continue;
    }
    const issues: Issue[] = [];
    for (const f of group.files) {
      if (!f.unread) {
        issues.push(parts.take(f.k));
        continue;
      }
      // only its head was read: the parse now (kept, or made again should it have gone)
      const r = parseOrReuse(f, catalog, options, listing.hints.get(f.name), f.key);
      if ('issue' in r) issues.push(r.issue);
      else yield r;
    }
    if (!issues.length) continue;
    const issue = combineParts(id, issues);
    if (id !== group.id) {
      issue.warnings.push({
        code: 'issue-id-repeated',
        message: `another issue already has the id ${group.id}; this one is published as ${id}`,
      });
    }
    const whole = issues.length === group.files.length && keys.every((k) => k !== undefined);
    yield whole && cache ? { issue, keys } : { issue };
  }
}

export interface EditionResult {
  issues: { issue: Issue }[];
  /** files that could not be read or parsed, each with a one-line message naming it */
  errors: FileProblem[];
}

/** Parse a folder (see parseEdition), all held in memory. */
export function loadEdition(
  dir: string,
  catalog: PaperCatalog,
  options: EditionOptions & { keptIssue?: undefined } = {},
): EditionResult {
  const issues: EditionResult['issues'] = [];
  const errors: FileProblem[] = [];
  for (const r of parseEdition(dir, catalog, options)) {
    if ('issue' in r) issues.push({ issue: r.issue });
    else errors.push(r);
  }
  return { issues, errors };
}
