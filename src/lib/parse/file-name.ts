/**
 * Dates and page numbers from a file's name and folders (`rmrb_20200107-p03.txt`,
 * `2020/01/07/p03.txt`, `衡阳日报2021-03-06第03版.txt`): evidence of its own, weaker than what the
 * page prints (whoever saved the file named it), stronger than a date inferred from news leads.
 *
 * Dates: a year 1900–2099, a month and a day, written together (`20200107`), with one kind of
 * separator (`2020-01-07`, `2020_01_07`, `2020.01.07`, folders `2020/01/07/`) or in Chinese
 * (`2020年1月7日`); digits on either side disqualify a match (a longer number is not a date),
 * and the date must exist. A year alone, or a month and day without a year, gives no date: no
 * year is guessed.
 *
 * Pages, read from the last part of the name with its date taken out: `-p03` / `_P3` / `p03`
 * (the whole name), `第03版` / `第三版`, a section letter and number at the end (`A03`, `B2`),
 * and a plain number after `_` at the end (`_03`). Numbers 1–999.
 */
import { pinyin } from 'pinyin-pro';
import { cnNumber } from '../text/dates.ts';

export interface NameDate {
  /** ISO date */
  value: string;
  /** the part of the name it was read from, as written */
  text: string;
}

export interface NamePage {
  number: number;
  /** the part of the name it was read from */
  text: string;
  /** section letter of an A03-style page, when there is one */
  section: string | null;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const DATE_PATTERNS: RegExp[] = [
  // 2020-01-07, 2020_01_07, 2020.01.07, 2020/01/07 (one separator kind, 1–2 digit month and day)
  /(?<!\d)((?:19|20)\d{2})([-_./])(\d{1,2})\2(\d{1,2})(?!\d)/gu,
  // 20200107
  /(?<!\d)((?:19|20)\d{2})()(\d{2})(\d{2})(?!\d)/gu,
  // 2020年1月7日
  /((?:19|20)\d{2})(年)(\d{1,2})月(\d{1,2})日/gu,
];

/** The date a file's name (its path under the seed folder) carries, or null. */
export function dateFromName(name: string): NameDate | null {
  const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/u, '');
  const found: { index: number; date: NameDate }[] = [];
  for (const re of DATE_PATTERNS) {
    for (const m of stem.matchAll(re)) {
      const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
      if (validDate(y, mo, d)) found.push({ index: m.index!, date: { value: iso(y, mo, d), text: m[0] } });
    }
  }
  if (found.length === 0) return null;
  // Several dates (a folder and the name): the last one written is the file's own.
  found.sort((a, b) => a.index - b.index);
  return found[found.length - 1]!.date;
}

/** The page number a file's name carries, or null. */
export function pageFromName(name: string): NamePage | null {
  const base = name
    .split('/')
    .pop()!
    .replace(/\.[A-Za-z0-9]{1,5}$/u, '');
  const date = dateFromName(base);
  const rest = date ? base.replace(date.text, ' ') : base;
  const num = (s: string) => {
    const n = cnNumber(s);
    return n !== null && n >= 1 && n <= 999 ? n : null;
  };
  const tries: [RegExp, (m: RegExpMatchArray) => NamePage | null][] = [
    [/第\s*([\d一二三四五六七八九十百〇零]{1,4})\s*版/u, (m) => page(num(m[1]!), m[0], null)],
    [/(?:^|[-_\s.])[pP](\d{1,3})$/u, (m) => page(num(m[1]!), m[0].replace(/^[-_\s.]/u, ''), null)],
    [/(?:^|[-_\s.])([A-H])(\d{1,2})$/u, (m) => page(num(m[2]!), `${m[1]}${m[2]}`, m[1]!)],
    [/_(\d{1,3})$/u, (m) => page(num(m[1]!), m[0], null)],
  ];
  for (const [re, make] of tries) {
    const m = rest.match(re);
    if (m) {
      const p = make(m);
      if (p) return p;
    }
  }
  return null;
}

function page(n: number | null, text: string, section: string | null): NamePage | null {
  return n === null ? null : { number: n, text, section };
}

/** A paper a file's name names, and the part of the name that named it. */
export interface NamePaper {
  name: string;
  /** the part of the name it was read from, as written (`rmrb`, `衡阳日报`) */
  text: string;
}

/** The initials of a Chinese name's syllables (人民日报 → rmrb), from pinyin-pro. */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
}

/**
 * The paper a file's name (its path under the seed folder) names, among the papers it could be
 * (the catalogue's and those the text prints): its name written out (`衡阳日报2021-03-06.txt`), or
 * its initials as a word of 2–6 letters (`rmrb_20200107-p03.txt`, `hyrb/2020/…`: 人民日报 and
 * 衡阳日报 read as r-m-r-b and h-y-r-b). Initials that two candidates share name neither; a word
 * that is not some candidate's initials names nothing (`ljrb` for a paper nobody described stays
 * unknown: no paper is guessed from letters).
 */
export function paperFromName(name: string, candidates: readonly string[]): NamePaper | null {
  const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/u, '');
  const written = candidates.filter((c) => stem.includes(c));
  if (written.length > 0) {
    const longest = written.reduce((a, b) => (b.length > a.length ? b : a));
    return { name: longest, text: longest };
  }
  const words = stem.match(/(?<![A-Za-z])[A-Za-z]{2,6}(?![A-Za-z])/gu) ?? [];
  for (const word of words) {
    const w = word.toLowerCase();
    const matching = [...new Set(candidates.filter((c) => nameInitials(c) === w))];
    if (matching.length === 1) return { name: matching[0]!, text: word };
  }
  return null;
}
