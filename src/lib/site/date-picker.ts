/**
 * The 往期 date picker: a native `<input type="date">` limited to the archive's range that goes
 * to the page of the chosen day (`date/<yyyy-mm-dd>/`), or of the nearest day with issues when
 * that day has none. The days with issues travel in the page as a short code (a month with
 * issues is `yyyymm` and a bit mask of its days in base 36: about 10 characters a month), so the
 * picker needs no request and works from file://.
 *
 * `nearestIssueDay` runs in the browser too: the page's inline script is its source text, so it
 * must stay self-contained (no imports, no closures).
 */

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
