/**
 * Calendar helpers for Chinese newspaper dumps: plain Y-M-D dates, Chinese numerals,
 * date mentions in running text, weekdays, lunar dates and year inference.
 *
 * Everything here is pure and time-zone free: dates are handled as UTC midnights.
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

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** UTC milliseconds of the date's midnight (safe for years 0..99, unlike Date.UTC). */
function toUtcMs(d: YMD): number {
  const date = new Date(0);
  date.setUTCFullYear(d.y, d.m - 1, d.d);
  date.setUTCHours(0, 0, 0, 0);
  return date.getTime();
}

function fromUtcMs(ms: number): YMD {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function dayNumber(d: YMD): number {
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

// ---------------------------------------------------------------------------
// Chinese numerals

const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  '○': 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

/**
 * Chinese numerals: '十一'→11, '二十九'→29, '三十一'→31, '二〇二一'→2021 (digit by digit when
 * there is no unit character), '〇'/'零'→0; also full-width ('２０２１') and ASCII digits.
 * Returns null when the string is not a numeral.
 */
export function cnNumber(s: string): number | null {
  if (/^[0-9０-９]+$/.test(s)) return Number(asciiDigits(s));
  if (!/^[〇零○一二两三四五六七八九十百千万]+$/.test(s)) return null;

  if (!/[十百千万]/.test(s)) {
    // Digit by digit, as years are written: 二〇二一.
    let n = 0;
    for (const ch of s) n = n * 10 + (CN_DIGITS[ch] ?? 0);
    return n;
  }

  let total = 0; // completed 万 groups
  let section = 0; // value below 万
  let current: number | null = null; // pending digit
  let lastUnit = Infinity; // units must decrease inside a section
  for (const ch of s) {
    const digit = CN_DIGITS[ch];
    if (digit !== undefined) {
      if (current !== null && current !== 0 && digit !== 0) return null; // '二三十'
      current = digit;
      continue;
    }
    if (ch === '万') {
      const v = section + (current ?? 0);
      if (v === 0) return null;
      total = (total + v) * 10_000;
      section = 0;
      current = null;
      lastUnit = Infinity;
      continue;
    }
    const unit = CN_UNITS[ch];
    if (unit === undefined || unit >= lastUnit) return null;
    const mult = current === null || current === 0 ? (unit === 10 ? 1 : null) : current;
    if (mult === null) return null;
    section += mult * unit;
    current = null;
    lastUnit = unit;
  }
  return total + section + (current ?? 0);
}

// ---------------------------------------------------------------------------
// Date mentions

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

// ---------------------------------------------------------------------------
// Weekdays

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

// ---------------------------------------------------------------------------
// Lunar calendar

const LUNAR_DAY_TENS = ['初', '十', '廿', '三'] as const;
const CN_SMALL = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** 1 → 初一, 10 → 初十, 11 → 十一, 20 → 二十, 21 → 廿一, 30 → 三十. */
function lunarDayName(n: number): string {
  if (n === 10) return '初十';
  if (n === 20) return '二十';
  if (n === 30) return '三十';
  const tens = Math.floor(n / 10);
  return `${LUNAR_DAY_TENS[tens] ?? ''}${CN_SMALL[n % 10] ?? ''}`;
}

/** 1 → 正月, 2..11 → 二月..十一月, 12 → 腊月 (as ICU names them); leap months get 闰. */
function lunarMonthName(n: number, leap: boolean): string {
  let name: string;
  if (n === 1) name = '正月';
  else if (n === 12) name = '腊月';
  else if (n === 11) name = '十一月';
  else name = `${CN_SMALL[n] ?? ''}月`;
  return leap ? `闰${name}` : name;
}

function sexagenaryYear(relatedYear: number): string {
  const i = (((relatedYear - 4) % 60) + 60) % 60;
  return `${STEMS.charAt(i % 10)}${BRANCHES.charAt(i % 12)}`;
}

let lunarFormatter: Intl.DateTimeFormat | null = null;

/**
 * Lunar date via Intl's Chinese calendar, e.g. { yearName: '辛丑', month: '十一月', day: '初六',
 * text: '辛丑年十一月初六' } for 2021-12-09. Leap months read '闰二月'; months 1 and 12 read 正月 and
 * 腊月 as ICU names them. Day names (初一…初十, 十一…二十, 廿一…廿九, 三十) are built here.
 */
export function lunarDate(d: YMD): { yearName: string; month: string; day: string; text: string } {
  lunarFormatter ??= new Intl.DateTimeFormat('zh-CN-u-ca-chinese', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const parts = lunarFormatter.formatToParts(new Date(toUtcMs(d)));
  let yearName = '';
  let relatedYear: number | null = null;
  let monthRaw = '';
  let dayRaw = '';
  for (const p of parts) {
    // 'relatedYear' and 'yearName' are not in every lib's Intl.DateTimeFormatPartTypes.
    const type: string = p.type;
    if (type === 'yearName') yearName = p.value;
    else if (type === 'relatedYear') relatedYear = Number(asciiDigits(p.value));
    else if (type === 'month') monthRaw = p.value;
    else if (type === 'day') dayRaw = p.value;
  }
  if (!yearName && relatedYear !== null && Number.isFinite(relatedYear))
    yearName = sexagenaryYear(relatedYear);

  let month = monthRaw;
  if (/[0-9０-９]/.test(monthRaw)) {
    const n = Number(asciiDigits(monthRaw).replace(/[^0-9]/g, ''));
    const leap = /闰|bis|L/i.test(monthRaw);
    month = lunarMonthName(n, leap);
  }

  let day = dayRaw;
  const dayNum = /^[0-9０-９]+$/.test(dayRaw) ? Number(asciiDigits(dayRaw)) : null;
  if (dayNum !== null) day = lunarDayName(dayNum);

  return { yearName, month, day, text: `${yearName}年${month}${day}` };
}

// ---------------------------------------------------------------------------
// Year inference

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
