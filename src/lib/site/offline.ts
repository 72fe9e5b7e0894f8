/**
 * Offline reading, decided without touching the disk: which built files make the app's shell,
 * which belong to a month the reader saves, and the service worker's source.
 *
 * Paths are site paths (no base, no leading slash, `/` separators) of built files, pages named
 * by their `index.html`, as the site's own links name them.
 *
 *   shell       home, search page, stylesheet, icons, manifest, the highlighter, shards.json, the
 *               newest search shard's code (script, entry, wasm, page list) and the newest day's
 *               issue, 版 and article pages: precached when the service worker installs
 *   a month     `archive/<yyyy>/<mm>/offline.json`: the month page, its day pages, the contents
 *               page, every issue, 版 and article page of the month, and the search shard holding
 *               it, whose files are listed once in `archive/offline/<shard>.json`
 *
 * The service worker (`sw.js`, at the top of the site, so its scope is the whole site) answers:
 * pages stale-while-revalidate (from the cache at once, refreshed in the background), files with a
 * content hash in their name (`site.<hash>.css`, `reader.<hash>.js`, `_astro/`, Pagefind's index,
 * fragment and filter chunks and page list) cache first, everything else stale-while-revalidate.
 * What the reader opens is kept in a runtime cache (the newest RUNTIME_LIMIT entries); a saved
 * month in a cache of its own that is only refreshed, never trimmed. Pages are looked up without
 * their query (`?highlight=…`, Pagefind's `?ts=…`), and `…/` and `…/index.html` are the same page.
 */
import { createHash } from 'node:crypto';
import type { Shard } from '../search/shards.ts';
import { HASHED_ASSET } from './asset-names.ts';
import { RESERVED_SEGMENTS } from './urls.ts';

/** The month file of a month page, beside it. */
export const MONTH_FILE = 'offline.json';
/** Folder of the shard file lists, under archive/ (years are digits, so no clash). */
export const SHARD_LISTS = 'archive/offline';
/** Cache names (one origin may hold several sites under different bases: the scope keeps them apart). */
export const CACHE_PREFIX = 'baokan';
/** Runtime cache entries kept (pages and files the reader opened, oldest dropped first). */
export const RUNTIME_LIMIT = 2000;

/** `YYYY-MM` of an issue, 版 or article page (`<paper>/<yyyy>/<mm>/<dd>[-n]/…index.html`), else null. */
export function issueMonth(path: string): string | null {
  const m = /^([^/]+)\/(\d{4})\/(\d{2})\/\d{2}(?:-\d+)?\/(?:.*\/)?index\.html$/.exec(path);
  if (!m || RESERVED_SEGMENTS.has(m[1]!)) return null;
  return `${m[2]}-${m[3]}`;
}

/** The issue folder of an issue, 版 or article page (`<paper>/<yyyy>/<mm>/<dd>[-n]/`), else null. */
export function issueFolder(path: string): string | null {
  if (!issueMonth(path)) return null;
  return /^[^/]+\/\d{4}\/\d{2}\/\d{2}(?:-\d+)?\//.exec(path)![0];
}

/**
 * The month of one of a month's own list pages (`archive/<yyyy>/<mm>/index.html`,
 * `contents/<yyyy-mm>/index.html`, a day's `date/<yyyy-mm-dd>…`), else null.
 */
function listPageMonth(path: string): string | null {
  const m =
    /^(?:archive\/(\d{4})\/(\d{2})\/index\.html|contents\/(\d{4})-(\d{2})\/index\.html|date\/(\d{4})-(\d{2})-)/.exec(
      path,
    );
  if (!m) return null;
  const [y, mm] = m[1] ? [m[1], m[2]] : m[3] ? [m[3], m[4]] : [m[5], m[6]];
  return `${y}-${mm}`;
}

export interface MonthList {
  schema: 'baokan/offline-month@1';
  /** `YYYY-MM` */
  month: string;
  /** site paths of the month's pages */
  pages: string[];
  /** the search shard holding the month, its files listed in `archive/offline/<shard>.json` */
  shard: string | null;
}

export interface ShardList {
  schema: 'baokan/offline-shard@1';
  shard: string;
  /** site paths of the shard's search files, with the shared highlighter and shards.json */
  files: string[];
}

/** Each month's list, from the built HTML pages and the search shards. */
export function monthLists(htmlPaths: readonly string[], shards: readonly Shard[]): Map<string, MonthList> {
  // one pass: each month's issue, 版 and article pages, and its own list pages (month, contents,
  // each day of it that has pages)
  const byMonth = new Map<string, string[]>();
  const ownPages = new Map<string, string[]>();
  const add = (to: Map<string, string[]>, month: string, p: string) => {
    const list = to.get(month);
    if (list) list.push(p);
    else to.set(month, [p]);
  };
  for (const p of htmlPaths) {
    const month = issueMonth(p);
    if (month) add(byMonth, month, p);
    else {
      const own = listPageMonth(p);
      if (own) add(ownPages, own, p);
    }
  }
  const out = new Map<string, MonthList>();
  for (const month of [...byMonth.keys()].sort()) {
    const shard = shards.find((s) => s.from !== null && s.to !== null && s.from <= month && month <= s.to);
    out.set(month, {
      schema: 'baokan/offline-month@1',
      month,
      pages: [...(ownPages.get(month) ?? []), ...byMonth.get(month)!].sort(),
      shard: shard?.id ?? null,
    });
  }
  return out;
}

/** A shard's list: every file of its bundle, with what all shards share. */
export function shardList(shard: string, bundleFiles: readonly string[]): ShardList {
  return {
    schema: 'baokan/offline-shard@1',
    shard,
    files: ['pagefind/shards.json', ...bundleFiles.map((f) => `pagefind/${shard}/${f}`).sort()],
  };
}

/** The files of a shard bundle the shell needs to start a search (not its index chunks). */
export function searchRuntime(shard: string, bundleFiles: readonly string[]): string[] {
  return bundleFiles
    .filter((f) => !f.includes('/') && !/\.(?:br|gz)$/.test(f))
    .map((f) => `pagefind/${shard}/${f}`)
    .sort();
}

/** The newest day's issue, 版 and article pages (every paper's issue of that day). */
export function newestIssuePages(htmlPaths: readonly string[]): string[] {
  let newest = '';
  for (const p of htmlPaths) {
    const folder = issueFolder(p);
    if (!folder) continue;
    const day = folder.split('/').slice(1, 4).join('/').slice(0, 10);
    if (day > newest) newest = day;
  }
  if (!newest) return [];
  return htmlPaths
    .filter((p) => issueFolder(p)?.split('/').slice(1, 4).join('/').slice(0, 10) === newest)
    .sort();
}

/**
 * The shell: what the service worker precaches (only what exists among `present`), with the
 * stylesheet and reader script by their hashed names among `topFiles` (the site's top-level files).
 */
export function shellFiles(
  htmlPaths: readonly string[],
  present: (path: string) => boolean,
  newestShardRuntime: readonly string[],
  topFiles: readonly string[],
): string[] {
  const assets = topFiles.filter((f) => HASHED_ASSET.test(f)).sort();
  const fixed = [
    'index.html',
    'search/index.html',
    '404.html',
    ...assets,
    'days.js',
    'favicon.svg',
    'icon-192.png',
    'manifest.webmanifest',
    'search/highlight.js',
    'pagefind/shards.json',
    'pagefind/pagefind-highlight.js',
  ];
  return [...new Set([...fixed.filter(present), ...newestShardRuntime, ...newestIssuePages(htmlPaths)])];
}

/** A version for the service worker: a digest of the shell's paths and contents. */
export function shellVersion(files: readonly { path: string; sha256: string }[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) h.update(`${f.path}\0${f.sha256}\n`);
  return h.digest('hex').slice(0, 16);
}

/**
 * The service worker's source. `shell` are site paths, resolved against the worker's own URL
 * (it sits at the top of the site), so the same file works under any base path.
 */
export function serviceWorker(version: string, shell: readonly string[]): string {
  return `/* baokan service worker (src/lib/site/offline.ts): offline reading. Generated by the build. */
'use strict';
const VERSION = ${JSON.stringify(version)};
const PREFIX = ${JSON.stringify(CACHE_PREFIX)} + ':' + new URL('./', self.location.href).pathname;
const SHELL = PREFIX + ':shell:' + VERSION;
const RUNTIME = PREFIX + ':runtime';
const SAVED = PREFIX + ':saved';
const RUNTIME_LIMIT = ${RUNTIME_LIMIT};
const ROOT = new URL('./', self.location.href);
const SHELL_FILES = ${JSON.stringify(shell)};

/** One key per page: no query or fragment, and a folder is its index.html. */
function keyOf(url) {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  if (u.pathname.endsWith('/')) u.pathname += 'index.html';
  return u.href;
}

/** Names with a content hash never change: the site's assets, Astro's, Pagefind's chunks and page list. */
function hashed(url) {
  const p = new URL(url).pathname.slice(ROOT.pathname.length);
  return ${HASHED_ASSET}.test(p) || /^_astro\\//.test(p) || /^pagefind\\/[^/]+\\/(?:index|fragment|filter)\\//.test(p) || /\\.pf_meta$/.test(p);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await Promise.all(
        SHELL_FILES.map(async (path) => {
          const url = new URL(path, ROOT).href;
          try {
            const res = await fetch(url, { cache: 'reload' });
            if (res.ok) await cache.put(keyOf(url), res);
          } catch (e) {
            /* offline while installing: the file is cached when it is next opened */
          }
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(PREFIX + ':shell:') && name !== SHELL) await caches.delete(name);
    })(),
  );
});

/** The cached answer and the cache holding it: a saved month first, then the shell, then what was opened. */
async function lookup(key) {
  for (const name of [SAVED, SHELL, RUNTIME]) {
    const hit = await (await caches.open(name)).match(key);
    if (hit) return { name, hit };
  }
  return null;
}

let puts = 0;
/** Keep a fetched answer; the runtime cache keeps its newest RUNTIME_LIMIT entries. */
async function remember(name, key, res) {
  const cache = await caches.open(name);
  await cache.put(key, res);
  if (name !== RUNTIME || ++puts % 50) return;
  const keys = await cache.keys();
  for (const k of keys.slice(0, Math.max(0, keys.length - RUNTIME_LIMIT))) await cache.delete(k);
}

async function fromNetwork(request, key, name) {
  const res = await fetch(request);
  if (res.ok && res.type === 'basic' && !res.redirected) await remember(name, key, res.clone());
  return res;
}

function notSaved() {
  return new Response(
    '<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>离线：本页未保存</title>' +
      '<body style="font-family: serif; max-width: 36em; margin: 3em auto; padding: 0 1em; line-height: 1.7">' +
      '<h1>本页未保存，离线时无法打开</h1><p>已打开过的页面和已保存的月份可以离线阅读。联网后在“按日期浏览”的月份页点“保存本月以供离线阅读”。</p>' +
      '<p><a href="' + ROOT.href + 'index.html">回到首页</a></p></body></html>',
    { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } },
  );
}

async function answer(event) {
  const request = event.request;
  const key = keyOf(request.url);
  const found = await lookup(key);
  if (found && hashed(request.url)) return found.hit;
  if (found) {
    // stale-while-revalidate: answer from the cache, refresh it in the background
    event.waitUntil(fromNetwork(request, key, found.name).catch(() => {}));
    return found.hit;
  }
  try {
    return await fromNetwork(request, key, RUNTIME);
  } catch (e) {
    if (request.mode === 'navigate') return notSaved();
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // the month page's saving goes to the network itself (x-baokan-save), into the saved cache
  if (request.method !== 'GET' || request.headers.has('range') || request.headers.has('x-baokan-save')) return;
  const url = new URL(request.url);
  if (url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) return;
  event.respondWith(answer(event));
});
`;
}
