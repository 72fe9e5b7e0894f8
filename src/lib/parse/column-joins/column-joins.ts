/**
 * Joins across a column break: a paragraph that stops inside a sentence goes on in the next block
 * when the evidence at the seam says so (join-evidence.ts: certain printed forms by rule, the rest
 * by a fitted model). Each join, and each split the model decided, is recorded with its evidence.
 */
import { blockLines, isFieldLine, type Assembly, type Stage } from '../assembly.ts';
import { matchByline } from '../byline.ts';
import { isNoticeTitle } from '../block-shapes.ts';
import { certainRule } from './join-evidence.ts';
import { isWholeByline } from '../unwrap.ts';
import { moveStrandedOpening, strandedOpening } from '../reading-order/stranded-start.ts';
import { tailBeforeHeadline } from '../reading-order/tail-before-headline.ts';

const REJOINED = '分栏处断开的段落已接续';

/**
 * Join block `b` to the hanging paragraph when the seam's evidence says so (a split the model
 * decided is recorded with its evidence); 1 when joined, else 0.
 */
function joinHanging(
  a: Assembly,
  c: NonNullable<ReturnType<Assembly['open']>>,
  hanging: NonNullable<ReturnType<Assembly['hanging']>>,
  b: Assembly['blocks'][number],
  rightHeading: boolean,
): 0 | 1 {
  const stranded = rightHeading ? null : strandedOpening(a, c, hanging, b);
  if (stranded) {
    // the paragraph goes on in the article's stranded opening; block b starts a paragraph of its own
    moveStrandedOpening(a, c, hanging, stranded);
    return 0;
  }
  const decision = a.decideJoin(hanging, b, {
    rightHeading,
    leftCut: a.cutAt(hanging),
    leftShort: a.shortAt(hanging),
    captionLifted: false,
  });
  if (!decision.join) {
    if (decision.score !== null) a.record(c, 'split', [hanging.lines.at(-1)!, b.lines[0]!.no], decision);
    return 0;
  }
  a.joinInto(c, hanging, b.text, blockLines(b), REJOINED, decision);
  return 1;
}

/** The seam is left to the model's score: no printed form decides it. */
function isModelSeam(
  a: Assembly,
  hanging: { text: string; lines: number[] },
  b: Assembly['blocks'][number],
): boolean {
  const how = {
    rightHeading: false,
    leftCut: a.cutAt(hanging),
    leftShort: a.shortAt(hanging),
    captionLifted: false,
  };
  return certainRule(a.seam(hanging, b, how)) === null;
}

/** A heading-like block that is really the rest of the hanging paragraph. */
export const headingGoesOnHangingParagraph: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const c = a.open();
  const hanging = a.hanging();
  if (!a.headingCandidate(b) || !c || !hanging || isNoticeTitle(b.text)) return 0;
  // a heading over a byline is a headline: an article starts there, whatever hangs above it
  const next = a.blocks[i + 1];
  if (next && isWholeByline(next.text)) return 0;
  return joinHanging(a, c, hanging, b, true);
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
    matchByline(next.text)
  )
    return 0;
  const left = { text: b.text, lines: blockLines(b) };
  if (!a.decideJoin(left, next, { rightHeading: false, leftCut: false, captionLifted: false }).join) return 0;
  a.addText(c, b.text, blockLines(b));
  return 1;
};

/** Body text that goes on with the hanging paragraph. */
export const bodyGoesOnHangingParagraph: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const c = a.open();
  const hanging = a.hanging();
  if (!c || !hanging || isFieldLine(b.lines[0]!.text)) return 0;
  const tail = tailBeforeHeadline(a, i, c, hanging.lines.at(-1)!);
  if (tail && isModelSeam(a, hanging, b)) {
    // the run ends the article the next headline opens (placed when the file is read: assemble.ts);
    // the open article's text goes on elsewhere, not here
    a.held.push(tail);
    c.closed = true;
    return tail.blocks.length;
  }
  return joinHanging(a, c, hanging, b, false);
};
