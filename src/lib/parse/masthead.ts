/**
 * The masthead (报头) of a front page: paper name, sponsor, serial number, date with weekday and
 * lunar date, page count, issue number, website and hotlines. It stands at the top of the text
 * and is recognised by what mastheads print, not by a particular paper's name.
 */
import type { Block } from './blocks.ts';
import type { Masthead } from '../model/issue.ts';
import { cnNumber, findDates, isoDate } from '../text/dates.ts';
import { smallNumber } from '../text/characters.ts';

const PATTERNS: { name: string; re: RegExp; strong?: boolean }[] = [
  { name: 'paper', re: /^[\u3400-\u9fff]{2,10}(?:日报|晚报|早报|都市报|商报|时报|报)$/u },
  { name: 'paper-en', re: /^[A-Z][A-Z .'&-]*(?:DAILY|NEWS|EVENING|TIMES|POST|HERALD|GAZETTE)[A-Z .'&-]*$/ },
  { name: 'sponsor', re: /(?:主管|主办|出版)$/u },
  { name: 'serial', re: /(?:统一连续出版物号|刊号|CN\s*\d{2}\s*[-－]\s*\d{4})/u, strong: true },
  { name: 'date', re: /\d{4}年\d{1,2}月\d{1,2}日.*(?:星期|周|农历)/u, strong: true },
  { name: 'pages', re: /^今日[一二三四五六七八九十\d]+版$/u, strong: true },
  { name: 'issue-number', re: /^(?:总)?第[\d０-９]+(?:号|期)$/u, strong: true },
  { name: 'website', re: /(?:官方网站|网址|网站)[：:]/u },
  { name: 'hotline', re: /热线[：:]?\s*[\d-]{5,}/u },
  { name: 'postcode', re: /(?:邮编|邮政编码|社址)[：:]/u },
];

function lineKind(text: string): string | null {
  for (const p of PATTERNS) if (p.re.test(text)) return p.name;
  return null;
}

/** How many blocks to look at from the top for a masthead. */
const WINDOW = 16;

/**
 * Find the masthead among the first blocks. Returns the number of leading blocks it occupies
 * (0 when there is none) and its parsed fields.
 */
export function findMasthead(blocks: readonly Block[]): { count: number; masthead: Masthead | null } {
  let count = 0;
  let strong = 0;
  let matched = 0;
  let misses = 0;
  for (let i = 0; i < Math.min(blocks.length, WINDOW); i++) {
    const b = blocks[i]!;
    const kinds = b.lines.map((l) => lineKind(l.text));
    const hits = kinds.filter(Boolean).length;
    if (hits === 0) {
      // One unmatched short block may sit inside a masthead (a slogan, the publisher's name).
      if (misses === 0 && b.text.length <= 12 && matched > 0) {
        misses++;
        continue;
      }
      break;
    }
    matched += hits;
    strong += kinds.filter((k) => PATTERNS.find((p) => p.name === k)?.strong).length;
    count = i + 1;
    misses = 0;
  }
  // Three masthead lines, or at least the paper's name and a dated line.
  const kindsSeen = new Set(
    blocks.slice(0, count).flatMap((b) => b.lines.map((l) => lineKind(l.text)).filter(Boolean)),
  );
  const nameAndDate = kindsSeen.has('paper') && kindsSeen.has('date');
  if ((matched < 3 || strong < 1) && !nameAndDate) return { count: 0, masthead: null };

  const lines = blocks.slice(0, count).flatMap((b) => b.lines.map((l) => ({ line: l.no, text: l.text })));
  const m: Masthead = {
    lines,
    paperName: null,
    paperNameEn: null,
    date: null,
    weekday: null,
    lunarDate: null,
    issueNumber: null,
    pageCount: null,
    serial: null,
    website: null,
    hotlines: [],
    publisher: [],
  };
  for (const { text } of lines) {
    const kind = lineKind(text);
    if (kind === 'paper' && !m.paperName) m.paperName = text;
    else if (kind === 'paper-en') m.paperNameEn = text;
    else if (kind === 'sponsor') m.publisher.push(text);
    else if (kind === 'serial') m.serial = /CN\s*\d{2}\s*[-－]\s*\d{4}/u.exec(text)?.[0] ?? text;
    else if (kind === 'date') {
      const full = findDates(text).find((d) => d.kind === 'full');
      if (full?.y && full.m && full.d) m.date = isoDate({ y: full.y, m: full.m, d: full.d });
      m.weekday = /(?:星期|周)[一二三四五六日天]/u.exec(text)?.[0] ?? null;
      m.lunarDate = /农历\s*(\S+)/u.exec(text)?.[1] ?? null;
    } else if (kind === 'pages') {
      const n = /今日(.+)版/u.exec(text)![1]!;
      m.pageCount = smallNumber(n) ?? cnNumber(n);
    } else if (kind === 'issue-number') {
      const digits = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
      m.issueNumber = Number(/\d+/.exec(digits)![0]);
    } else if (kind === 'website') m.website = text.split(/[：:]/u).slice(1).join(':').trim() || text;
    else if (kind === 'hotline') {
      for (const h of text.matchAll(/([\u3400-\u9fff]{0,6}热线)[：:]?\s*([\d-]{5,})/gu)) {
        m.hotlines.push({ label: h[1]!, number: h[2]! });
      }
    }
  }
  // 衡阳日报社\n出版: a publisher's name followed by 出版 on its own line
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i + 1]!.text === '出版' && !lineKind(lines[i]!.text)) {
      m.publisher = m.publisher.map((p) => (p === '出版' ? `${lines[i]!.text}出版` : p));
    }
  }
  return { count, masthead: m };
}
