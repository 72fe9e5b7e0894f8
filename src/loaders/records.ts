/**
 * Collection records made from one parsed file: plain data, ids deterministic from the input.
 * Kept apart from the loader so that it can be tested without Astro.
 */
import type { ParsedFile } from '../lib/edition.ts';
import { assignTopics, type Taxonomy } from '../lib/topics.ts';

export interface RecordOf<T> {
  id: string;
  data: T;
}

export function pageEntryId(issueId: string, pageId: string): string {
  return `${issueId}-${pageId}`;
}

export function issueRecord({ issue }: ParsedFile) {
  const { articles, pages, ...rest } = issue;
  return {
    id: issue.id,
    data: {
      ...rest,
      pages: pages.map((p) => pageEntryId(issue.id, p.id)),
      articleCount: articles.length,
    },
  };
}

export function pageRecords({ issue }: ParsedFile) {
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

/** Article records. The source lines are not stored (the page reads them from the seed: src/data/sources.ts). */
export function articleRecords({ issue }: ParsedFile, taxonomy: Taxonomy) {
  return issue.articles.map((a) => {
    const page = issue.pages[a.page]!;
    return {
      id: a.id,
      data: {
        ...a,
        issue: issue.id,
        page: pageEntryId(issue.id, page.id),
        pageIndex: a.page,
        paper: { id: issue.paper.id, name: issue.paper.name },
        date: issue.date.value,
        sourceFile: issue.source.file,
        duplicatesRemoved: issue.duplicates.filter((d) =>
          d.lines.some((l) => l >= a.lines.start && l <= a.lines.end),
        ),
        corrections: issue.corrections.filter((c) => c.line >= a.lines.start && c.line <= a.lines.end),
        topics: assignTopics(a, taxonomy),
      },
    };
  });
}
