/**
 * Astro integration: build the Pagefind full-text indexes after the static build
 * (astro:build:done), through Pagefind's Node API. Only pages marked `data-pagefind-body` (the
 * article pages) are indexed.
 *
 * The articles are split into shards of consecutive months (src/lib/search/shards.ts), one
 * Pagefind bundle each in `<dist>/pagefind/<shard>/`, listed newest first in
 * `<dist>/pagefind/shards.json`; the search page loads the newest shard's search code, and
 * others' when the reader widens the range. The highlighter is kept once, at the top of that
 * folder; Pagefind's UI files, which the site does not use, are dropped. Shards are indexed two at
 * a time (searchJobs), each in a Pagefind process of its own, closed when its shard is written, so
 * memory is that of the two largest shards, not of the archive: one Pagefind process handles its
 * messages one at a time (pagefind/src/service/mod.rs), so two indexes in one process would not
 * index side by side.
 *
 * Each shard's pages go to Pagefind in URL order, and its bundle is written here from the bytes
 * Pagefind hands back (getFiles), not by Pagefind: two builds of the same pages give the same
 * bundle, byte for byte, and closing Pagefind cannot cut a file short (see indexShard).
 *
 * Each shard's bundle is kept in the build cache (`<cacheDir>/baokan-search/<shard>-<key>/`) under a
 * key of Pagefind's version, the language and its pages' URLs and bytes (shardKey). A later build
 * whose shard holds the same pages byte for byte copies that bundle instead of indexing the shard
 * again (the same pages give the same bundle), so a daily build re-indexes only the shards whose
 * months changed; kept bundles no build used are removed.
 *
 * The build fails (throws) when Pagefind reports an error, when an article page does not say
 * which month it belongs to, or when the pages in the written indexes differ from the built pages
 * that carry `data-pagefind-body`.
 *
 * Chinese: the npm package ships the extended binary for linux-x64 (pagefind_extended), which
 * segments Chinese text with jieba. All pages are indexed under the language `zh`
 * (forceLanguage), so a paper printed in another script variant (zh-Hant) is searched together
 * with the others; the browser, on a zh-Hans page, falls back from `zh-hans` to that index.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { progress } from '../lib/util/progress.ts';
import { accountPath, type BuildAccount } from '../lib/edition/account.ts';
import {
  hasShard,
  isWhole,
  PARTITION_DIR,
  PARTITION_SEARCH,
  partitionLabel,
  readPartition,
  type Partition,
} from '../lib/site/partition.ts';
import { filesBelow, inSite, routeOutputs, toSitePath } from './files-below.ts';
import { addPages, createShardIndex, fail, inUrlOrder, type PagefindApi } from './pagefind-input.ts';
import { PAGES_RECORD, pageRecordsText, readPageRecords, type PageRecord } from './page-records.ts';
import { guessedRest, lastNewestShard, startEarly, type EarlyIndex } from './pagefind-early.ts';
import { pagesLeftInPlace } from './kept-log.ts';
import { watchWrittenFiles } from './written-files.ts';
import { wholeSetting } from '../lib/util/whole-setting.ts';
import { inPool } from '../lib/util/in-pool.ts';
import { switchedOn } from '../lib/util/switch-setting.ts';
import { keepInPlace, outputKeeping, outputKept } from './kept-output.ts';
import {
  declaredMonth,
  DEFAULT_SHARD_ARTICLES,
  planShards,
  shardOf,
  SHARDS_FILE,
  UNDATED,
  type MonthKey,
  type ShardManifest,
} from '../lib/search/shards.ts';

export interface PagefindIntegrationOptions {
  /** language of the indexes (ISO 639-1); default `zh` */
  language?: string;
  /** folder below the output where the bundles go; default `pagefind` */
  bundleDir?: string;
  /**
   * most articles in one shard (whole months are kept together); default: the environment's
   * BAOKAN_SEARCH_SHARD, else DEFAULT_SHARD_ARTICLES
   */
  shardArticles?: number;
  /** shards indexed at a time; default: the environment's BAOKAN_SEARCH_JOBS, else DEFAULT_SEARCH_JOBS */
  searchJobs?: number;
}

/** Shards indexed at a time by default: one Pagefind process on each of two cores. */
export const DEFAULT_SEARCH_JOBS = 2;

/**
 * Pagefind's user-interface files, the same in every bundle. The article pages' highlighter is
 * kept once, at the top of the bundle folder; the UI files are not used (the search page has its
 * own, src/components/search/search-page.ts). The shards keep only the search code, its
 * WebAssembly and the index.
 */
const UI_KEPT = ['pagefind-highlight.js'];
const UI_DROPPED = [
  ...UI_KEPT,
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
];

/** Bundle files written at a time. */
const WRITING = 16;

/** Bytes of a bundle: the index proper (index, fragment and filter chunks, metadata) and the rest (scripts, styles, wasm). */
type BundleSize = { index: number; runtime: number };

async function bundleSize(bundle: string): Promise<BundleSize> {
  const size = { index: 0, runtime: 0 };
  for (const f of await filesBelow(bundle)) {
    const rel = relative(bundle, f);
    const isIndex = /^(index|fragment|filter)[\\/]/.test(rel) || rel.endsWith('.pf_meta');
    size[isIndex ? 'index' : 'runtime'] += (await stat(f)).size;
  }
  return size;
}

/**
 * Pages in a written bundle, from its entry file; each language's page list (`pagefind.<hash>.pf_meta`,
 * named in the entry file) must be there as well.
 */
async function indexedPages(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number; hash: string }>;
  };
  let pages = 0;
  for (const l of Object.values(entry.languages)) {
    await stat(join(bundle, `pagefind.${l.hash}.pf_meta`));
    pages += l.page_count;
  }
  return pages;
}

/** A file of a shard's bundle as Pagefind hands it back: its path in the bundle and its bytes. */
type BundleFile = { path: string; content: Uint8Array };

/** Bundle files into a folder, a few at a time; the folder is made new. */
async function writeBundle(bundle: string, files: readonly BundleFile[]) {
  await rm(bundle, { recursive: true, force: true });
  for (const dir of new Set(files.map((f) => dirname(join(bundle, f.path)))))
    await mkdir(dir, { recursive: true });
  let next = 0;
  const writer = async () => {
    while (next < files.length) {
      const { path, content } = files[next++]!;
      await writeFile(join(bundle, path), content);
    }
  };
  await Promise.all(Array.from({ length: WRITING }, writer));
}

/** The shard size from the options or the environment. */
export function shardLimit(option: number | undefined, env = process.env.BAOKAN_SEARCH_SHARD): number {
  return wholeSetting('BAOKAN_SEARCH_SHARD', option?.toString() ?? env, DEFAULT_SHARD_ARTICLES, 'articles');
}

/** Shards indexed at a time, from the options or the environment. */
export function searchJobs(option: number | undefined, env = process.env.BAOKAN_SEARCH_JOBS): number {
  return wholeSetting('BAOKAN_SEARCH_JOBS', option?.toString() ?? env, DEFAULT_SEARCH_JOBS, 'shards');
}

/** The build's memory target for Astro and its Pagefind processes together (the issue's 6 GB). */
export const MEMORY_BUDGET = 6e9;

/** About what one Pagefind process holds while it indexes a shard of 5,000 articles (1 GiB measured at ten years). */
export const PAGEFIND_RSS = 1.1e9;

/**
 * Shards to index at a time when neither the options nor BAOKAN_SEARCH_JOBS say: `wanted` (two,
 * one a core) while the build's process and that many Pagefind processes fit in the budget, else
 * fewer, never none.
 */
export function jobsWithin(wanted: number, rss: number, budget = MEMORY_BUDGET): number {
  let jobs = wanted;
  while (jobs > 1 && rss + jobs * PAGEFIND_RSS > budget) jobs--;
  return jobs;
}

/**
 * A full garbage collection, so that what rendering left behind is given back before the Pagefind
 * processes start (`--expose-gc` set at run time; the collector is taken from a new context). The
 * "last resort" kind also hands the freed pages back to the system (a regular one keeps them pooled
 * for the heap to grow into, and the process's size would count them).
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as (options: object) => void)({
    type: 'major',
    execution: 'sync',
    flavor: 'last-resort',
  });
}

const backends = new Map<number, Promise<PagefindApi>>();

/**
 * Pagefind's Node API for a slot of the pool, each with a backend process of its own. The API
 * keeps its one process in a module variable, and that process handles one message at a time, so
 * slot 0 is the module imported above and every other slot the same module loaded again under
 * another URL (`?backend=<slot>`): a module instance of its own, whose first call starts a
 * process of its own.
 */
function backend(slot: number): Promise<PagefindApi> {
  if (slot === 0) return Promise.resolve(pagefind);
  let api = backends.get(slot);
  if (!api) {
    api = import(
      /* @vite-ignore */ `${import.meta.resolve('pagefind')}?backend=${slot}`
    ) as Promise<PagefindApi>;
    backends.set(slot, api);
  }
  return api;
}

/** A built page that carries a search body: its file, the month it declares and a digest of its bytes. */
interface SearchPage {
  file: string;
  month: MonthKey;
  sha256: string;
}

/** What the search needs of a built HTML file's bytes: whether it carries a search body, its month and digest. */
export interface PageFacts {
  size: number;
  /** the page carries data-pagefind-body */
  search: boolean;
  /** the month it declares, or null */
  month: MonthKey | null;
  /** a digest of its bytes when it is a search page with a month, else '' */
  sha256: string;
}

const SEARCH_BODY = Buffer.from('data-pagefind-body');

/** The facts of a built HTML file's bytes (read from the file, or as they were written: pageWatch). */
export function pageFacts(bytes: Uint8Array): PageFacts {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const search = buf.includes(SEARCH_BODY);
  const month = search ? declaredMonth(buf.toString('utf8')) : null;
  return {
    size: buf.byteLength,
    search,
    month,
    sha256: month ? createHash('sha256').update(buf).digest('hex') : '',
  };
}

/**
 * The facts of the HTML pages written below `dir` with `fs.promises.writeFile` (as Astro writes
 * them: written-files.ts) while the watch is on, by site path: the search then takes a page it
 * was told of from here, with a `stat` for its time, instead of reading the file again (at ten
 * years, reading 312,000 pages one after another took two minutes before the first shard). A page
 * whose data was not bytes or a string is not kept, and is read as before.
 */
export function pageWatch(dir: string): { facts: Map<string, PageFacts>; stop: () => void } {
  const facts = new Map<string, PageFacts>();
  const stop = watchWrittenFiles(dir, (path, data) => {
    if (!path.endsWith('.html')) return;
    if (typeof data === 'string') facts.set(path, pageFacts(Buffer.from(data)));
    else if (ArrayBuffer.isView(data))
      facts.set(path, pageFacts(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
  });
  return { facts, stop };
}

/**
 * Built pages that carry a search body, with the month each declares. A page in `untouched` (site
 * paths of files this build did not write) keeps its record without a look at the file; a page in
 * `written` (what this build wrote: pageWatch) is not read again when its size is the one written.
 */
async function searchPages(
  site: string,
  bundle: string,
  known: ReadonlyMap<string, PageRecord> = new Map(),
  routes?: readonly string[],
  untouched: ReadonlySet<string> = new Set(),
  written: ReadonlyMap<string, PageFacts> = new Map(),
): Promise<{ pages: SearchPage[]; records: [string, PageRecord][] }> {
  const out: SearchPage[] = [];
  /** each page's record, by site path in the pages' order (a list, not a map: 318,000 pages at ten years) */
  const records: [string, PageRecord][] = [];
  // the same pages in the same order either way: the HTML below the site, outside the bundle, by
  // site path, sorted (the other routes left out before the sort: at ten years two in five of 530,000)
  const ofBundle = `${toSitePath(site, bundle)}/`;
  const paths = routes
    ? [...new Set(routes.filter((p) => p.endsWith('.html') && !p.startsWith(ofBundle)))].sort()
    : (await filesBelow(site, new Set([bundle]))).map((f) => toSitePath(site, f));
  for (const path of paths) {
    if (!path.endsWith('.html')) continue;
    const file = inSite(site, path);
    let record = known.get(path);
    // synchronous: a year's 31,000 pages in 0.3 s, against 2.2 s awaited one by one
    const { size, mtimeMs } = record && untouched.has(path) ? record : statSync(file);
    if (!record || record.size !== size || record.mtimeMs !== mtimeMs) {
      const told = written.get(path);
      const facts = told?.size === size ? told : pageFacts(await readFile(file));
      if (facts.search && !facts.month) fail('planning', [`${path} carries data-pagefind-body but no month`]);
      record = { size, mtimeMs, month: facts.month, sha256: facts.sha256 };
    }
    records.push([path, record]);
    if (record.month) out.push({ file, month: record.month, sha256: record.sha256 });
  }
  return { pages: out, records };
}

/** Pagefind's version: part of every shard's key, so a new Pagefind re-indexes everything. */
function pagefindVersion(): string {
  // The package exports no package.json: find it above its entry point.
  let dir = dirname(fileURLToPath(import.meta.resolve('pagefind')));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version: string;
      };
      if (pkg.name === 'pagefind') return pkg.version;
    } catch {
      // no package.json here: go up
    }
    if (dirname(dir) === dir) throw new Error('Pagefind: cannot find its package.json');
    dir = dirname(dir);
  }
}

/**
 * The key of a shard's bundle: Pagefind's version, the language, the form pages are handed over
 * in (INDEX_FORM), and each page's URL and bytes in
 * URL order. The same key gives the same bundle, byte for byte (see indexShard), so a bundle kept
 * under its key can stand in for indexing the shard again.
 */
export function shardKey(
  site: string,
  pages: readonly Pick<SearchPage, 'file' | 'sha256'>[],
  language: string,
  version = pagefindVersion(),
): string {
  const hash = createHash('sha256').update(`pagefind ${version}\0${language}\0${INDEX_FORM}\0`);
  const byUrl = pages
    .map((p) => ({ url: urlOf(site, p.file), sha256: p.sha256 }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  for (const p of byUrl) hash.update(`${p.url}\0${p.sha256}\n`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * How pages are handed to Pagefind (part of every shard's key): without their id attributes
 * (src/lib/search/anchors.ts), so a bundle kept from a build that indexed them as they were is not used.
 */
const INDEX_FORM = 'without anchors';

/** Whether a daily build starts its newest shard's index early (pagefind-early.ts): BAOKAN_SEARCH_EARLY=0 turns it off. */
export const earlyOn = (env = process.env.BAOKAN_SEARCH_EARLY): boolean => switchedOn(env);

/** Whether `pages` begin with `urls`, in order. */
const startsWith = (pages: readonly { url: string }[], urls: readonly string[]): boolean =>
  urls.length <= pages.length && urls.every((u, k) => pages[k]!.url === u);

/** The site URL of a built file. */
function urlOf(site: string, file: string): string {
  return '/' + toSitePath(site, file);
}

export interface ShardOptions {
  /** language of the index (ISO 639-1) */
  language: string;
  /** bundle files not to write: they are returned instead */
  leave?: readonly string[];
  /** told how many pages have been added, now and then */
  tick?: (done: number, total: number) => void;
  /** the Pagefind API (and so the process) to index with; default the module imported here */
  api?: PagefindApi;
}

/**
 * Index one shard: the built pages `files` (below `site`) into a Pagefind bundle at `bundle`,
 * then close Pagefind, so that the next shard starts with a fresh process. Returns the pages in
 * the written bundle, checked against the pages given, and the files named in `leave`, unwritten.
 *
 * The bundle is written here, from Pagefind's getFiles(), not by its writeFiles(): closing
 * Pagefind kills its process at once (node_modules/pagefind/lib/service.js, close()), and up to
 * Pagefind 1.5.2 writeFiles() answered before its writes had reached the file (a tokio file
 * dropped without flush: pagefind/src/output/mod.rs, write()), so a close() right after it could
 * leave pagefind-entry.json or an index chunk empty or cut short. getFiles() answers with the
 * files' bytes; once they are in hand, closing Pagefind can no longer lose any of them, and the
 * bundle is complete when the writes here are done. Pagefind 1.6.0 flushes before it answers
 * (Pagefind PR #1272), but the bundle no longer depends on it.
 *
 * Pages are given to Pagefind in URL order, in the form and the order every shard's pages are
 * (pagefind-input.ts, addPages), so two builds of the same pages give the same bundle.
 */
export async function indexShard(
  site: string,
  files: readonly string[],
  bundle: string,
  { language, leave = [], tick, api = pagefind }: ShardOptions,
): Promise<PlacedBundle> {
  const pages = inUrlOrder(files.map((file) => ({ file, url: urlOf(site, file) })));
  let bundleFiles: BundleFile[] = [];
  try {
    const index = await createShardIndex(api, language);
    await addPages(index, pages, { tick });
    const got = await index.getFiles();
    if (got.errors.length) fail('getFiles', got.errors);
    bundleFiles = got.files;
  } finally {
    await api.close();
  }
  return placeBundle(bundleFiles, bundle, leave, pages.length);
}

/** A bundle written by placeBundle: its pages, the files left out of it, and the files written. */
export interface PlacedBundle {
  pages: number;
  /** the files named in `leave`, by name */
  left: Map<string, Uint8Array>;
  /** the bundle's files as written (kept under the shard's key from these, not read back from the folder) */
  files: readonly BundleFile[];
}

/**
 * Write a shard's bundle from the files Pagefind handed back, those named in `leave` returned
 * instead; the pages in the written bundle, checked against the `expected` count.
 */
export async function placeBundle(
  files: readonly BundleFile[],
  bundle: string,
  leave: readonly string[],
  expected: number,
): Promise<PlacedBundle> {
  const left = new Map<string, Uint8Array>();
  const kept: BundleFile[] = [];
  for (const { path, content } of files) {
    const rel = normalize(path);
    if (!rel || isAbsolute(rel) || rel.split(sep).includes('..'))
      fail('getFiles', [`a bundle file outside the bundle: "${path}"`]);
    if (leave.includes(rel)) left.set(rel, content);
    else kept.push({ path: rel, content });
  }
  await writeBundle(bundle, kept);
  const count = await indexedPages(bundle);
  if (count !== expected)
    fail('indexing', [`${bundle}: indexed ${count} pages, but ${expected} belong to it`]);
  return { pages: count, left, files: kept };
}

export interface SearchOptions {
  /** language of the indexes (ISO 639-1) */
  language: string;
  /** most articles in one shard */
  limit: number;
  logger: { info(message: string): void; warn(message: string): void };
  /**
   * folder where each shard's bundle is kept under its key (shardKey); a shard whose pages are
   * unchanged since a build that kept it is copied from there instead of indexed again
   */
  cache?: string;
  /**
   * shards indexed at a time, each in a Pagefind process of its own; default 1. A function is
   * asked once the shards that need indexing are known (not kept, not left in place), with
   * their number: a daily build that indexes one shard need not weigh its memory for two.
   */
  jobs?: number | ((toIndex: number) => number);
  /**
   * Set when output folders are kept between builds (src/integrations/kept-output.ts; needs
   * `cache`): the shards written are recorded for the next build. When `kept` (`root` is the last
   * build's output), a shard whose pages are unchanged stays where it is (neither indexed nor
   * copied), and `keep` is told the site paths of its files, so that the kept folder's sweep
   * leaves them.
   */
  inPlace?: { kept: boolean; keep: (paths: string[]) => void };
  /**
   * The built files Astro wrote or left in place (its routes' outputs, site paths: routeOutputs):
   * the HTML pages among them are looked at instead of walking the site, which at ten years holds
   * a million files. Without it the site is walked (the merge of a partitioned build).
   */
  routes?: readonly string[];
  /**
   * Site paths of the pages this build did not write (Astro left them in place:
   * src/integrations/kept-log.ts): their records are taken without a look at the file.
   */
  untouched?: ReadonlySet<string>;
  /**
   * What this build wrote of its HTML pages, by site path (pageWatch): a page told of is not read
   * to find whether it is an article page, its month and its digest.
   */
  written?: ReadonlyMap<string, PageFacts>;
  /**
   * An index started while the pages rendered with the last build's newest shard
   * (pagefind-early.ts): the shard whose pages begin with its pages takes it, and the others
   * are indexed as before. It is closed at the end if no shard took it.
   */
  early?: EarlyIndex | null;
  /**
   * The last build's page records in `cache` for this site, when the caller has read them (a daily
   * build reads them at its start for the early index): not read again.
   */
  lastRecords?: ReadonlyMap<string, PageRecord>;
}

/** In the cache: the shards the last build left in its output folder, with their keys. */
const IN_PLACE_RECORD = 'in-place.json';

interface InPlaceRecord {
  root: string;
  shards: Record<string, string>;
  /** each shard's bytes, index and runtime (for the log line; a shard that stays is not walked for them) */
  sizes?: Record<string, BundleSize>;
}

/** Where a shard's bundle is kept: `<cache>/<shard id>-<key>/` holds `bundle/` and `ui/` (the files left out of it). */
const keptDir = (cache: string, shard: string, key: string) => join(cache, `${shard}-${key}`);

/** A shard's bundle (and the Pagefind files left out of it) as kept by an earlier build, or null. */
async function keptBundle(dir: string): Promise<{ bundle: string; ui: string } | null> {
  try {
    await stat(join(dir, 'bundle', 'pagefind-entry.json'));
    return { bundle: join(dir, 'bundle'), ui: join(dir, 'ui') };
  } catch {
    return null;
  }
}

/**
 * Keep a freshly written bundle under its key: written to a temporary folder, then renamed into
 * place. Written from the files as the bundle was (a few at a time), not copied from its folder: a
 * copy, a file after another, took 0.9–1.7 s of the 2,500 files of a ten-year archive's newest
 * shard, against 0.1–0.6 s.
 */
async function keepBundle(
  dir: string,
  files: readonly BundleFile[],
  left: Map<string, Uint8Array>,
): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await writeBundle(join(tmp, 'bundle'), files);
  await mkdir(join(tmp, 'ui'), { recursive: true });
  for (const f of UI_KEPT) {
    const content = left.get(f);
    if (content) await writeFile(join(tmp, 'ui', f), content);
  }
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
}

/** Remove kept bundles this build did not use (a shard's pages changed, or the shard is gone). */
async function pruneKept(cache: string, used: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(cache).catch(() => [] as string[]))
    if (!used.has(name) && !name.endsWith('.txt') && !name.endsWith('.json'))
      await rm(join(cache, name), { recursive: true, force: true });
}

/**
 * The search bundles of a built site: the article pages below `site` split into shards, one
 * bundle each below `root` (which is emptied first), the highlighter at its top, shards.json.
 */
export async function buildSearch(site: string, root: string, options: SearchOptions): Promise<void> {
  try {
    await searchBundles(site, root, options);
  } finally {
    if (options.early?.stop())
      options.logger.info(
        `the early index (${options.early.urls.length} pages) not taken: no shard to index begins with its pages`,
      );
  }
}

async function searchBundles(
  site: string,
  root: string,
  {
    language,
    limit,
    logger,
    cache,
    jobs = 1,
    inPlace,
    routes,
    untouched,
    written,
    early,
    lastRecords,
  }: SearchOptions,
): Promise<void> {
  const started = performance.now();
  const { pages, records } = await searchPages(
    site,
    root,
    lastRecords ?? (cache ? readPageRecords(join(cache, PAGES_RECORD), site) : undefined),
    routes,
    untouched,
    written,
  );
  const perMonth = new Map<MonthKey, number>();
  for (const p of pages) perMonth.set(p.month, (perMonth.get(p.month) ?? 0) + 1);
  const shards = planShards(perMonth, limit);
  const pagesOf = new Map<string, SearchPage[]>(shards.map((s) => [s.id, []]));
  for (const p of pages) pagesOf.get(shardOf(shards, p.month).id)!.push(p);
  const keys = new Map(shards.map((s) => [s.id, shardKey(site, pagesOf.get(s.id)!, language)]));
  // Shards the last build left in this folder under the same key stay; everything else goes.
  const stay = new Set<string>();
  let last: InPlaceRecord | null = null;
  if (cache && inPlace?.kept) {
    last = await readFile(join(cache, IN_PLACE_RECORD), 'utf8')
      .then((t) => JSON.parse(t) as InPlaceRecord)
      .catch(() => null);
    for (const s of shards)
      if (
        last?.root === root &&
        last.shards[s.id] === keys.get(s.id) &&
        (await keptBundle(keptDir(cache, s.id, keys.get(s.id)!))) &&
        (await stat(join(root, s.id, 'pagefind-entry.json')).catch(() => null))
      )
        stay.add(s.id);
  }
  // Until this build has written its shards, none is vouched for.
  if (cache) await rm(join(cache, IN_PLACE_RECORD), { force: true });
  if (stay.size) {
    for (const name of await readdir(root))
      if (!stay.has(name)) await rm(join(root, name), { recursive: true, force: true });
  } else {
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
  }
  if (!pages.length) logger.warn('no built page carries data-pagefind-body: the search index is empty');
  logger.info(`${pages.length} article pages in ${shards.length} search shard(s) of ≤ ${limit} articles`);
  // each shard's bundle as an earlier build kept it (a shard left in place has one too), looked up
  // once: the pool's size depends on how many shards are left to index
  const keptBundles = new Map(
    await Promise.all(
      shards.map(
        async (s) => [s.id, cache ? await keptBundle(keptDir(cache, s.id, keys.get(s.id)!)) : null] as const,
      ),
    ),
  );
  const pool = typeof jobs === 'number' ? jobs : jobs(shards.filter((s) => !keptBundles.get(s.id)).length);

  let indexed = 0;
  let reused = 0;
  /** bundles being kept under their keys (keepBundle) */
  const keeping: Promise<void>[] = [];
  let index = { index: 0, runtime: 0 };
  const sizes = new Map<string, BundleSize>();
  const used = new Set<string>();
  /** the first shard's Pagefind files left out of its bundle (the highlighter is written from them) */
  let firstUi: ((f: string) => Promise<Uint8Array | undefined>) | null = null;
  // Shards are indexed `jobs` at a time, each in a Pagefind process of its own (its slot's);
  // every shard's bundle is made from its own pages alone, so the order they finish in changes
  // nothing written.
  await inPool(shards, pool, async (shard, k, slot) => {
    const t0 = performance.now();
    const bundle = join(root, shard.id);
    const shardPages = pagesOf.get(shard.id)!;
    const key = keys.get(shard.id)!;
    const dir = cache ? keptDir(cache, shard.id, key) : null;
    const kept = keptBundles.get(shard.id) ?? null;
    let count: number;
    let ui: (f: string) => Promise<Uint8Array | undefined>;
    /** its pages added while the site rendered (pagefind-early.ts), and whether the rest were as guessed after */
    let addedEarly = 0;
    let guessed = false;
    if (kept) {
      if (!stay.has(shard.id)) await cp(kept.bundle, bundle, { recursive: true });
      count = await indexedPages(bundle);
      if (count !== shardPages.length)
        fail('reuse', [`${kept.bundle}: holds ${count} pages, but ${shardPages.length} belong to it`]);
      ui = (f) => readFile(join(kept.ui, f)).catch(() => undefined);
      reused++;
    } else {
      const byUrl = inUrlOrder(shardPages.map((p) => ({ ...p, url: urlOf(site, p.file) })));
      const begun = early && startsWith(byUrl, early.urls) ? await early.take(byUrl) : null;
      if (begun && 'skipped' in begun)
        logger.info(`shard ${shard.id}: the early index not taken (${begun.skipped})`);
      let run: PlacedBundle;
      if (begun && 'files' in begun) {
        run = await placeBundle(begun.files, bundle, UI_DROPPED, byUrl.length);
        addedEarly = begun.early;
        guessed = begun.guessed;
      } else {
        const tick = progress((m) => logger.info(m), `index ${shard.id}`, 'pages');
        run = await indexShard(
          site,
          shardPages.map((p) => p.file),
          bundle,
          { language, leave: UI_DROPPED, tick, api: await backend(slot) },
        );
      }
      count = run.pages;
      ui = async (f) => run.left.get(f);
      // kept under its key while the search goes on; awaited before the kept bundles are pruned
      if (dir) {
        const keep = keepBundle(dir, run.files, run.left);
        keep.catch(() => undefined); // its error is thrown where it is awaited
        keeping.push(keep);
      }
    }
    if (dir) used.add(`${shard.id}-${key}`);
    if (k === 0) firstUi = ui;
    indexed += count;
    const size = (stay.has(shard.id) ? last?.sizes?.[shard.id] : undefined) ?? (await bundleSize(bundle));
    sizes.set(shard.id, size);
    index = { index: index.index + size.index, runtime: index.runtime + size.runtime };
    logger.info(
      `shard ${k + 1}/${shards.length} ${shard.id} (${shard.label}): ${count} pages ` +
        (stay.has(shard.id)
          ? 'unchanged, left where it was'
          : kept
            ? 'unchanged, copied from the build cache'
            : `indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s` +
              (addedEarly
                ? ` (${addedEarly} of them added while the site rendered` +
                  (guessed ? ', the rest once it had, as guessed then)' : ')')
                : '')),
    );
  });
  if (firstUi)
    for (const f of UI_KEPT) {
      const content = await (firstUi as (f: string) => Promise<Uint8Array | undefined>)(f);
      if (!content) fail('indexing', [`Pagefind wrote no ${f}`]);
      await writeFile(join(root, f), content);
    }
  await Promise.all(keeping);
  if (cache) await pruneKept(cache, used);
  if (indexed !== pages.length)
    fail('indexing', [`indexed ${indexed} pages, but ${pages.length} built pages carry data-pagefind-body`]);
  const manifest: ShardManifest = { schema: 'baokan/search-shards@1', shards };
  await writeFile(join(root, SHARDS_FILE), JSON.stringify(manifest, null, 2) + '\n');
  if (cache) {
    await mkdir(cache, { recursive: true });
    await writeFile(join(cache, PAGES_RECORD), pageRecordsText(site, records));
    await rm(join(cache, 'pages.json'), { force: true }); // the record's earlier form
    if (inPlace) {
      const left: string[] = [];
      for (const id of stay) for (const f of await filesBelow(join(root, id))) left.push(toSitePath(site, f));
      inPlace.keep(left);
      const record: InPlaceRecord = {
        root,
        shards: Object.fromEntries(keys),
        sizes: Object.fromEntries(sizes),
      };
      await writeFile(join(cache, IN_PLACE_RECORD), JSON.stringify(record));
    }
  }

  const ms = Math.round(performance.now() - started);
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  logger.info(
    `${indexed} article pages (${language}) in ${shards.length} shard(s), ${reused} unchanged, in ${ms} ms → ` +
      `${relative(process.cwd(), root) || root}/: index ${kib(index.index)}, scripts and wasm ${kib(index.runtime)}`,
  );
}

/** Articles per month of the whole edition, from the build's account (every article's folder). */
export function monthsOfAccount(account: Pick<BuildAccount, 'published'>): Map<MonthKey, number> {
  const perMonth = new Map<MonthKey, number>();
  for (const issue of account.published) {
    const m = /^[^/]+\/(\d{4})\/(\d{2})\/\d{2}\//.exec(issue.issue);
    const month = m ? `${m[1]}-${m[2]}` : UNDATED;
    const n = issue.pages.reduce((k, p) => k + p.articles.length, 0);
    if (n) perMonth.set(month, (perMonth.get(month) ?? 0) + n);
  }
  return perMonth;
}

/**
 * A partition's part of the search (src/lib/site/partition.ts): the shards are planned on the
 * whole edition's articles per month (from the build's account, so every partition plans the same
 * shards as a single build), and this partition indexes those wholly in its part, each kept (as
 * in the build cache) below `<site>/_partition/search/<shard>-<key>/` for the merge, which copies
 * them instead of indexing them again and indexes the shards that span two partitions. No
 * pagefind/ folder is written: the shard list needs the whole site.
 */
export async function buildPartitionSearch(
  site: string,
  root: string,
  partition: Partition,
  perMonth: ReadonlyMap<MonthKey, number>,
  { language, limit, logger, cache, jobs = 1 }: SearchOptions,
): Promise<void> {
  const shards = planShards(perMonth, limit).filter((s) => hasShard(partition, s.from, s.to));
  const { pages } = await searchPages(site, root);
  await rm(root, { recursive: true, force: true });
  const out = join(site, PARTITION_DIR, PARTITION_SEARCH);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await inPool(shards, typeof jobs === 'number' ? jobs : jobs(shards.length), async (shard, _k, slot) => {
    const shardPages = pages.filter((p) =>
      shard.from === null || shard.to === null
        ? p.month === UNDATED
        : p.month !== UNDATED && p.month >= shard.from && p.month <= shard.to,
    );
    if (shardPages.length !== shard.articles)
      fail('partition', [
        `shard ${shard.id}: ${shardPages.length} article pages built in this partition, ${shard.articles} in the edition`,
      ]);
    const key = shardKey(site, shardPages, language);
    const dest = keptDir(out, shard.id, key);
    const kept = cache ? await keptBundle(keptDir(cache, shard.id, key)) : null;
    if (kept) {
      await cp(dirname(kept.bundle), dest, { recursive: true });
      logger.info(`shard ${shard.id}: unchanged, copied from the build cache`);
      return;
    }
    const tmp = join(site, PARTITION_DIR, `indexing-${shard.id}`);
    const t0 = performance.now();
    const tick = progress((m) => logger.info(m), `index ${shard.id}`, 'pages');
    const run = await indexShard(
      site,
      shardPages.map((p) => p.file),
      tmp,
      { language, leave: UI_DROPPED, tick, api: await backend(slot) },
    );
    await keepBundle(dest, run.files, run.left);
    if (cache) await keepBundle(keptDir(cache, shard.id, key), run.files, run.left);
    await rm(tmp, { recursive: true, force: true });
    logger.info(
      `shard ${shard.id}: ${run.pages} pages indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  });
  logger.info(
    `${partitionLabel(partition)}: ${shards.length} search shard(s) kept in ${PARTITION_DIR}/${PARTITION_SEARCH}/ for the merge`,
  );
}

export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  const language = options.language ?? 'zh';
  const bundleDir = options.bundleDir ?? 'pagefind';
  let cache: string | undefined;
  let account = '';
  let outDir = '';
  /** the pages Astro writes, told while they render (pageWatch) */
  let watch: ReturnType<typeof pageWatch> | null = null;
  /** the index started with the last build's newest shard (pagefind-early.ts) */
  let early: EarlyIndex | null = null;
  /** the last build's page records, read at the start for the early index */
  let last: ReadonlyMap<string, PageRecord> | null = null;
  return {
    name: 'baokan-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = join(fileURLToPath(config.cacheDir), 'baokan-search');
        account = accountPath(config.cacheDir, config.outDir);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        watch?.stop();
        watch = pageWatch(outDir);
        // a daily build: the last build's newest shard is indexed again while the pages render
        early?.stop();
        early = null;
        last = null;
        if (cache && outputKept() && isWhole(readPartition(process.env)) && earlyOn()) {
          last = readPageRecords(join(cache, PAGES_RECORD), outDir);
          early = startEarly(lastNewestShard(outDir, join(outDir, bundleDir), last), language);
        }
      },
      'astro:build:generated': () => {
        watch?.stop();
        // the newest shard's bundle made now, while Astro and the other integrations finish
        if (early && last && watch) {
          const rest = guessedRest(outDir, early.urls, last, watch.facts);
          if (rest) early.guess(rest);
        }
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const site = fileURLToPath(dir);
        // Two shards at a time if memory allows: what rendering left is given back first, and
        // then weighed (a full collection of a ten-year build's heap takes seconds: not done when
        // there is one shard or none to index, as in a daily build, nor when two fit without it).
        const told = options.searchJobs ?? process.env.BAOKAN_SEARCH_JOBS;
        const jobs = (toIndex: number): number => {
          if (told) return searchJobs(options.searchJobs);
          if (toIndex <= 1) {
            logger.info(`${toIndex} shard(s) to index: one at a time`);
            return 1;
          }
          const before = process.memoryUsage().rss;
          // a daily build that indexes two shards has room for both without a collection (some 5 s at ten years)
          if (jobsWithin(DEFAULT_SEARCH_JOBS, before) === DEFAULT_SEARCH_JOBS) {
            logger.info(
              `memory ${(before / 1e9).toFixed(2)} GB: ${DEFAULT_SEARCH_JOBS} shard(s) at a time (within ${MEMORY_BUDGET / 1e9} GB with Pagefind's)`,
            );
            return DEFAULT_SEARCH_JOBS;
          }
          collectGarbage();
          const rss = process.memoryUsage().rss;
          const n = jobsWithin(DEFAULT_SEARCH_JOBS, rss);
          logger.info(
            `memory ${(before / 1e9).toFixed(2)} GB, ${(rss / 1e9).toFixed(2)} GB after a full collection: ` +
              `${n} shard(s) at a time (within ${MEMORY_BUDGET / 1e9} GB with Pagefind's)`,
          );
          return n;
        };
        const search = {
          language,
          limit: shardLimit(options.shardArticles),
          logger,
          cache,
          jobs,
          // in the last build's folder, kept, unchanged shards stay where they are
          inPlace: outputKeeping() ? { kept: outputKept(), keep: keepInPlace } : undefined,
        };
        // what the render wrote (a partition's search walks its part of the site instead)
        const written = watch?.facts;
        watch = null;
        const partition = readPartition(process.env);
        if (isWhole(partition)) {
          const routes = routeOutputs(dir, assets);
          const untouched = pagesLeftInPlace() ?? undefined;
          // the records read at the start, for the same folder
          const known = site === outDir ? (last ?? undefined) : undefined;
          await buildSearch(site, join(site, bundleDir), {
            ...search,
            routes,
            untouched,
            written,
            early,
            lastRecords: known,
          });
          early = null;
          last = null;
          return;
        }
        const published = JSON.parse(await readFile(account, 'utf8')) as BuildAccount;
        await buildPartitionSearch(
          site,
          join(site, bundleDir),
          partition,
          monthsOfAccount(published),
          search,
        );
      },
    },
  };
}
