/**
 * Scoring a parsed corpus page against its labels (pure: no file system, no parser).
 *
 * - Segmentation: a labelled article is found when one output article holds exactly its text:
 *   the same multiset of non-white-space characters (the comparison the conservation ledger
 *   makes; it does not depend on the order the parser put the pieces in, e.g. a caption lifted
 *   out of a paragraph). Precision = found / output articles, recall = found / labelled articles.
 * - Title block and byline: each labelled article is paired with the output article sharing the
 *   most characters with it (at least half of the larger of the two); the title block is right
 *   when 引题, 主题 and 副题 all equal the labels (white space ignored), or, for labels that only
 *   know the title lines, when the output's title lines joined equal them; the byline is right
 *   when the output's byline text equals the label's (both absent counts as right).
 * - Column joins (pages whose labels know them): a predicted join is two consecutive source lines
 *   of one output paragraph that stand in different blocks (blank-line separated files) or on
 *   different lines (one paragraph per line).
 * - Date and paper: the issue's date value and paper name against the labels.
 */
import type { Issue } from '../../src/lib/model/issue.ts';
import type { CorpusLabels, LabelArticle } from './labels.ts';

export const squash = (s: string) => s.replace(/\s+/gu, '');

/** A sortable key of a text's non-white-space characters (order ignored). */
export function charKey(s: string): string {
  return Array.from(squash(s)).sort().join('');
}

/** The printed strings of an output article (as the conservation ledger counts them). */
export function articleStrings(a: Issue['articles'][number]): string[] {
  const out: string[] = [];
  for (const s of [a.column, a.kicker, a.headline, a.subtitle, a.byline?.text]) if (s) out.push(s);
  for (const p of a.paragraphs) out.push(p.text);
  for (const c of a.captions) out.push(c.text, c.credit ?? '');
  for (const t of a.tables) for (const row of t.rows) out.push(...row);
  for (const r of a.references) out.push(r.text);
  if (a.signature) out.push(a.signature.text);
  return out;
}

function histogram(s: string): Map<string, number> {
  const h = new Map<string, number>();
  for (const ch of squash(s)) h.set(ch, (h.get(ch) ?? 0) + 1);
  return h;
}

/** Characters two texts share (multiset intersection). */
export function shared(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [ch, k] of a) n += Math.min(k, b.get(ch) ?? 0);
  return n;
}

export interface PageScore {
  input: string;
  kind: string;
  form: string;
  segFound: number;
  segOutput: number;
  segLabelled: number;
  titleRight: number;
  bylineRight: number;
  /** null when the labels do not know the joins */
  joinsRight: number | null;
  joinsPredicted: number | null;
  joinsLabelled: number | null;
  dateRight: boolean;
  paperRight: boolean;
  ms: number;
  /** labelled articles not found, for reading the result */
  missed: string[];
}

function titleRight(label: LabelArticle, out: Issue['articles'][number] | undefined): boolean {
  if (!out) return false;
  const eq = (a: string | null | undefined, b: string | null | undefined) =>
    squash(a ?? '') === squash(b ?? '');
  if (label.titleLines) {
    return eq([out.kicker, out.headline, out.subtitle].filter(Boolean).join(''), label.titleLines.join(''));
  }
  return eq(out.kicker, label.kicker) && eq(out.headline, label.headline) && eq(out.subtitle, label.subtitle);
}

/** Block index of every line: blank-line runs separate blocks, or every line is one. */
export function blockIds(lines: readonly string[], perLine: boolean): number[] {
  const ids: number[] = [];
  let id = 0;
  lines.forEach((l, i) => {
    if (perLine) ids.push(i);
    else {
      if (!l.trim()) id++;
      ids.push(id);
    }
  });
  return ids;
}

export function predictedJoins(issue: Issue, lines: readonly string[], perLine: boolean): string[] {
  const block = blockIds(lines, perLine);
  const out: string[] = [];
  for (const a of issue.articles) {
    for (const p of a.paragraphs) {
      for (let i = 1; i < p.lines.length; i++) {
        const x = p.lines[i - 1]!;
        const y = p.lines[i]!;
        if (block[x - 1] !== block[y - 1]) out.push(`${x}|${y}`);
      }
    }
  }
  return out;
}

/**
 * The paper is right when it is the labelled paper — if anything can name it: the page prints its
 * name (white space ignored: 临 江 日 报), or the catalogue describes it (then the file name may name it). A page that names no paper
 * the parser could know is right when the parser says the paper is unknown: a guess there would be
 * a confident wrong answer.
 */
export function paperRight(
  issue: Issue,
  labels: CorpusLabels,
  lines: readonly string[],
  knownPapers: readonly string[],
): boolean {
  const knowable = knownPapers.includes(labels.paper) || lines.some((l) => squash(l).includes(labels.paper));
  return knowable ? issue.paper.name === labels.paper : issue.paper.id === 'unknown';
}

/**
 * Score one page. `lines` are the page file's lines (for the blocks of joins); `ms` the time the
 * parser took.
 */
export function scorePage(
  issue: Issue,
  labels: CorpusLabels,
  lines: readonly string[],
  ms: number,
  knownPapers: readonly string[] = [],
): PageScore {
  // Text printed twice is kept once by the parser; give it back to the article it was printed in.
  const extra = new Map<number, string[]>();
  for (const d of issue.duplicates) {
    const k = issue.articles.findIndex((a) => a.lines.start <= d.lines[0]! && d.lines[0]! <= a.lines.end);
    if (k >= 0) extra.set(k, [...(extra.get(k) ?? []), d.text]);
  }
  const outTexts = issue.articles.map((a, k) => [...articleStrings(a), ...(extra.get(k) ?? [])].join(''));
  const outKeys = new Map<string, number>();
  for (const t of outTexts) outKeys.set(charKey(t), (outKeys.get(charKey(t)) ?? 0) + 1);
  const outHist = outTexts.map(histogram);

  let segFound = 0;
  let titleOk = 0;
  let bylineOk = 0;
  const missed: string[] = [];
  for (const label of labels.articles) {
    const text = label.text.join('');
    const key = charKey(text);
    const left = outKeys.get(key) ?? 0;
    if (left > 0) {
      segFound++;
      outKeys.set(key, left - 1);
    } else {
      missed.push(label.headline ?? label.titleLines?.join(' ') ?? squash(text).slice(0, 20));
    }
    const h = histogram(text);
    const size = squash(text).length;
    let best = -1;
    let bestShared = 0;
    outHist.forEach((o, k) => {
      const s = shared(h, o);
      if (s > bestShared) {
        bestShared = s;
        best = k;
      }
    });
    const out =
      best >= 0 && bestShared * 2 >= Math.max(size, squash(outTexts[best]!).length)
        ? issue.articles[best]
        : undefined;
    if (titleRight(label, out)) titleOk++;
    if (out && squash(out.byline?.text ?? '') === squash(label.byline ?? '')) bylineOk++;
  }

  let joinsRight: number | null = null;
  let joinsPredicted: number | null = null;
  let joinsLabelled: number | null = null;
  if (labels.joins) {
    const perLine = labels.form === 'epaper' || labels.form === 'db';
    const predicted = new Set(predictedJoins(issue, lines, perLine));
    const gold = new Set(labels.joins.map((j) => `${j.before}|${j.after}`));
    joinsPredicted = predicted.size;
    joinsLabelled = gold.size;
    joinsRight = [...predicted].filter((j) => gold.has(j)).length;
  }

  return {
    input: labels.input,
    kind: labels.kind,
    form: labels.form,
    segFound,
    segOutput: issue.articles.length,
    segLabelled: labels.articles.length,
    titleRight: titleOk,
    bylineRight: bylineOk,
    joinsRight,
    joinsPredicted,
    joinsLabelled,
    dateRight: issue.date.value === labels.date,
    paperRight: paperRight(issue, labels, lines, knownPapers),
    ms,
    missed,
  };
}

export interface Row {
  row: string;
  pages: number;
  articles: number;
  segP: number;
  segR: number;
  segF1: number;
  title: number;
  byline: number;
  joinP: number | null;
  joinR: number | null;
  date: number;
  paper: number;
  msPerPage: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function aggregate(row: string, scores: readonly PageScore[]): Row {
  const sum = (f: (s: PageScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const found = sum((s) => s.segFound);
  const labelled = sum((s) => s.segLabelled);
  const p = ratio(
    found,
    sum((s) => s.segOutput),
  );
  const r = ratio(found, labelled);
  const withJoins = scores.filter((s) => s.joinsPredicted !== null);
  const jRight = withJoins.reduce((n, s) => n + s.joinsRight!, 0);
  const jPred = withJoins.reduce((n, s) => n + s.joinsPredicted!, 0);
  const jGold = withJoins.reduce((n, s) => n + s.joinsLabelled!, 0);
  return {
    row,
    pages: scores.length,
    articles: labelled,
    segP: p,
    segR: r,
    segF1: p + r === 0 ? 0 : (2 * p * r) / (p + r),
    title: ratio(
      sum((s) => s.titleRight),
      labelled,
    ),
    byline: ratio(
      sum((s) => s.bylineRight),
      labelled,
    ),
    joinP: jGold === 0 && jPred === 0 ? null : ratio(jRight, jPred),
    joinR: jGold === 0 ? null : ratio(jRight, jGold),
    date: ratio(scores.filter((s) => s.dateRight).length, scores.length),
    paper: ratio(scores.filter((s) => s.paperRight).length, scores.length),
    msPerPage: ratio(
      sum((s) => s.ms),
      scores.length,
    ),
  };
}

/** Rows: each kind × form, the seeds, and the total. */
export function table(scores: readonly PageScore[]): Row[] {
  const groups = new Map<string, PageScore[]>();
  for (const s of scores) {
    const key = s.kind === 'seeds' ? 'seeds' : `${s.kind} × ${s.form}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const keys = [...groups.keys()].sort((a, b) =>
    a === 'seeds' ? 1 : b === 'seeds' ? -1 : a.localeCompare(b),
  );
  return [...keys.map((k) => aggregate(k, groups.get(k)!)), aggregate('total', scores)];
}

const COLUMNS: [keyof Row, string][] = [
  ['pages', 'pages'],
  ['articles', 'arts'],
  ['segP', 'seg P'],
  ['segR', 'seg R'],
  ['segF1', 'seg F1'],
  ['title', 'title'],
  ['byline', 'byline'],
  ['joinP', 'join P'],
  ['joinR', 'join R'],
  ['date', 'date'],
  ['paper', 'paper'],
  ['msPerPage', 'ms/page'],
];

export function formatTable(rows: readonly Row[]): string {
  const cell = (r: Row, k: keyof Row) => {
    const v = r[k];
    if (v === null) return '—';
    if (k === 'pages' || k === 'articles') return String(v);
    if (k === 'msPerPage') return (v as number).toFixed(1);
    return (v as number).toFixed(3);
  };
  const head = ['row', ...COLUMNS.map(([, h]) => h)];
  const body = rows.map((r) => [r.row, ...COLUMNS.map(([k]) => cell(r, k))]);
  const width = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

/** Floors: `{ "<row>": { "<column>": minimum } }`. Returns one message per figure below its floor. */
export function checkFloors(rows: readonly Row[], floors: Record<string, Record<string, number>>): string[] {
  const out: string[] = [];
  for (const [row, cols] of Object.entries(floors)) {
    const r = rows.find((x) => x.row === row);
    if (!r) {
      out.push(`eval: row "${row}" has a floor but no pages`);
      continue;
    }
    for (const [col, min] of Object.entries(cols)) {
      const v = r[col as keyof Row];
      if (typeof v !== 'number') continue;
      if (v < min) out.push(`eval: ${row} ${col} ${v.toFixed(3)} is below its floor ${min.toFixed(3)}`);
    }
  }
  return out;
}
