/**
 * Astro integration: the pages read the content store from its file when the build runs them,
 * instead of from a module that holds it.
 *
 * Astro serialises the content store (`data-store.json` in the cache folder) into one module,
 * `export default JSON.parse("<the store>")`, that Vite bundles with the pages and the build then
 * imports. That module is as large as the archive (217 MB at ten years), and every step it passes
 * through scales with it: Astro reads, checks and quotes the file; Vite's plugins and Rolldown
 * read, parse and write the code (76 s of a ten-year daily build); V8 compiles it when the pages
 * are imported and keeps its source as long as the process lives. V8 also scans a long string
 * literal in time that grows with the square of its length: one literal of 238 MB took 361 s to
 * import, which an earlier version of this integration (store-literal.ts, cutting the literal into
 * pieces) brought down to 14 s (docs/scale.md).
 *
 * For a static build none of this is needed: the pages run on the machine that wrote the store, in
 * the same build, so the module only has to read the file. This integration loads Astro's store
 * module (`\0astro:data-layer-content`) as a few lines that read `data-store.json` and parse it,
 * before Astro's own loader runs. The value is the same. The module keeps Astro's mark that it is
 * content data, so Astro's incremental build leaves it out of the pages' code hashes as before
 * (the pages' keys carry the data: src/data/page-keys.ts). The dev server (which watches the file
 * and reloads the module) and Astro's chunked storage are left as they are.
 *
 * **The store the build already holds.** The build's content sync loads the store from the same
 * file, updates it and writes it back, and keeps it in memory to the end of the build (Astro's
 * content layer holds it). So the module first takes that store, handed over in this process
 * (`handOver`), and reads the file only when there is none: at ten years, parsing the file again
 * took some 5 s of every build and a second copy of the archive's records in memory. The store
 * is caught where Astro loads it (`MutableDataStore.fromFile`, an internal of Astro read from its
 * file, as the tests read its incremental mark); when that cannot be done (another Astro), the
 * file is read as before.
 *
 * **The write-back put off.** The caught store writes itself back only once the records changed
 * since it was read are more than BAOKAN_STORE_LAG % of it (store-lag.ts): a daily build does not
 * serialise and write the whole archive's store for the day's records.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { putOffWrites, storeLag, type WritableStore, type Writeback } from './store-lag.ts';

/** Astro's resolved id of the content store module. */
export const STORE_MODULE_ID = '\0astro:data-layer-content';

/** The file Astro writes the content store to in a build (astro/dist/content/paths.js). */
export const STORE_FILE = 'data-store.json';

/**
 * Astro's mark on content-data modules (astro/dist/core/build/incremental-metadata.js): the
 * incremental build leaves them out of the code hashes.
 */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

/**
 * The store module's code: read the file when the module runs. The store as Astro writes it is a
 * devalue array, so an absent file (nothing loaded yet) is an empty array's worth: `new Map()`.
 */
export function storeModule(file: string): string {
  const path = JSON.stringify(file);
  return [
    `import { existsSync, readFileSync } from 'node:fs';`,
    `const handed = globalThis[Symbol.for(${JSON.stringify(HANDED_STORE)})]?.(${path});`,
    `export default handed instanceof Map ? handed : existsSync(${path}) ? JSON.parse(readFileSync(${path}, 'utf8')) : new Map();`,
    '',
  ].join('\n');
}

/** The global key (Symbol.for) under which the build hands its content store to the store module. */
export const HANDED_STORE = 'baokan.content-store';

/** A store as Astro keeps it: collections by name, entries by id. */
type Collections = Map<string, Map<string, unknown>>;

/**
 * Hand the store loaded from `file` to the store module of this process: the module calls the
 * function under HANDED_STORE with its file and gets the collections, each in the order of its ids
 * (code units; Astro writes them in a locale's order, and getCollection promises none), or
 * undefined for another file or no store. `null` takes the hand-over back.
 */
export function handOver(file: string | null, collections: () => Collections | undefined): void {
  const key = Symbol.for(HANDED_STORE);
  const slot = globalThis as Record<symbol, unknown>;
  if (file === null) {
    delete slot[key];
    return;
  }
  slot[key] = (asked: string) => {
    const all = asked === file ? collections() : undefined;
    if (!(all instanceof Map)) return undefined;
    const byId = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
    return new Map([...all].map(([name, entries]) => [name, new Map([...entries].sort(byId))]));
  };
}

/** Astro's MutableDataStore, as far as catching the store it loads goes. */
interface StoreClass {
  fromFile(file: URL | string): Promise<WritableStore>;
}

/**
 * Catch the store Astro's content sync loads from `file` (by wrapping MutableDataStore.fromFile),
 * hand it over and put its write-back off (`lag` %, telling `report`); whether it could. Undone by
 * the returned function's call.
 */
async function catchStore(
  file: string,
  lag: number,
  report: (w: Writeback) => void,
): Promise<(() => void) | null> {
  const url = new URL('dist/content/mutable-data-store.js', import.meta.resolve('astro/package.json'));
  const Store = ((await import(url.href).catch(() => null)) as { MutableDataStore?: StoreClass } | null)
    ?.MutableDataStore;
  if (typeof Store?.fromFile !== 'function') return null;
  const original = Store.fromFile;
  let caught: WritableStore | null = null;
  Store.fromFile = async function (this: unknown, at: URL | string) {
    const store = await original.call(this, at);
    if ((typeof at === 'string' ? at : fileURLToPath(at)) === file) {
      caught = store;
      putOffWrites(store, lag, report);
    }
    return store;
  };
  handOver(file, () => caught?._collections);
  return () => {
    Store.fromFile = original;
    handOver(null, () => undefined);
  };
}

export default function storeFile(): AstroIntegration {
  let release: (() => void) | null = null;
  return {
    name: 'baokan-store-file',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        const storage = config.experimental?.collectionStorage;
        if (command !== 'build' || (storage !== undefined && storage !== 'single-file')) return;
        const file = fileURLToPath(new URL(STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'baokan-store-file',
                load: {
                  order: 'pre',
                  handler(id: string) {
                    if (id !== STORE_MODULE_ID) return null;
                    return { code: storeModule(file), meta: CONTENT_DATA_META };
                  },
                },
              },
            ],
          },
        });
        const lag = storeLag(process.env);
        const report = ({ changed, total, written }: Writeback) =>
          logger.info(
            `content store: ${changed} of ${total} record(s) changed since it was read; ` +
              (written ? 'written back' : `write-back put off (BAOKAN_STORE_LAG ${lag} %)`),
          );
        release?.();
        release = await catchStore(file, lag, report);
      },
      'astro:build:done': () => {
        release?.();
        release = null;
      },
    },
  };
}
