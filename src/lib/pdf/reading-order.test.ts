/** Reading order from geometry on hand-made boxes: legs read whole, titles first, rules enclose. */
import { describe, expect, it } from 'vitest';
import { readingOrder, ruleRegions, xyCut } from './reading-order.ts';

type Box = { box: { x0: number; y0: number; x1: number; y1: number }; name: string };
const item = (name: string, x0: number, y0: number, x1: number, y1: number): Box => ({
  name,
  box: { x0, y0, x1, y1 },
});
const names = (leaves: Box[][]) => leaves.map((l) => l.map((i) => i.name).join(' '));
const OPTIONS = { minAcross: 8, minDown: 5 };

/** Two legs of three lines on the same baselines, lines touching (14 pt leading, 14 pt boxes). */
const legs = (x: number, prefix: string) =>
  [0, 1, 2].map((k) => item(`${prefix}${k + 1}`, x, 100 + 14 * k, x + 180, 114 + 14 * k));

describe('xyCut', () => {
  it('reads column legs one after the other, not line by line across', () => {
    expect(names(xyCut([...legs(40, 'a'), ...legs(232, 'b')], OPTIONS))).toEqual(['a1 a2 a3', 'b1 b2 b3']);
  });

  it('reads a short centred headline before the legs under it, though it leaves a gutter open', () => {
    const title = item('T', 250, 60, 400, 86);
    expect(names(xyCut([...legs(40, 'a'), ...legs(232, 'b'), ...legs(424, 'c'), title], OPTIONS))).toEqual([
      'T',
      'a1 a2 a3',
      'b1 b2 b3',
      'c1 c2 c3',
    ]);
  });

  it('keeps a leg whole when its short first line leaves a gap before the indented lines under it', () => {
    const leg = [
      item('end', 504, 455, 514, 469),
      item('next1', 524, 469, 628, 483),
      item('next2', 504, 483, 644, 497),
    ];
    const before = [0, 1, 2].map((k) => item(`a${k + 1}`, 350, 455 + 14 * k, 490, 469 + 14 * k));
    expect(names(xyCut([...before, ...leg], OPTIONS))).toEqual(['a1 a2 a3', 'end next1 next2']);
  });
});

describe('ruleRegions', () => {
  it('cuts along a rule nothing crosses, and not along one a line runs over', () => {
    const items = [item('L', 40, 100, 200, 114), item('R', 240, 100, 400, 114), item('W', 40, 130, 400, 144)];
    const area = { x0: 0, y0: 0, x1: 500, y1: 300 };
    const rule = { x0: 219.6, y0: 90, x1: 220.4, y1: 150 };
    // W runs across x = 220: the rule cannot cut the region.
    expect(ruleRegions(area, items, [rule]).length).toBe(1);
    const regions = readingOrder(area, items.slice(0, 2), [rule], OPTIONS);
    expect(regions.map((r) => names(r.leaves))).toEqual([['L'], ['R']]);
  });
});
