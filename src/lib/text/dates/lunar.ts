/** The Chinese lunar date of a day, as mastheads print it (辛丑年十一月初六). */
import { toUtcMs, type YMD } from './calendar.ts';
import { asciiDigits } from './chinese-numerals.ts';

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
