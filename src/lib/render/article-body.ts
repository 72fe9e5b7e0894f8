/**
 * The reading text of an article as HTML, built through unified:
 * article → mdast (body-mdast.ts; seed text only ever in text nodes) → hast (remark-rehype, raw
 * HTML never allowed) → rehype plugins, one per file → rehype-stringify. Deterministic: the same
 * article gives the same bytes.
 *
 * The result is a fragment of block elements (no wrapper); the page puts it inside its
 * `data-pagefind-body` element. Class names are styled by ./article-body.css.
 */
import type { Root as HastRoot } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { buildBodyMdast } from './body-mdast.ts';
import rehypeFigureCaptions from './rehype-figure-captions.ts';
import rehypeParagraphAnchors from './rehype-paragraph-anchors.ts';
import rehypeReferenceLinks from './rehype-reference-links.ts';
import rehypeSignature from './rehype-signature.ts';
import rehypeTables from './rehype-tables.ts';

/** A subset of the `articles` collection entry data. */
export interface BodyArticle {
  id: string;
  title: string;
  headline: string;
  kind: string;
  paragraphs: { id?: string; role: 'text' | 'subhead'; text: string; lines: number[] }[];
  captions: { id?: string; text: string; credit: string | null; lines: number[]; afterParagraph: number }[];
  /** `lines` (as in the collection entry) places the table among the paragraphs; without it, it goes after them */
  tables: { id?: string; rows: string[][]; header: boolean; lines?: { start: number; end: number } }[];
  references: {
    kind: 'see' | 'continued-from' | 'continued-on';
    text: string;
    page: number | null;
    mark: string | null;
    line: number;
  }[];
  signature: { text: string; lines: number[] } | null;
}

export interface BodyOptions {
  /** relative address of page (版) `pageNumber` of the same issue, or null when the edition lacks it */
  pageHref: (pageNumber: number) => string | null;
}

/** The body's hast tree (before serialisation), for callers that want to combine trees. */
export function articleBodyHast(article: BodyArticle, opts: BodyOptions): HastRoot {
  const processor = unified()
    .use(remarkRehype, { allowDangerousHtml: false })
    .use(rehypeParagraphAnchors)
    .use(rehypeFigureCaptions)
    .use(rehypeTables)
    .use(rehypeReferenceLinks, { pageHref: opts.pageHref })
    .use(rehypeSignature);
  return processor.runSync(buildBodyMdast(article));
}

export function renderArticleBody(article: BodyArticle, opts: BodyOptions): string {
  return String(unified().use(rehypeStringify).stringify(articleBodyHast(article, opts)));
}
