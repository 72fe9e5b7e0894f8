/**
 * A compact, readable outline of a parsed issue, one line per article, for the per-stage fixtures
 * (`<stage>/fixtures/<case>/expected.txt`): page, kind, source lines, 引题 | 主题 | 副题, 栏目,
 * byline, paragraph count, subheads, captions, tables, references and the column-break joins made (source
 * line before | after). It follows the format of `npm run outline` without the staff details.
 */
import type { Issue } from '../model/issue.ts';

export function outlineIssue(issue: Issue): string {
  const out: string[] = [];
  for (const a of issue.articles) {
    const heads = [a.kicker ?? '', a.headline, a.subtitle ?? ''].join(' | ');
    const subheads = a.paragraphs.filter((p) => p.role === 'subhead').map((p) => p.text);
    const joins = a.edits.filter((e) => e.kind === 'rejoined-split').map((e) => e.lines.join('|'));
    out.push(
      `[${issue.pages[a.page]!.label}] ${a.kind} L${a.lines.start}-${a.lines.end}: ${heads}` +
        (a.column ? ` {栏目 ${a.column}}` : '') +
        (a.byline ? ` «${a.byline.text}»` : '') +
        ` ¶${a.paragraphs.length}` +
        (subheads.length ? ` subheads: ${subheads.join(' / ')}` : '') +
        (a.captions.length ? ` captions: ${a.captions.map((c) => c.text).join(' / ')}` : '') +
        (a.tables.length ? ` tables: ${a.tables.map((t) => `${t.rows.length} rows`).join(' / ')}` : '') +
        (a.references.length ? ` refs: ${a.references.map((x) => x.text).join(' ')}` : '') +
        (joins.length ? ` joins: ${joins.join(' ')}` : ''),
    );
  }
  return out.join('\n') + '\n';
}
