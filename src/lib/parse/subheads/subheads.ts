/**
 * Subheads: a lone heading inside an article is a subhead when the evidence says it belongs to the
 * article above (subhead-evidence.ts: enumerated, sharing its vocabulary, inside a feature, or
 * inside a bylined article while bringing no closing credit of its own); else it starts a new
 * article. In a file that
 * indents its body, a short heading-like line at the body's indent inside an article is a subhead.
 */
import type { Block } from '../blocks.ts';
import { BULLETED, blockLines, type Assembly, type Draft, type Stage } from '../assembly.ts';
import { matchByline } from '../byline.ts';
import { decideSubhead, type SubheadDecision } from './subhead-evidence.ts';
import { bigrams, overlap, visibleLength } from '../../text/characters.ts';

/**
 * A credit in brackets closing a text: （本报记者 赵敏）, （本报记者马跃峰、黄娴、程焕）,
 * （新华社记者 X）, （通讯员 Y）.
 */
export function isClosingCredit(text: string): boolean {
  const t = text.trim();
  if (
    /^[（(](?:本报|新华社|[\u4e00-\u9fff]{2,6}报)?(?:特约|全媒体|见习)?(?:记者|通讯员)[^（）()。！？]{2,80}[）)]$/u.test(
      t,
    )
  )
    return true;
  return /^[（(].*[）)]$/u.test(t) && matchByline(t)?.source === '';
}

/** What an article is about: its headings and opening paragraphs. */
function articleBigrams(d: Draft) {
  return bigrams(
    [d.kicker, d.headline, d.subtitle, ...d.paragraphs.slice(0, 2).map((p) => p.text)]
      .filter(Boolean)
      .join(' '),
  );
}

/**
 * Whether a lone heading (a block, or a subhead printed in two lines) in article c, followed by the
 * block at j (the group's end), is a subhead of c rather than the headline of a new article
 * (subhead-evidence.ts decides).
 */
export function decideLoneHeading(
  a: Assembly,
  c: Draft,
  heading: Block | readonly Block[],
  j: number,
): SubheadDecision {
  const group = Array.isArray(heading) ? heading : [heading as Block];
  const text = group.map((g) => g.text).join(' ');
  const follower = a.blocks[j];
  // A new article's text would close with a credit of its own (（本报记者 赵敏）).
  let ownClosingCredit = false;
  for (let k = j; k < a.blocks.length && k < j + 40 && !a.headingCandidate(a.blocks[k]!); k++) {
    const t = a.blocks[k]!.text;
    if (isClosingCredit(t)) ownClosingCredit = true;
  }
  return decideSubhead({
    text,
    lines: group.flatMap(blockLines),
    share: overlap(bigrams(text), articleBigrams(c)),
    bylined: !!c.byline,
    staffByline: !!c.byline && c.byline.staff.length > 0,
    bareByline: !!c.byline && c.byline.staff.length === 0 && /记者$/u.test(c.byline.text),
    feature: BULLETED.test(c.byline?.text ?? '') || c.paragraphs.some((p) => p.role === 'subhead'),
    dashSubtitle: /^[—－]{2}/u.test(c.subtitle ?? ''),
    textFollows: !!follower && !a.headingCandidate(follower),
    ownClosingCredit,
    paragraphs: c.paragraphs.length,
  });
}

/** A short heading-like line at the body's indent inside an article (e-papers set subheads so). */
export const subheadAtBodyIndent: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const c = a.open();
  if (
    !c ||
    c.paragraphs.length === 0 ||
    !a.options.bodyIndent ||
    b.indent !== a.options.bodyIndent ||
    visibleLength(b.text) > 30 ||
    /^[—－-]{2}/u.test(b.text) ||
    // a short sentence (预祝大会圆满成功！) is text: subheads are titles, not statements
    /[。！!]$/u.test(b.text.trim()) ||
    !a.plainHeading(b)
  )
    return 0;
  a.addSubhead(c, b.text, blockLines(b));
  return 1;
};
