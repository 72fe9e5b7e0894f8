/**
 * The labelled development corpus as PDFs: each labelled page (tests/corpus/pages/**, a text
 * file and its `.labels.json`, see scripts/eval/labels.ts) typeset as a multi-column newspaper
 * page by src/lib/pdf (typeset.ts, pdf-writer.ts), so that the PDF reader can be measured against
 * the same labels as the text parser (`npm run eval:pdf`, scripts/eval-pdf.ts).
 *
 * What a page's articles are made of comes from its labels and its text: the title lines (引题,
 * 主题, 副题, or title lines whose roles are unknown) are set as the title block; a byline printed
 * on a line of its own stays on a line of its own (one that opens a paragraph stays in it); the
 * caption goes under a picture; subheads are set bold; every other block of the article's lines
 * is a paragraph (one per line in e-paper and database text; in blank-line separated text a block,
 * with the labelled column-break joins rejoined). Lines outside every article are the masthead
 * (front pages whose labels say the date is read from one), the page header, or the credits at the
 * foot of the page. Nothing is added or dropped: the PDF's text layer holds exactly the page
 * file's non-white-space characters (writePdf checks its own output).
 *
 * Deterministic: columns (2–5) and layout choices come from a hash of the file name.
 *
 * Usage: npx tsx scripts/pdf-corpus.ts [--out <dir>] [--pages <text>]
 *   writes <dir>/<kind>/<name>.pdf (default eval-out/pdf-corpus/, git-ignored)
 */
import { optionsOrExit } from '../src/lib/util/script-options.ts';
import { fnv1a } from '../tests/support/prng.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeIssue } from '../src/lib/parse/read.ts';
import type { TypesetArticle, TypesetPage } from '../src/lib/pdf/typeset.ts';
import type { CorpusLabels, LabelArticle } from './eval/labels.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const squash = (s: string) => s.replace(/\s+/gu, '');

/** A corpus page ready to typeset, with what the reader should find. */
export interface CorpusDocument {
  labels: CorpusLabels;
  /** the pages to set, in the order of labels.pages */
  pages: TypesetPage[];
  /** per labelled article: its body paragraphs in reading order, as set (subheads included) */
  paragraphs: string[][];
  /** per labelled article: its byline was set on a line of its own (not opening a paragraph) */
  bylineLine: boolean[];
  /** labelled title strings that could not be found as a block of their own and were set as body */
  unplacedTitles: string[];
}

/** An article's lines as blocks: line numbers, joined where a labelled column break split a paragraph. */
function articleBlocks(a: LabelArticle, labels: CorpusLabels, text: (n: number) => string): string[] {
  const perLine = labels.form === 'epaper' || labels.form === 'db';
  const blocks: number[][] = [];
  a.lines.forEach((n, i) => {
    if (!perLine && i > 0 && a.lines[i - 1] === n - 1) blocks[blocks.length - 1]!.push(n);
    else blocks.push([n]);
  });
  for (const j of labels.joins ?? []) {
    const from = blocks.findIndex((b) => b.includes(j.before));
    const to = blocks.findIndex((b) => b.includes(j.after));
    if (from >= 0 && to > from) {
      blocks[from]!.push(...blocks[to]!);
      blocks.splice(to, 1);
    }
  }
  return blocks.map((b) => b.map((n) => text(n).trim()).join(''));
}

/** Take the first unused block equal (white space ignored) to `s`; its index, or -1. */
function take(blocks: string[], used: boolean[], s: string | null): number {
  if (!s) return -1;
  const k = blocks.findIndex((b, i) => !used[i] && squash(b) === squash(s));
  if (k >= 0) used[k] = true;
  return k;
}

function buildArticle(
  a: LabelArticle,
  labels: CorpusLabels,
  text: (n: number) => string,
  unplaced: string[],
): { article: TypesetArticle; paragraphs: string[] } {
  const blocks = articleBlocks(a, labels, text);
  const used = blocks.map(() => false);
  const title = (s: string | null) => {
    if (!s) return null;
    if (take(blocks, used, s) >= 0) return s;
    unplaced.push(s);
    return null;
  };
  const titleLines = a.titleLines?.map(title).filter((t): t is string => t !== null);
  const kicker = a.titleLines ? null : title(a.kicker);
  const headline = a.titleLines ? '' : (title(a.headline) ?? '');
  const subtitle = a.titleLines ? null : title(a.subtitle);
  const byline = take(blocks, used, a.byline) >= 0 ? a.byline : null;
  const caption = take(blocks, used, a.caption) >= 0 ? a.caption : null;
  const subheads = new Set(a.subheads.map(squash));
  const paragraphs = blocks
    .filter((_, i) => !used[i])
    .map((b) => ({ text: b, ...(subheads.has(squash(b)) ? { subhead: true } : {}) }));
  return {
    article: {
      kicker,
      headline,
      subtitle,
      ...(titleLines ? { titleLines } : {}),
      byline,
      caption: caption ? caption : null,
      paragraphs,
    },
    paragraphs: paragraphs.map((p) => p.text),
  };
}

/** Lines outside every article: the top of a page (masthead or header) or its foot. */
function looseLines(labels: CorpusLabels, lines: readonly string[]) {
  const owner = new Map<number, number>();
  labels.articles.forEach((a, k) => a.lines.forEach((n) => owner.set(n, k)));
  const pageOf = (k: number) => labels.articles[k]!.page;
  const top = new Map<number, string[]>();
  const foot = new Map<number, string[]>();
  const push = (m: Map<number, string[]>, p: number, s: string) => m.set(p, [...(m.get(p) ?? []), s]);
  let previous: number | null = null;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (owner.has(n)) {
      previous = owner.get(n)!;
      return;
    }
    if (!line.trim()) return;
    let next: number | null = null;
    for (let m = n + 1; m <= lines.length && next === null; m++) next = owner.get(m) ?? null;
    if (previous === null) push(top, next === null ? labels.pages[0]! : pageOf(next), line.trim());
    else if (next !== null && pageOf(next) !== pageOf(previous)) push(top, pageOf(next), line.trim());
    else push(foot, pageOf(previous), line.trim());
  });
  return { top, foot };
}

/** Read one labelled page and make it ready to typeset. */
export function corpusDocument(labelFile: string): CorpusDocument {
  const labels = JSON.parse(readFileSync(labelFile, 'utf8')) as CorpusLabels;
  const source = decodeIssue(readFileSync(join(ROOT, labels.input)), labels.name);
  const text = (n: number) => source.lines[n - 1] ?? '';
  const unplacedTitles: string[] = [];
  const built = labels.articles.map((a) => buildArticle(a, labels, text, unplacedTitles));
  const { top, foot } = looseLines(labels, source.lines);
  const seed = fnv1a(labels.name);
  const pages = labels.pages.map((p, i): TypesetPage => {
    const topLines = top.get(p) ?? [];
    const masthead = i === 0 && labels.dateEvidence.includes('masthead');
    return {
      masthead: masthead ? topLines : [],
      header: masthead ? [] : topLines,
      footer: foot.get(p) ?? [],
      articles: built.filter((_, k) => labels.articles[k]!.page === p).map((b) => b.article),
      columns: 2 + ((seed >>> (4 + i)) % 4),
      seed: seed + i,
    };
  });
  return {
    labels,
    pages,
    paragraphs: built.map((b) => b.paragraphs),
    bylineLine: built.map((b) => b.article.byline !== null),
    unplacedTitles,
  };
}

async function main() {
  const { writePdf } = await import('../src/lib/pdf/pdf-writer.ts');
  const { listLabels } = await import('./eval/run.ts');
  const args = optionsOrExit(
    { out: 'string', pages: 'string' },
    'usage: npx tsx scripts/pdf-corpus.ts [--out DIR] [--pages TEXT]',
  );
  const out = args.out ?? join(ROOT, 'eval-out/pdf-corpus');
  const filter = args.pages;
  const files = listLabels(ROOT).filter((f) => !filter || relative(ROOT, f).includes(filter));
  let bytes = 0;
  for (const f of files) {
    const doc = corpusDocument(f);
    const { pdf } = writePdf(doc.pages);
    const path = join(out, doc.labels.kind, doc.labels.name.replace(/\.txt$/u, '.pdf'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, pdf);
    bytes += pdf.length;
    if (doc.unplacedTitles.length)
      console.log(`${doc.labels.input}: set as body: ${doc.unplacedTitles.join(' / ')}`);
  }
  console.log(
    `pdf-corpus: ${files.length} PDFs (${(bytes / 1024).toFixed(0)} KB) written to ${relative(ROOT, out)}/`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
