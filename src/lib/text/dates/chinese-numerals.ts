/** Chinese numerals read as numbers (十一 → 11, 二〇二一 → 2021), full-width and ASCII digits too. */

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

/** Full-width digits (０-９) as ASCII digits. */
export function asciiDigits(s: string): string {
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
