/**
 * Cross-reference markers (>>>详见第七版>>>): the item they close is a teaser for an article
 * printed elsewhere; a marker with no short item open is a teaser of its own.
 */
import { blockLines, type Stage } from '../assembly.ts';
import { matchSee } from '../cross-references.ts';

export const crossReferenceTeaser: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const lines = blockLines(b);
  const see = matchSee(b.text, lines[0]!);
  if (!see) return 0;
  const c = a.cur;
  const target = c && !c.closed && c.paragraphs.length <= 1 ? c : a.newDraft();
  target.references.push(see);
  target.kind = 'teaser';
  a.touch(target, lines);
  target.closed = true;
  return 1;
};
