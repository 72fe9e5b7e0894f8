/**
 * The 往期 date picker: a native `<input type="date">` limited to the archive's range that goes
 * to the page of the chosen day (`date/<yyyy-mm-dd>/`), or of the nearest day with issues when
 * that day has none. The days with issues are a short code (a month with issues is `yyyymm` and a
 * bit mask of its days in base 36: about 10 characters a month) in ONE shared script, `days.js`,
 * that the picker loads (a script element, so it works from file:// where fetch does not). The
 * pages carry neither the days nor the archive's range, so a new day changes no issue, 版 or
 * article page. The file's name is fixed (a name with a hash would have to be written into every
 * page); it is served with the short cache lifetime of the pages themselves.
 *
 * `nearestIssueDay` and `issueDayRange` run in the browser too: reader.js holds their source text,
 * so they must stay self-contained (no imports, no closures).
 */

/** The shared script of the days with issues, at the site's root. */
export const DAYS_FILE = 'days.js';

/** The global that days.js sets. */
export const DAYS_GLOBAL = 'baokanIssueDays';

/** The text of days.js: one assignment of the day code to a global. */
export function daysScript(code: string): string {
  return `window.${DAYS_GLOBAL} = ${JSON.stringify(code)};\n`;
}

/** The days with issues as a code: `202103.1k0 202112.400` (months in order, days as a base-36 bit mask). */
export function issueDaysCode(dates: Iterable<string>): string {
  const months = new Map<string, number>();
  for (const iso of dates) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
    if (!m) continue;
    const key = `${m[1]}${m[2]}`;
    months.set(key, (months.get(key) ?? 0) + 2 ** (Number(m[3]) - 1));
  }
  return [...months.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([key, mask]) => `${key}.${mask.toString(36)}`)
    .join(' ');
}

/** The first and the last day with issues in a code made by issueDaysCode; null when it holds none. */
export function issueDayRange(code: string): [string, string] | null {
  const parts = code.split(' ').filter((p) => /^\d{6}\.[0-9a-z]+$/.test(p));
  if (!parts.length) return null;
  const days = (part: string) => {
    const out: string[] = [];
    let mask = parseInt(part.slice(7), 36);
    for (let d = 1; mask > 0; d++, mask = Math.floor(mask / 2)) {
      if (mask % 2) out.push(`${part.slice(0, 4)}-${part.slice(4, 6)}-${String(d).padStart(2, '0')}`);
    }
    return out;
  };
  const first = days(parts[0]!);
  const last = days(parts[parts.length - 1]!);
  return first.length && last.length ? [first[0]!, last[last.length - 1]!] : null;
}

/**
 * The day with issues nearest to `iso` (itself when it has issues; the later one of two equally
 * near), from a code made by issueDaysCode; null when the code holds no day or `iso` is no date.
 */
export function nearestIssueDay(code: string, iso: string): string | null {
  const want = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!want) return null;
  const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
  const target = day(Number(want[1]), Number(want[2]), Number(want[3]));
  let best: number | null = null;
  for (const part of code.split(' ')) {
    const m = /^(\d{4})(\d{2})\.([0-9a-z]+)$/.exec(part);
    if (!m) continue;
    let mask = parseInt(m[3]!, 36);
    for (let d = 1; mask > 0; d++, mask = Math.floor(mask / 2)) {
      if (mask % 2 === 0) continue;
      const t = day(Number(m[1]), Number(m[2]), d);
      const gap = Math.abs(t - target);
      if (best === null || gap < Math.abs(best - target) || (gap === Math.abs(best - target) && t > best)) {
        best = t;
      }
    }
  }
  return best === null ? null : new Date(best).toISOString().slice(0, 10);
}
