/**
 * Stage 4: blocks → pages and articles, as a list of small stages.
 *
 * The blocks are read in order; for each block the stages below are tried top to bottom and the
 * first that recognises it takes it (and maybe the blocks after it: a caption and the rest of the
 * paragraph it interrupted). Each stage is one decision in a file of its own; they share the pages
 * and articles built so far through an Assembly (assembly.ts). The order is the order of
 * precedence: page starts before anything, printed forms (teaser markers, tables, signatures,
 * photo credits, bylines) before shapes, joins and captions before headings, headings before body
 * text.
 */
import type { Block } from './blocks.ts';
import { Assembly, type AssembleOptions, type AssembleResult, type Stage } from './assembly.ts';
import { continuedFromAnotherPage, pageCredits, printedPageHeader } from './page-starts/page-starts.ts';
import { crossReferenceTeaser } from './teasers/teasers.ts';
import { table } from './tables/tables.ts';
import { signature } from './signatures/signatures.ts';
import { captionWithCredit, photoWithCreditLine } from './photos/photos.ts';
import { byline } from './bylines/bylines.ts';
import {
  captionAfterHangingParagraph,
  captionAfterPictureGap,
  captionAtColumnCut,
  captionBetweenHalves,
} from './captions/captions.ts';
import {
  bodyGoesOnHangingParagraph,
  headingGoesOnHangingParagraph,
  headingOpensBrokenParagraph,
} from './column-joins/column-joins.ts';
import { attribution, headingGroup } from './heading-groups/heading-groups.ts';
import { subheadAtBodyIndent } from './subheads/subheads.ts';
import { paragraph, textWithoutArticle } from './body-text/body-text.ts';
import { finishArticles } from './article-kinds/article-kinds.ts';
import { placeHeldTails } from './reading-order/tail-before-headline.ts';
import { joinDetachedHeadlines } from './reading-order/detached-headlines.ts';
import { visibleLength } from '../text/characters.ts';

export { PAGE_HEADER } from './page-starts/page-starts.ts';
export type { AssembleOptions, AssembleResult, DraftArticle, DraftPage } from './assembly.ts';

/** The stages, in order of precedence. */
export const STAGES: readonly Stage[] = [
  // where pages start
  continuedFromAnotherPage,
  printedPageHeader,
  pageCredits,
  // printed forms that say what they are
  crossReferenceTeaser,
  table,
  signature,
  captionWithCredit,
  photoWithCreditLine,
  byline,
  // a caption standing in a column break, the paragraph rejoined around it
  captionAtColumnCut,
  // heading-like blocks that are really text broken at a column edge, or captions inside it
  headingGoesOnHangingParagraph,
  headingOpensBrokenParagraph,
  captionBetweenHalves,
  captionAfterHangingParagraph,
  // heading groups: a new article's headings, or a subhead (takes every heading-like block left)
  attribution,
  headingGroup,
  // body text
  subheadAtBodyIndent,
  textWithoutArticle,
  bodyGoesOnHangingParagraph,
  captionAfterPictureGap,
  paragraph,
];

/**
 * The indent a file gives its body text, if it gives one: the leading white space most long
 * blocks (40+ characters) share. Headings in such a file start otherwise (flush, or indented
 * differently, as in archives that indent headings with U+3000 and body text with spaces); the
 * indent then tells body text from headings whatever their length or punctuation.
 */
export function bodyIndentOf(blocks: readonly Block[]): string | null {
  const long = blocks.filter((b) => visibleLength(b.text) >= 40);
  if (long.length < 3) return null;
  const counts = new Map<string, number>();
  for (const b of long) counts.set(b.indent, (counts.get(b.indent) ?? 0) + 1);
  const [indent, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return indent && n / long.length >= 0.6 ? indent : null;
}

export function assemble(blocks: readonly Block[], options: AssembleOptions): AssembleResult {
  const a = new Assembly(blocks, options);
  for (let i = 0; i < blocks.length;) {
    let used = 0;
    for (const stage of STAGES) {
      used = stage(a, i);
      if (used > 0) break;
    }
    i += used;
  }
  placeHeldTails(a, a.held);
  joinDetachedHeadlines(a);
  return { pages: a.pages, articles: finishArticles(a.drafts), unclassified: a.unclassified };
}
