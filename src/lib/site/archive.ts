/**
 * The archive by date, as its pages show it: which months have issues (and the month before and
 * after one), the year × month table of issue counts, a month's days, the day before and after a
 * date, and the range the 往期 date picker offers. Pure functions over the edition's issues by ISO
 * date (`2021-03-06` → the issues of that day).
 */

/** A month: year and month number (1–12). */
export interface YearMonth {
  y: number;
  m: number;
}

/** `2021-03` (or an ISO date) → { y: 2021, m: 3 }. */
export function yearMonth(key: string): YearMonth {
  return { y: Number(key.slice(0, 4)), m: Number(key.slice(5, 7)) };
}

/** The months with issues, oldest first, as `yyyy-mm` keys. */
export function monthKeys(dates: Iterable<string>): string[] {
  return [...new Set([...dates].map((iso) => iso.slice(0, 7)))].sort();
}

/** The entries before and after `key` in a sorted list (null at either end or when absent). */
export function neighbours<T>(sorted: readonly T[], key: T): { prev: T | null; next: T | null } {
  const k = sorted.indexOf(key);
  if (k < 0) return { prev: null, next: null };
  return { prev: sorted[k - 1] ?? null, next: sorted[k + 1] ?? null };
}

/** The months with issues before and after a month (`yyyy-mm`). */
export function monthNeighbours(
  dates: Iterable<string>,
  key: string,
): { prev: YearMonth | null; next: YearMonth | null } {
  const { prev, next } = neighbours(monthKeys(dates), key);
  return { prev: prev ? yearMonth(prev) : null, next: next ? yearMonth(next) : null };
}

/** A month's days with issues, in date order, each with that day's issues. */
export function daysOfMonth<T>(
  byDate: ReadonlyMap<string, readonly T[]>,
  key: string,
): [string, readonly T[]][] {
  return [...byDate.entries()]
    .filter(([iso]) => iso.startsWith(`${key}-`))
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** One year's row of the year × month table: issues in each month (index 0 = January; 0 for none). */
export interface YearRow {
  year: number;
  months: number[];
}

/**
 * Issues per month for the year × month table, newest year first; only years with issues. `keep`
 * picks the issues that count (one paper's, on that paper's page).
 */
export function yearMonthCounts<T>(
  byDate: ReadonlyMap<string, readonly T[]>,
  keep: (issue: T) => boolean = () => true,
): YearRow[] {
  const years = new Map<number, number[]>();
  for (const [iso, all] of byDate) {
    const n = all.filter(keep).length;
    if (!n) continue;
    const { y, m } = yearMonth(iso);
    const months = years.get(y) ?? Array<number>(12).fill(0);
    months[m - 1]! += n;
    years.set(y, months);
  }
  return [...years.entries()].sort((a, b) => b[0] - a[0]).map(([year, months]) => ({ year, months }));
}

/** The months (1–12) of a year's row that have issues, in order. */
export function monthsWith(row: YearRow): number[] {
  return row.months.flatMap((n, i) => (n ? [i + 1] : []));
}

/** The months (1–12) of a year's row without issues, in order. */
export function monthsWithout(row: YearRow): number[] {
  return row.months.flatMap((n, i) => (n ? [] : [i + 1]));
}

/** The years with issues, newest first. */
export function yearsNewestFirst(dates: Iterable<string>): number[] {
  return [...new Set([...dates].map((iso) => Number(iso.slice(0, 4))))].sort((a, b) => b - a);
}

/** The month an issue is listed under in 总目: `yyyy-mm`, or `undated`. */
export function contentsMonth(date: string | null): string {
  return date?.slice(0, 7) ?? 'undated';
}

/** The first and last dates with issues (what the 往期 date picker offers), or null when none. */
export function dateRange(dates: Iterable<string>): { min: string; max: string } | null {
  const sorted = [...dates].sort();
  return sorted.length ? { min: sorted[0]!, max: sorted[sorted.length - 1]! } : null;
}

/** A day with issues, as a calendar cell links it. */
export interface CalendarDay {
  /** link to the day's page */
  href: string;
  /** the papers of that day, joined with 、 (the cell's text for screen readers) */
  label: string;
  papers: string[];
}

/**
 * The days with issues whose ISO date starts with `prefix` (`2021-`, `2021-03-`, '' for all), for
 * the calendars: each day's link and the names of its papers.
 */
export function calendarDays<T>(
  byDate: ReadonlyMap<string, readonly T[]>,
  paperName: (issue: T) => string,
  link: (iso: string) => string,
  prefix = '',
): Map<string, CalendarDay> {
  return new Map(
    [...byDate.entries()]
      .filter(([iso]) => iso.startsWith(prefix))
      .map(([iso, list]) => {
        const papers = list.map(paperName);
        return [iso, { href: link(iso), label: papers.join('、'), papers }];
      }),
  );
}

/** A month of 总目: how many issues and articles it lists. */
export interface ContentsMonth {
  /** `yyyy-mm`, or `undated` */
  key: string;
  issues: number;
  articles: number;
}

/** The months of 总目 in the order of the issues given (oldest first, undated last). */
export function contentsMonths<T>(
  issues: readonly T[],
  dateOf: (issue: T) => string | null,
  articleCount: (issue: T) => number,
): ContentsMonth[] {
  const months = new Map<string, ContentsMonth>();
  for (const i of issues) {
    const key = contentsMonth(dateOf(i));
    const m = months.get(key) ?? { key, issues: 0, articles: 0 };
    m.issues++;
    m.articles += articleCount(i);
    months.set(key, m);
  }
  return [...months.values()];
}
