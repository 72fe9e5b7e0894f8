/** Body text: a paragraph of the open article, or, when none is open, an item without a heading. */
import { blockLines, type Stage } from '../assembly.ts';

/** Text with no article open starts an item without a heading. */
export const textWithoutArticle: Stage = (a, i) => {
  if (a.open()) return 0;
  const b = a.blocks[i]!;
  a.addText(a.newDraft(), b.text, blockLines(b));
  return 1;
};

/** A paragraph of the open article (the last stage: it takes any block). */
export const paragraph: Stage = (a, i) => {
  const b = a.blocks[i]!;
  a.addText(a.open()!, b.text, blockLines(b));
  return 1;
};
