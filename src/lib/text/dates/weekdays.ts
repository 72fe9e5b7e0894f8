/** Weekdays as Chinese papers print them (星期四), both ways. */
import { toUtcMs, type YMD } from './calendar.ts';

const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'] as const;

/** Weekday in Chinese for a date: '星期四' (Sunday is '星期日'). */
export function weekdayZh(d: YMD): string {
  const wd = new Date(toUtcMs(d)).getUTCDay();
  return `星期${WEEKDAY_NAMES[wd] ?? ''}`;
}

/** Parse '星期四' / '周四' / '礼拜四' → 4; Sunday ('星期日', '周天', '礼拜七', '星期7') → 0. */
export function parseWeekday(s: string): number | null {
  const m = /^(?:星期|周|礼拜|禮拜)([一二三四五六日天七1-7])$/u.exec(s.trim());
  if (!m || m[1] === undefined) return null;
  const ch = m[1];
  if (ch === '日' || ch === '天' || ch === '七' || ch === '7') return 0;
  const idx = WEEKDAY_NAMES.indexOf(ch as (typeof WEEKDAY_NAMES)[number]);
  if (idx > 0) return idx;
  const n = Number(ch);
  return n >= 1 && n <= 6 ? n : null;
}
