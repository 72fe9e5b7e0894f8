/**
 * Search shards: the article pages split into Pagefind indexes of consecutive months, so that no
 * index grows with the archive. A reader's first query loads one index (the newest); the search
 * page searches more, and merges their results, when the reader widens the range.
 *
 * Why: Pagefind's browser code first downloads an index's page list, which grows with the number
 * of pages (about 7 bytes a page, compressed), and the indexer holds about 0.4 GB per 1,000 pages.
 * One index over ten years (175,000 articles) would make a first query download megabytes and the
 * build run out of memory; indexes of a few thousand articles keep both small and flat.
 *
 * Months are packed whole from the oldest, while a shard stays within the article limit (a month
 * over the limit is a shard of its own; the newest shard, still filling, joins the one before it
 * while it is under a quarter of the limit), so older shards never change as issues are added. Undated
 * articles form a shard of their own, last.
 */

import { UNDATED_LABEL, yearMonthLabel } from './labels.ts';

/** Key of the month an article belongs to: `YYYY-MM`, or UNDATED. */
export type MonthKey = string;
export const UNDATED = 'undated';

/**
 * Articles per shard the build aims for; see docs/search.md. A daily build indexes the newest shard
 * again, whole: at 5,000 (until 2026-12-04) that was up to 6,250 articles, some 20–30 s of every
 * daily build at ten years, and a first query of about 145 KB; at 2,500 it is about half of both,
 * for twice as many shards when a reader searches every year.
 */
export const DEFAULT_SHARD_ARTICLES = 2500;

export interface Shard {
  /** folder name below pagefind/: `2023-10_2023-12`, `2023-10`, or `undated` */
  id: string;
  /** first month (YYYY-MM), null for undated */
  from: string | null;
  /** last month (YYYY-MM), null for undated */
  to: string | null;
  /** reader-facing span: 2023年10月—12月, 2022年11月—2023年1月, 日期不详 */
  label: string;
  /** articles in the shard */
  articles: number;
  /** calendar years the shard touches, newest first */
  years: string[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month key of an ISO date (YYYY-MM-DD), or UNDATED. */
export function monthOf(date: string | null | undefined): MonthKey {
  const m = date ? /^(\d{4})-(\d{2})-\d{2}$/.exec(date) : null;
  return m && MONTH.test(`${m[1]}-${m[2]}`) ? `${m[1]}-${m[2]}` : UNDATED;
}

/** 2023年10月—12月 / 2022年11月—2023年1月 / 2023年10月 */
export function spanLabel(from: string, to: string): string {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  if (from === to) return yearMonthLabel(fy, fm);
  if (fy === ty) return fm === 1 && tm === 12 ? `${fy}年` : `${yearMonthLabel(fy, fm)}—${tm}月`;
  return `${yearMonthLabel(fy, fm)}—${yearMonthLabel(ty, tm)}`;
}

function yearsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(to.slice(0, 4)); y >= Number(from.slice(0, 4)); y--) out.push(String(y));
  return out;
}

/**
 * Shards for a count of articles per month, newest first. Months are packed whole from the oldest:
 * a shard is closed when the next month would take it over `limit` (a month over the limit alone
 * is a shard of its own), so a shard's months depend only on older months and a new issue changes
 * the newest shards only, never the archive's older ones (a daily build re-indexes one or two).
 * The newest shard, still filling, joins the one before it while it holds less than a quarter of
 * the limit, so that a reader's first query (the newest shard) is never a handful of articles; a
 * shard then holds at most one and a quarter times the limit.
 */
export function planShards(perMonth: ReadonlyMap<MonthKey, number>, limit = DEFAULT_SHARD_ARTICLES): Shard[] {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`shard limit must be a positive integer, got ${limit}`);
  const months = [...perMonth.entries()]
    .filter(([k, n]) => {
      if (k !== UNDATED && !MONTH.test(k)) throw new Error(`not a month key: "${k}"`);
      return k !== UNDATED && n > 0;
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const spans: { from: string; to: string; articles: number }[] = [];
  for (const [month, n] of months) {
    const open = spans.at(-1);
    if (open && open.articles + n <= limit) {
      open.to = month;
      open.articles += n;
    } else spans.push({ from: month, to: month, articles: n });
  }
  const last = spans.at(-1);
  if (spans.length > 1 && last!.articles < limit / 4) {
    spans.pop();
    const before = spans.at(-1)!;
    before.to = last!.to;
    before.articles += last!.articles;
  }
  const shards: Shard[] = spans.reverse().map(({ from, to, articles }) => ({
    id: from === to ? from : `${from}_${to}`,
    from,
    to,
    label: spanLabel(from, to),
    articles,
    years: yearsBetween(from, to),
  }));
  const undated = perMonth.get(UNDATED) ?? 0;
  if (undated > 0)
    shards.push({ id: UNDATED, from: null, to: null, label: UNDATED_LABEL, articles: undated, years: [] });
  return shards;
}

/** The shard that holds a month (one always does when the shards were planned with it). */
export function shardOf(shards: readonly Shard[], month: MonthKey): Shard {
  const found = shards.find((s) =>
    month === UNDATED ? s.id === UNDATED : s.from !== null && s.from <= month && month <= s.to!,
  );
  if (!found) throw new Error(`no search shard holds the month ${month}`);
  return found;
}

/** Attribute of an article page's search data that names its month (a MonthKey). */
export const SHARD_MONTH_ATTRIBUTE = 'data-search-month';

/** The month an article page's HTML declares, or null when it declares none. */
export function declaredMonth(html: string): MonthKey | null {
  return new RegExp(`${SHARD_MONTH_ATTRIBUTE}="([^"]+)"`).exec(html)?.[1] ?? null;
}

/** The file the search page reads to find the shards (below the pagefind/ folder). */
export const SHARDS_FILE = 'shards.json';

export interface ShardManifest {
  schema: 'baokan/search-shards@1';
  /** newest first; each index is in `pagefind/<id>/` */
  shards: Shard[];
}
