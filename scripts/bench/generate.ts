/**
 * Synthetic archive for the benchmark: new issues made by recombining the seeds' own text, written
 * as plain text in the seeds' blank-line-separated style so that they go through the real parser.
 *
 * Each issue has a masthead (paper name, date with weekday and lunar-free date line, 今日八版,
 * issue number), eight pages opened by a short header line (`第二版 要闻`), and on each page
 * 6–8 articles: an optional kicker (`南岳区：`), a headline, an optional subtitle, a byline
 * `本报讯（记者 X）` that starts the first paragraph, and 3–6 paragraphs of 2–3 sentences, each of 2–4 seed clauses.
 *
 * Everything is deterministic: one seeded PRNG per issue (tests/support/prng.ts), keyed by the run
 * seed, paper and date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, isoDate, parseIso, type YMD } from '../../src/lib/text/dates.ts';
import type { EditionResult } from '../../src/lib/edition/load-folder.ts';
import { toChineseNumber } from '../../src/lib/text/characters.ts';
import { fnv1a, mulberry32 } from '../../tests/support/prng.ts';

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/** Text material taken from the parsed seeds. */
export interface Material {
  /** headlines as printed (short, no final full stop) */
  headlines: string[];
  /** subtitles (副题) as printed */
  subtitles: string[];
  /** whole sentences from body paragraphs */
  sentences: string[];
  /**
   * the clauses of those sentences (between ，；、), without their punctuation: an article's
   * sentences are made of random clauses, so that two articles of the archive share a clause now
   * and then but never a long passage — whole seed sentences, drawn again and again, would make
   * most articles copies of others (src/lib/wire-copy finds ~17,000 pairs in a year of them)
   */
  clauses: string[];
  /** staff names from bylines */
  names: string[];
}

/** Things in a sentence that the parser would rightly read as something other than body text. */
const NOT_BODY =
  /本报|记者|通讯员|新华社|讯[（(]|★|☆|热线|第[一二三四五六七八九十\d]+版|详见|转[第]|公告|公示|[\t]|^[一二三四五六七八九十]+[是、．.]|^[（(][一二三四五六七八九十\d]+[）)]|^\d{1,2}[、．.]/u;

/** Collect headlines, subtitles, sentences and names from the parsed seeds. */
export function materialFrom(edition: EditionResult): Material {
  const headlines = new Set<string>();
  const subtitles = new Set<string>();
  const sentences = new Set<string>();
  const names = new Set<string>();
  for (const { issue } of edition.issues) {
    for (const a of issue.articles) {
      if (a.kind !== 'news' && a.kind !== 'feature') continue;
      const h = a.headline.trim();
      if (h && Array.from(h).length <= 30 && !/[。：:—]$/u.test(h) && !/[\s]/u.test(h)) headlines.add(h);
      const s = a.subtitle?.trim();
      if (s && !/^[—-]/u.test(s) && Array.from(s).length <= 24 && !/[\s。]/u.test(s)) subtitles.add(s);
      for (const st of a.byline?.staff ?? []) if (/^[\u3400-\u9fff]{2,3}$/u.test(st.name)) names.add(st.name);
      for (const p of a.paragraphs) {
        if (p.role !== 'text') continue;
        for (const m of p.text.match(/[^。！？]+[。！？][”’」]?/gu) ?? []) {
          const t = m.trim();
          const len = Array.from(t).length;
          if (len < 16 || len > 140 || NOT_BODY.test(t)) continue;
          // Balanced quotes only: a sentence cut out of a quotation would confuse nobody, but keeps tidy.
          if ((t.match(/“/gu) ?? []).length !== (t.match(/”/gu) ?? []).length) continue;
          sentences.add(t);
        }
      }
    }
  }
  const sorted = (s: Set<string>) => [...s].sort();
  const clauses = new Set<string>();
  for (const t of sentences)
    for (const c of t.replace(/[。！？][”’」]?$/u, '').split(/[，；、]/u)) {
      const len = Array.from(c).length;
      if (len >= 4 && len <= 30 && !/[“”‘’「」（）()]/u.test(c)) clauses.add(c);
    }
  return {
    headlines: sorted(headlines),
    subtitles: sorted(subtitles),
    sentences: sorted(sentences),
    clauses: sorted(clauses),
    names: sorted(names),
  };
}

export interface PaperStyle {
  id: string;
  name: string;
  /** masthead lines before the date line */
  head: string[];
  /** masthead lines after the date line */
  tail: (issueNumber: number) => string[];
  /** byline opening */
  agency: string;
  /** staff role word */
  role: string;
}

export const PAPERS: PaperStyle[] = [
  {
    id: 'hengyang-daily',
    name: '衡阳日报',
    head: ['衡阳日报', '中共衡阳市委员会主管\n中共衡阳市委员会主办', 'HENGYANG DAILY', '衡阳日报社\n出版'],
    tail: (n) => ['国内统一连续出版物号 CN 43-0004', '今日八版', `第${n}号`],
    agency: '本报讯',
    role: '记者',
  },
  {
    id: 'hengyang-evening-news',
    name: '衡阳晚报',
    head: ['衡阳晚报', '衡阳日报社主管主办'],
    tail: (n) => ['今日八版', `第${n}号`],
    agency: '衡阳晚报讯',
    role: '全媒体记者',
  },
];

const SECTIONS = ['要闻', '要闻', '综合', '时政', '经济', '城市', '民生', '文化'];
const PLACES = [
  '南岳区',
  '雁峰区',
  '石鼓区',
  '珠晖区',
  '蒸湘区',
  '衡南县',
  '衡阳县',
  '衡山县',
  '衡东县',
  '祁东县',
  '耒阳市',
  '常宁市',
];
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function weekday(d: YMD): string {
  return WEEKDAYS[new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay()]!;
}

export interface IssueShape {
  pages: number;
  /** articles per page, lowest and highest */
  articlesPerPage: [number, number];
  /** paragraphs per article, lowest and highest */
  paragraphs: [number, number];
}

export const DEFAULT_SHAPE: IssueShape = { pages: 8, articlesPerPage: [6, 8], paragraphs: [3, 6] };

/** The text of one synthetic issue. */
export function issueText(
  m: Material,
  paper: PaperStyle,
  date: YMD,
  issueNumber: number,
  seed: number,
  shape: IssueShape = DEFAULT_SHAPE,
): string {
  const rng = mulberry32(fnv1a(`${seed}|${paper.id}|${isoDate(date)}`));
  const blocks: string[] = [];
  blocks.push(...paper.head);
  blocks.push(`${date.y}年${date.m}月${date.d}日 星期${weekday(date)}`);
  blocks.push(...paper.tail(issueNumber));
  for (let p = 1; p <= shape.pages; p++) {
    blocks.push(`第${toChineseNumber(p)}版 ${SECTIONS[(p - 1) % SECTIONS.length]}`);
    const n = int(rng, ...shape.articlesPerPage);
    for (let k = 0; k < n; k++) {
      if (rng() < 0.2) blocks.push(`${pick(rng, PLACES)}：`);
      blocks.push(pick(rng, m.headlines));
      if (rng() < 0.3 && m.subtitles.length) blocks.push(pick(rng, m.subtitles));
      const staff = [pick(rng, m.names)];
      if (rng() < 0.4) staff.push(`通讯员 ${pick(rng, m.names)}`);
      const byline = `${paper.agency}（${paper.role} ${staff.join(' ')}）`;
      // A sentence is two to four clauses drawn without replacement within an article, so no run
      // repeats inside it and no long passage is shared with another article.
      const used = new Set<number>();
      const clause = () => {
        let i = Math.floor(rng() * m.clauses.length);
        while (used.has(i)) i = (i + 1) % m.clauses.length;
        used.add(i);
        return m.clauses[i]!;
      };
      const sentence = () => {
        const parts = Array.from({ length: int(rng, 2, 4) }, clause);
        return parts.join('，') + '。';
      };
      const paras = int(rng, ...shape.paragraphs);
      for (let q = 0; q < paras; q++) {
        const count = int(rng, 2, 3);
        let text = '';
        for (let s = 0; s < count; s++) text += sentence();
        blocks.push(q === 0 ? byline + text : text);
      }
    }
  }
  return '\n\n' + blocks.join('\n\n') + '\n';
}

export interface ArchivePlan {
  /** first date (ISO) */
  start: string;
  /** number of consecutive days (each paper publishes every day) */
  days: number;
  /** papers to publish, in order */
  papers: PaperStyle[];
  /** stop after this many issues in all (small runs); Infinity for no limit */
  maxIssues: number;
  /** run seed */
  seed: number;
  shape?: IssueShape;
}

/** Issues of the plan in file order: (date, paper) pairs with their issue numbers. */
export function* planIssues(plan: ArchivePlan): Generator<{ date: YMD; paper: PaperStyle; number: number }> {
  const start = parseIso(plan.start);
  if (!start) throw new Error(`bad start date ${plan.start}`);
  let made = 0;
  for (let day = 0; day < plan.days; day++) {
    const date = addDays(start, day);
    for (const [k, paper] of plan.papers.entries()) {
      if (made >= plan.maxIssues) return;
      // Issue numbers continue from a plausible base, one a day per paper.
      yield { date, paper, number: (k === 0 ? 16000 : 7000) + day };
      made++;
    }
  }
}

export interface Generated {
  files: number;
  bytes: number;
  dir: string;
}

/** Write the plan's issues to `dir` as `<paper-id>-<yyyy-mm-dd>.txt`. */
export function writeArchive(m: Material, plan: ArchivePlan, dir: string): Generated {
  mkdirSync(dir, { recursive: true });
  let files = 0;
  let bytes = 0;
  for (const { date, paper, number } of planIssues(plan)) {
    const text = issueText(m, paper, date, number, plan.seed, plan.shape);
    const buf = Buffer.from(text, 'utf8');
    writeFileSync(join(dir, `${paper.id}-${isoDate(date)}.txt`), buf);
    files++;
    bytes += buf.length;
  }
  return { files, bytes, dir };
}
