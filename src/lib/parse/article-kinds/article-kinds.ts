/**
 * The last stage: drafts become articles, each with its kind (news, feature, photo, notice, ad,
 * teaser, continuation, table, brief) decided from what it holds.
 */
import type { ArticleKind } from '../../model/issue.ts';
import { BULLETED, type Draft, type DraftArticle } from '../assembly.ts';
import { isNoticeTitle } from '../block-shapes.ts';

export function articleKind(d: Draft): ArticleKind {
  if (d.kind === 'ad' || d.kind === 'photo') return d.kind;
  if (d.kind === 'teaser' && d.paragraphs.length <= 1) return 'teaser';
  if (d.kind === 'continuation' && !d.headline) return 'continuation';
  if (d.signature || isNoticeTitle(d.headline)) return 'notice';
  if (d.tables.length > 0 && d.paragraphs.length === 0) return 'table';
  if (d.byline?.source === '又讯') return 'brief';
  const subheads = d.paragraphs.filter((p) => p.role === 'subhead').length;
  if (d.byline && BULLETED.test(d.byline.text)) return 'feature';
  if (subheads >= 2 || /^——记/u.test(d.subtitle ?? '')) return 'feature';
  if (!d.headline && d.paragraphs.length > 0 && !d.byline) return 'brief';
  return 'news';
}

/** The drafts that hold any line, as articles in reading order. */
export function finishArticles(drafts: readonly Draft[]): DraftArticle[] {
  return drafts
    .filter((d) => d.lines.length > 0)
    .map((d, k) => {
      const sorted = [...d.lines].sort((a, b) => a - b);
      return {
        page: d.page,
        order: k + 1,
        kind: articleKind(d),
        column: d.column,
        kicker: d.kicker,
        headline: d.headline,
        subtitle: d.subtitle,
        byline: d.byline,
        paragraphs: d.paragraphs,
        captions: d.captions,
        tables: d.tables,
        references: d.references,
        signature: d.signature,
        edits: d.edits,
        lines: { start: sorted[0]!, end: sorted[sorted.length - 1]! },
        ...(d.decisions.length ? { decisions: d.decisions } : {}),
      } satisfies DraftArticle;
    });
}
