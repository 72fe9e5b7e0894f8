/**
 * Search from disk: the index a search page opened from file:// reads, where Pagefind cannot
 * load (the browser blocks fetch, module scripts and WebAssembly there). Classic scripts only:
 *
 *   search-disk/manifest.js   baokanSearchDisk({ v, kind: 'manifest', shards, months })
 *   search-disk/2023-01.js    baokanSearchDisk({ v, kind: 'month', month, filters, meta, articles })
 *   search-disk/undated.js    the articles without a date, if any
 *
 * The manifest lists the search shards (the same as pagefind/shards.json, so that the page
 * offers the same range switch and searches the same articles by default) and the months,
 * newest first, with their articles and bytes; the page loads the months a search needs by
 * inserting `<script src>` elements. A month holds, per article, what the search page gets from
 * Pagefind's fragment (URL, text, headline, kicker, subtitle, date, paper, page, filters: kind,
 * topics …), in a compact form described in disk-read.ts, which reads it back; the text is
 * Pagefind's own (so the exact matcher sees the same text on a server and from disk), stored
 * once, without HTML.
 *
 * Pure functions; src/integrations/disk-search.ts reads the fragments and writes the files.
 */
import {
  decodeMonth,
  DISK_CALLBACK,
  DISK_MANIFEST,
  DISK_VERSION,
  HEAD_MARKS,
  type DiskArticleRow,
  type DiskManifest,
  type DiskMonth,
  type DiskMonthEntry,
  type DiskRecord,
} from './disk-read.ts';
import { monthOf, UNDATED, type MonthKey, type Shard } from './shards.ts';

export { DISK_CALLBACK, DISK_MANIFEST, DISK_VERSION };
export type { DiskManifest, DiskMonthEntry, DiskRecord };

/** The folder below the site root. */
export const DISK_DIR = 'search-disk';

/** A fragment as Pagefind writes it (the fields used here). */
export interface PagefindFragment {
  url: string;
  content: string;
  meta?: Record<string, string>;
  filters?: Record<string, string[]>;
}

/** Metadata kept in an article's row itself; any other key goes to the month's `meta` table. */
const OWN_META = new Set(['title', 'kicker', 'subtitle', 'date']);

/**
 * The record of a Pagefind fragment: its text as Pagefind's search code hands it to the page
 * (without the zero-width spaces that mark word boundaries), its URL as the article's folder
 * relative to the site root (`/x/y/index.html` → `x/y/`).
 */
export function fragmentRecord(f: PagefindFragment): DiskRecord {
  return {
    url: f.url.replace(/^\/+/, '').replace(/index\.html$/, ''),
    content: f.content.replace(/\u200B/g, ''),
    meta: { ...(f.meta ?? {}) },
    filters: Object.fromEntries(Object.entries(f.filters ?? {}).map(([k, v]) => [k, [...v]])),
  };
}

/** The month file of a record: by its date (YYYY-MM), else `undated`. */
export function recordMonth(r: DiskRecord): MonthKey {
  return monthOf(r.meta.date);
}

/** A file's text: one call of the global function with the data, as JSON. */
function script(data: unknown): string {
  return `${DISK_CALLBACK}(${JSON.stringify(data)});\n`;
}

/** Index of `key` in a table, added when new. */
function slot(table: [string, string][], index: Map<string, number>, a: string, b: string): number {
  const key = `${a}\u0000${b}`;
  let i = index.get(key);
  if (i === undefined) {
    i = table.length;
    table.push([a, b]);
    index.set(key, i);
  }
  return i;
}

/** The text with the headline, kicker and subtitle (the first occurrence of each) as placeholders. */
function markHeads(content: string, heads: readonly string[], url: string): string {
  if (HEAD_MARKS.some((m) => content.includes(m)))
    throw new Error(`search-disk: the text of ${url} holds a control character U+0001–U+0003`);
  let text = content;
  heads.forEach((h, i) => {
    if (h && text.includes(h)) text = text.replace(h, () => HEAD_MARKS[i]!);
  });
  return text;
}

/** A month's data: its records (in any order) in URL order, compact. */
export function encodeMonth(month: MonthKey, records: readonly DiskRecord[]): DiskMonth {
  const sorted = [...records].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const filters: [string, string][] = [];
  const meta: [string, string][] = [];
  const filterIndex = new Map<string, number>();
  const metaIndex = new Map<string, number>();
  const articles: DiskArticleRow[] = [];
  let prev = '';
  for (const r of sorted) {
    const m = r.meta;
    const date = m.date;
    let day = 0;
    if (date !== undefined) {
      if (month === UNDATED || !date.startsWith(`${month}-`) || !/^\d{4}-\d{2}-\d{2}$/.test(date))
        throw new Error(`search-disk: ${r.url} dated ${date} is not in the month ${month}`);
      day = Number(date.slice(8, 10));
    } else if (month !== UNDATED) throw new Error(`search-disk: ${r.url} has no date but is in ${month}`);
    let cut = 0;
    while (cut < prev.length && cut < r.url.length && prev[cut] === r.url[cut]) cut++;
    const title = m.title ?? '';
    articles.push([
      cut,
      r.url.slice(cut),
      day,
      title,
      m.kicker || 0,
      m.subtitle || 0,
      Object.entries(r.filters).flatMap(([name, values]) =>
        values.map((v) => slot(filters, filterIndex, name, v)),
      ),
      Object.entries(m)
        .filter(([k]) => !OWN_META.has(k))
        .map(([k, v]) => slot(meta, metaIndex, k, v)),
      markHeads(r.content, [title, m.kicker ?? '', m.subtitle ?? ''], r.url),
    ]);
    prev = r.url;
  }
  return { v: DISK_VERSION, kind: 'month', month, filters, meta, articles };
}

/** A record with its keys in order (metadata without empty kicker or subtitle), for comparing. */
function canonical(r: DiskRecord): string {
  const sortKeys = <T>(o: Record<string, T>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const meta = Object.fromEntries(
    Object.entries(r.meta).filter(([k, v]) => !(v === '' && (k === 'kicker' || k === 'subtitle'))),
  );
  return JSON.stringify([r.url, r.content, sortKeys(meta), sortKeys(r.filters)]);
}

export interface DiskFile {
  /** below DISK_DIR */
  path: string;
  content: string;
}

/** Months newest first, `undated` last. */
function newestFirst(a: MonthKey, b: MonthKey): number {
  return a === UNDATED ? 1 : b === UNDATED ? -1 : a < b ? 1 : a > b ? -1 : 0;
}

/**
 * A file per month of the records (newest first, `undated` last) and their manifest entries.
 * Each month is read back as the search page reads it and compared with the records given: a
 * record that would not come back the same fails here, not in a reader's browser. The records
 * must hold whole months (a shard's do), since a month is one file.
 */
export function monthFiles(records: readonly DiskRecord[]): { files: DiskFile[]; months: DiskMonthEntry[] } {
  const byMonth = new Map<MonthKey, DiskRecord[]>();
  for (const r of records) {
    const m = recordMonth(r);
    const list = byMonth.get(m);
    if (list) list.push(r);
    else byMonth.set(m, [r]);
  }
  const files: DiskFile[] = [];
  const months: DiskMonthEntry[] = [];
  for (const month of [...byMonth.keys()].sort(newestFirst)) {
    const list = byMonth.get(month)!;
    const data = encodeMonth(month, list);
    const back = decodeMonth(JSON.parse(JSON.stringify(data)) as DiskMonth)
      .map(canonical)
      .sort();
    const given = list.map(canonical).sort();
    const differs = given.findIndex((g, i) => g !== back[i]);
    if (back.length !== given.length || differs >= 0)
      throw new Error(
        `search-disk: month ${month} does not read back as written:\n  ${given[differs] ?? ''}\n  ${back[differs] ?? ''}`,
      );
    const file = `${month}.js`;
    const content = script(data);
    files.push({ path: file, content });
    months.push({ month, file, articles: list.length, bytes: Buffer.byteLength(content) });
  }
  return { files, months };
}

/** The manifest: the shards, and the months (in any order; listed newest first). */
export function manifestFile(shards: readonly Shard[], months: readonly DiskMonthEntry[]): DiskFile {
  const listed = [...months].sort((a, b) => newestFirst(a.month, b.month));
  if (new Set(listed.map((m) => m.month)).size !== listed.length)
    throw new Error('search-disk: a month written twice (the records of a month must come together)');
  const manifest: DiskManifest = { v: DISK_VERSION, kind: 'manifest', shards: [...shards], months: listed };
  return { path: DISK_MANIFEST, content: script(manifest) };
}

/** Every file of the index: the months' (newest first) and the manifest, last. */
export function diskFiles(records: readonly DiskRecord[], shards: readonly Shard[]): DiskFile[] {
  const { files, months } = monthFiles(records);
  return [...files, manifestFile(shards, months)];
}

/** Whether the build writes the index for file:// (BAOKAN_DISK_SEARCH=0 turns it off). */
export function diskSearchEnabled(env: string | undefined = process.env.BAOKAN_DISK_SEARCH): boolean {
  if (env === undefined || env === '' || env === '1') return true;
  if (env === '0') return false;
  throw new Error(`BAOKAN_DISK_SEARCH must be 0 (off) or 1 (on, the default), got "${env}"`);
}
