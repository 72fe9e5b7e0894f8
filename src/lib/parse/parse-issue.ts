/**
 * The edition pipeline for one issue file: read → letter-spacing → blocks → classify/assemble → paper and date →
 * ids and titles → duplicates → warnings and the conservation check.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { assemble, bodyIndentOf, type DraftArticle } from './assemble.ts';
import { detectLayout, toBlocks } from './blocks.ts';
import { assignPageSlugs, pageLabel } from '../edition/combine.ts';
import { applyCorrections, type Correction } from '../editorial/corrections.ts';
import { removeDuplicates } from './ocr-duplicates.ts';
import type { Hints } from '../editorial/hints.ts';
import { accountedStrings, checkConservation } from './conservation.ts';
import { findMasthead } from './masthead.ts';
import { identifyPaper, type PaperCatalog } from './paper.ts';
import { applyFileNameDate, inferPublicationDate } from './pubdate.ts';
import { pageFromName } from './file-name.ts';
import { decodeIssue, InputError, type SourceText } from './read.ts';
import { collapseLetterSpacing } from './letter-spacing.ts';
import { cut } from '../text/words.ts';
import { visibleLength } from '../text/characters.ts';
import { SCHEMA_ID, type Article, type Issue, type Page, type Warning } from '../model/issue.ts';

export interface ParseOptions {
  catalog: PaperCatalog;
  hints?: Hints;
  /** editorial corrections (all files; those for this file are applied) */
  corrections?: readonly Correction[];
  /** the file's name under the seed folder (`2020/01/p03.txt`); default: the path's last part */
  name?: string;
}

/**
 * The part of an undated issue's id that comes from its file name: the name's ASCII letters,
 * digits, `_` and `-` (other runs become `-`), and, when that loses anything (a Chinese or
 * spaced name, a sub-folder), the first 8 hex digits of the name's sha256, so that 甲.txt and
 * 乙.txt stay apart.
 */
export function fileSlug(name: string): string {
  const stem = name.replace(/\.[^./]+$/, '');
  const slug = stem.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug && slug === stem) return slug;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return slug ? `${slug}-${hash}` : hash;
}

/** Characters a title made from an article's opening words holds at most. */
const DERIVED_TITLE = 24;

/**
 * A title made from opening words: the first clause when it is short enough, else the longest run
 * of whole words (jieba) that fits — never cut inside a word, and no ellipsis the text does not
 * print (titles go into citations).
 */
export function openingTitle(text: string, max = DERIVED_TITLE): string {
  const t = text.replace(/\s+/gu, ' ').trim();
  const len = (x: string) => Array.from(x).length;
  // Whole clauses while they fit (a first clause like 3月3日 or 近日 says too little alone) …
  let out = '';
  for (const clause of t.match(/[^，。！？；：,;!?]+[，。！？；：,;!?]?/gu) ?? []) {
    if (len(out + clause) > max) break;
    out += clause;
  }
  out = out.replace(/[，。！？；：,;!?]$/u, '');
  if (len(out) >= 8 || len(out) === len(t)) return out;
  // … else as many whole words as fit.
  out = '';
  for (const w of cut(t)) {
    if (len(out + w) > max) break;
    out += w;
  }
  // A run cut short ends on a word, not on a particle that needs what follows (…问题的).
  return (
    out.replace(/[，。！？；：,;!?]$/u, '').replace(/[的了在和与及并对把被向从]$/u, '') ||
    Array.from(t).slice(0, max).join('')
  );
}

/**
 * The headline of the article a continuation goes on from: the article on the page its
 * （上接第一版①） names that carries the matching （下转第二版①）.
 */
function continuedHeadline(
  a: DraftArticle | Article,
  all: readonly (DraftArticle | Article)[],
  pages: readonly { number: number }[],
): string | null {
  const from = a.references.find((r) => r.kind === 'continued-from');
  if (!from || from.page === null) return null;
  const here = pages[a.page]?.number;
  const source = all.find(
    (o) =>
      o !== a &&
      pages[o.page]?.number === from.page &&
      o.references.some(
        (r) =>
          r.kind === 'continued-on' &&
          (r.page === null || r.page === here) &&
          (r.mark ?? '') === (from.mark ?? ''),
      ),
  );
  return source?.headline || null;
}

function derivedTitle(
  a: DraftArticle | Article,
  all: readonly (DraftArticle | Article)[] = [],
  pages: readonly { number: number }[] = [],
): string {
  if (a.headline) return a.headline;
  if (a.kind === 'continuation') {
    const headline = continuedHeadline(a, all, pages);
    if (headline) return `（续）${headline}`;
  }
  const source =
    a.kind === 'photo'
      ? (a.captions[0]?.text ?? '')
      : (a.paragraphs.find((p) => p.role === 'text')?.text ??
        a.captions[0]?.text ??
        a.tables[0]?.rows[0]?.join(' ') ??
        '');
  const head = openingTitle(source);
  const prefix: Partial<Record<Article['kind'], string>> = {
    photo: '图片新闻：',
    continuation: '（续）',
    brief: '',
    teaser: '导读：',
  };
  return (prefix[a.kind] ?? '') + (head || '（无标题）');
}

/**
 * Parse one issue file's bytes: the issue, and the decoded source text it was read from (for the
 * source-text view). Throws InputError for input that cannot be read as an issue.
 */
export function parseIssue(
  bytes: Uint8Array,
  path: string,
  options: ParseOptions,
): { issue: Issue; source: SourceText } {
  const file = options.name ?? basename(path);
  const decoded = decodeIssue(bytes, file);
  const warnings: Warning[] = decoded.notes.map((n) => ({ code: 'input-repaired', message: n }));
  const corrected = applyCorrections(decoded, options.corrections ?? []);
  const source = corrected.source;
  for (const p of corrected.problems)
    warnings.push({ code: 'correction-not-applied', message: p.message, line: p.line });

  // Letter-spaced lines (本 报 讯 …) are read without their spacing; the source keeps it.
  const lines = source.lines.map(collapseLetterSpacing);
  const layout = detectLayout(lines);
  const blocks = toBlocks(lines, layout);
  if (blocks.length === 0) throw new InputError(file, 'no text');
  const { count, masthead } = findMasthead(blocks);
  const body = blocks.slice(count);
  const assembled = assemble(body, {
    mastheadPage: masthead !== null,
    layout,
    bodyIndent: bodyIndentOf(body),
  });

  // Paper and date.
  const pageHeaders = assembled.pages.flatMap((p) =>
    p.header ? [{ text: p.header, line: p.startLine }] : [],
  );
  const paper = identifyPaper(
    {
      masthead,
      pageHeaders,
      bylines: assembled.articles.flatMap((a) =>
        a.byline ? [{ source: a.byline.source, line: a.byline.lines.start }] : [],
      ),
      signatures: assembled.articles.flatMap((a) =>
        a.signature ? [{ text: a.signature.text, line: a.signature.lines[0]! }] : [],
      ),
      text: source.text,
      fileName: file,
    },
    options.catalog,
  );
  const named = applyFileNameDate(
    inferPublicationDate({ masthead, pageHeaders, articles: assembled.articles, text: source.text }),
    file,
  );
  const date = named.date;
  if (named.warning) warnings.push({ code: 'date-file-name-disagrees', message: named.warning });

  const hints = options.hints ?? {};
  if (hints.paper) {
    const entry = options.catalog.papers.find((p) => p.id === hints.paper || p.name === hints.paper);
    if (!entry) {
      warnings.push({
        code: 'hint-unknown-paper',
        message: `hint names paper "${hints.paper}", which is not in content/papers.json`,
      });
    } else {
      if (paper.id !== 'unknown' && paper.id !== entry.id && paper.confidence !== 'low') {
        warnings.push({
          code: 'hint-contradicts-text',
          message: `hint says paper ${entry.name}, the text says ${paper.name} (${paper.evidence[0]?.text ?? ''})`,
        });
      }
      paper.evidence.unshift({
        kind: 'hint',
        text: `${file.replace(/\.[^.]+$/, '')}.yaml: paper ${hints.paper}`,
      });
      Object.assign(paper, { id: entry.id, name: entry.name, confidence: 'high' });
    }
  }
  if (hints.date) {
    if (date.value && date.value !== hints.date && date.confidence !== 'none') {
      warnings.push({
        code: 'hint-contradicts-text',
        message: `hint says date ${hints.date}, the text suggests ${date.value} (${date.method}, ${date.confidence} confidence)`,
      });
    }
    date.evidence.unshift({ kind: 'hint', text: `date ${hints.date}` });
    Object.assign(date, { value: hints.date, method: 'hint', confidence: 'high' });
  }

  if (paper.id === 'unknown') warnings.push({ code: 'paper-unknown', message: 'no clue names the paper' });
  else if (paper.confidence === 'low') {
    warnings.push({
      code: 'paper-low-confidence',
      message: `paper ${paper.name} inferred from weak evidence (${paper.evidence[0]?.text})`,
    });
  }
  if (!date.value)
    warnings.push({ code: 'date-unknown', message: 'no date of publication found in the text' });
  else if (date.confidence === 'low') {
    warnings.push({
      code: 'date-low-confidence',
      message: `date ${date.value} inferred (${date.method}) with low confidence`,
    });
  }

  // Ids.
  const id = date.value ? `${paper.id}-${date.value}` : `${paper.id}-${fileSlug(file)}`;
  // A page that holds no line and no article (the assembler opens one before a continuation at
  // the very top of a file) is not printed: leave it out, so that it takes no page number.
  const endOf = (k: number) => (assembled.pages[k + 1]?.startLine ?? source.lines.length + 1) - 1;
  const printed = assembled.pages
    .map((p, k) => ({ p, k }))
    .filter(({ p, k }) => endOf(k) >= p.startLine || assembled.articles.some((a) => a.page === k));
  const pageIndex = new Map(printed.map(({ k }, index) => [k, index]));
  const pages: Page[] = printed.map(({ p, k: original }, k) => {
    const hinted = hints.pages?.[k];
    const number = hinted ?? p.number;
    const known = hinted !== undefined || p.numberKnown;
    return {
      id: `p${k + 1}`,
      number,
      slug: String(number),
      source: 0,
      numberKnown: known,
      numberSource: hinted !== undefined ? 'hint' : p.numberSource,
      label: pageLabel(number, known),
      header: p.header,
      credits: p.credits,
      evidence: p.evidence,
      lines: { start: p.startLine, end: endOf(original) },
    };
  });
  // A one-page file whose text prints no page number: the number its name carries (inferred, not
  // printed, so still labelled （推定）; the evidence says where it came from).
  const namePage = pageFromName(file);
  if (namePage && pages.length === 1 && !pages[0]!.numberKnown && hints.pages === undefined) {
    const p = pages[0]!;
    p.number = namePage.number;
    p.numberSource = 'file-name';
    p.slug = String(namePage.number);
    p.label = pageLabel(namePage.number, false);
    p.evidence = [...p.evidence, { kind: 'file-name', text: namePage.text }];
  }
  warnings.push(...assignPageSlugs(pages, [file]));
  if (hints.pages && hints.pages.length !== pages.length) {
    warnings.push({
      code: 'hint-contradicts-text',
      message: `hint lists ${hints.pages.length} page numbers, the text has ${pages.length} pages`,
    });
  }
  const pad = Math.max(3, String(assembled.articles.length).length);
  const articles: Article[] = assembled.articles.map((a, k) => ({
    ...a,
    page: pageIndex.get(a.page)!,
    id: `${id}-a${String(k + 1).padStart(pad, '0')}`,
    title: derivedTitle(a),
    paragraphs: a.paragraphs.map((p) => ({ ...p, id: '' })),
    captions: a.captions.map((c) => ({ ...c, id: '' })),
    tables: a.tables.map((t) => ({ ...t, id: '' })),
  }));

  const duplicates = removeDuplicates(articles);
  for (const a of articles) {
    // Anchors, numbered after duplicates are removed: p1 …, f1 … (figures), t1 … (tables).
    a.paragraphs.forEach((p, k) => (p.id = `p${k + 1}`));
    a.captions.forEach((c, k) => (c.id = `f${k + 1}`));
    a.tables.forEach((t, k) => (t.id = `t${k + 1}`));
    a.title = derivedTitle(a, articles, pages);
    if (
      a.paragraphs.length === 0 &&
      a.captions.length === 0 &&
      a.tables.length === 0 &&
      !['teaser', 'ad'].includes(a.kind)
    ) {
      warnings.push({
        code: 'article-without-text',
        message: `“${a.title}” has no text of its own`,
        line: a.lines.start,
      });
    }
  }
  if (articles.length === 0)
    throw new InputError(file, 'no article found: the text has no recognisable headline or paragraph');

  const unclassified = assembled.unclassified.map((u) => ({
    text: u.text,
    source: 0,
    lines: { start: u.lines[0]!, end: u.lines[u.lines.length - 1]! },
    reason: u.reason,
  }));
  if (unclassified.length) {
    warnings.push({
      code: 'unclassified-text',
      message: `${unclassified.reduce((n, u) => n + visibleLength(u.text), 0)} characters could not be placed`,
      line: unclassified[0]!.lines.start,
    });
  }

  const issue: Issue = {
    schema: SCHEMA_ID,
    id,
    sources: [
      {
        file,
        sha256: source.sha256,
        bytes: source.bytes,
        encoding: source.encoding,
        newline: source.newline,
        lines: source.lines.length,
        removedCharacters: source.removedCount,
      },
    ],
    paper,
    date,
    masthead,
    pages,
    articles,
    duplicates,
    unclassified,
    // as applied: the YAML line of the entry is the editorial file's business, not the issue's
    corrections: corrected.applied.map((c) => {
      const applied = { ...c };
      delete applied.yamlLine;
      return applied;
    }),
    warnings,
  };
  const report = checkConservation(source.text, accountedStrings(issue));
  if (!report.ok) {
    warnings.push({
      code: 'conservation-failed',
      message: `text not accounted for: missing ${report.missing.length} kinds of character, extra ${report.extra.length}`,
    });
  }
  return { issue, source };
}
