/**
 * Subheads: a lone heading inside an article is a subhead when it belongs to the article above
 * (enumerated, sharing its vocabulary, inside a feature, or inside a bylined article while bringing
 * no byline, dateline or closing credit of its own); else it starts a new article. In a file that
 * indents its body, a short heading-like line at the body's indent inside an article is a subhead.
 */
import type { Block } from '../blocks.ts';
import { BULLETED, blockLines, type Assembly, type Draft, type Stage } from '../assembly.ts';
import { matchByline } from '../byline.ts';
import { isEnumerated } from '../block-shapes.ts';
import { bigrams, overlap, visibleLength } from '../../text/characters.ts';

/** What an article is about: its headings and opening paragraphs. */
function articleBigrams(d: Draft) {
  return bigrams(
    [d.kicker, d.headline, d.subtitle, ...d.paragraphs.slice(0, 2).map((p) => p.text)]
      .filter(Boolean)
      .join(' '),
  );
}

/**
 * Whether block b, a lone heading in article c followed by the block at j (the group's end), is a
 * subhead of c rather than the headline of a new article.
 */
export function isSubheadOf(a: Assembly, c: Draft, b: Block, j: number): boolean {
  const follower = a.blocks[j];
  // Features (■ bylines, or subheads already) carry subheads; elsewhere a subhead must share the
  // article's vocabulary, or it starts a new article.
  const share = overlap(bigrams(b.text), articleBigrams(c));
  const feature = BULLETED.test(c.byline?.text ?? '') || c.paragraphs.some((p) => p.role === 'subhead');
  // In a bylined article, a heading (a phrase, not a short label such as 记者手记) whose text
  // opens without a byline or dateline of its own (本报讯…, 新华社…电) and ends without a credit
  // of its own (（本报记者 赵敏）) is a subhead: a new article would carry its own byline.
  // (Vocabulary shared with the article above was tried and does not tell them apart.)
  const bylined = !!c.byline && c.byline.staff.length > 0;
  const ownLead = !!follower && !!matchByline(follower.text)?.source;
  let ownTail = false;
  for (let k = j; k < a.blocks.length && k < j + 40 && !a.headingCandidate(a.blocks[k]!); k++) {
    const t = a.blocks[k]!.text;
    if (/^[（(].*[）)]$/u.test(t) && matchByline(t)?.source === '') ownTail = true;
  }
  return (
    isEnumerated(b.text) ||
    share >= 0.25 ||
    (!!c.byline && (feature || share >= 0.1)) ||
    (bylined &&
      visibleLength(b.text) >= 6 &&
      !!follower &&
      !a.headingCandidate(follower) &&
      !ownLead &&
      !ownTail)
  );
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
    !a.plainHeading(b)
  )
    return 0;
  a.addSubhead(c, b.text, blockLines(b));
  return 1;
};
