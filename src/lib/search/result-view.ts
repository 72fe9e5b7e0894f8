/**
 * What a result shows, as plain data for the page to turn into elements: the headline linking to
 * the article (with the terms to highlight there), kicker and subtitle, the tags (paper, date,
 * page) and the excerpt, each text cut into pieces with the query's occurrences marked.
 */
import { excerpt, markedPieces, type Piece } from './exact.ts';
import { dateLabel } from './labels.ts';
import type { Fragment } from './results.ts';
import { highlightLink } from './url-state.ts';

/** A result line, ready to render. */
export interface ResultView {
  /** the article's link, with ?highlight= */
  href: string;
  /** the headline (the URL when there is none), occurrences marked */
  title: Piece[];
  /** kicker · subtitle, occurrences marked; null when neither */
  sub: Piece[] | null;
  /** paper, date as printed, page: those there are */
  tags: string[];
  /** whole sentences around the first hits, joined with … */
  excerpt: Piece[];
}

/** The view of a result's fragment, for the query's `terms`, from the search page at `page` (its address). */
export function resultView(d: Fragment, terms: readonly string[], page: string): ResultView {
  const m = d.meta ?? {};
  const heads = [m.kicker, m.subtitle].filter((x): x is string => !!x);
  return {
    href: highlightLink(d.url, page, terms),
    title: markedPieces(m.title || d.url, terms),
    sub: heads.length ? markedPieces(heads.join(' · '), terms) : null,
    tags: [m.paper, dateLabel(m.date), m.page].filter((x): x is string => !!x),
    excerpt: excerpt(
      d.content ?? '',
      terms,
      [m.title, m.kicker, m.subtitle].filter((x): x is string => !!x),
    ),
  };
}
