// @ts-check
/**
 * Reading the search index for file:// (written by src/lib/search/disk.ts into `search-disk/`):
 * a month's chunk decoded back into the records the search page checks, the same fields as the
 * fragment Pagefind returns for an article (url, content, meta, filters), so that the page runs
 * the same exact-match rules, ranking, counts and excerpts (src/lib/search/exact.js) over them.
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
 * Plain JavaScript with types in JSDoc, no imports: the search page inlines it into a classic
 * script (src/lib/search/inline.ts). Unit tests: disk.test.ts.
 */

/** Placeholders of the headline, kicker and subtitle in a chunk's text. */
export const HEAD_MARKS = ['\u0001', '\u0002', '\u0003'];

/**
 * @typedef {object} DiskRecord
 * @property {string} url the article's folder, relative to the site root (`paper/2023/01/05/1/a004/`)
 * @property {string} content the indexed text, as the search page gets it from Pagefind
 * @property {Record<string, string>} meta title, kicker, subtitle, date (ISO), paper, page
 * @property {Record<string, string[]>} filters filter name → values
 */

/**
 * @typedef {[number, string, number, string, string | 0, string | 0, number[], number[], string]} DiskArticleRow
 * @typedef {{ v: number, kind: 'month', month: string, filters: [string, string][], meta: [string, string][], articles: DiskArticleRow[] }} DiskMonth
 */

/**
 * The records of a month's chunk.
 * @param {DiskMonth} chunk
 * @returns {DiskRecord[]}
 */
export function decodeMonth(chunk) {
  /** @type {DiskRecord[]} */
  const out = [];
  let prev = '';
  for (const row of chunk.articles) {
    const [cut, rest, day, title, kicker, subtitle, filterIds, metaIds, text] = row;
    const url = prev.slice(0, cut) + rest;
    prev = url;
    /** @type {Record<string, string>} */
    const meta = { title };
    if (kicker) meta.kicker = kicker;
    if (subtitle) meta.subtitle = subtitle;
    if (day) meta.date = chunk.month + '-' + (day < 10 ? '0' : '') + day;
    for (const k of metaIds) {
      const pair = chunk.meta[k];
      if (pair) meta[pair[0]] = pair[1];
    }
    /** @type {Record<string, string[]>} */
    const filters = {};
    for (const k of filterIds) {
      const pair = chunk.filters[k];
      if (pair) (filters[pair[0]] = filters[pair[0]] || []).push(pair[1]);
    }
    // the last placeholder first: each was put in after the one before it
    let content = text;
    const heads = [title, kicker || '', subtitle || ''];
    for (let i = HEAD_MARKS.length - 1; i >= 0; i--) {
      const head = heads[i] || '';
      content = content.replace(HEAD_MARKS[i] || '', function () {
        return head;
      });
    }
    out.push({ url, content, meta, filters });
  }
  return out;
}
