/**
 * Reading order from geometry. A page is first cut along its rules into regions (a rule cuts a
 * region when nothing printed crosses the line it lies on: papers rule off their articles), then
 * each region is cut along white space, recursively (XY-cut): across first, where a band of
 * white space at least `minAcross` high runs the region's whole width (title block over body,
 * picture over body), else down, where a gutter at least `minDown` wide runs its whole height
 * (column legs). The leaves — a column leg, a title block — are read top to bottom; the tree is
 * read top to bottom and left to right.
 *
 * Cutting across first keeps a headline before the legs under it even when it is short and
 * leaves a gutter uncovered; the across threshold is larger than the gap between two lines of a
 * leg, so legs whose lines stand on the same baselines are never read line by line across.
 */
import type { Rect } from './geometry.ts';

/** Anything printed that takes part in the cuts: a text line or a picture. */
export interface Item {
  box: Rect;
}

/** A region bounded by rules, with its leaves in reading order. */
export interface Region<T extends Item> {
  box: Rect;
  /** leaves (column legs, title blocks) in reading order, each read top to bottom */
  leaves: T[][];
}

export interface CutOptions {
  /** least height of white space that cuts across */
  minAcross: number;
  /** least width of a gutter that cuts down */
  minDown: number;
}

const EPS = 0.5;

function crossesY<T extends Item>(items: readonly T[], y: number): boolean {
  return items.some((i) => i.box.y0 < y - EPS && i.box.y1 > y + EPS);
}
function crossesX<T extends Item>(items: readonly T[], x: number): boolean {
  return items.some((i) => i.box.x0 < x - EPS && i.box.x1 > x + EPS);
}

const centreY = (r: Rect) => (r.y0 + r.y1) / 2;
const centreX = (r: Rect) => (r.x0 + r.x1) / 2;

const isUpright = (r: Rect) => r.y1 - r.y0 > r.x1 - r.x0;
const length = (r: Rect) => Math.max(r.x1 - r.x0, r.y1 - r.y0);

/** Cut an area along rules that nothing crosses; regions in reading order. */
export function ruleRegions<T extends Item>(
  area: Rect,
  items: readonly T[],
  rules: readonly Rect[],
): { box: Rect; items: T[] }[] {
  // The rules' parts inside the area, rules across first (papers rule off rows of articles), longest first.
  const inside = rules
    .map((r) => ({
      x0: Math.max(r.x0, area.x0),
      y0: Math.max(r.y0, area.y0),
      x1: Math.min(r.x1, area.x1),
      y1: Math.min(r.y1, area.y1),
    }))
    .filter((r) => r.x1 >= r.x0 && r.y1 >= r.y0 && (r.x1 - r.x0 > 1 || r.y1 - r.y0 > 1))
    .sort((a, b) => Number(isUpright(a)) - Number(isUpright(b)) || length(b) - length(a));
  // Long enough, measured against what is printed in the area (not its margins).
  const width = Math.max(...items.map((i) => i.box.x1)) - Math.min(...items.map((i) => i.box.x0));
  const height = Math.max(...items.map((i) => i.box.y1)) - Math.min(...items.map((i) => i.box.y0));
  for (const r of inside) {
    const horizontal = !isUpright(r);
    if (horizontal && r.x1 - r.x0 >= 0.3 * width) {
      const y = centreY(r);
      if (crossesY(items, y)) continue;
      const above = items.filter((i) => centreY(i.box) < y);
      const below = items.filter((i) => centreY(i.box) >= y);
      if (!above.length || !below.length) continue;
      const rest = inside.filter((o) => o !== r);
      return [
        ...ruleRegions({ ...area, y1: y }, above, rest),
        ...ruleRegions({ ...area, y0: y }, below, rest),
      ];
    }
    if (!horizontal && r.y1 - r.y0 >= 0.3 * height) {
      const x = centreX(r);
      if (crossesX(items, x)) continue;
      const left = items.filter((i) => centreX(i.box) < x);
      const right = items.filter((i) => centreX(i.box) >= x);
      if (!left.length || !right.length) continue;
      const rest = inside.filter((o) => o !== r);
      return [
        ...ruleRegions({ ...area, x1: x }, left, rest),
        ...ruleRegions({ ...area, x0: x }, right, rest),
      ];
    }
  }
  return items.length ? [{ box: area, items: [...items] }] : [];
}

/** Gaps in the projection of the items on one axis, at least `min` wide: cut positions. */
function gaps<T extends Item>(
  items: readonly T[],
  lo: (r: Rect) => number,
  hi: (r: Rect) => number,
  min: number,
): number[] {
  const spans = items.map((i) => [lo(i.box), hi(i.box)] as const).sort((a, b) => a[0] - b[0]);
  const cuts: number[] = [];
  let reach = spans[0]![1];
  for (const [a, b] of spans.slice(1)) {
    if (a - reach >= min) cuts.push((a + reach) / 2);
    reach = Math.max(reach, b);
  }
  return cuts;
}

function splitAt<T extends Item>(items: readonly T[], cuts: number[], pos: (r: Rect) => number): T[][] {
  const parts: T[][] = cuts.map(() => []);
  parts.push([]);
  for (const i of items) {
    const p = pos(i.box);
    let k = 0;
    while (k < cuts.length && p > cuts[k]!) k++;
    parts[k]!.push(i);
  }
  return parts.filter((p) => p.length > 0);
}

/**
 * Column legs stand beside each other: they share some height. A part that does not share any with
 * the part to its left is not a leg of its own (a short last line before an indented one leaves
 * a gap as wide as a gutter) and goes with it.
 */
function besideEachOther<T extends Item>(parts: T[][]): T[][] {
  const span = (p: T[]) =>
    [Math.min(...p.map((i) => i.box.y0)), Math.max(...p.map((i) => i.box.y1))] as const;
  const out: T[][] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (prev) {
      const [a0, a1] = span(prev);
      const [b0, b1] = span(p);
      if (Math.min(a1, b1) - Math.max(a0, b0) <= EPS) {
        prev.push(...p);
        continue;
      }
    }
    out.push([...p]);
  }
  return out;
}

/** XY-cut of a region's items into leaves in reading order. */
export function xyCut<T extends Item>(items: readonly T[], options: CutOptions): T[][] {
  if (items.length <= 1) return items.length ? [[...items]] : [];
  const across = gaps(
    items,
    (r) => r.y0,
    (r) => r.y1,
    options.minAcross,
  );
  if (across.length) {
    return splitAt(items, across, centreY).flatMap((part) => xyCut(part, options));
  }
  const down = gaps(
    items,
    (r) => r.x0,
    (r) => r.x1,
    options.minDown,
  );
  if (down.length) {
    const parts = besideEachOther(splitAt(items, down, centreX));
    if (parts.length > 1) return parts.flatMap((part) => xyCut(part, options));
  }
  return [[...items].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0)];
}

/** Regions (by rules) and their leaves (by white space), all in reading order. */
export function readingOrder<T extends Item>(
  area: Rect,
  items: readonly T[],
  rules: readonly Rect[],
  options: CutOptions,
): Region<T>[] {
  return ruleRegions(area, items, rules).map((r) => ({ box: r.box, leaves: xyCut(r.items, options) }));
}
