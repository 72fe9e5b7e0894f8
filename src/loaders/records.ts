/**
 * Collection records made from one parsed file: plain data, ids deterministic from the input.
 * Kept apart from the loader so that it can be tested without Astro.
 *
 * The content store holds what lists, calendars and indexes need — for an article its headings,
 * kind, topics, opening words and length — and not the article's text: at archive scale the whole
 * text in the store would be held in memory several times over (the store, its serialised form,
 * the module the pages import it from) and outgrow V8's longest string. An article page reads
 * its article whole from the parsed issue (`articleDetail`), which the loader writes beside the
 * store, one file per issue.
 */
import { articleCredits } from '../lib/people/credits.ts';
import { assignTopics, type Taxonomy } from '../lib/editorial/topics.ts';
import type { Article, Issue } from '../lib/model/issue.ts';

export interface RecordOf<T> {
  id: string;
  data: T;
}

export function pageEntryId(issueId: string, pageId: string): string {
  return `${issueId}-${pageId}`;
}

/**
 * The issue record; `parsedFile` is where the loader wrote the whole parsed issue (JSON),
 * `namesFile` its articles' names (articleNamesById).
 */
export function issueRecord({ issue }: { issue: Issue }, parsedFile: string, namesFile: string) {
  const { articles, pages, ...rest } = issue;
  return {
    id: issue.id,
    data: {
      ...rest,
      pages: pages.map((p) => pageEntryId(issue.id, p.id)),
      articleCount: articles.length,
      parsedFile,
      namesFile,
    },
  };
}

export function pageRecords({ issue }: { issue: Issue }) {
  return issue.pages.map((p, index) => ({
    id: pageEntryId(issue.id, p.id),
    data: {
      ...p,
      issue: issue.id,
      index,
      paper: { id: issue.paper.id, name: issue.paper.name },
      date: issue.date.value,
      articles: issue.articles.filter((a) => a.page === index).map((a) => a.id),
    },
  }));
}

/** Characters an opening quotes at most (lists show 60; descriptions 100). */
export const OPENING_CHARS = 100;

/** The first words of an article: its first text paragraph, else its first caption. */
export function openingOf(a: Article, chars = OPENING_CHARS): string {
  const text = a.paragraphs.find((p) => p.role === 'text')?.text ?? a.captions[0]?.text ?? '';
  return Array.from(text).slice(0, chars).join('');
}

/** Characters of running text in an article (paragraphs, captions, tables, title): its length on the page. */
export function lengthOf(a: Article): number {
  return (
    a.paragraphs.reduce((n, p) => n + p.text.length, 0) +
    a.captions.reduce((n, c) => n + c.text.length, 0) +
    a.tables.reduce((n, t) => n + t.rows.flat().join('').length, 0) +
    a.title.length
  );
}

/** How many edits of each kind the parser made in an article (rejoined-split: 3, …). */
export function editCounts(a: Article): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of a.edits) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return counts;
}

// What an issue's articles name is made with the parse, in src/lib (so that the code fingerprint,
// which names the parsed files, covers it): re-exported here for the loader and its tests.
export { articleNamesById, issueNameParagraphs, nameParagraphs } from '../lib/people/article-names.ts';

/**
 * Article records: headings and what lists show (the text stays in the parsed issue, the names its
 * text gives in the issue's names file).
 */
export function articleRecords({ issue }: { issue: Issue }, taxonomy: Taxonomy) {
  return issue.articles.map((a) => {
    const page = issue.pages[a.page]!;
    return {
      id: a.id,
      data: {
        id: a.id,
        issue: issue.id,
        page: pageEntryId(issue.id, page.id),
        pageIndex: a.page,
        paper: { id: issue.paper.id, name: issue.paper.name },
        date: issue.date.value,
        order: a.order,
        kind: a.kind,
        column: a.column,
        kicker: a.kicker,
        headline: a.headline,
        subtitle: a.subtitle,
        title: a.title,
        opening: openingOf(a),
        length: lengthOf(a),
        edits: editCounts(a),
        lines: a.lines,
        topics: assignTopics(a, taxonomy),
        credits: articleCredits(a),
      },
    };
  });
}

/** An article whole, as its page shows it: the parsed article with its issue's notes about it. */
export function articleDetail(issue: Issue, articleId: string) {
  const a = issue.articles.find((x) => x.id === articleId);
  if (!a) throw new Error(`issue ${issue.id}: no article ${articleId} in the parsed issue`);
  const source = issue.pages[a.page]!.source;
  const sourceFile = issue.sources[source]!.file;
  const within = (l: number) => l >= a.lines.start && l <= a.lines.end;
  return {
    ...a,
    paper: { id: issue.paper.id, name: issue.paper.name },
    date: issue.date.value,
    /** the seed file the article was read from (its line numbers are that file's) */
    sourceFile,
    duplicatesRemoved: issue.duplicates.filter((d) => d.source === source && d.lines.some(within)),
    corrections: issue.corrections.filter((c) => c.file === sourceFile && within(c.line)),
  };
}

export type ArticleDetail = ReturnType<typeof articleDetail>;
