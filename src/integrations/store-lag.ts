/**
 * The content store's write-back put off while the file lacks few records.
 *
 * Astro's content sync writes the whole store back to `data-store.json` whenever a loader changed
 * one record: at ten years, 237,000 records serialised with devalue, the old 218 MB file read to
 * compare, and written, some 13 s of every daily build that adds 65 records. The build itself
 * never reads the file again (store-file.ts hands the store it holds to the pages). The file only
 * matters to the next build, and the edition loader already makes it whole: it stores every record
 * whose digest the store read from the file lacks or holds another of, and deletes what is gone
 * (src/loaders/edition-loader.ts). So a file a few days behind costs the next build those days'
 * records again, not a wrong store.
 *
 * The write is put off while the records this build set or deleted (each counted once: they include
 * the records the file lacked, which the loader stored again) are at most `percent` % of the
 * store, and made as Astro makes it once they are more, or when a collection was cleared (a changed
 * schema or Astro version empties the store: the file must say so). At 1 % a ten-year store is
 * written about every 36 days and a store of one year every 4 days; a build stores at most 1 % of
 * the records again, whatever the archive's size. `BAOKAN_STORE_LAG` sets the percentage; `0` writes
 * the store every build, as Astro does.
 */

/** The percentage used when `BAOKAN_STORE_LAG` is not set. */
export const DEFAULT_STORE_LAG = 1;

/**
 * The percentage from the environment. Throws a one-line error when `BAOKAN_STORE_LAG` is not a
 * number from 0 to 100.
 */
export function storeLag(env: NodeJS.ProcessEnv): number {
  const raw = env.BAOKAN_STORE_LAG?.trim();
  const percent = raw === undefined || raw === '' ? DEFAULT_STORE_LAG : Number(raw);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100)
    throw new Error(`BAOKAN_STORE_LAG must be a number from 0 to 100 (a percentage), not "${raw}"`);
  return percent;
}

/** Whether the store is written now: more than `percent` % of its `total` records changed. */
export function writeNow(changed: number, total: number, percent: number): boolean {
  return percent === 0 || changed > (total * percent) / 100;
}

/** What a write-back did: the records changed since the store was read, of how many, and whether it was written. */
export interface Writeback {
  changed: number;
  total: number;
  written: boolean;
}

/** Astro's MutableDataStore, as far as its changes and its write-back go. */
export interface WritableStore {
  _collections: Map<string, Map<string, unknown>>;
  set(collection: string, key: string, value: unknown): void;
  delete(collection: string, key: string): void;
  clear(collection: string): void;
  clearAll(): void;
  writeToDisk(): Promise<void>;
}

/**
 * Count `store`'s changes and put its write-back off while they are few (see above); `report` hears
 * each write-back asked for. The store's own methods are wrapped on the instance.
 */
export function putOffWrites(store: WritableStore, percent: number, report: (w: Writeback) => void): void {
  const changed = new Set<string>();
  let cleared = false;
  const { set, delete: remove, clear, clearAll, writeToDisk } = store;
  store.set = function (collection, key, value) {
    changed.add(`${collection}\0${key}`);
    return set.call(this, collection, key, value);
  };
  store.delete = function (collection, key) {
    changed.add(`${collection}\0${key}`);
    return remove.call(this, collection, key);
  };
  store.clear = function (collection) {
    cleared = true;
    return clear.call(this, collection);
  };
  store.clearAll = function () {
    cleared = true;
    return clearAll.call(this);
  };
  store.writeToDisk = async function () {
    let total = 0;
    for (const entries of this._collections.values()) total += entries.size;
    const written = cleared || writeNow(changed.size, total, percent);
    report({ changed: changed.size, total, written });
    if (written) return writeToDisk.call(this);
  };
}
