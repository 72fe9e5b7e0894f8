/**
 * Captions without a credit, lifted out of the text they interrupt: a short line standing at the
 * column break of a paragraph that goes on after it (the paragraph is rejoined around it), and a
 * short sentence after a picture gap (a run of blank lines where a picture stood).
 */
import { blockLines, lastParagraph, type Stage } from '../assembly.ts';
import { matchByline } from '../byline.ts';
import { isNoticeTitle } from '../block-shapes.ts';
import { wordSpansSeam } from '../../text/words.ts';
import { visibleLength } from '../../text/characters.ts';

const REJOINED_AROUND = '被图片说明隔开的段落已接续';

/**
 * A caption at the column cut of a hard-wrapped paragraph: the word the column cut goes on in the
 * block after it (…天马大街的“鹿家厨 | caption | 房”餐馆早早开了门), not in this one.
 */
export const captionAtColumnCut: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const next = a.blocks[i + 1];
  const c = a.open();
  const hanging = a.hanging();
  if (
    !c ||
    !hanging ||
    !a.cutAt(hanging) ||
    b.cut ||
    !next ||
    a.headingCandidate(next) ||
    matchByline(next.text) ||
    wordSpansSeam(hanging.text, b.text) ||
    !wordSpansSeam(hanging.text, next.text)
  )
    return 0;
  a.addCaption(c, b.text, null, blockLines(b), true);
  a.joinInto(c, hanging, next.text, blockLines(next), REJOINED_AROUND, {
    join: true,
    score: null,
    evidence: ['column-cut', 'word-spans-seam-around-caption'],
  });
  return 2;
};

/**
 * A heading-like block opens a paragraph, the next (short, heading-like) block is a caption and
 * the block after it goes on with the paragraph.
 */
export const captionBetweenHalves: Stage = (a, i) => {
  const [b, next, after] = [a.blocks[i]!, a.blocks[i + 1], a.blocks[i + 2]];
  const c = a.open();
  if (
    !a.headingCandidate(b) ||
    !a.rejoins ||
    !c ||
    a.hanging() ||
    !next ||
    !after ||
    visibleLength(next.text) > 30 ||
    !a.headingCandidate(next) ||
    matchByline(next.text) ||
    // a name alone between a headline and text is its author (a commentary's), not a caption
    a.isAuthorLine(i + 1) ||
    a.headingCandidate(after) ||
    matchByline(after.text)
  )
    return 0;
  const left = { text: b.text, lines: blockLines(b) };
  const decision = a.decideJoin(left, after, { rightHeading: false, leftCut: false, captionLifted: true });
  if (!decision.join) return 0;
  a.addText(c, b.text, blockLines(b));
  const p = lastParagraph(c)!;
  a.addCaption(c, next.text, null, blockLines(next), true);
  a.joinInto(c, p, after.text, blockLines(after), REJOINED_AROUND, decision);
  return 3;
};

/** The last paragraph hangs, this short heading-like block is a caption, the next goes on with it. */
export const captionAfterHangingParagraph: Stage = (a, i) => {
  const [b, next] = [a.blocks[i]!, a.blocks[i + 1]];
  const c = a.open();
  const hanging = a.hanging();
  if (
    !a.headingCandidate(b) ||
    !c ||
    !hanging ||
    !next ||
    visibleLength(b.text) > 30 ||
    isNoticeTitle(b.text) ||
    a.isAuthorLine(i) ||
    a.headingCandidate(next) ||
    matchByline(next.text)
  )
    return 0;
  const decision = a.decideJoin(hanging, next, {
    rightHeading: false,
    leftCut: a.cutAt(hanging),
    leftShort: a.shortAt(hanging),
    captionLifted: true,
  });
  if (!decision.join) return 0;
  a.addCaption(c, b.text, null, blockLines(b), true);
  a.joinInto(c, hanging, next.text, blockLines(next), REJOINED_AROUND, decision);
  return 2;
};

/** A short sentence after a picture gap is the picture's caption. */
export const captionAfterPictureGap: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const c = a.open();
  const sentences = (b.text.match(/[。！？]/gu) ?? []).length;
  if (
    !c ||
    b.gapBefore < 2 ||
    visibleLength(b.text) > 60 ||
    sentences > 1 ||
    !(c.headline || c.paragraphs.length)
  )
    return 0;
  a.addCaption(c, b.text, null, blockLines(b), false);
  return 1;
};
