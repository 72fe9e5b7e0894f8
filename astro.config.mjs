// @ts-check
import { defineConfig } from 'astro/config';
import account from './src/integrations/account.ts';
import articleDownloads from './src/integrations/article-downloads.ts';
import cards from './src/integrations/cards.ts';
import compress from './src/integrations/compress.ts';
import facsimile from './src/integrations/facsimile.ts';
import gcTime from './src/integrations/gc-time.ts';
import heapGrowth from './src/integrations/heap-growth.ts';
import keptPagesLog from './src/integrations/kept-log.ts';
import { keptOutput, keptOutputSweep } from './src/integrations/kept-output.ts';
import diskSearch from './src/integrations/disk-search.ts';
import offline from './src/integrations/offline.ts';
import pagefind from './src/integrations/pagefind.ts';
import releaseMemos from './src/integrations/release-memos.ts';
import sitemap from './src/integrations/sitemap.ts';
import storeFile from './src/integrations/store-file.ts';
import { resolveOrigin } from './src/lib/site/meta.ts';
import { renderConcurrency } from './src/lib/util/render-concurrency.ts';
import pkg from './package.json' with { type: 'json' };

// Deployment target is configurable so the same build works at a domain root or under a sub-path.
//   BAOKAN_SITE=https://example.org BAOKAN_BASE=/archive/ npm run build
// The origin: BAOKAN_SITE, else package.json "homepage", else none (relative permalinks, no sitemap).
const site = resolveOrigin(process.env, /** @type {{ homepage?: unknown }} */ (pkg)).origin ?? undefined;
const base = process.env.BAOKAN_BASE || '/';

export default defineConfig({
  site,
  base,
  // Astro's cache (and baokan's parsed issues, src/lib/edition/account.ts): node_modules/.astro unless
  // BAOKAN_CACHE_DIR names another, e.g. for builds that run side by side.
  ...(process.env.BAOKAN_CACHE_DIR ? { cacheDir: process.env.BAOKAN_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // The account runs last: it checks what the others built. The index for file:// (diskSearch)
  // is read from Pagefind's, so it comes after pagefind(). keptOutput() first removes the pages a
  // kept output folder holds that this build no longer makes, before anything reads the site;
  // keptOutputSweep() the other files this build did not write, before the compressor looks at
  // the site (and writes _headers, which names its top-level folders).
  integrations: [
    // fewer full collections of a large archive's heap while the pages render
    heapGrowth(),
    // a line for the pages Astro leaves in place, not one each (528,000 at ten years)
    keptPagesLog(),
    // each article's article.md, once the pages are rendered: before what they shared is let go,
    // and while the compressor takes each file written
    articleDownloads(),
    // what the pages shared (site graph, name index, wire copies, keys) let go once they are rendered
    releaseMemos(),
    // the pages read the content store from its file, not from a module as large as the archive
    storeFile(),
    keptOutput(),
    pagefind(),
    diskSearch(),
    cards(),
    facsimile(),
    sitemap(),
    offline(),
    keptOutputSweep(),
    compress(),
    // a line at the end: how long garbage collection paused the build's thread
    gcTime(),
    account(),
  ],
  build: {
    format: 'directory',
    // The site's stylesheet is one relatively linked file (src/styles/site.ts); the few component
    // styles go inline, so that pages opened from file:// (no absolute /_astro/ paths) are styled.
    inlineStylesheets: 'always',
    // pages rendered at once: the next ones render while a page's files are written (BAOKAN_RENDER_CONCURRENCY)
    concurrency: renderConcurrency(),
  },
  experimental: {
    // A page whose code and cacheKey (src/data/page-keys.ts) are unchanged since the last build
    // is copied from Astro's cache instead of rendered: a daily build renders the new issue's pages.
    incrementalBuild: true,
  },
});
