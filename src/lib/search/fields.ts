/**
 * What an article page tells Pagefind besides its text: metadata shown with a result, filters
 * offered on the search page, and the date sort.
 *
 * Filter names (src/lib/search/labels.ts) are what readers see above the filter lists, so they are
 * Chinese; metadata keys are internal (the search page turns them into the result line).
 */
import type { ArticleKind } from '../model/issue.ts';
import { toChineseNumber } from '../text/characters.ts';
import { FILTERS, KIND_LABELS, monthValue, yearValue } from './labels.ts';

export { FILTERS, KIND_LABELS };

/** The parts of an article entry that search uses (a subset of the `articles` collection entry). */
export interface SearchArticle {
  paper: { id: string; name: string | null };
  date: string | null;
  kind: ArticleKind;
  column?: string | null;
  kicker: string | null;
  headline: string;
  subtitle: string | null;
  title: string;
  byline: { text: string } | null;
  paragraphs: readonly { text: string }[];
  captions: readonly { text: string }[];
  tables: readonly { rows: readonly (readonly string[])[] }[];
  signature?: { text: string } | null;
  references?: readonly { text: string }[];
}

export interface ArticleSearchData {
  /** Pagefind metadata: title, date (ISO), paper, page, kicker, subtitle */
  meta: Record<string, string>;
  /** filter name → values */
  filters: Record<string, string[]>;
  /** sort key → value (date, ISO) */
  sort: Record<string, string>;
}

/** `第一版` for page 1: the page as printed in the paper's own numbering. */
export function pageName(pageNumber: number): string {
  return `第${toChineseNumber(pageNumber)}版`;
}

/** Every text of the article that the page shows inside its indexed body. */
export function articleTexts(a: SearchArticle): string[] {
  return [
    a.column,
    a.kicker,
    a.headline || a.title,
    a.subtitle,
    a.byline?.text,
    ...a.paragraphs.map((p) => p.text),
    ...a.captions.map((c) => c.text),
    ...a.tables.flatMap((t) => t.rows.flat()),
    a.signature?.text,
    ...(a.references ?? []).map((r) => r.text),
  ].filter((t): t is string => !!t);
}

/** Search data for one article on page `pageNumber`, under `topics`. */
export function articleSearchData(
  a: SearchArticle,
  pageNumber: number,
  topics: readonly string[] = [],
): ArticleSearchData {
  const paper = a.paper.name ?? a.paper.id;
  const page = pageName(pageNumber);
  const meta: Record<string, string> = { title: a.headline || a.title, paper, page };
  const filters: Record<string, string[]> = {
    [FILTERS.paper]: [paper],
    [FILTERS.page]: [page],
    [FILTERS.kind]: [KIND_LABELS[a.kind]],
  };
  const sort: Record<string, string> = {};
  const date = a.date && /^\d{4}-\d{2}-\d{2}$/.test(a.date) ? a.date : null;
  if (date) {
    meta.date = date;
    sort.date = date;
    filters[FILTERS.year] = [yearValue(date.slice(0, 4))];
    filters[FILTERS.month] = [monthValue(date)];
  }
  if (topics.length) filters[FILTERS.topic] = [...new Set(topics)];
  if (a.kicker) meta.kicker = a.kicker;
  if (a.subtitle) meta.subtitle = a.subtitle;
  return { meta, filters, sort };
}
