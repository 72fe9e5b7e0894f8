/**
 * Calendar helpers for Chinese newspaper dumps: plain Y-M-D dates, Chinese numerals,
 * date mentions in running text, weekdays, lunar dates and year inference.
 *
 * Everything here is pure and time-zone free: dates are handled as UTC midnights. One job per file
 * in ./dates/; this module gathers them, so `import { … } from '…/text/dates.ts'` keeps working.
 */
export { addDays, compareYmd, isoDate, isValidYmd, parseIso, type YMD } from './dates/calendar.ts';
export { cnNumber } from './dates/chinese-numerals.ts';
export { findDates, findYears, type DateMention } from './dates/mentions.ts';
export { lunarDate } from './dates/lunar.ts';
export { parseWeekday, weekdayZh } from './dates/weekdays.ts';
export { inferYear } from './dates/year-inference.ts';
