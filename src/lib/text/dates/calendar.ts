/**
 * Plain calendar dates (Y-M-D, no time zone; handled as UTC midnights): ISO text, validity, day
 * arithmetic and order.
 */

/** A calendar date without time zone. */
export interface YMD {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month m (1–12) of year y (Gregorian). */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** UTC milliseconds of the date's midnight (safe for years 0..99, unlike Date.UTC). */
export function toUtcMs(d: YMD): number {
  const date = new Date(0);
  date.setUTCFullYear(d.y, d.m - 1, d.d);
  date.setUTCHours(0, 0, 0, 0);
  return date.getTime();
}

function fromUtcMs(ms: number): YMD {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** Days since 1970-01-01 (negative before): for differences between dates. */
export function dayNumber(d: YMD): number {
  return Math.round(toUtcMs(d) / DAY_MS);
}

/** '2021-03-06' */
export function isoDate(d: YMD): string {
  return `${pad(d.y, 4)}-${pad(d.m, 2)}-${pad(d.d, 2)}`;
}

/** Strict 'YYYY-MM-DD'; null when malformed or not a real calendar date. */
export function parseIso(s: string): YMD | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const ymd: YMD = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidYmd(ymd) ? ymd : null;
}

/** Add n days (may be negative), using UTC arithmetic. */
export function addDays(d: YMD, n: number): YMD {
  return fromUtcMs(toUtcMs(d) + Math.trunc(n) * DAY_MS);
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareYmd(a: YMD, b: YMD): number {
  if (a.y !== b.y) return a.y - b.y;
  if (a.m !== b.m) return a.m - b.m;
  return a.d - b.d;
}

/** True for integer fields forming a real Gregorian date. */
export function isValidYmd(d: YMD): boolean {
  if (!Number.isInteger(d.y) || !Number.isInteger(d.m) || !Number.isInteger(d.d)) return false;
  if (d.m < 1 || d.m > 12) return false;
  return d.d >= 1 && d.d <= daysInMonth(d.y, d.m);
}
