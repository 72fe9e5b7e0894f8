/**
 * A signature closes a notice: organisation lines and a date (中共衡阳市委 / 衡阳市人民政府 /
 * 2022年3月31日), or, after text, a lone date line.
 */
import { blockLines, type Stage } from '../assembly.ts';
import { isDateLine, isSignature } from '../block-shapes.ts';

export const signature: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const c = a.open();
  if (!c || !(isSignature(b) || (isDateLine(b.text) && c.paragraphs.length > 0))) return 0;
  const lines = blockLines(b);
  c.signature = { text: b.lines.map((l) => l.text).join('\n'), lines };
  a.touch(c, lines);
  c.closed = true;
  return 1;
};
