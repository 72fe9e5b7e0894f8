/**
 * One PDF page's layout: its body text size, the zone above the first long rule near the top
 * (masthead or page header) and below the last long rule (editors' credits, when every line there
 * is small), and between them the regions and leaves in reading order (reading-order.ts).
 */
import type { PdfPageContent, TextLine } from './extract.ts';
import type { Rect } from './geometry.ts';
import { readingOrder, type Region } from './reading-order.ts';

/** A printed item in reading order: a text line or a picture. */
export type PageItem =
  { box: Rect; line: TextLine; picture?: undefined } | { box: Rect; picture: Rect; line?: undefined };

export interface PageLayout {
  /** the most frequent font size of the page's characters: the body text */
  bodySize: number;
  /** lines above the first long rule near the top (masthead, page header), top to bottom */
  top: TextLine[];
  /** small lines below the last long rule (credits), top to bottom */
  bottom: TextLine[];
  regions: Region<PageItem>[];
}

/** A rule at least this share of the page's width separates the header or footer. */
const LONG_RULE = 0.6;
/** The header rule stands in this top share of the page. */
const TOP_SHARE = 0.3;

/** The most frequent character size (body text), weighted by characters. */
export function bodySizeOf(lines: readonly TextLine[]): number {
  const counts = new Map<number, number>();
  for (const l of lines)
    counts.set(l.size, (counts.get(l.size) ?? 0) + Array.from(l.text.replace(/\s+/gu, '')).length);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best ? best[0] : 10;
}

/**
 * Lines over a rule are a masthead or page header when they are few and set small, but for at
 * most one line twice the body size or more (the paper's name); else the rule closes a row of
 * articles.
 */
function isHeadZone(lines: readonly TextLine[], bodySize: number): boolean {
  if (lines.length === 0 || lines.length > 10) return false;
  const large = lines.filter((l) => l.size >= bodySize * 0.95);
  return large.length === 0 || (large.length === 1 && large[0]!.size >= bodySize * 2);
}

const byPosition = (a: TextLine, b: TextLine) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0;

export function layoutOf(page: PdfPageContent): PageLayout {
  const lines = page.lines.filter((l) => l.text.trim());
  const bodySize = bodySizeOf(lines);
  const long = page.rules
    .filter((r) => r.x1 - r.x0 >= LONG_RULE * page.width && r.y1 - r.y0 < r.x1 - r.x0)
    .sort((a, b) => a.y0 - b.y0);
  const firstRule = long.find((r) => r.y1 <= TOP_SHARE * page.height);
  const above = firstRule ? lines.filter((l) => l.box.y1 <= firstRule.y0 + 0.5).sort(byPosition) : [];
  const top = isHeadZone(above, bodySize) ? above : [];
  const headRule = top.length ? firstRule : undefined;
  const lastRule = long[long.length - 1];
  const under = lastRule ? lines.filter((l) => l.box.y0 >= lastRule.y1 - 0.5) : [];
  const bottom = under.length && under.every((l) => l.size < bodySize * 0.95) ? under.sort(byPosition) : [];
  const zoned = new Set([...top, ...bottom]);
  const items: PageItem[] = [
    ...lines.filter((l) => !zoned.has(l)).map((line) => ({ box: line.box, line })),
    ...page.pictures.map((picture) => ({ box: picture, picture })),
  ];
  const area: Rect = {
    x0: 0,
    y0: headRule ? headRule.y1 : 0,
    x1: page.width,
    y1: bottom.length && lastRule ? lastRule.y0 : page.height,
  };
  const rules = page.rules.filter((r) => r !== headRule && !(bottom.length && r === lastRule));
  const regions = readingOrder(area, items, rules, { minAcross: 0.8 * bodySize, minDown: 0.5 * bodySize });
  return { bodySize, top, bottom, regions };
}
