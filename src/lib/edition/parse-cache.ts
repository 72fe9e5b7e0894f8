/**
 * Parses kept between builds, so a daily build parses only the files that are new or changed.
 *
 * A file's parse is kept under a key of everything it depends on: the file's bytes and name, its
 * hints file, the corrections that name it, the paper catalogue, and the code that parses
 * (codeFingerprint: the loaders' code and all it imports, and the lockfile). Change any of them and the
 * key changes, so a kept parse is never stale; nothing is invalidated by hand. Kept parses that no
 * build asked for are removed at the end (prune), so the cache holds one parse per seed file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { pruneUnused, readJson, writeJsonAtomically } from '../util/json-files.ts';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Correction } from '../editorial/corrections.ts';
import type { Issue } from '../model/issue.ts';
import type { PaperCatalog } from '../parse/paper.ts';

/** What a file's parse depends on, besides the code. */
export interface ParseInputs {
  /** the file's name under the seed folder */
  name: string;
  /** the digest of its bytes (bytesDigest) */
  digest: string;
  /** the hints file's text, when the file has one */
  hints?: string;
  /** every correction of the edition (those naming this file are part of the key) */
  corrections: readonly Correction[];
}

/** Where a parse belongs, kept beside it so an issue can be grouped without reading its parses. */
export interface ParseHead {
  /** the issue's id as the file's parse gives it */
  id: string;
  /** its paper's id */
  paper: string;
  /** its date (ISO), when known */
  date: string | null;
}

/** The head of a parse (what grouping files into issues needs of it). */
const headOf = (issue: Issue): ParseHead => ({
  id: issue.id,
  paper: issue.paper.id,
  date: issue.date.value ?? null,
});

/** A store of parses by key. */
export interface ParseCache {
  /** the key of a file's parse */
  key(inputs: ParseInputs): string;
  /** the parse kept under `key`, or undefined */
  get(key: string): Issue | undefined;
  put(key: string, issue: Issue): void;
  /** the head of the parse kept under `key` (undefined when none), read without the parse */
  head?(key: string): ParseHead | undefined;
}

/** The digest of a file's bytes, as parse keys take it. */
export const bytesDigest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const sha256 = () => createHash('sha256');

/**
 * A digest of the code the loaders run: every source file that `<root>/src/loaders` imports, directly
 * or through other files (relative import and export specifiers followed; tests left out), and
 * `<root>/package-lock.json` (the versions of jieba, iconv-lite, …), in path order. Parse keys, kept
 * names and kept records take it, and pages key on parse keys (src/data/page-keys.ts): a change to
 * a page's or an integration's helpers in src/lib (offline lists, labels, the wire copy, whose
 * effect Astro's hash of each page's code covers) no longer parses every seed and renders every
 * page again. Without a loaders folder, or when an import cannot be followed, every `.ts` file
 * below src/lib counts, as it did before.
 */
export function codeFingerprint(root: string): string {
  const hash = sha256();
  const files = loaderSources(root) ?? libSources(root);
  for (const f of files)
    hash
      .update(`${relative(root, f).split(sep).join('/')}\0`)
      .update(readFileSync(f))
      .update('\0');
  try {
    hash.update(readFileSync(join(root, 'package-lock.json')));
  } catch {
    hash.update('no lockfile');
  }
  return hash.digest('hex');
}

const isSource = (f: string) => f.endsWith('.ts') && !f.endsWith('.test.ts');

/** Every source file below src/lib (absolute paths, sorted by path). */
function libSources(root: string): string[] {
  const lib = join(root, 'src', 'lib');
  return (readdirSync(lib, { recursive: true }) as string[])
    .filter(isSource)
    .map((f) => join(lib, f))
    .sort((a, b) => (relative(root, a) < relative(root, b) ? -1 : 1));
}

/** Relative specifiers of `import … from '…'`, `export … from '…'` and `import '…'`. */
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;

/** The loaders' source files and every file they import (absolute paths, sorted); null when one cannot be found. */
function loaderSources(root: string): string[] | null {
  const loaders = join(root, 'src', 'loaders');
  if (!existsSync(loaders)) return null;
  const seen = new Set<string>();
  const queue = readdirSync(loaders)
    .filter(isSource)
    .map((f) => join(loaders, f));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const target = resolve(dirname(file), m[1]!);
      if (!existsSync(target)) return null;
      queue.push(target);
    }
  }
  return [...seen].sort((a, b) => (relative(root, a) < relative(root, b) ? -1 : 1));
}

/** The key of a file's parse: the code, the catalogue, and the file's own inputs. */
export function parseKey(fingerprint: string, catalog: PaperCatalog, inputs: ParseInputs): string {
  const own = inputs.corrections.filter((c) => c.file === inputs.name);
  return sha256()
    .update(`${fingerprint}\0${JSON.stringify(catalog)}\0${inputs.name}\0${inputs.digest}`)
    .update(`\0${inputs.hints ?? ''}\0${JSON.stringify(own)}`)
    .digest('hex')
    .slice(0, 40);
}

/**
 * Parses kept as JSON files below `dir` (`<dir>/<hh>/<key>.json`, and its head in
 * `<key>.head.json`). Written to a temporary file and renamed, so a build that stops half way
 * leaves no half-written parse; the head is written after the parse, so a head means a parse.
 */
export function diskParseCache(
  dir: string,
  fingerprint: string,
  catalog: PaperCatalog,
): ParseCache & {
  /** keys asked for by this build */
  readonly used: ReadonlySet<string>;
  /** parses taken from the cache and parses made (and kept) by this build */
  counts(): { reused: number; parsed: number };
  /** remove kept parses this build did not ask for; returns how many */
  prune(): number;
} {
  const used = new Set<string>();
  let reused = 0;
  let parsed = 0;
  const path = (key: string) => join(dir, key.slice(0, 2), `${key}.json`);
  const headPath = (key: string) => join(dir, key.slice(0, 2), `${key}.head.json`);
  return {
    used,
    counts: () => ({ reused, parsed }),
    key: (inputs) => parseKey(fingerprint, catalog, inputs),
    get(key) {
      used.add(key);
      const issue = readJson<Issue>(path(key));
      if (issue) reused++;
      return issue;
    },
    put(key, issue) {
      used.add(key);
      parsed++;
      writeJsonAtomically(path(key), issue);
      writeJsonAtomically(headPath(key), headOf(issue));
    },
    head(key) {
      const head = readJson<ParseHead>(headPath(key));
      if (head) used.add(key);
      return head;
    },
    prune: () => pruneUnused(dir, used),
  };
}
