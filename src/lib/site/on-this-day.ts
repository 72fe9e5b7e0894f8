/**
 * 历史上的今天 on the home page: the issues of other years printed on the same month and day as the
 * archive's newest day (not the clock's: two builds of the same archive give the same page), newest
 * year first. Nothing when the archive holds no such day. Pure.
 */

/** One earlier year's issues of the day. */
export interface YearOfDay<T> {
  /** YYYY-MM-DD */
  date: string;
  year: number;
  issues: T[];
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The days of other years with the month and day of `today` (YYYY-MM-DD), newest first, each with
 * its issues as given; `byDate` maps dates to issues (undated issues are not in it). 29 February
 * matches only 29 February.
 */
export function onThisDay<T>(
  byDate: Iterable<readonly [string, readonly T[]]>,
  today: string | null | undefined,
): YearOfDay<T>[] {
  const m = ISO.exec(today ?? '');
  if (!m) return [];
  const [, year, month, day] = m;
  const out: YearOfDay<T>[] = [];
  for (const [date, issues] of byDate) {
    const d = ISO.exec(date);
    if (!d || d[2] !== month || d[3] !== day || d[1] === year || !issues.length) continue;
    out.push({ date, year: Number(d[1]), issues: [...issues] });
  }
  return out.sort((a, b) => b.year - a.year);
}
