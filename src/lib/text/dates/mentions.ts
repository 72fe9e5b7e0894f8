/** Date mentions in running text: full dates, month-day, year-month, bare years and relative words (昨日), with the checks that keep figurative words (目前, 光明) out. */
import { daysInMonth, isValidYmd } from './calendar.ts';
import { asciiDigits, cnNumber } from './chinese-numerals.ts';

/** A date mention found in text. */
export interface DateMention {
  kind: 'full' | 'month-day' | 'year-month' | 'relative';
  /**
   * full: y,m,d; month-day: m,d; year-month: y,m; relative: offset in days from publication
   * (昨日/昨天 → -1, 今日/今天 → 0, 前日/前天 → -2, 明日/明天 → +1)
   */
  y?: number;
  m?: number;
  d?: number;
  offset?: number;
  /** for relative mentions followed by an explicit date in brackets, e.g. 昨日（3月5日）, the explicit m,d are also set */
  index: number;
  length: number;
  text: string;
}

const SP = '[ \\t\\u3000]?';
const CN_NUM_CHARS = '〇零○一二两三四五六七八九十百千万';
/** A 4-digit year: ASCII / full-width digits, or Chinese digits written one by one. */
const YEAR_SRC = `(?:(?<![0-9０-９])[0-9０-９]{4}(?![0-9０-９])|(?<![${CN_NUM_CHARS}])[〇零○一二三四五六七八九]{4}(?![${CN_NUM_CHARS}]))`;
/** A month or day number 1..39: one or two digits, or a Chinese numeral such as 十二, 三十一. */
const SMALL_SRC = `(?:(?<![0-9０-９.．])[0-9０-９]{1,2}(?![0-9０-９])|(?<![${CN_NUM_CHARS}])(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]))`;

const FULL_RE = new RegExp(
  `(${YEAR_SRC})${SP}年${SP}(${SMALL_SRC})${SP}月${SP}(${SMALL_SRC})${SP}[日号]`,
  'gu',
);
const YEAR_MONTH_RE = new RegExp(`(${YEAR_SRC})${SP}年${SP}(${SMALL_SRC})${SP}月(?![初廿卅])`, 'gu');
const MONTH_DAY_RE = new RegExp(`(${SMALL_SRC})${SP}月${SP}(${SMALL_SRC})${SP}[日号]`, 'gu');
const NUMERIC_FULL_RE = /(?<![0-9.\-/])([0-9]{4})([.\-/])([0-9]{1,2})\2([0-9]{1,2})(?![0-9]|[.\-/][0-9])/gu;
const YEAR_ONLY_RE = new RegExp(`(${YEAR_SRC})${SP}年`, 'gu');
const RELATIVE_RE = /昨日|昨天|今日|今天|前日|前天|明日|明天/gu;
/** An explicit date in brackets right after a relative word: 昨日（3月5日）, 今天（2021年3月6日，星期六）. */
const BRACKET_RE = new RegExp(
  `^${SP}[（(]${SP}(?:(${YEAR_SRC})${SP}年${SP})?(${SMALL_SRC})${SP}月${SP}(${SMALL_SRC})${SP}[日号]` +
    `(?:${SP}[，,、]?${SP}(?:星期|周|礼拜)[一二三四五六日天七])?${SP}[）)]`,
  'u',
);
/** The end of a range whose second part is a bare day: 3月5日至8日. */
const RANGE_DAY_RE = new RegExp(`^${SP}(?:至|到|—{1,2}|－|-|~|～|―|–)${SP}(${SMALL_SRC})${SP}[日号]`, 'u');

const RELATIVE_OFFSETS: Readonly<Record<string, number>> = {
  昨日: -1,
  昨天: -1,
  今日: 0,
  今天: 0,
  前日: -2,
  前天: -2,
  明日: 1,
  明天: 1,
};

/** Characters that, just before 前日/前天, make 前 the end of another word (目前天气, 当前日均). */
const BEFORE_QIAN = new Set('目当此之以提日事空眼面跟门生先向从史战会节赛年月考睡饭课产婚病术前');
/** Likewise for 明日/明天 (光明日报, 说明天气, 美好明天). */
const BEFORE_MING = new Set('光文聪鲜说证表声透照英开精简清分发黎昌神严贤失澄阐申查标注指好');
/** Likewise for 今日/今天 (如今天下, 至今日). */
const BEFORE_JIN = new Set('如至迄古当');

function isFigurativeRelative(text: string, index: number, word: string): boolean {
  const prev = index > 0 ? text.charAt(index - 1) : '';
  const next = text.charAt(index + word.length);
  if (prev === '的') return true; // 美好的明天, 历史上的今天
  const head = word.charAt(0);
  if (head === '前' && BEFORE_QIAN.has(prev)) return true;
  if (head === '明' && BEFORE_MING.has(prev)) return true;
  if (head === '今' && BEFORE_JIN.has(prev)) return true;
  if (word === '明日' && next === '报') return true;
  if (word === '今日' && text.startsWith('头条', index + word.length)) return true;
  return false;
}

/** True when a lunar-calendar marker (农历, 阴历, optionally with a 干支 year) just precedes index. */
function afterLunarMarker(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 8), index);
  return /(?:农历|阴历|夏历)[ \t\u3000]?(?:[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年?)?[ \t\u3000]?$/u.test(
    before,
  );
}

function num(s: string | undefined): number | null {
  return s === undefined ? null : cnNumber(asciiDigits(s));
}

function validYear(y: number | null): y is number {
  return y !== null && y >= 1900 && y <= 2100;
}

function validMonth(m: number | null): m is number {
  return m !== null && m >= 1 && m <= 12;
}

function validMonthDay(m: number | null, d: number | null): d is number {
  return validMonth(m) && d !== null && d >= 1 && d <= daysInMonth(2000, m);
}

interface Candidate {
  mention: DateMention;
  /** Lower wins among candidates at the same position and length. */
  priority: number;
}

function collectCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const push = (mention: DateMention, priority: number): void => {
    out.push({ mention, priority });
  };

  for (const m of text.matchAll(FULL_RE)) {
    const y = num(m[1]);
    const mo = num(m[2]);
    const d = num(m[3]);
    if (!validYear(y) || !validMonth(mo) || d === null || !isValidYmd({ y, m: mo, d })) continue;
    if (afterLunarMarker(text, m.index)) continue;
    push({ kind: 'full', y, m: mo, d, index: m.index, length: m[0].length, text: m[0] }, 0);
  }
  for (const m of text.matchAll(NUMERIC_FULL_RE)) {
    const y = num(m[1]);
    const mo = num(m[3]);
    const d = num(m[4]);
    if (!validYear(y) || !validMonth(mo) || d === null || !isValidYmd({ y, m: mo, d })) continue;
    push({ kind: 'full', y, m: mo, d, index: m.index, length: m[0].length, text: m[0] }, 0);
  }
  for (const m of text.matchAll(YEAR_MONTH_RE)) {
    const y = num(m[1]);
    const mo = num(m[2]);
    if (!validYear(y) || !validMonth(mo)) continue;
    if (afterLunarMarker(text, m.index)) continue;
    push({ kind: 'year-month', y, m: mo, index: m.index, length: m[0].length, text: m[0] }, 2);
  }
  for (const m of text.matchAll(MONTH_DAY_RE)) {
    const mo = num(m[1]);
    const d = num(m[2]);
    if (!validMonthDay(mo, d) || !validMonth(mo)) continue;
    if (afterLunarMarker(text, m.index)) continue;
    push({ kind: 'month-day', m: mo, d, index: m.index, length: m[0].length, text: m[0] }, 1);
  }
  for (const m of text.matchAll(RELATIVE_RE)) {
    const word = m[0];
    const offset = RELATIVE_OFFSETS[word];
    if (offset === undefined || isFigurativeRelative(text, m.index, word)) continue;
    const mention: DateMention = {
      kind: 'relative',
      offset,
      index: m.index,
      length: word.length,
      text: word,
    };
    const b = BRACKET_RE.exec(text.slice(m.index + word.length));
    if (b) {
      const y = num(b[1]);
      const mo = num(b[2]);
      const d = num(b[3]);
      const yearOk = b[1] === undefined || validYear(y);
      if (yearOk && validMonth(mo) && validMonthDay(mo, d) && (y === null || isValidYmd({ y, m: mo, d }))) {
        if (y !== null) mention.y = y;
        mention.m = mo;
        mention.d = d;
        mention.length = word.length + b[0].length;
        mention.text = text.slice(m.index, m.index + mention.length);
      }
    }
    push(mention, 0);
  }
  return out;
}

/**
 * Find date mentions, in text order: full dates (2022年3月31日, 二〇二一年十二月九日, 2021.12.09,
 * 2021-12-09), year-months (2022年3月), month-days (3月31日), and relative days (昨日, 今天, 前日,
 * 明天…, with an optional bracketed explicit date). Lunar dates (十二月初六, 农历…) are skipped, as are
 * years outside 1900..2100, months outside 1..12 and days outside 1..31 (or the month's length).
 * Overlapping candidates are resolved in favour of the earliest, then the longest, so a full date is
 * never also reported as a month-day. In a range the second part is a mention of its own; a bare
 * day ending a range (3月5日至8日) is reported as a month-day carrying the first part's month.
 */
export function findDates(text: string): DateMention[] {
  const candidates = collectCandidates(text).sort(
    (a, b) =>
      a.mention.index - b.mention.index || b.mention.length - a.mention.length || a.priority - b.priority,
  );
  const chosen: DateMention[] = [];
  let end = 0;
  for (const c of candidates) {
    if (c.mention.index < end) continue;
    chosen.push(c.mention);
    end = c.mention.index + c.mention.length;
  }

  // Bare day closing a range: 3月5日至8日.
  const result: DateMention[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const cur = chosen[i];
    if (cur === undefined) continue;
    result.push(cur);
    if (cur.m === undefined || cur.d === undefined) continue;
    const start = cur.index + cur.length;
    const r = RANGE_DAY_RE.exec(text.slice(start));
    if (!r) continue;
    const next = chosen[i + 1];
    if (next !== undefined && next.index < start + r[0].length) continue;
    const d = num(r[1]);
    if (!validMonthDay(cur.m, d) || d <= cur.d) continue;
    if (cur.y !== undefined && !isValidYmd({ y: cur.y, m: cur.m, d })) continue;
    const dayText = r[0].replace(/^[^0-9０-９〇零○一二两三四五六七八九十]+/u, '');
    const index = start + r[0].length - dayText.length;
    result.push({ kind: 'month-day', m: cur.m, d, index, length: dayText.length, text: dayText });
  }
  return result;
}

/** Years mentioned as 'YYYY年' (also inside full dates), 1900..2100, with the index of their first digit. */
export function findYears(text: string): { y: number; index: number }[] {
  const out: { y: number; index: number }[] = [];
  for (const m of text.matchAll(YEAR_ONLY_RE)) {
    const y = num(m[1]);
    if (validYear(y)) out.push({ y, index: m.index });
  }
  return out;
}
