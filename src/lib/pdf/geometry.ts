/**
 * Page geometry shared by the PDF reader and the typesetter: rectangles in PDF page coordinates
 * as MuPDF reports them (points, origin at the top left of the page, y growing downwards).
 */

/** An axis-aligned box: left, top, right, bottom. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The smallest box holding all of these (null for none). */
export function union(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  return {
    x0: Math.min(...rects.map((r) => r.x0)),
    y0: Math.min(...rects.map((r) => r.y0)),
    x1: Math.max(...rects.map((r) => r.x1)),
    y1: Math.max(...rects.map((r) => r.y1)),
  };
}

/** Area of the overlap of two boxes. */
export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

export const area = (r: Rect) => Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0);

/** Rounded to a tenth of a point (for JSON that stays the same from run to run). */
export function rounded(r: Rect): Rect {
  const t = (n: number) => Math.round(n * 10) / 10;
  return { x0: t(r.x0), y0: t(r.y0), x1: t(r.x1), y1: t(r.y1) };
}
