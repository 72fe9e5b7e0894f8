/**
 * Astro integration: build the Pagefind full-text index after the static build (astro:build:done),
 * through Pagefind's Node API. Only pages marked `data-pagefind-body` (the article pages) are
 * indexed; the index and Pagefind's UI files go to `<dist>/pagefind/`.
 *
 * The build fails (throws) when Pagefind reports an error, or when the number of indexed pages
 * differs from the number of built pages that carry `data-pagefind-body`.
 *
 * Chinese: the npm package ships only the extended binary for linux-x64 (pagefind_extended), which
 * segments Chinese text with jieba. All pages go into one index under the language `zh`
 * (forceLanguage), so a paper printed in another script variant (zh-Hant) is searched together
 * with the others; the browser, on a zh-Hans page, falls back from `zh-hans` to that index.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export interface PagefindIntegrationOptions {
  /** language of the single index (ISO 639-1); default `zh` */
  language?: string;
  /** folder below the output where the bundle goes; default `pagefind` */
  bundleDir?: string;
}

/** All files below a folder, as absolute paths. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Number of built HTML pages (outside the bundle folder) that mark a search body. */
async function countSearchBodies(site: string, bundle: string): Promise<number> {
  let n = 0;
  for (const f of await listFiles(site)) {
    if (!f.endsWith('.html') || f.startsWith(bundle)) continue;
    if ((await readFile(f, 'utf8')).includes('data-pagefind-body')) n++;
  }
  return n;
}

/** Bytes of the bundle: the index proper (index, fragment and filter chunks, metadata) and the rest (scripts, styles, wasm). */
async function bundleSize(bundle: string): Promise<{ index: number; runtime: number }> {
  const size = { index: 0, runtime: 0 };
  for (const f of await listFiles(bundle)) {
    const rel = relative(bundle, f);
    const isIndex = /^(index|fragment|filter)[\\/]/.test(rel) || rel.endsWith('.pf_meta');
    size[isIndex ? 'index' : 'runtime'] += (await stat(f)).size;
  }
  return size;
}

/** Pages in the written index, from its entry file. */
async function indexedPages(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

function fail(step: string, errors: string[]): never {
  throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  const language = options.language ?? 'zh';
  const bundleDir = options.bundleDir ?? 'pagefind';
  return {
    name: 'baokan-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const bundle = join(site, bundleDir);
        const started = performance.now();
        try {
          const created = await pagefind.createIndex({ forceLanguage: language, keepIndexUrl: true });
          if (created.errors.length || !created.index) fail('createIndex', created.errors);
          const { index } = created;
          const expected = await countSearchBodies(site, bundle);
          // With no page marked, Pagefind would index every page whole: index nothing instead.
          if (expected > 0) {
            const added = await index.addDirectory({ path: site });
            if (added.errors.length) fail('addDirectory', added.errors);
          } else {
            logger.warn('no built page carries data-pagefind-body: the index is empty');
          }
          const written = await index.writeFiles({ outputPath: bundle });
          if (written.errors.length) fail('writeFiles', written.errors);
          // addDirectory counts every HTML file it read; the entry file counts the pages indexed.
          const indexed = await indexedPages(bundle);
          if (indexed !== expected) {
            fail('indexing', [
              `indexed ${indexed} pages, but ${expected} built pages carry data-pagefind-body`,
            ]);
          }
          const size = await bundleSize(bundle);
          const ms = Math.round(performance.now() - started);
          const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
          logger.info(
            `indexed ${indexed} article pages (${language}) in ${ms} ms → ` +
              `${relative(process.cwd(), bundle) || bundle}/: index ${kib(size.index)}, scripts and wasm ${kib(size.runtime)}`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
