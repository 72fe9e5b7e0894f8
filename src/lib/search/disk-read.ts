/**
 * Reading the search index for file:// (written by src/lib/search/disk.ts into `search-disk/`):
 * a month's chunk decoded back into the records the search page checks, the same fields as the
 * fragment Pagefind returns for an article (url, content, meta, filters), so that the page runs
 * the same exact-match rules, ranking, counts and excerpts (src/lib/search/exact.ts) over them.
 *
 * A chunk is a classic script, `baokanSearchDisk({...})`, so that a page opened from disk can load
 * it with a `<script src>` (no fetch, no modules). Its data:
 *
 *   { v: 1, kind: 'month', month: '2023-01' | 'undated',
 *     filters: [[name, value], …],   // every filter value in the month, once
 *     meta: [[key, value], …],       // every other metadata value (paper, page), once
 *     articles: [[cut, rest, day, title, kicker, subtitle, [filter…], [meta…], text], …] }
 *
 * An article's site-relative folder is the first `cut` characters of the one before it and
 * `rest` (the articles are in URL order); `day` the day of the month (0: undated); kicker and
 * subtitle 0 when there is none; filters and meta as indexes into the tables; `text` the indexed
 * text with the headline, kicker and subtitle, where they occur in it, replaced by \u0001, \u0002,
 * \u0003 (stored once).
 *
 * Types only from elsewhere: the search page bundles it into its classic script
 * (src/lib/search/inline.ts).
 * Unit tests: disk.test.ts.
 */

import type { MonthKey, Shard } from './shards.ts';

/** The global function every file calls (defined by the search page before it loads them). */
export const DISK_CALLBACK = 'baokanSearchDisk';
/** The manifest's file name. */
export const DISK_MANIFEST = 'manifest.js';
/** Version of the files' data. */
export const DISK_VERSION = 1;

/** A month of the index for file://: its file and size. */
export interface DiskMonthEntry {
  /** `YYYY-MM`, or `undated` */
  month: MonthKey;
  /** below search-disk/ */
  file: string;
  articles: number;
  bytes: number;
}

/** search-disk/manifest.js: the shards and the months. */
export interface DiskManifest {
  /** version of the data */
  v: number;
  kind: 'manifest';
  /** the search shards, as in pagefind/shards.json (newest first) */
  shards: Shard[];
  /** newest first; `undated` last */
  months: DiskMonthEntry[];
}

/** Placeholders of the headline, kicker and subtitle in a chunk's text. */
export const HEAD_MARKS = ['\u0001', '\u0002', '\u0003'] as const;

/** An article as the search page checks it: the fields of Pagefind's fragment that it reads. */
export interface DiskRecord {
  /** the article's folder, relative to the site root (`paper/2023/01/05/1/a004/`) */
  url: string;
  /** the indexed text, as the search page gets it from Pagefind */
  content: string;
  /** title, kicker, subtitle, date (ISO), paper, page */
  meta: Record<string, string>;
  /** filter name → values */
  filters: Record<string, string[]>;
}

/** One article of a chunk: cut, rest, day, title, kicker, subtitle, filter ids, meta ids, text. */
export type DiskArticleRow = [
  number,
  string,
  number,
  string,
  string | 0,
  string | 0,
  number[],
  number[],
  string,
];

/** A month's chunk, as its script hands it to the page. */
export interface DiskMonth {
  /** version of the data */
  v: number;
  kind: 'month';
  /** `YYYY-MM`, or `undated` */
  month: string;
  /** the month's filter values, each once: [name, value] */
  filters: [string, string][];
  /** the month's other metadata values (paper, page), each once: [key, value] */
  meta: [string, string][];
  /** in URL order */
  articles: DiskArticleRow[];
}

/** The records of a month's chunk. */
export function decodeMonth(chunk: DiskMonth): DiskRecord[] {
  const out: DiskRecord[] = [];
  let prev = '';
  for (const row of chunk.articles) {
    const [cut, rest, day, title, kicker, subtitle, filterIds, metaIds, text] = row;
    const url = prev.slice(0, cut) + rest;
    prev = url;
    const meta: Record<string, string> = { title };
    if (kicker) meta.kicker = kicker;
    if (subtitle) meta.subtitle = subtitle;
    if (day) meta.date = chunk.month + '-' + (day < 10 ? '0' : '') + day;
    for (const k of metaIds) {
      const pair = chunk.meta[k];
      if (pair) meta[pair[0]] = pair[1];
    }
    const filters: Record<string, string[]> = {};
    for (const k of filterIds) {
      const pair = chunk.filters[k];
      if (pair) (filters[pair[0]] = filters[pair[0]] || []).push(pair[1]);
    }
    // the last placeholder first: each was put in after the one before it
    let content = text;
    const heads = [title, kicker || '', subtitle || ''];
    for (let i = HEAD_MARKS.length - 1; i >= 0; i--) {
      const head = heads[i] || '';
      content = content.replace(HEAD_MARKS[i] || '', () => head);
    }
    out.push({ url, content, meta, filters });
  }
  return out;
}
