/**
 * Downloads for researchers as Markdown: an article (`<article>/article.md`) and an issue
 * (`<issue>/issue.md`), written from mdast with remark-stringify. The body is the mdast the site
 * already builds (src/lib/render/body-mdast.ts), with its blocks turned into plain Markdown:
 * captions as quotes (图：…), cross-references in italics, the notice signature line by line,
 * tables as GFM pipe tables. Seed text is only ever in text nodes, so remark-stringify escapes
 * whatever in it looks like Markdown.
 *
 * An article file: the header (column, kicker, `# headline`, subtitle, byline, where it was
 * printed and its permalink), a thematic break, then the body.
 */
import type { BlockContent, Heading, PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import type { Handle, State } from 'mdast-util-to-markdown';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { BodyArticle } from '../render/article-body.ts';
import { buildBodyMdast } from '../render/body-mdast.ts';
import { MARK } from '../render/block-marks.ts';

export interface MarkdownArticle extends BodyArticle {
  column: string | null;
  kicker: string | null;
  subtitle: string | null;
  byline: { text: string } | null;
}

export interface ArticlePlace {
  /** 衡阳日报 2021年3月6日 第一版 要闻 */
  printed: string;
  /** the article's permalink (absolute, or a path when no origin is configured) */
  url: string;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const para = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });
const heading = (depth: Heading['depth'], value: string): Heading => ({
  type: 'heading',
  depth,
  children: [text(value)],
});

/** The body's blocks as plain Markdown nodes; subheads at `subheadDepth`. */
export function bodyBlocks(article: BodyArticle, subheadDepth: Heading['depth'] = 3): RootContent[] {
  return buildBodyMdast(article).children.map((node): RootContent => {
    const mark = (node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties?.[MARK];
    const clean = { ...node, data: undefined } as RootContent;
    if (node.type === 'heading') return { ...(clean as Heading), depth: subheadDepth };
    if (mark === 'figure' && node.type === 'paragraph')
      return { type: 'blockquote', children: [para(text('图：'), ...node.children)] };
    if (mark === 'reference' && node.type === 'paragraph')
      return para({ type: 'emphasis', children: node.children });
    if (mark === 'signature' && node.type === 'paragraph') {
      const lines = node.children
        .map((c) => (c.type === 'text' ? c.value : ''))
        .join('')
        .split('\n')
        .filter((l) => l.trim());
      return para(
        ...lines.flatMap((l, i): PhrasingContent[] => (i ? [{ type: 'break' }, text(l)] : [text(l)])),
      );
    }
    if (node.type === 'table') {
      const header = (node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties
        ?.dataHeader;
      const rows = node.children;
      const width = Math.max(...rows.map((r) => r.children.length), 1);
      const pad = (cells: TableCell[]) => [
        ...cells,
        ...Array.from({ length: width - cells.length }, (): TableCell => ({
          type: 'tableCell',
          children: [],
        })),
      ];
      // GFM tables need a header row: an empty one when the printed table has none
      const head =
        header === 'true' && rows.length
          ? rows[0]!
          : { type: 'tableRow' as const, children: [] as TableCell[] };
      const body = header === 'true' ? rows.slice(1) : rows;
      return {
        type: 'table',
        children: [head, ...body].map((r) => ({ ...r, children: pad(r.children) })),
      } satisfies Table;
    }
    return clean;
  });
}

/** The header blocks of an article (column, kicker, headline, subtitle, byline, place). */
function headBlocks(a: MarkdownArticle, place: ArticlePlace, depth: Heading['depth']): RootContent[] {
  const out: RootContent[] = [];
  if (a.column) out.push(para({ type: 'strong', children: [text(`【${a.column}】`)] }));
  if (a.kicker) out.push(para({ type: 'emphasis', children: [text(a.kicker)] }));
  out.push(heading(depth, a.title));
  if (a.subtitle) out.push(para({ type: 'strong', children: [text(`——${a.subtitle}`)] }));
  if (a.byline?.text) out.push(para(text(a.byline.text)));
  out.push({
    type: 'blockquote',
    children: [
      para(text(`${place.printed} · `), { type: 'link', url: place.url, children: [text(place.url)] }),
    ],
  });
  return out;
}

/** An article as an mdast tree: header, thematic break, body. */
export function articleMdast(a: MarkdownArticle, place: ArticlePlace): Root {
  return {
    type: 'root',
    children: [...headBlocks(a, place, 1), { type: 'thematicBreak' }, ...bodyBlocks(a, 3)],
  };
}

export interface IssuePage {
  /** 第一版 要闻 */
  label: string;
  articles: { article: MarkdownArticle; place: ArticlePlace }[];
}

/** An issue as an mdast tree: `# paper date`, notes, then per 版 `##`, per article `###`. */
export function issueMdast(title: string, notes: string[], pages: IssuePage[]): Root {
  const children: RootContent[] = [heading(1, title)];
  for (const n of notes) children.push(para(text(n)));
  for (const p of pages) {
    children.push(heading(2, p.label));
    for (const { article, place } of p.articles) {
      children.push(...headBlocks(article, place, 3), ...bodyBlocks(article, 4), { type: 'thematicBreak' });
    }
  }
  return { type: 'root', children };
}

/** GFM pipe table (remark-stringify knows no tables without mdast-util-gfm). */
const tableHandler: Handle = (node: Table, _parent, state: State) => {
  const cell = (c: TableCell) =>
    state
      .containerPhrasing(c, { before: '|', after: '|', now: { line: 1, column: 1 }, lineShift: 0 })
      .replace(/\|/gu, '\\|')
      .replace(/\n/gu, ' ')
      .trim();
  const rows = node.children.map((r) => `| ${r.children.map(cell).join(' | ')} |`);
  const width = node.children[0]?.children.length ?? 1;
  rows.splice(1, 0, `| ${Array.from({ length: width }, () => '---').join(' | ')} |`);
  return rows.join('\n');
};

/** Markdown text of an mdast tree. */
export function toMarkdown(tree: Root): string {
  return String(
    unified()
      .use(remarkStringify, {
        bullet: '-',
        emphasis: '*',
        strong: '*',
        rule: '-',
        fences: true,
        handlers: { table: tableHandler },
      })
      .stringify(tree),
  );
}
