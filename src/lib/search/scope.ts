/**
 * What a search covers: the shards (pagefind/shards.json, newest first; shards.ts) chosen by the
 * range switch or the month range, the switch's options, the months offered for the range, the
 * months of the index for file:// to load, and the note that tells readers what is searched.
 */
import type { DiskMonthEntry } from './disk-read.ts';
import { countLabel, FILTERS, monthLabel, yearValue } from './labels.ts';
import { UNDATED, type Shard } from './shards.ts';
import type { SearchState } from './url-state.ts';

/** The range part of the search state. */
export type Range = Pick<SearchState, 'scope' | 'from' | 'to'>;

/** The range switch's value that searches every shard. */
export const ALL = 'all';
const YEAR = /^\d{4}$/;

/** Whether the range switch names a year. */
export function isYear(scope: string): boolean {
  return YEAR.test(scope);
}

/** A shard with months (not the undated one). */
function dated(s: Shard): s is Shard & { from: string; to: string } {
  return !!s.from && !!s.to;
}

/**
 * The shards a search covers: with months chosen, those that hold any of them; else by the range
 * switch: `all` every one, a year those that touch it, else the newest.
 */
export function shardsInScope(shards: readonly Shard[], range: Range): Shard[] {
  const { scope, from, to } = range;
  if (from || to) return shards.filter((s) => dated(s) && (!to || s.from <= to) && (!from || s.to >= from));
  if (scope === ALL) return [...shards];
  if (isYear(scope)) {
    const hit = shards.filter((s) => s.years.includes(scope));
    if (hit.length) return hit;
  }
  return shards.slice(0, 1);
}

/** The range switch's options, [value, label]: the newest shard, each year (newest first), all years. */
export function scopeOptions(shards: readonly Shard[]): [string, string][] {
  if (!shards[0]) return [];
  const years = [...new Set(shards.flatMap((s) => s.years))];
  return [
    ['', `最近：${shards[0].label}`],
    ...years.map((y): [string, string] => [y, `${y}年`]),
    [ALL, '全部年份'],
  ];
}

/**
 * The filters for a range switch value: a year's range shows that year only (its shards may reach
 * into the next or last year); another value drops the year filter. `keep`: leave a year filter
 * already chosen (as when the address gives both).
 */
export function scopeFilters(
  filters: Readonly<Record<string, string[]>>,
  scope: string,
  keep = false,
): Record<string, string[]> {
  const out = { ...filters };
  if (isYear(scope)) {
    if (!keep || !out[FILTERS.year]) out[FILTERS.year] = [yearValue(scope)];
  } else if (!keep) delete out[FILTERS.year];
  return out;
}

/** Every month the shards span, newest first (`YYYY-MM`; at most 1,200). */
export function monthsSpanned(shards: readonly Shard[]): string[] {
  const withMonths = shards.filter(dated);
  const last = withMonths[0]?.to;
  const first = withMonths[withMonths.length - 1]?.from;
  if (!last || !first) return [];
  const months: string[] = [];
  let y = Number(last.slice(0, 4));
  let m = Number(last.slice(5, 7));
  while (months.length < 1200) {
    const key = `${y}-${m < 10 ? '0' : ''}${m}`;
    months.push(key);
    if (key <= first) break;
    if (--m === 0) {
      m = 12;
      y--;
    }
  }
  return months;
}

/** A month range given backwards is read forwards. */
export function forwards(from: string, to: string): { from: string; to: string } {
  return from && to && from > to ? { from: to, to: from } : { from, to };
}

/** The months of the index for file:// that the chosen shards hold (only those from–to, when chosen). */
export function monthsInScope(
  months: readonly DiskMonthEntry[],
  chosen: readonly Shard[],
  range: Pick<Range, 'from' | 'to'>,
): DiskMonthEntry[] {
  const { from, to } = range;
  return months.filter((m) => {
    if (m.month === UNDATED) return !from && !to && chosen.some((s) => !s.from);
    if ((from && m.month < from) || (to && m.month > to)) return false;
    return chosen.some((s) => dated(s) && s.from <= m.month && m.month <= s.to);
  });
}

/** The sum of the shards' articles. */
function articles(shards: readonly Shard[]): number {
  return shards.reduce((n, s) => n + s.articles, 0);
}

/** The note under the range switch: what is being searched, and how many articles; null for none. */
export function scopeNote(shards: readonly Shard[], range: Range): string | null {
  const { scope, from, to } = range;
  if (from || to)
    return (
      `检索范围：${from ? monthLabel(from) : '最早'}至${to ? monthLabel(to) : '最近'}的文章` +
      `${shards.length > 1 ? '（“范围”不起作用）' : ''}。`
    );
  if (shards.length < 2) return null;
  const chosen = shardsInScope(shards, range);
  const total = countLabel(articles(shards));
  if (chosen.length === shards.length) return `检索全部年份的 ${total} 篇文章。`;
  return (
    `检索范围：${isYear(scope) ? `${scope}年` : chosen[0]?.label}，${countLabel(articles(chosen))} 篇` +
    `（全部 ${total} 篇）。要检索更早的文章，请在“范围”中选年份或“全部年份”。`
  );
}
