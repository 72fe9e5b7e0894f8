/**
 * "原文与处理说明": a closed <details class="provenance"> under the article showing
 * (a) the article's original source lines, each with its line number and an anchor id `L<no>`,
 * (b) what the parser changed (rejoined column splits, captions lifted out, duplicates removed,
 *     headings and bylines joined, editorial corrections), each linking to the lines concerned,
 * (c) why the parser joined or split lines and kept a heading as a subhead (its scored decisions,
 *     with the evidence that weighed most),
 * (d) the source file name.
 * Built as a hast tree and serialised with hast-util-to-html; seed text only ever in text nodes.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { BodyArticle } from './article-body.ts';
import { decisionWords, type Decision } from './decision-notes.ts';

export interface ProvenanceArticle extends BodyArticle {
  edits: { kind: string; note: string; lines: number[] }[];
  sourceFile: string;
  sourceLines: { no: number; text: string }[];
  duplicatesRemoved: { text: string; lines: number[]; keptIn: string; keptLines: number[] }[];
  /** editorial corrections applied to lines of this article (collection entries carry them) */
  corrections?: { line: number; from: string; to: string; note: string; authority: string }[];
  /** the parser's scored decisions about its lines (joins, splits, subheads), with their evidence */
  decisions?: Decision[];
}

export interface ProvenanceOptions {
  /** relative address of another article of the edition (for "kept in" links), or null */
  articleHref?: (articleId: string) => string | null;
  /** relative address of the downloadable source file, to link the file name */
  sourceHref?: string | null;
}

const KIND_CLASS: Record<string, string> = {
  'rejoined-split': 'edit-rejoined',
  'caption-moved': 'edit-caption',
  'duplicate-removed': 'edit-duplicate',
  'byline-joined': 'edit-byline',
  'heading-joined': 'edit-heading',
  'paragraph-moved': 'edit-moved',
};

/** `第9行`、`第11行` with links to the line anchors present here (or in another article). */
function lineLinks(lines: number[], here: Set<number>, base: string | null): ElementContent[] {
  const out: ElementContent[] = [];
  [...new Set(lines)]
    .sort((a, b) => a - b)
    .forEach((no, i) => {
      if (i) out.push({ type: 'text', value: '、' });
      const label = `第${no}行`;
      if (base !== null) out.push(h('a', { href: `${base}#L${no}` }, label));
      else if (here.has(no)) out.push(h('a', { href: `#L${no}` }, label));
      else out.push({ type: 'text', value: label });
    });
  return out;
}

function duplicateItem(
  d: ProvenanceArticle['duplicatesRemoved'][number],
  article: ProvenanceArticle,
  here: Set<number>,
  opts: ProvenanceOptions,
): Element {
  const kept: ElementContent[] = [];
  if (d.keptIn === article.id) {
    kept.push({ type: 'text', value: '保留在本篇' }, ...lineLinks(d.keptLines, here, null));
  } else {
    const href = opts.articleHref?.(d.keptIn) ?? null;
    kept.push({ type: 'text', value: '保留在另一篇 ' });
    kept.push(href === null ? h('code', d.keptIn) : h('a', { href }, d.keptIn));
    if (d.keptLines.length) kept.push({ type: 'text', value: ' ' }, ...lineLinks(d.keptLines, here, href));
  }
  return h('li', { className: ['edit', 'edit-duplicate'] }, [
    { type: 'text', value: '重复印出的文字已删去（' },
    ...lineLinks(d.lines, here, null),
    { type: 'text', value: '）：' },
    h('q', { className: ['removed-text'] }, d.text),
    { type: 'text', value: '，' },
    ...kept,
    { type: 'text', value: '。' },
  ]);
}

export function provenanceHast(article: ProvenanceArticle, opts: ProvenanceOptions = {}): Element {
  const here = new Set(article.sourceLines.map((l) => l.no));
  const changed = new Set(article.edits.flatMap((e) => e.lines));
  const removed = new Set(article.duplicatesRemoved.flatMap((d) => d.lines));
  const corrected = new Set((article.corrections ?? []).map((c) => c.line));

  const nos = article.sourceLines.map((l) => l.no);
  const range = nos.length
    ? nos.length === 1
      ? `第${nos[0]}行`
      : `第${Math.min(...nos)}—${Math.max(...nos)}行`
    : null;
  const fileLine = h('p', { className: ['provenance-file'] }, [
    '来源文件：',
    opts.sourceHref
      ? h('a', { href: opts.sourceHref }, h('code', article.sourceFile))
      : h('code', article.sourceFile),
    ...(range ? [`，${range}`] : []),
    '。',
  ]);

  const source = h(
    'ol',
    { className: ['source-lines'], ariaLabel: '原文各行' },
    article.sourceLines.map(({ no, text }) => {
      const cls = ['source-line'];
      if (changed.has(no)) cls.push('changed');
      if (removed.has(no)) cls.push('removed');
      if (corrected.has(no)) cls.push('corrected');
      return h('li', { id: `L${no}`, className: cls }, [
        h('a', { className: ['line-no'], href: `#L${no}`, ariaLabel: `第${no}行` }, String(no)),
        ' ',
        h('span', { className: ['line-text'] }, text),
      ]);
    }),
  );

  // Edits that a duplicates entry describes in full are listed once, from the entry.
  const dupLines = new Set(article.duplicatesRemoved.flatMap((d) => d.lines));
  const items: Element[] = [];
  for (const e of article.edits) {
    if (e.kind === 'duplicate-removed' && e.lines.length && e.lines.every((l) => dupLines.has(l))) continue;
    items.push(
      h('li', { className: ['edit', KIND_CLASS[e.kind] ?? 'edit-other'] }, [
        `${e.note}（`,
        ...lineLinks(e.lines, here, null),
        '）。',
      ]),
    );
  }
  for (const d of article.duplicatesRemoved) items.push(duplicateItem(d, article, here, opts));
  for (const c of article.corrections ?? []) {
    items.push(
      h('li', { className: ['edit', 'edit-correction'] }, [
        '编辑更正（',
        ...lineLinks([c.line], here, null),
        '）：',
        h('q', c.from),
        ' 改为 ',
        h('q', c.to),
        `。${c.note}${c.authority ? `（依据：${c.authority}）` : ''}`,
      ]),
    );
  }
  const decisions = (article.decisions ?? []).map((d) => {
    const { decided, basis } = decisionWords(d);
    return h('li', { className: ['decision', `decision-${d.kind}`] }, [
      ...lineLinks(d.lines, here, null),
      `${decided}。`,
      h('span', { className: ['decision-basis'] }, `依据：${basis}。`),
    ]);
  });
  const changes = items.length
    ? h('ul', { className: ['provenance-edits'] }, items)
    : h('p', { className: ['provenance-edits'] }, '原文照录，未作改动。');

  return h('details', { className: ['provenance'] }, [
    h('summary', '原文与处理说明'),
    h('div', { className: ['provenance-content'] }, [
      fileLine,
      h('h3', { className: ['provenance-heading'] }, '处理说明'),
      changes,
      ...(decisions.length
        ? [
            h('h3', { className: ['provenance-heading'] }, '判断依据'),
            h('ul', { className: ['provenance-decisions'] }, decisions),
          ]
        : []),
      h('h3', { className: ['provenance-heading'] }, '原文'),
      source,
    ]),
  ]);
}

export function renderProvenance(article: ProvenanceArticle, opts: ProvenanceOptions = {}): string {
  return toHtml(provenanceHast(article, opts));
}
