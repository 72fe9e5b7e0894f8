/**
 * The article body as an mdast tree: the structure only, with every piece of seed text in an mdast
 * `text` node (never `html`, never parsed as markdown), so nothing in a seed can become markup.
 *
 * Blocks carry a `data-bk` marker (hast property `dataBk`) and a few data properties that the
 * rehype plugins read and remove: paragraph (ids and ¶ anchors), figure (caption figures),
 * table (header, scroll wrapper), reference (links to pages), signature (notice signature lines).
 *
 * Order: a continued-from marker first; then the paragraphs, with tables and other references
 * placed by source line (before the first paragraph that starts after them) and captions before
 * paragraph index `afterParagraph` (after the last paragraph when it is past the end); then what
 * is left of tables and references; the signature last.
 */
import type { BlockContent, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import type { Properties } from 'hast';
import type {} from 'mdast-util-to-hast';
import type { BodyArticle } from './article-body.ts';
import { MARK } from './block-marks.ts';

type Block = Extract<RootContent, BlockContent>;

const text = (value: string): PhrasingContent => ({ type: 'text', value });

function block(node: Block, hProperties: Properties, hName?: string): Block {
  node.data = { ...(hName ? { hName } : {}), hProperties };
  return node;
}

function paragraphBlock(p: BodyArticle['paragraphs'][number]): Block {
  const props: Properties = { [MARK]: 'paragraph', ...(p.id ? { id: p.id } : {}) };
  if (p.role === 'subhead') return block({ type: 'heading', depth: 3, children: [text(p.text)] }, props);
  return block({ type: 'paragraph', children: [text(p.text)] }, props);
}

function captionBlock(c: BodyArticle['captions'][number], index: number): Block {
  const children: PhrasingContent[] = [text(c.text)];
  if (c.credit) {
    children.push({
      type: 'emphasis',
      children: [text(c.credit)],
      data: { hName: 'span', hProperties: { className: ['credit'] } },
    });
  }
  const node: Paragraph = { type: 'paragraph', children };
  return block(node, { [MARK]: 'figure', id: c.id || `f${index + 1}` }, 'figure');
}

function tableBlock(t: BodyArticle['tables'][number], index: number, count: number): Block {
  const rows: TableRow[] = t.rows.map((cells) => ({
    type: 'tableRow',
    children: cells.map((cell) => ({ type: 'tableCell', children: cell ? [text(cell)] : [] })),
  }));
  const node: Table = { type: 'table', children: rows };
  return block(node, {
    [MARK]: 'table',
    id: t.id || `t${index + 1}`,
    dataHeader: t.header ? 'true' : 'false',
    dataLabel: count > 1 ? `表格 ${index + 1}` : '表格',
  });
}

function referenceBlock(r: BodyArticle['references'][number]): Block {
  return block(
    { type: 'paragraph', children: [text(r.text)] },
    {
      [MARK]: 'reference',
      className: ['reference', `reference-${r.kind}`],
      dataRefKind: r.kind,
      dataRefPage: r.page === null ? '' : String(r.page),
    },
  );
}

function signatureBlock(s: NonNullable<BodyArticle['signature']>): Block {
  return block({ type: 'paragraph', children: [text(s.text)] }, { [MARK]: 'signature' }, 'div');
}

const firstLine = (lines: number[]): number | null => (lines.length ? Math.min(...lines) : null);

export function buildBodyMdast(article: BodyArticle): Root {
  const children: Block[] = [];
  const refs = article.references.map((r, i) => ({ r, i }));
  for (const { r } of refs.filter(({ r }) => r.kind === 'continued-from')) children.push(referenceBlock(r));

  // Tables and the other references wait until a paragraph starting after them comes up.
  type Pending = { line: number | null; seq: number; node: Block };
  const pending: Pending[] = [
    ...article.tables.map((t, i) => ({
      line: t.lines?.start ?? null,
      seq: i,
      node: tableBlock(t, i, article.tables.length),
    })),
    ...refs
      .filter(({ r }) => r.kind !== 'continued-from')
      .map(({ r, i }) => ({ line: r.line, seq: article.tables.length + i, node: referenceBlock(r) })),
  ].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || a.seq - b.seq);

  const flushBefore = (line: number | null) => {
    while (pending.length && line !== null && pending[0]!.line !== null && pending[0]!.line < line) {
      children.push(pending.shift()!.node);
    }
  };
  const n = article.paragraphs.length;
  const slot = (after: number) => Math.min(Math.max(0, after), n);
  const captionsAt = (i: number) =>
    article.captions.map((c, index) => ({ c, index })).filter(({ c }) => slot(c.afterParagraph) === i);

  article.paragraphs.forEach((p, i) => {
    flushBefore(firstLine(p.lines));
    for (const { c, index } of captionsAt(i)) children.push(captionBlock(c, index));
    children.push(paragraphBlock(p));
  });
  for (const { c, index } of captionsAt(n)) children.push(captionBlock(c, index));
  for (const rest of pending) children.push(rest.node);
  if (article.signature && article.signature.text.trim()) children.push(signatureBlock(article.signature));
  return { type: 'root', children };
}
