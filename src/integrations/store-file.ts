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
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

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
    `export default existsSync(${path}) ? JSON.parse(readFileSync(${path}, 'utf8')) : new Map();`,
    '',
  ].join('\n');
}

export default function storeFile(): AstroIntegration {
  return {
    name: 'baokan-store-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
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
      },
    },
  };
}
