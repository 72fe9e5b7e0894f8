/**
 * `npm run eval:pdf`: the PDF form of the evaluation. Every labelled corpus page is typeset as a
 * multi-column PDF (scripts/pdf-corpus.ts), read back through the PDF path (src/lib/pdf/read-pdf.ts)
 * and scored against its labels with the text evaluation's scoring (scripts/eval/score.ts):
 * segmentation precision/recall/F1 and title-block accuracy (byline, date and paper too). Column
 * joins do not apply (the PDF has no hard-wrapped text file). Two more figures:
 *
 * - paragraph reading order: for each labelled article, the longest common subsequence of the
 *   paragraphs it was set with and the paragraphs the reader found in the article paired with it
 *   (texts compared without white space; a byline or cross-reference the reader takes out of a
 *   paragraph is taken out of the set paragraph the same way), over the number set;
 * - milliseconds per page: writing the PDF (typeset), reading it (extract: MuPDF's text layer and
 *   the layout analysis, up to the Issue) and rendering it at 144 dpi (render: MuPDF's rasteriser,
 *   as a facsimile image would be made).
 *
 * - the same PDFs through pdftotext (poppler, when installed) and the text parser: the form a PDF
 *   text-layer dump takes, measured against the same labels (reported, not gated).
 *
 * Options: --pages <text> (only label files whose path contains it), --missed (list the labelled
 * articles not found), --out <dir> (also write the PDFs there).
 */
import { optionsOrExit } from '../src/lib/util/script-options.ts';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as mupdf from 'mupdf';
import { loadCatalog } from '../src/lib/edition/load-folder.ts';
import { matchByline } from '../src/lib/parse/byline.ts';
import { matchContinuedFrom, matchContinuedOn, matchSee } from '../src/lib/parse/cross-references.ts';
import { FontSet } from '../src/lib/pdf/fonts.ts';
import { writePdf } from '../src/lib/pdf/pdf-writer.ts';
import { parsePdf } from '../src/lib/pdf/read-pdf.ts';
import { parseIssue } from '../src/lib/parse/parse-issue.ts';
import type { Issue } from '../src/lib/model/issue.ts';
import { listLabels } from './eval/run.ts';
import {
  articleStrings,
  formatTable,
  scorePage,
  shared,
  squash,
  table,
  type PageScore,
} from './eval/score.ts';
import { corpusDocument } from './pdf-corpus.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function histogram(s: string): Map<string, number> {
  const h = new Map<string, number>();
  for (const ch of squash(s)) h.set(ch, (h.get(ch) ?? 0) + 1);
  return h;
}

/** Length of the longest common subsequence of two lists of strings. */
export function lcs(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = up;
    }
  }
  return row[b.length]!;
}

/**
 * The set paragraphs as the reader should give them: a byline opening the first paragraph (when
 * the byline was not set on a line of its own) and cross-references taken out.
 */
function expectedParagraphs(set: readonly string[], bylineLine: boolean): string[] {
  const out = [...set];
  const first = out[0] !== undefined && !bylineLine ? matchByline(out[0]) : null;
  // 本报讯 alone, its credits opening the next paragraph: the reader joins them into one byline.
  const joined = first && !first.rest && /^[（(]/u.test(out[1] ?? '') ? matchByline(out[0]! + out[1]!) : null;
  if (joined && !joined.open && joined.text.length > first!.text.length) out.splice(0, 2, joined.rest);
  else if (first && !first.open) out[0] = first.rest;
  if (out[0] !== undefined) out[0] = matchContinuedFrom(out[0], 0)?.rest ?? out[0];
  const k = out.length - 1;
  if (k >= 0) out[k] = matchContinuedOn(out[k]!, 0)?.rest ?? out[k]!;
  return out.filter((p) => p.trim() && !matchSee(p, 0)).map(squash);
}

/** Paragraphs in order: [in order, set] over the page's labelled articles. */
function orderScore(
  issue: Issue,
  labelTexts: readonly string[],
  set: readonly string[][],
  bylineLine: readonly boolean[],
  misses: string[],
): [number, number] {
  const outHist = issue.articles.map((a) => histogram(articleStrings(a).join('')));
  let right = 0;
  let total = 0;
  labelTexts.forEach((text, k) => {
    const want = expectedParagraphs(set[k]!, bylineLine[k]!);
    total += want.length;
    const h = histogram(text);
    let best = -1;
    let bestShared = 0;
    outHist.forEach((o, j) => {
      const s = shared(h, o);
      if (s > bestShared) [best, bestShared] = [j, s];
    });
    if (best < 0) return;
    const got = issue.articles[best]!.paragraphs.map((p) => squash(p.text));
    const common = lcs(want, got);
    right += common;
    if (common < want.length) {
      const lost = want.find((p) => !got.includes(p)) ?? want[0]!;
      misses.push(
        `${want.length - common} of ${want.length} in ${issue.articles[best]!.title}: ${lost.slice(0, 30)}`,
      );
    }
  });
  return [right, total];
}

interface Timing {
  typeset: number;
  extract: number;
  render: number;
}

function renderMs(pdf: Uint8Array): number {
  const t0 = performance.now();
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  for (let i = 0; i < doc.countPages(); i++)
    doc.loadPage(i).toPixmap([2, 0, 0, 2, 0, 0], mupdf.ColorSpace.DeviceRGB, false, true);
  return performance.now() - t0;
}

/** Whether poppler's pdftotext is on the PATH. */
function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The page as a PDF text-layer dump: pdftotext's text (paragraph indents and the blank lines
 * between paragraphs dropped, a blank line where a column breaks), parsed as a text file of the
 * page's name and scored against its labels (no column joins: the lines are pdftotext's).
 */
function throughPdftotext(
  pdf: Uint8Array,
  labels: ReturnType<typeof corpusDocument>['labels'],
  scratch: string,
  catalog: ReturnType<typeof loadCatalog>,
): PageScore {
  const file = join(scratch, 'page.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\f/gu, '\n');
  const t0 = performance.now();
  const { issue, source } = parseIssue(new TextEncoder().encode(text), labels.name, {
    catalog,
    name: labels.name,
  });
  return scorePage(issue, { ...labels, joins: null }, source.lines, performance.now() - t0);
}

function main() {
  const args = optionsOrExit(
    { pages: 'string', out: 'string', missed: 'boolean' },
    'usage: npm run eval:pdf -- [--pages TEXT] [--out DIR] [--missed]',
  );
  const filter = args.pages;
  const out = args.out;
  const files = listLabels(ROOT).filter((f) => !filter || relative(ROOT, f).includes(filter));
  const catalog = loadCatalog(join(ROOT, 'content/papers.json'));
  const fonts = new FontSet();
  const pages: PageScore[] = [];
  const timing: Timing = { typeset: 0, extract: 0, render: 0 };
  let pdfPages = 0;
  let orderRight = 0;
  let orderTotal = 0;
  const conservation: string[] = [];
  const orderMisses: string[] = [];
  const pdftotext = hasPdftotext();
  const textPages: PageScore[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'baokan-pdftotext-'));
  for (const f of files) {
    const doc = corpusDocument(f);
    let t0 = performance.now();
    const { pdf } = writePdf(doc.pages, fonts);
    timing.typeset += performance.now() - t0;
    if (pdftotext) textPages.push(throughPdftotext(pdf, doc.labels, scratch, catalog));
    if (out) {
      const path = join(out, doc.labels.kind, doc.labels.name.replace(/\.txt$/u, '.pdf'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, pdf);
    }
    t0 = performance.now();
    const read = parsePdf(pdf, doc.labels.name.replace(/\.txt$/u, '.pdf'), { catalog });
    const ms = performance.now() - t0;
    timing.extract += ms;
    timing.render += renderMs(pdf);
    pdfPages += doc.pages.length;
    if (read.issue.warnings.some((w) => w.code === 'conservation-failed'))
      conservation.push(doc.labels.input);
    pages.push(scorePage(read.issue, { ...doc.labels, joins: null }, read.lines, ms));
    const misses: string[] = [];
    const [r, t] = orderScore(
      read.issue,
      doc.labels.articles.map((a) => a.text.join('')),
      doc.paragraphs,
      doc.bylineLine,
      misses,
    );
    for (const m of misses) orderMisses.push(`${doc.labels.input}: ${m}`);
    orderRight += r;
    orderTotal += t;
  }
  rmSync(scratch, { recursive: true, force: true });
  console.log(formatTable(table(pages)));
  if (pdftotext) {
    console.log('');
    console.log(
      'The same PDFs as text: pdftotext (poppler, without -layout) read by the text parser; reported, not gated',
    );
    console.log(formatTable(table(textPages).map((r) => ({ ...r, row: `pdftotext: ${r.row}` }))));
  } else
    console.log('(pdftotext not installed: the text-layer rows are left out; apt-get install poppler-utils)');
  console.log(
    `paragraph reading order: ${(orderRight / Math.max(1, orderTotal)).toFixed(3)} (${orderRight}/${orderTotal} paragraphs)`,
  );
  const per = (ms: number) => (ms / Math.max(1, pdfPages)).toFixed(1);
  console.log(
    `ms per PDF page (${pdfPages} pages): typeset ${per(timing.typeset)}, extract ${per(timing.extract)}, render 144 dpi ${per(timing.render)}`,
  );
  console.log(
    conservation.length
      ? `conservation failed: ${conservation.join(', ')}`
      : 'conservation: every page accounted for',
  );
  if (args.missed) {
    for (const p of pages) if (p.missed.length) console.log(`${p.input}: ${p.missed.join(' / ')}`);
    for (const p of textPages)
      if (p.missed.length) console.log(`pdftotext: ${p.input}: ${p.missed.join(' / ')}`);
    for (const m of orderMisses) console.log(`paragraphs out of order or not found: ${m}`);
  }
}

main();
