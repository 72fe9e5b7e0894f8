/**
 * What the site sends over the wire, decided without touching the disk: the `_headers` file that
 * Netlify, Cloudflare Pages and similar hosts read (cache lifetimes by path), and which built files
 * get pre-compressed `.br` / `.gz` siblings (src/integrations/compress.ts writes them).
 *
 * Cache lifetimes. Files whose name carries a hash of their content never change under that name:
 * the site's stylesheet and reader script (`site.<hash>.css`, `reader.<hash>.js`,
 * src/lib/site/asset-names.ts), Astro's `_astro/` assets and Pagefind's index, fragment and filter
 * chunks are cached for a year and marked immutable. Everything else — the HTML pages, the
 * unhashed Pagefind files (its search code, entry file, WebAssembly), shards.json, downloads —
 * may change with the next day's build and gets a short lifetime. The service worker and the web
 * app manifest are revalidated every time.
 *
 * A request that matches several rules of a `_headers` file receives the headers of all of them
 * (Netlify and Cloudflare Pages join repeated values with a comma), so the rules here never
 * overlap: instead of a catch-all `/*`, the short rule is written for each top-level name of the
 * built site apart from `_astro/` and `pagefind/`, and the Pagefind folder is described file by
 * file kind. Paths carry the base path the site is built for.
 */
import { isHashedAsset } from './asset-names.ts';

/** A year, immutable: for files whose name is a hash of their content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Ten minutes (as GitHub Pages sends everything): pages and other unhashed files. */
export const SHORT = 'public, max-age=600';
/** Asked again every time: the service worker and the manifest, which decide what the app is. */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/** Top-level names that are always revalidated. */
const ALWAYS_FRESH = new Set(['sw.js', 'manifest.webmanifest']);

/** A built site's top-level entry. */
export interface TopEntry {
  name: string;
  dir: boolean;
}

function rule(path: string, value: string): string {
  return `${path}\n  Cache-Control: ${value}\n`;
}

/**
 * The `_headers` file for a site built under `base` whose top level holds `entries` (the
 * `_headers` file itself is not served and gets no rule).
 */
export function headersFile(base: string, entries: readonly TopEntry[]): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const sorted = [...entries].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const out: string[] = [
    '# Cache lifetimes for hosts that read a _headers file (Netlify, Cloudflare Pages).',
    '# Written by the build (src/lib/site/wire.ts); rules never overlap: each path matches one.',
    '',
    '# hashed names: cached for a year',
  ];
  if (sorted.some((e) => e.name === '_astro' && e.dir)) out.push(rule(`${b}_astro/*`, IMMUTABLE));
  for (const e of sorted) if (!e.dir && isHashedAsset(e.name)) out.push(rule(`${b}${e.name}`, IMMUTABLE));
  if (sorted.some((e) => e.name === 'pagefind' && e.dir)) {
    for (const kind of ['index', 'fragment', 'filter'])
      out.push(rule(`${b}pagefind/:shard/${kind}/*`, IMMUTABLE));
  }
  out.push('# pages and other files that the next build may change');
  out.push(rule(b, SHORT));
  for (const e of sorted) {
    if (e.name === '_astro' || e.name === '_headers' || e.name.endsWith('.br') || e.name.endsWith('.gz'))
      continue;
    if (e.name === 'pagefind' && e.dir) {
      // the search code, entry file and wasm keep their names from one build to the next
      for (const f of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json'])
        out.push(rule(`${b}pagefind/:shard/${f}`, SHORT));
      out.push(rule(`${b}pagefind/shards.json`, SHORT));
      out.push(rule(`${b}pagefind/pagefind-highlight.js`, SHORT));
      continue;
    }
    if (ALWAYS_FRESH.has(e.name) || (!e.dir && isHashedAsset(e.name))) continue;
    out.push(rule(e.dir ? `${b}${e.name}/*` : `${b}${e.name}`, SHORT));
  }
  const fresh = sorted.filter((e) => ALWAYS_FRESH.has(e.name) && !e.dir);
  if (fresh.length) {
    out.push('# the offline app: asked again every time');
    for (const e of fresh) out.push(rule(`${b}${e.name}`, REVALIDATE));
  }
  return out.join('\n');
}

/** Files worth a compressed sibling: text formats and Pagefind's index files. */
export const COMPRESSIBLE =
  /\.(?:html|css|js|mjs|json|xml|txt|md|svg|webmanifest|pf_meta|pf_index|pf_filter|pf_fragment|pagefind)$/;

/** A compressed copy is kept only when it is at least this much smaller (Pagefind's chunks are gzip already). */
export const MIN_SAVING = 0.1;

/** Whether a file (by its path) is one to compress. */
export function compressible(path: string): boolean {
  return COMPRESSIBLE.test(path);
}

/**
 * Brotli quality for a file (by its site path). 11, the best, compresses about 0.3 MB a second on
 * one core here; 7 about 12 MB a second, 3 % larger (30.1 % of the size against 27.4 % on the
 * seed site's pages). The bulk of an archive — pages, downloads, sitemaps — gets 7, so ten years
 * (7 GB) take minutes, not hours; the few files every reader fetches (stylesheet, scripts, the
 * search's JSON, the manifest) get 11.
 */
export function brotliQuality(path: string): number {
  return /\.(?:css|js|mjs|svg|webmanifest)$/.test(path) || /^pagefind\//.test(path) ? 11 : 7;
}

/** Whether the bytes are gzip already (Pagefind's index, fragment, filter and wasm files are). */
export function isGzip(data: Uint8Array): boolean {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}

/** Whether a compressed copy of `original` bytes in `compressed` bytes is worth writing. */
export function worthKeeping(original: number, compressed: number): boolean {
  return original > 0 && compressed <= original * (1 - MIN_SAVING);
}
