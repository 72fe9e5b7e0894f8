/**
 * Issues kept whole between builds, so that a daily build of a long archive reads and writes only
 * the new issue: for each issue, what the loader made of it — its collections' records, its share
 * of the build's account, the warnings it logs and the key of its names — in
 * `<cacheDir>/baokan-records/<hh>/<key>.json`.
 *
 * The key is made of the issue's id and its files' parse keys (which hold the files' bytes, hints,
 * corrections, the catalogue and the parsing code: src/lib/edition/parse-cache.ts) and a salt of
 * everything else the records depend on: the code that makes them (src/loaders), the taxonomy, the
 * gazetteer and the folder the parsed issues are written to. Change any of them and no issue is
 * kept; nothing is invalidated by hand. Entries no build asked for are removed at the end (prune).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
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

export interface KeptRecords {
  /** the key of the issue `id` made of the parses `keys` */
  key(id: string, keys: readonly string[]): string;
  /** the entry under `key`, or undefined */
  get(key: string): KeptEntry | undefined;
  put(key: string, entry: KeptEntry): void;
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
  const path = (key: string) => join(dir, key.slice(0, 2), `${key}.json`);
  return {
    key: (id, keys) =>
      createHash('sha256')
        .update(`${salt}\0${id}\0${keys.join('\0')}`)
        .digest('hex')
        .slice(0, 40),
    get(key) {
      used.add(key);
      const entry = readJson<KeptEntry>(path(key));
      if (entry) kept++;
      return entry;
    },
    put(key, entry) {
      used.add(key);
      made++;
      writeJsonAtomically(path(key), entry);
    },
    counts: () => ({ kept, made }),
    prune: () => pruneUnused(dir, used),
  };
}
