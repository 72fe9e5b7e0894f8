/** The year of an issue whose month and day are known, inferred from the years its text mentions. */
import { dayNumber, daysInMonth } from './calendar.ts';
import { findDates, findYears, type DateMention } from './mentions.ts';

/** How far after the anchor (taken in the previous year) a full date counts as a near-future mention. */
const NEAR_FUTURE_DAYS = 120;

/**
 * Infer the year of a publication whose month and day are known (anchor) from the years mentioned in its text.
 * Rule: candidate = the latest year mentioned (in 'YYYY年' form, within [minYear,maxYear]); but if every mention of that
 * year is a full date lying within 120 days AFTER the anchor month-day taken in the previous year (a near-future
 * date across New Year, e.g. an issue of 2021-12-08 announcing a meeting on 2022年1月2日), use the previous year.
 * Returns the year with a confidence: 'medium' when the chosen year is mentioned at least twice or in a full
 * date, else 'low'; null when no year is mentioned.
 */
export function inferYear(
  anchor: { m: number; d: number },
  text: string,
  opts?: { minYear?: number; maxYear?: number },
): { y: number; confidence: 'medium' | 'low'; evidence: string } | null {
  const minYear = opts?.minYear ?? 1900;
  const maxYear = opts?.maxYear ?? 2100;
  const years = findYears(text).filter((e) => e.y >= minYear && e.y <= maxYear);
  if (years.length === 0) return null;

  const fullByIndex = new Map<number, DateMention>();
  for (const dm of findDates(text)) {
    if (dm.kind === 'full' && dm.text.includes('年')) fullByIndex.set(dm.index, dm);
  }

  let candidate = years[0]?.y ?? minYear;
  for (const e of years) if (e.y > candidate) candidate = e.y;

  let chosen = candidate;
  let note = '';
  const candMentions = years.filter((e) => e.y === candidate);
  const candFulls = candMentions.map((e) => fullByIndex.get(e.index));
  const prev = candidate - 1;
  if (prev >= minYear && candFulls.every((f) => f !== undefined)) {
    const anchorDay = dayNumber({ y: prev, m: anchor.m, d: Math.min(anchor.d, daysInMonth(prev, anchor.m)) });
    const nearFuture = candFulls.every((f) => {
      if (f === undefined || f.y === undefined || f.m === undefined || f.d === undefined) return false;
      const diff = dayNumber({ y: f.y, m: f.m, d: f.d }) - anchorDay;
      return diff > 0 && diff <= NEAR_FUTURE_DAYS;
    });
    if (nearFuture) {
      chosen = prev;
      const texts = candFulls.map((f) => f?.text ?? '').join('、');
      note = `; ${candidate}年 only in near-future dates (${texts}) after ${anchor.m}月${anchor.d}日, so ${prev}`;
    }
  }

  const chosenMentions = years.filter((e) => e.y === chosen);
  const inFull = chosenMentions.filter((e) => fullByIndex.has(e.index)).length;
  const confidence: 'medium' | 'low' = chosenMentions.length >= 2 || inFull > 0 ? 'medium' : 'low';
  const evidence =
    `latest year ${candidate}年 mentioned ${candMentions.length}×${note}; ` +
    `${chosen}年 mentioned ${chosenMentions.length}× (${inFull} in full dates)`;
  return { y: chosen, confidence, evidence };
}
