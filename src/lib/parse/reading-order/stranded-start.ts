/**
 * A paragraph's continuation printed out of reading order. PDF text layers list a column's blocks
 * in the order the page was set, and the top of a later column sometimes comes out first, right
 * under the headline: the article then opens mid-sentence (准痴、呆、精神病患者…；不准…) and, further
 * down, a paragraph stops inside a sentence (…不准烧荒烧…；不). When the seam between that
 * paragraph and the stranded opening joins by the usual evidence and the text it forms is attested
 * in the article (；不准 printed again and again) while the seam with the block that follows in
 * the file is not, the stranded opening is the continuation.
 */
import type { Block } from '../blocks.ts';
import type { Assembly, Draft } from '../assembly.ts';
import type { Paragraph } from '../../model/issue.ts';
import type { JoinDecision } from '../column-joins/join-evidence.ts';
import { attestedAcrossSeam } from './attested-seam.ts';

type DraftParagraph = Omit<Paragraph, 'id'>;

/** How often the seam's text must recur in the article before an out-of-order join is taken. */
const MIN_ATTESTED = 2;

/** The article's opening paragraph when it may be the stranded continuation of `hanging`, else null. */
export function strandedOpening(
  a: Assembly,
  d: Draft,
  hanging: DraftParagraph,
  next: Block,
): { paragraph: DraftParagraph; decision: JoinDecision } | null {
  const first = d.paragraphs[0];
  if (!first || first === hanging || first.role !== 'text' || d.paragraphs[1] === undefined) return null;
  // Text under a byline opens the story; a paragraph already joined to what came before is placed.
  if (d.byline && d.byline.lines.end >= first.lines[0]! - 1) return null;
  if (d.decisions.some((x) => x.kind === 'join' && first.lines.includes(x.lines[1]!))) return null;
  const block = a.blocks.find((b) => b.lines[0]!.no === first.lines[0]);
  if (!block) return null;
  const context = [...d.paragraphs.map((p) => p.text), next.text];
  const here = attestedAcrossSeam(hanging.text, first.text, context);
  if (here < MIN_ATTESTED || here <= attestedAcrossSeam(hanging.text, next.text, context)) return null;
  const decision = a.decideJoin(hanging, block, {
    rightHeading: false,
    leftCut: a.cutAt(hanging),
    leftShort: a.shortAt(hanging),
    captionLifted: false,
  });
  if (!decision.join) return null;
  return {
    paragraph: first,
    decision: { ...decision, evidence: ['seam-attested-in-article', ...decision.evidence] },
  };
}

/**
 * Move the stranded opening to the end of `hanging`, where it goes on. When a subhead follows it
 * before `hanging`, the text paragraphs between the opening and that subhead came out of the same
 * column and follow it there; captions stay after the paragraph they followed.
 */
export function moveStrandedOpening(
  a: Assembly,
  d: Draft,
  hanging: DraftParagraph,
  found: { paragraph: DraftParagraph; decision: JoinDecision },
): void {
  const ps = d.paragraphs;
  const k = ps.indexOf(found.paragraph);
  const subhead = ps.findIndex((p, n) => n > k && p.role === 'subhead');
  const withIt = subhead > k && subhead < ps.indexOf(hanging) ? ps.slice(k + 1, subhead) : [];
  const follows = d.captions.map((c) => ps[c.afterParagraph - 1] ?? null);
  ps.splice(k, 1 + withIt.length);
  ps.splice(ps.indexOf(hanging) + 1, 0, ...withIt);
  d.captions.forEach((c, n) => {
    const p = follows[n] === found.paragraph ? hanging : follows[n];
    c.afterParagraph = p ? ps.indexOf(p) + 1 : 0;
  });
  const seam = [hanging.lines.at(-1)!, found.paragraph.lines[0]!];
  hanging.text += found.paragraph.text;
  hanging.lines.push(...found.paragraph.lines);
  d.edits.push({ kind: 'rejoined-split', note: STRANDED_NOTE, lines: seam });
  a.record(d, 'join', seam, found.decision);
}

const STRANDED_NOTE = '原文排在文章开头的一段是后文断开段落的下半段，已移回接续';
