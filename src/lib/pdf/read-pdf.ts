/**
 * A PDF (one 版 a page, or a whole issue) → the same `Issue` the text parser makes, plus where
 * each article is printed. The pipeline: extract.ts (MuPDF's text layer, rules, pictures) →
 * page-layout.ts (body size, header and foot zones, regions and leaves in reading order) →
 * articles.ts (title blocks, paragraphs, captions) → here: bylines, cross-references, masthead,
 * page headers and credits, paper and date, with the text pipeline's own rules.
 *
 * The PDF's "source lines" are its text lines in reading order (line 1 is the first line of the
 * first page's header); `source.lines` holds them, and every line number in the issue is one of
 * them. Conservation: every character of the text layer ends up in the issue (checked as the text
 * parser checks it; a failure is a warning).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Article, Issue, Masthead, Page, Warning } from '../model/issue.ts';
import { SCHEMA_ID } from '../model/issue.ts';
import { accountedStrings, checkConservation } from '../parse/conservation.ts';
import { findMasthead } from '../parse/masthead.ts';
import type { Block } from '../parse/blocks.ts';
import { identifyPaper, type PaperCatalog } from '../parse/paper.ts';
import { applyFileNameDate, inferPublicationDate } from '../parse/pubdate.ts';
import { fileSlug } from '../parse/parse-issue.ts';
import { assignPageSlugs, pageLabel } from '../edition/combine.ts';
import type { Correction } from '../editorial/corrections.ts';
import type { Hints } from '../editorial/hints.ts';
import { pageFromName } from '../parse/file-name.ts';
import { extractPdf, type TextLine } from './extract.ts';
import { layoutOf } from './page-layout.ts';
import { readArticles, type PdfArticleDraft } from './articles.ts';
import { finishArticle } from './finish-article.ts';
import { rounded, union, type Rect } from './geometry.ts';
import { pageNumberOf, PAGE_CREDITS } from './page-header.ts';

/** Where an article is printed: boxes on one page of the PDF. */
export interface ArticleRegion {
  /** the article's id (`Article.id`) */
  article: string;
  /** 0-based index of the PDF page (and of `Issue.pages`) */
  page: number;
  /** the smallest box holding the whole article, in PDF points from the page's top left */
  bbox: Rect;
  /** the parts: title block, each column leg, each picture */
  boxes: Rect[];
}

/** Size of each PDF page in points, for drawing regions over a rendering of it. */
export interface PdfPageSize {
  width: number;
  height: number;
}

export interface PdfParseOptions {
  catalog: PaperCatalog;
  hints?: Hints;
  /** editorial corrections (all files; those naming this file are applied to its text lines) */
  corrections?: readonly Correction[];
  /** the file's name under the seed folder; default: the path's last part */
  name?: string;
}

export interface PdfParse {
  issue: Issue;
  /** per article, in the order of issue.articles */
  regions: ArticleRegion[];
  pageSizes: PdfPageSize[];
  /** the text lines in reading order (line n is lines[n - 1]) */
  lines: string[];
}

/** A number to a tenth of a point. */
const rounded1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Source lines in reading order: each text line gets the next number once. A correction naming
 * that number is applied to the line's text as it is numbered, before anything reads the text,
 * as the text parser applies corrections to the decoded text before parsing: the numbers come
 * from the page's geometry alone, so a correction never moves a line.
 */
class LineBook {
  readonly lines: string[] = [];
  readonly applied: Correction[] = [];
  readonly problems: { line: number; message: string }[] = [];
  private readonly numbers = new Map<TextLine, number>();
  private readonly byLine = new Map<number, Correction[]>();
  constructor(corrections: readonly Correction[]) {
    for (const c of corrections) this.byLine.set(c.line, [...(this.byLine.get(c.line) ?? []), c]);
  }
  number = (line: TextLine): number => {
    let n = this.numbers.get(line);
    if (n === undefined) {
      n = this.lines.length + 1;
      line.text = this.correct(n, line.text);
      this.lines.push(line.text);
      this.numbers.set(line, n);
    }
    return n;
  };
  private correct(n: number, text: string): string {
    for (const c of this.byLine.get(n) ?? []) {
      const count = text.split(c.from).length - 1;
      if (count !== 1) {
        this.problems.push({ line: n, message: notApplied(c, count) });
        continue;
      }
      text = text.replace(c.from, () => c.to);
      this.applied.push(c);
    }
    this.byLine.delete(n);
    return text;
  }
  /** Corrections naming lines the PDF does not have. */
  unused(): { line: number; message: string }[] {
    return [...this.byLine.values()].flat().map((c) => ({ line: c.line, message: notApplied(c, 0) }));
  }
}

/** The text parser's message for a correction whose `from` is not once in its line. */
const notApplied = (c: Correction, count: number) =>
  `correction not applied: “${c.from}” occurs ${count} times in line ${c.line}`;

const asBlocks = (lines: { no: number; text: string }[]): Block[] =>
  lines.map((l, index) => ({
    index,
    lines: [{ no: l.no, text: l.text.trim() }],
    text: l.text.trim(),
    gapBefore: 0,
    indented: false,
    indent: '',
  }));

interface PageRead {
  page: Omit<Page, 'id' | 'slug' | 'label'>;
  masthead: Masthead | null;
  drafts: PdfArticleDraft[];
  unplaced: { text: string; line: number }[];
}

function readPage(
  content: ReturnType<typeof extractPdf>[number],
  book: LineBook,
  sequence: number,
): PageRead {
  const layout = layoutOf(content);
  const topLines = layout.top.map((l) => ({ no: book.number(l), text: l.text }));
  const { count, masthead } = findMasthead(asBlocks(topLines));
  const headerLines = topLines.slice(count);
  const header = headerLines.map((l) => l.text.trim()).join(' ') || null;
  const drafts = readArticles(layout.regions, layout.bodySize, book.number);
  const credits: Page['credits'] = [];
  const unplaced: PageRead['unplaced'] = [];
  for (const l of layout.bottom) {
    const line = book.number(l);
    if (PAGE_CREDITS.test(l.text.trim())) credits.push({ text: l.text.trim(), line });
    else unplaced.push({ text: l.text.trim(), line });
  }
  const printed = header ? pageNumberOf(header) : null;
  const first = topLines[0]?.no ?? drafts[0]?.title[0]?.line ?? book.lines.length;
  return {
    page: {
      number: printed ?? (masthead ? 1 : sequence),
      source: 0,
      numberKnown: printed !== null || masthead !== null,
      numberSource: printed !== null ? 'header' : masthead ? 'masthead' : 'sequence',
      header,
      credits,
      evidence: header ? [{ kind: 'page-header', text: header }] : [],
      lines: { start: first, end: book.lines.length },
    },
    masthead,
    drafts,
    unplaced,
  };
}

function applyHints(
  issue: Pick<Issue, 'paper' | 'date' | 'pages'>,
  hints: Hints,
  catalog: PaperCatalog,
  warnings: Warning[],
) {
  if (hints.paper) {
    const entry = catalog.papers.find((p) => p.id === hints.paper || p.name === hints.paper);
    if (!entry) {
      warnings.push({
        code: 'hint-unknown-paper',
        message: `hint names paper "${hints.paper}", which is not in content/papers.json`,
      });
    } else {
      issue.paper.evidence.unshift({ kind: 'hint', text: `paper ${hints.paper}` });
      Object.assign(issue.paper, { id: entry.id, name: entry.name, confidence: 'high' });
    }
  }
  if (hints.date) {
    issue.date.evidence.unshift({ kind: 'hint', text: `date ${hints.date}` });
    Object.assign(issue.date, { value: hints.date, method: 'hint', confidence: 'high' });
  }
  hints.pages?.forEach((n, k) => {
    const p = issue.pages[k];
    if (p) Object.assign(p, { number: n, numberKnown: true, numberSource: 'hint' });
  });
}

/** Read a PDF into an Issue. Throws InputError (one line naming the file) for unreadable or scanned PDFs. */
export function parsePdf(bytes: Uint8Array, path: string, options: PdfParseOptions): PdfParse {
  const file = options.name ?? basename(path);
  const contents = extractPdf(bytes, file);
  const book = new LineBook((options.corrections ?? []).filter((c) => c.file === file));
  const reads = contents.map((c, k) => readPage(c, book, k + 1));
  const warnings: Warning[] = [];
  for (const p of [...book.problems, ...book.unused()])
    warnings.push({ code: 'correction-not-applied', message: p.message, line: p.line });
  const masthead = reads.find((r) => r.masthead)?.masthead ?? null;

  const drafts = reads.flatMap((r, page) => r.drafts.map((d) => ({ d, page })));
  const articles: Article[] = drafts.map(({ d, page }, k) => finishArticle(d, page, k + 1));
  const pages: Page[] = reads.map((r, k) => ({
    ...r.page,
    id: `p${k + 1}`,
    slug: '',
    label: '',
    pdf: { index: k, width: rounded1(contents[k]!.width), height: rounded1(contents[k]!.height) },
  }));
  // A one-page file whose page prints no number: the number its name carries.
  const namePage = pageFromName(file);
  if (namePage && pages.length === 1 && !pages[0]!.numberKnown) {
    Object.assign(pages[0]!, { number: namePage.number, numberSource: 'file-name' });
    pages[0]!.evidence.push({ kind: 'file-name', text: namePage.text });
  }
  const text = book.lines.join('\n');
  const pageHeaders = pages.flatMap((p) => (p.header ? [{ text: p.header, line: p.lines.start }] : []));
  const paper = identifyPaper(
    {
      masthead,
      pageHeaders,
      bylines: articles.flatMap((a) =>
        a.byline ? [{ source: a.byline.source, line: a.byline.lines.start }] : [],
      ),
      signatures: [],
      text,
    },
    options.catalog,
  );
  const named = applyFileNameDate(inferPublicationDate({ masthead, pageHeaders, articles, text }), file);
  if (named.warning) warnings.push({ code: 'date-file-name-disagrees', message: named.warning });
  const date = named.date;
  applyHints({ paper, date, pages }, options.hints ?? {}, options.catalog, warnings);
  for (const p of pages) p.label = pageLabel(p.number, p.numberKnown);
  warnings.push(...assignPageSlugs(pages, [file]));

  const id = date.value ? `${paper.id}-${date.value}` : `${paper.id}-${fileSlug(file)}`;
  const pad = Math.max(3, String(articles.length).length);
  articles.forEach((a, k) => (a.id = `${id}-a${String(k + 1).padStart(pad, '0')}`));
  const unclassified = reads.flatMap((r) =>
    r.unplaced.map((u) => ({
      text: u.text,
      source: 0,
      lines: { start: u.line, end: u.line },
      reason: 'text at the foot of the page',
    })),
  );
  if (!date.value)
    warnings.push({ code: 'date-unknown', message: 'no date of publication found in the text' });
  if (paper.id === 'unknown') warnings.push({ code: 'paper-unknown', message: 'no clue names the paper' });

  const issue: Issue = {
    schema: SCHEMA_ID,
    id,
    sources: [
      {
        file,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
        encoding: 'pdf',
        newline: 'LF',
        lines: book.lines.length,
        removedCharacters: 0,
      },
    ],
    paper,
    date,
    masthead,
    pages,
    articles,
    duplicates: [],
    unclassified,
    // as applied: the YAML line of the entry is the editorial file's business, not the issue's
    corrections: book.applied.map((c) => {
      const applied = { ...c };
      delete applied.yamlLine;
      return applied;
    }),
    warnings,
  };
  const report = checkConservation(text, accountedStrings(issue));
  if (!report.ok) {
    warnings.push({
      code: 'conservation-failed',
      message: `text not accounted for: missing ${report.missing.length} kinds of character, extra ${report.extra.length}`,
    });
  }
  const regions = drafts.map(({ d, page }, k): ArticleRegion => ({
    article: articles[k]!.id,
    page,
    bbox: rounded(union(d.boxes) ?? { x0: 0, y0: 0, x1: 0, y1: 0 }),
    boxes: d.boxes.map(rounded),
  }));
  // The article's place on its page, in the issue itself (issue.json, the facsimile).
  regions.forEach((r, k) => {
    if (r.boxes.length) articles[k]!.regions = [{ box: r.bbox, parts: r.boxes }];
  });
  return {
    issue,
    regions,
    pageSizes: contents.map((c) => ({ width: c.width, height: c.height })),
    lines: book.lines,
  };
}
