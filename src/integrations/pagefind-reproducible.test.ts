/**
 * The search bundle is reproducible: indexing the same built pages again, through the
 * integration's own code, gives the same files, byte for byte (names are content hashes), as the
 * build did. Checked on the test builds (tests/site/global-setup.ts): at the root with one shard,
 * and under /baokan/ with shards of at most 12 articles.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import * as pagefind from 'pagefind';
import { withoutAnchors } from '../lib/search/anchors.ts';
import { searchBodyOnly } from '../lib/search/body.ts';
import { slimHead } from '../lib/search/head.ts';
import { DEFAULT_SHARD_ARTICLES } from '../lib/search/shards.ts';
import { buildSearch } from './pagefind.ts';
import { asIndexed } from './pagefind-input.ts';

const quiet = { info: () => {}, warn: () => {} };
const made: string[] = [];

afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** Every file below a folder: its path in the folder → sha256 of its bytes. */
async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  // the pre-compressed .br/.gz siblings are the build's (src/integrations/compress.ts), not Pagefind's
  for (const e of entries.filter((e) => e.isFile() && !/\.(?:br|gz)$/.test(e.name))) {
    const file = join(e.parentPath, e.name);
    out[relative(dir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The site's search bundles made again, into a new folder. */
async function again(site: string, limit: number): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'baokan-pagefind-again-'));
  made.push(root);
  await buildSearch(site, root, { language: 'zh', limit, logger: quiet });
  return root;
}

describe('the search bundle', () => {
  it('is the same, byte for byte, when the pages are indexed again (one shard)', async () => {
    const site = inject('siteRoot');
    const built = await hashes(join(site, 'pagefind'));
    expect(Object.keys(built).some((f) => f.endsWith('.pf_filter'))).toBe(true);
    for (let run = 0; run < 2; run++) {
      expect(await hashes(await again(site, DEFAULT_SHARD_ARTICLES))).toEqual(built);
    }
  });

  it('is the same, byte for byte, when the pages are indexed again (shards of 12)', async () => {
    const site = inject('siteBase');
    const built = await hashes(join(site, 'pagefind'));
    expect(Object.keys(built).filter((f) => f.endsWith('pagefind-entry.json')).length).toBeGreaterThan(1);
    expect(await hashes(await again(site, 12))).toEqual(built);
  });
});

describe('the pages as Pagefind is given them', () => {
  it('give the same bundle, byte for byte, with their heads and bodies slimmed as whole (src/lib/search/head.ts, body.ts)', async () => {
    const site = inject('siteRoot');
    const pages: { url: string; html: string }[] = [];
    for (const e of await readdir(site, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || e.name !== 'index.html') continue;
      const file = join(e.parentPath, e.name);
      const html = await readFile(file, 'utf8');
      if (html.includes('data-pagefind-body'))
        pages.push({ url: '/' + relative(site, e.parentPath) + '/', html });
    }
    pages.sort((a, b) => (a.url < b.url ? -1 : 1));
    expect(pages.length).toBeGreaterThan(20);
    const bundle = async (form: (html: string) => string) => {
      const { index } = await pagefind.createIndex({ forceLanguage: 'zh', keepIndexUrl: true });
      for (const p of pages) await index!.addHTMLFile({ url: p.url, content: form(p.html) });
      const { files } = await index!.getFiles();
      await pagefind.close();
      return Object.fromEntries(
        files
          .map((f) => [f.path, createHash('sha256').update(f.content).digest('hex')] as const)
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    };
    const whole = await bundle(withoutAnchors);
    const slim = await bundle(asIndexed);
    expect(slimHead(pages[0]!.html).length).toBeLessThan(pages[0]!.html.length);
    // every page of the seeds' site is given without what lies outside its search body
    const leftWhole = pages.filter((p) => searchBodyOnly(slimHead(p.html)) === slimHead(p.html));
    expect(leftWhole.map((p) => p.url)).toEqual([]);
    expect(slim).toEqual(whole);
  });
});
