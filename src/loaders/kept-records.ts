/**
 * Issues kept whole between builds, so that a daily build of a long archive reads and writes only
 * the new issue: for each issue, what the loader made of it — its collections' records, its share
 * of the build's account, the warnings it logs and the key of its names — in
 * `<cacheDir>/baokan-records/<hh>/<key>.json`, and beside it its head, `<key>.head.json`: all
 * but the records' data, with each record's id and digest. A daily build reads only the heads: a
 * record whose digest the content store holds needs no data (the whole records of a ten-year
 * archive are 250 MB of JSON; the heads a tenth of that). The records are read when the store
 * lacks one (a new store, a schema change).
 *
 * The key is made of the issue's id and its files' parse keys (which hold the files' bytes, hints,
 * corrections, the catalogue and the parsing code: src/lib/edition/parse-cache.ts) and a salt of
 * everything else the records depend on: the code that makes them (src/loaders), the taxonomy, the
 * gazetteer and the folder the parsed issues are written to. Change any of them and no issue is
 * kept; nothing is invalidated by hand. Entries no build asked for are removed at the end (prune).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssueShare, Loss } from '../lib/edition/account.ts';
import { pruneUnused, readJson, writeJsonAtomically } from '../lib/util/json-files.ts';
import type { RecordOf } from './records.ts';

type Data = Record<string, unknown>;

/** What the loader keeps of one issue. */
export interface KeptEntry {
  issue: RecordOf<Data>;
  pages: RecordOf<Data>[];
  articles: RecordOf<Data>[];
  /** its share of the build's account */
  share: IssueShare;
  /** what it adds to the account's losses (corrections that could not be applied) */
  lost: Loss[];
  /** the warning lines the loader logs for it */
  log: string[];
  /** the key of its names in the names cache (kept through its prune) */
  namesKey: string;
}

/** A digest of the loaders' own code (every `.ts` below `dir` but tests). */
export function loaderFingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort())
    hash
      .update(`${f}\0`)
      .update(readFileSync(join(dir, f)))
      .update('\0');
  return hash.digest('hex');
}

/** The collections an issue has records in. */
export type Collection = 'issues' | 'pages' | 'articles';

/** A kept issue without its records' data: each record's id and digest (Astro's, of its data). */
export interface KeptHead extends Omit<KeptEntry, 'issue' | 'pages' | 'articles'> {
  stored: Record<Collection, [id: string, digest: string][]>;
  /** the issue's seed files (its record's `sources`) */
  files: string[];
}

/** The head of `entry`, its records' digests made by `digestOf`. */
export function headOf(entry: KeptEntry, digestOf: (data: Data) => string): KeptHead {
  const { issue, pages, articles, ...rest } = entry;
  const ids = (rs: RecordOf<Data>[]) => rs.map((r): [string, string] => [r.id, digestOf(r.data)]);
  return {
    ...rest,
    stored: { issues: ids([issue]), pages: ids(pages), articles: ids(articles) },
    files: ((issue.data.sources ?? []) as { file: string }[]).map((s) => s.file),
  };
}

export interface KeptRecords {
  /** the key of the issue `id` made of the parses `keys` */
  key(id: string, keys: readonly string[]): string;
  /** the head of the entry under `key`, or undefined */
  head(key: string): KeptHead | undefined;
  /** the entry under `key`, or undefined */
  get(key: string): KeptEntry | undefined;
  put(key: string, entry: KeptEntry, head: KeptHead): void;
  /** issues kept whole and issues made again, so far */
  counts(): { kept: number; made: number };
  /** remove entries this build did not ask for; returns how many */
  prune(): number;
}

/** Kept issues below `dir`; `salt` is what every issue's records depend on besides its parses. */
export function diskKeptRecords(dir: string, salt: string): KeptRecords {
  const used = new Set<string>();
  let kept = 0;
  let made = 0;
  const path = (key: string, part = '') => join(dir, key.slice(0, 2), `${key}${part}.json`);
  // The salt (which holds the gazetteer and the taxonomy, 185 KB) is hashed once and the state
  // copied for each issue: the same keys, without hashing it again for each of 3,652 issues
  // (4.3 s of a ten-year daily build).
  const salted = createHash('sha256').update(`${salt}\0`);
  return {
    key: (id, keys) =>
      salted
        .copy()
        .update(`${id}\0${keys.join('\0')}`)
        .digest('hex')
        .slice(0, 40),
    head(key) {
      used.add(key);
      // never a head without its entry (a cache cut short by hand): the issue is made again
      const head = existsSync(path(key)) ? readJson<KeptHead>(path(key, '.head')) : undefined;
      if (head) kept++;
      return head;
    },
    get(key) {
      used.add(key);
      return readJson<KeptEntry>(path(key));
    },
    put(key, entry, head) {
      used.add(key);
      made++;
      // the entry first: a head is never without its entry
      writeJsonAtomically(path(key), entry);
      writeJsonAtomically(path(key, '.head'), head);
    },
    counts: () => ({ kept, made }),
    prune: () => pruneUnused(dir, used),
  };
}
