/**
 * Joins across a column break: a paragraph that stops inside a sentence goes on in the next block
 * when the evidence says so (block-shapes.ts shouldJoin: a word spanning the seam, a left part too
 * long for a heading, a phrase that cannot end there, a hard-wrapped line that fills its column).
 */
import { blockLines, isFieldLine, type Stage } from '../assembly.ts';
import { matchByline } from '../byline.ts';
import { isNoticeTitle, shouldJoin } from '../block-shapes.ts';

const REJOINED = '分栏处断开的段落已接续';

/** A heading-like block that is really the rest of the hanging paragraph. */
export const headingGoesOnHangingParagraph: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const c = a.open();
  const hanging = a.hanging();
  if (
    !a.headingCandidate(b) ||
    !c ||
    !hanging ||
    isNoticeTitle(b.text) ||
    !shouldJoin(hanging.text, b.lines[0]!.text, 'heading', a.cutAt(hanging))
  )
    return 0;
  a.joinInto(c, hanging, b.text, blockLines(b), REJOINED);
  return 1;
};

/** A heading-like block that is really the start of a paragraph going on in the next block. */
export const headingOpensBrokenParagraph: Stage = (a, i) => {
  const [b, next] = [a.blocks[i]!, a.blocks[i + 1]];
  const c = a.open();
  if (
    !a.headingCandidate(b) ||
    !a.rejoins ||
    !c ||
    !next ||
    a.headingCandidate(next) ||
    matchByline(next.text) ||
    !shouldJoin(b.text, next.lines[0]!.text)
  )
    return 0;
  a.addText(c, b.text, blockLines(b));
  return 1;
};

/** Body text that goes on with the hanging paragraph. */
export const bodyGoesOnHangingParagraph: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const c = a.open();
  const hanging = a.hanging();
  const right = b.lines[0]!.text;
  if (!c || !hanging || !shouldJoin(hanging.text, right, 'body', a.cutAt(hanging)) || isFieldLine(right))
    return 0;
  a.joinInto(c, hanging, b.text, blockLines(b), REJOINED);
  return 1;
};
