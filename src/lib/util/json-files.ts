/**
 * The on-disk caches' file handling (the parse cache, the names cache): JSON written whole or not
 * at all, and entries no longer used removed. Entries live in `<dir>/<two-character sub>/<key>.json`.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

/** The JSON in `file`, or undefined when it is missing or unreadable (an entry not kept yet). */
export function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Write `value` as JSON to `file` through a temporary name, so a reader never sees half a file. */
export function writeJsonAtomically(file: string, value: unknown): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const tmp = `${file}.tmp-${randomUUID()}`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, file);
}

/**
 * Remove every `<key>.json` (and `<key>.<part>.json`) under `dir`'s sub-folders whose key is not
 * in `used`, and anything else; the number of entries (keys) removed.
 */
export function pruneUnused(dir: string, used: ReadonlySet<string>): number {
  const removed = new Set<string>();
  let subs: string[] = [];
  try {
    subs = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const sub of subs)
    for (const name of readdirSync(join(dir, sub))) {
      const key = /^([^.]+)(?:\.[a-z]+)?\.json$/.exec(name)?.[1];
      if (!key || !used.has(key)) {
        rmSync(join(dir, sub, name), { force: true });
        removed.add(key ?? name);
      }
    }
  return removed.size;
}
