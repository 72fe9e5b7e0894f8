/**
 * `npm run corpus`: build the labelled development corpus (tests/corpus/pages/) from the stored
 * article text (tests/corpus/articles/*.json) and the seed labels (tests/corpus/seeds/*.json).
 *
 * Deterministic: the same stored text always gives the same page files and labels. Each page is
 * written as `<kind>/<name>.txt` with `<kind>/<name>.labels.json` beside it (see
 * scripts/eval/labels.ts for the label format). Kinds and input forms:
 *
 * - national-daily (人民日报 2025, real compositions: the articles of one 版 of one day):
 *   `epaper` (one paragraph per line, U+3000 indents, CRLF, three header lines per article) and
 *   `pdf` (blank-line separated blocks hard-wrapped at 12–24 characters, masthead or page header,
 *   paragraphs split across column breaks with the join labelled).
 * - national-1946 (人民日报 1946, real compositions): `db` (the archive database's layout the
 *   articles were taken from: 　　title, 4-space indented lines) and `pdf`.
 * - city-daily, evening, county (styled: the 2025 articles laid out in those papers' conventions,
 *   under invented paper names): `epaper` and `pdf`.
 * - seeds: the five seeds as they are, with labels written by reading them.
 *
 * The held-out set (tests/corpus/heldout/, issue 10) is laid out by the same code from
 * `articles/*-heldout.json`: days of 人民日报 the parser was never tuned on. `npm run eval` reports
 * it under its own heading and does not gate on it; `npm run train` never reads it.
 *
 * Usage: npm run corpus [-- --check]   (--check: exit 1 when the files on disk differ)
 */
import { optionsOrExit } from '../src/lib/util/script-options.ts';
import { fnv1a } from '../tests/support/prng.ts';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { CorpusLabels, LabelArticle } from './eval/labels.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, 'tests/corpus');

type Para = string | { subhead: string };
interface StoredArticle {
  id: string;
  repo?: string;
  path: string;
  commit: string;
  date: string;
  page: number;
  section?: string | null;
  /** a column banner printed above the article (纵横), part of no article */
  banner?: string;
  kicker?: string | null;
  headline?: string;
  subtitle?: string | null;
  titleLines?: string[];
  byline: string | null;
  dateline?: string | null;
  authors?: string[];
  caption?: string;
  photoCredit?: string;
  pageCredit?: string;
  paragraphs: Para[];
}
interface StoredFile {
  source: { repo: string; paper: string };
  articles: StoredArticle[];
}

function load(name: string): StoredArticle[] {
  const f = JSON.parse(readFileSync(join(CORPUS, 'articles', name), 'utf8')) as StoredFile;
  return f.articles.map((a) => ({ ...a, repo: a.repo ?? f.source.repo }));
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function cnPage(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
}
function ymd(iso: string) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d, wd: WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]! };
}
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Cut text into lines of `width` characters (code points), as a PDF text layer prints a column. */
function wrap(text: string, width: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

/** A page being written: lines, and the labelled article each line belongs to. */
class PageWriter {
  lines: string[] = [];
  owner: (number | null)[] = [];
  joins: { before: number; after: number }[] = [];
  add(text: string, article: number | null = null): number {
    this.lines.push(text);
    this.owner.push(text.trim() ? article : null);
    return this.lines.length;
  }
  blank() {
    this.add('');
  }
}

interface Styled {
  kind: string;
  paper: string;
  code: string;
}

interface BuiltArticle {
  stored: StoredArticle;
  kicker: string | null;
  headline: string;
  subtitle: string | null;
  titleLines?: string[];
  byline: string | null;
  /** how the byline is printed: a line of its own, or opening the first paragraph */
  bylinePlacement: 'line' | 'inline' | 'none';
  paragraphs: Para[];
  caption: string | null;
  banner: string | null;
}

const subheadText = (p: Para) => (typeof p === 'string' ? p : p.subhead);

/** The 2025 article as 人民日报 printed it. */
function asPrinted(a: StoredArticle): BuiltArticle {
  const inline = !a.byline && !!a.dateline;
  return {
    stored: a,
    kicker: a.kicker ?? null,
    headline: a.headline ?? '',
    subtitle: a.subtitle ?? null,
    titleLines: a.titleLines,
    byline: a.byline ?? a.dateline ?? null,
    bylinePlacement: a.byline ? 'line' : inline ? 'inline' : 'none',
    paragraphs: a.paragraphs,
    caption: a.caption ? `${a.caption}${a.photoCredit ? a.photoCredit : ''}` : null,
    banner: a.banner ?? null,
  };
}

/** The 2025 article as a city daily, an evening paper or a county paper would print it. */
function restyle(a: StoredArticle, kind: string, paper: Styled, k: number): BuiltArticle {
  const base = asPrinted(a);
  const names = (a.authors ?? []).map((n) => n);
  const { m, d } = ymd(a.date);
  const first = a.paragraphs[0];
  const rest = a.paragraphs.slice(1);
  if (a.dateline || names.length === 0) {
    // Wire copy and unsigned pieces are printed as they came.
    return { ...base, byline: a.dateline ?? null, bylinePlacement: a.dateline ? 'inline' : 'none' };
  }
  const staff = names.length > 1 ? `${names[0]} 通讯员 ${names.slice(1).join(' ')}` : names[0]!;
  let byline: string;
  let placement: BuiltArticle['bylinePlacement'] = 'inline';
  if (kind === 'city-daily') {
    byline =
      k % 3 === 2
        ? `本报北京${m}月${Math.max(1, d - 1)}日电（记者 ${names.join(' ')}）`
        : `本报讯（记者 ${staff}）`;
  } else if (kind === 'evening') {
    byline = `${paper.paper}讯 (全媒体记者 ${staff})`;
  } else {
    byline = `■本报记者 ${staff}`;
    placement = 'line';
  }
  const paragraphs: Para[] =
    placement === 'inline' && typeof first === 'string' ? [byline + first, ...rest] : a.paragraphs;
  return { ...base, byline, bylinePlacement: placement, paragraphs };
}

function headerLines(b: BuiltArticle): string[] {
  if (b.titleLines) return b.titleLines;
  return [b.kicker, b.headline, b.subtitle].filter((x): x is string => !!x);
}

/** One paragraph per line, U+3000 indents, CRLF; three header lines (empty when absent). */
function writeEpaper(w: PageWriter, arts: BuiltArticle[]) {
  arts.forEach((b, k) => {
    if (b.banner) w.add(b.banner);
    if (b.titleLines) {
      // Roles unknown: the title lines as printed, padded to three header lines.
      const t = [...b.titleLines, '', '', ''].slice(0, Math.max(3, b.titleLines.length));
      for (const line of t) w.add(line, k);
    } else {
      w.add(b.kicker ?? '', k);
      w.add(b.headline, k);
      w.add(b.subtitle ?? '', k);
    }
    if (b.bylinePlacement === 'line' && b.byline) w.add(b.byline, k);
    if (b.caption) w.add('　　' + b.caption, k);
    for (const p of b.paragraphs) w.add('　　' + subheadText(p), k);
  });
}

/** The archive database's layout (fangj/rmrb): 　　first title line, 4-space indented lines. */
function writeDb(w: PageWriter, arts: BuiltArticle[]) {
  arts.forEach((b, k) => {
    if (b.banner) w.add('　　' + b.banner);
    const [h, ...more] = headerLines(b);
    w.add('　　' + h!, k);
    for (const t of more) w.add('    ' + t, k);
    if (b.bylinePlacement === 'line' && b.byline) w.add('    ' + b.byline, k);
    for (const p of b.paragraphs) {
      w.add(typeof p === 'string' ? '    ' + p : '            ' + p.subhead, k);
    }
  });
}

/**
 * A PDF text layer: blank-line separated blocks, body lines hard-wrapped at `width`; in every
 * other article the longest paragraph is split across a column break (a blank line, with the
 * photo caption between the halves when the article has one), and the join is labelled.
 */
function writePdf(w: PageWriter, arts: BuiltArticle[], width: number, seed: number) {
  arts.forEach((b, k) => {
    if (b.banner) {
      w.add(b.banner);
      w.blank();
    }
    for (const t of headerLines(b)) {
      w.add(t, k);
      w.blank();
    }
    if (b.bylinePlacement === 'line' && b.byline) {
      w.add(b.byline, k);
      w.blank();
    }
    const texts = b.paragraphs.map(subheadText);
    const wrapped = texts.map((t) => wrap(t, width));
    let split = -1;
    if ((k + seed) % 2 === 0) {
      let best = -1;
      wrapped.forEach((lines, i) => {
        if (
          typeof b.paragraphs[i] === 'string' &&
          lines.length >= 3 &&
          (best < 0 || lines.length > wrapped[best]!.length)
        )
          best = i;
      });
      split = best;
    }
    let captionDone = false;
    wrapped.forEach((lines, i) => {
      if (i === split) {
        const cut = Math.floor(lines.length / 2);
        let last = 0;
        for (const l of lines.slice(0, cut)) last = w.add(l, k);
        w.blank();
        if (b.caption) {
          for (const l of wrap(b.caption, width)) w.add(l, k);
          w.blank();
          captionDone = true;
        }
        const next = w.lines.length + 1;
        for (const l of lines.slice(cut)) w.add(l, k);
        w.blank();
        w.joins.push({ before: last, after: next });
      } else {
        for (const l of lines) w.add(l, k);
        w.blank();
      }
    });
    if (b.caption && !captionDone) {
      for (const l of wrap(b.caption, width)) w.add(l, k);
      w.blank();
    }
  });
}

interface PageSpec {
  /** the corpus folder under tests/corpus: pages (development) or heldout */
  set: string;
  kind: string;
  form: string;
  name: string;
  composition: 'real' | 'styled';
  paper: string;
  date: string;
  page: number;
  arts: BuiltArticle[];
  /** lines printed before the articles (masthead, page header), not part of any article */
  top: string[];
  /** lines printed after the articles (责任编辑 …) */
  bottom: string[];
  crlf: boolean;
  dateEvidence: string[];
}

function render(spec: PageSpec): { text: string; labels: CorpusLabels } {
  const w = new PageWriter();
  const blankSeparated = spec.form === 'pdf';
  for (const t of spec.top) {
    w.add(t);
    if (blankSeparated) w.blank();
  }
  const width = 12 + (fnv1a(spec.name) % 13);
  if (spec.form === 'epaper') writeEpaper(w, spec.arts);
  else if (spec.form === 'db') writeDb(w, spec.arts);
  else writePdf(w, spec.arts, width, fnv1a(spec.name) % 2);
  for (const t of spec.bottom) w.add(t);
  while (w.lines.length && !w.lines[w.lines.length - 1]!.trim()) {
    w.lines.pop();
    w.owner.pop();
  }
  const articles: LabelArticle[] = spec.arts.map((b, k) => {
    const lines = w.owner.flatMap((o, i) => (o === k ? [i + 1] : []));
    const subheads = b.paragraphs.filter((p) => typeof p !== 'string').map(subheadText);
    return {
      page: spec.page,
      ...(b.titleLines
        ? { titleLines: b.titleLines, kicker: null, headline: null, subtitle: null }
        : { kicker: b.kicker, headline: b.headline, subtitle: b.subtitle }),
      byline: b.byline,
      subheads,
      caption: b.caption,
      lines,
      text: lines.map((n) => w.lines[n - 1]!),
      source: `${b.stored.repo}:${b.stored.path}@${b.stored.commit.slice(0, 12)}#${b.stored.id}`,
    };
  });
  const nl = spec.crlf ? '\r\n' : '\n';
  return {
    text: w.lines.join(nl) + nl,
    labels: {
      schema: 'baokan/corpus-labels@1',
      input: `tests/corpus/${spec.set}/${spec.kind}/${spec.name}.txt`,
      name: `${spec.name}.txt`,
      kind: spec.kind,
      form: spec.form,
      composition: spec.composition,
      paper: spec.paper,
      date: spec.date,
      dateEvidence: spec.dateEvidence,
      pages: [spec.page],
      articles,
      joins: spec.form === 'pdf' ? w.joins : null,
    },
  };
}

/** Names that carry the date in different ways (and one in ten that carries none). */
function fileName(code: string, date: string, page: number, k: number): { name: string; dated: boolean } {
  const { y, m, d } = ymd(date);
  const ds = `${y}${pad2(m)}${pad2(d)}`;
  switch (k % 5) {
    case 0:
      return { name: `${code}_${ds}-p${pad2(page)}`, dated: true };
    case 1:
      return { name: `${code}-${y}-${pad2(m)}-${pad2(d)}_${pad2(page)}`, dated: true };
    case 2:
      return { name: `${code}${ds}第${pad2(page)}版`, dated: true };
    case 3:
      return { name: `${code}_${y}_${pad2(m)}_${pad2(d)}_A${pad2(page)}`, dated: true };
    default:
      return { name: `${code}-undated-${k}`, dated: false };
  }
}

function national(arts: StoredArticle[], set = 'pages'): PageSpec[] {
  const groups = new Map<string, StoredArticle[]>();
  for (const a of arts) {
    const key = `${a.date}|${a.page}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const specs: PageSpec[] = [];
  let k = 0;
  for (const [, group] of groups) {
    const { date, page, section } = group[0]!;
    const { y, m, d, wd } = ymd(date);
    const built = group.map(asPrinted);
    const credits = group.flatMap((a) => (a.pageCredit ? [a.pageCredit] : []));
    for (const form of ['epaper', 'pdf']) {
      const fn = fileName('rmrb', date, page, k);
      const dated = fn.dated;
      let top: string[] = [];
      const ev: string[] = [];
      if (form === 'epaper') {
        if (k % 2 === 0 || !dated) {
          top = [`《人民日报》（${y}年${pad2(m)}月${pad2(d)}日第 ${pad2(page)} 版）`];
          ev.push('text');
        }
      } else if (page === 1) {
        top = [
          '人民日报',
          'RENMIN RIBAO',
          `${y}年${m}月${d}日  ${wd}`,
          '人民网网址：http://www.people.com.cn',
        ];
        ev.push('masthead');
      } else {
        top = [`人民日报  ${y}年${m}月${d}日  ${wd}  第${page}版  ${section ?? ''}`.trim()];
        ev.push('header');
      }
      if (dated) ev.push('file-name');
      specs.push({
        set,
        kind: 'national-daily',
        form,
        name: `${form}-${fn.name}`,
        composition: 'real',
        paper: '人民日报',
        date,
        page,
        arts: built,
        top,
        bottom: credits,
        crlf: form === 'epaper',
        dateEvidence: ev,
      });
      k++;
    }
  }
  return specs;
}

function national1946(arts: StoredArticle[], set = 'pages'): PageSpec[] {
  const groups = new Map<string, StoredArticle[]>();
  for (const a of arts) groups.set(`${a.date}|${a.page}`, [...(groups.get(`${a.date}|${a.page}`) ?? []), a]);
  const specs: PageSpec[] = [];
  let k = 0;
  for (const [, group] of groups) {
    const { date, page } = group[0]!;
    const { y, m, d, wd } = ymd(date);
    for (const form of ['db', 'pdf']) {
      const fn = fileName('rmrb', date, page, k === 4 ? 0 : k);
      const top =
        form === 'pdf' && k % 3 === 0 ? [`人民日报  ${y}年${m}月${d}日  ${wd}  第${cnPage(page)}版`] : [];
      specs.push({
        set,
        kind: 'national-1946',
        form,
        name: `${form}-${fn.name}`,
        composition: 'real',
        paper: '人民日报',
        date,
        page,
        arts: group.map(asPrinted),
        top,
        bottom: [],
        crlf: false,
        dateEvidence: [...(top.length ? ['header'] : []), 'file-name'],
      });
      k++;
    }
  }
  return specs;
}

const STYLED: Styled[] = [
  { kind: 'city-daily', paper: '临江日报', code: 'ljrb' },
  { kind: 'evening', paper: '临江晚报', code: 'ljwb' },
  { kind: 'county', paper: '青溪报', code: 'qxb' },
];
const EDITORS = ['周红', '李芳', '陈敏', '王强', '刘洋', '赵磊'];
const SECTIONS = ['要闻', '综合', '城事', '民生', '经济', '文体'];

function styled(arts: StoredArticle[], set = 'pages'): PageSpec[] {
  const byDate = new Map<string, StoredArticle[]>();
  for (const a of arts) byDate.set(a.date, [...(byDate.get(a.date) ?? []), a]);
  const specs: PageSpec[] = [];
  STYLED.forEach((paper, pk) => {
    for (const form of ['epaper', 'pdf']) {
      let k = 0;
      for (const [date, list] of byDate) {
        const { y, m, d, wd } = ymd(date);
        // Rotate the day's articles so that each kind composes its pages differently.
        const order = list.map((_, i) => list[(i + pk * 3 + (form === 'pdf' ? 1 : 0)) % list.length]!);
        const pages: StoredArticle[][] = [];
        for (let i = 0; i < order.length;) {
          const size = order.length - i === 3 ? 3 : 2;
          pages.push(order.slice(i, i + size));
          i += size;
        }
        pages.forEach((group, pi) => {
          const page = pi + 1;
          const section = SECTIONS[(pi + pk) % SECTIONS.length]!;
          const editor = EDITORS[(k + pk) % EDITORS.length]!;
          const fn = fileName(paper.code, date, page, k + pk);
          const ev: string[] = [];
          let top: string[];
          const pageLabel =
            paper.kind === 'evening' ? `A${pad2(page)}` : k % 2 ? `第${page}版` : `第${cnPage(page)}版`;
          if (form === 'epaper') {
            top = [`${paper.paper} ${y}年${pad2(m)}月${pad2(d)}日 第${pad2(page)}版：${section}`];
            ev.push('header');
          } else if (page === 1) {
            top =
              paper.kind === 'city-daily'
                ? [
                    paper.paper,
                    'LINJIANG DAILY',
                    '中共临江市委机关报',
                    `${y}年${m}月${d}日  ${wd}`,
                    `第${12000 + k}号`,
                    '今日八版',
                  ]
                : paper.kind === 'evening'
                  ? [paper.paper, `${y}年${m}月${d}日 ${wd}`, '今日24版', `第${8800 + k}期`]
                  : [paper.paper, '中共青溪县委主办', `${y}年${m}月${d}日  ${wd}`, `第${1500 + k}期`];
            ev.push('masthead');
          } else if (!fn.dated || k % 2 === 0) {
            top = [`${paper.paper}  ${y}年${m}月${d}日  ${wd}  ${pageLabel}  ${section}`];
            ev.push('header');
          } else {
            top = [paper.kind === 'evening' ? `${pageLabel} ${section}` : `${pageLabel} ${section}`];
          }
          if (fn.dated) ev.push('file-name');
          specs.push({
            set,
            kind: paper.kind,
            form,
            name: `${form}-${fn.name}`,
            composition: 'styled',
            paper: paper.paper,
            date,
            page,
            arts: group.map((a, i) => restyle(a, paper.kind, paper, i + k)),
            top,
            bottom: form === 'pdf' ? [`责任编辑：${editor}  版式：${EDITORS[(k + 3) % EDITORS.length]}`] : [],
            crlf: form === 'epaper',
            dateEvidence: ev,
          });
          k++;
        });
      }
    }
  });
  return specs;
}

interface SeedArticleSpec {
  page: number;
  kicker: string | null;
  headline: string | null;
  subtitle: string | null;
  titleLines?: string[];
  byline: string | null;
  /** source lines as ranges: "12-20,25" */
  lines: string;
  note?: string;
}
interface SeedSpec {
  input: string;
  paper: string;
  date: string;
  dateEvidence: string[];
  pages: number[];
  joins: { before: number; after: number }[];
  articles: SeedArticleSpec[];
}

function expandRanges(s: string): number[] {
  return s.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number) as [number, number | undefined];
    const out: number[] = [];
    for (let i = a; i <= (b ?? a); i++) out.push(i);
    return out;
  });
}

function seedLabels(): { name: string; labels: CorpusLabels }[] {
  const dir = join(CORPUS, 'seeds');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const spec = JSON.parse(readFileSync(join(dir, f), 'utf8')) as SeedSpec;
      const text = readFileSync(join(ROOT, spec.input), 'utf8').replace(/\r\n?/g, '\n').split('\n');
      const articles: LabelArticle[] = spec.articles.map((a) => {
        const lines = expandRanges(a.lines).filter((n) => text[n - 1]?.trim());
        return {
          page: a.page,
          kicker: a.kicker,
          headline: a.headline,
          subtitle: a.subtitle,
          ...(a.titleLines ? { titleLines: a.titleLines } : {}),
          byline: a.byline,
          subheads: [],
          caption: null,
          lines,
          text: lines.map((n) => text[n - 1]!),
          source: `${spec.input}:${a.lines}`,
        };
      });
      const name = f.replace(/\.json$/, '');
      return {
        name,
        labels: {
          schema: 'baokan/corpus-labels@1',
          input: spec.input,
          name: spec.input.split('/').pop()!,
          kind: 'seeds',
          form: 'seed',
          composition: 'real',
          paper: spec.paper,
          date: spec.date,
          dateEvidence: spec.dateEvidence,
          pages: spec.pages,
          articles,
          joins: spec.joins,
        },
      };
    });
}

export async function buildCorpus(): Promise<Map<string, string>> {
  // Labels are written as Prettier writes JSON, so that `npm run lint` accepts the generated files.
  const config = (await resolveConfig(join(CORPUS, 'x.json'))) ?? {};
  const json = (v: unknown) => format(JSON.stringify(v), { ...config, parser: 'json' });
  const out = new Map<string, string>();
  const a2025 = load('rmrb-2025.json');
  const a1946 = load('rmrb-1946.json');
  const h2025 = load('rmrb-2025-heldout.json');
  const h1946 = load('rmrb-1946-heldout.json');
  const specs = [
    ...national(a2025),
    ...national1946(a1946),
    ...styled(a2025),
    ...national(h2025, 'heldout'),
    ...national1946(h1946, 'heldout'),
    ...styled(h2025, 'heldout'),
  ];
  const names = new Set<string>();
  for (const spec of specs) {
    const key = `${spec.set}/${spec.kind}/${spec.name}`;
    if (names.has(key)) throw new Error(`two corpus pages named ${key}`);
    names.add(key);
    const { text, labels } = render(spec);
    out.set(`${key}.txt`, text);
    out.set(`${key}.labels.json`, await json(labels));
  }
  for (const { name, labels } of seedLabels()) {
    out.set(`pages/seeds/${name}.labels.json`, await json(labels));
  }
  return out;
}

async function main() {
  const check = optionsOrExit({ check: 'boolean' }, 'usage: npm run corpus -- [--check]').check ?? false;
  const files = await buildCorpus();
  const pagesDir = join(CORPUS, 'pages');
  const heldoutDir = join(CORPUS, 'heldout');
  if (check) {
    let bad = 0;
    for (const [rel, content] of files) {
      const p = join(CORPUS, rel);
      if (!existsSync(p) || readFileSync(p, 'utf8') !== content) {
        console.error(`differs: tests/corpus/${rel}`);
        bad++;
      }
    }
    if (bad) process.exit(1);
    console.log(`corpus: ${files.size} files up to date`);
    return;
  }
  rmSync(pagesDir, { recursive: true, force: true });
  rmSync(heldoutDir, { recursive: true, force: true });
  for (const [rel, content] of files) {
    const p = join(CORPUS, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  const count = (set: string) =>
    [...files.keys()].filter((k) => k.startsWith(set + '/') && k.endsWith('.labels.json')).length;
  console.log(
    `corpus: ${count('pages')} labelled pages written to ${relative(ROOT, pagesDir)}/, ` +
      `${count('heldout')} held-out pages to ${relative(ROOT, heldoutDir)}/`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
