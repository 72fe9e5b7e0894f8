/**
 * Navigation rules of the issue, page (版) and article pages, kept free of Astro so they can be
 * tested on plain values.
 */
import { toChineseNumber } from '../text/characters.ts';

/**
 * A page's name for readers: 第一版, 第二版（另本）. An inferred number is not spelled out in
 * every list, title and breadcrumb (the label's "（推定）"): the 版 and article pages show one
 * marker with its explanation instead.
 */
export function pageName(label: string): string {
  return label
    .replace(/推定，?/u, '')
    .replace(/，）/u, '）')
    .replace(/（）/u, '');
}

export interface Slot<P> {
  number: number;
  /** 第三版 */
  name: string;
  /** the edition's pages with this number (more than one when a variant was kept) */
  pages: P[];
}

/**
 * Every page the issue printed, in number order, with the pages the edition holds: from 1 to the
 * masthead's page count (今日8版) or the highest printed number, whichever is larger. Pages whose
 * numbers are only inferred are listed as they are (their sequence shows no gap).
 */
export function pageSlots<P extends { number: number; numberKnown: boolean }>(
  pages: readonly P[],
  pageCount: number | null,
): Slot<P>[] {
  const known = pages.filter((p) => p.numberKnown).map((p) => p.number);
  const last = Math.max(pageCount ?? 0, ...known, ...pages.map((p) => p.number));
  if (!pages.length && !pageCount) return [];
  const slots: Slot<P>[] = [];
  // with no printed number and no page count, only the pages there are
  const full = known.length > 0 || (pageCount ?? 0) > 0;
  const numbers = full
    ? Array.from({ length: last }, (_, i) => i + 1)
    : [...new Set(pages.map((p) => p.number))];
  for (const n of numbers) {
    slots.push({ number: n, name: `第${toChineseNumber(n)}版`, pages: pages.filter((p) => p.number === n) });
  }
  // a page numbered outside 1..last (0 or negative never happens; kept for safety)
  for (const p of pages)
    if (!numbers.includes(p.number))
      slots.push({ number: p.number, name: `第${toChineseNumber(p.number)}版`, pages: [p] });
  return slots;
}

/** How many pages the issue printed, and how many the edition holds. */
export function pageCounts(
  pages: readonly { number: number; numberKnown: boolean }[],
  pageCount: number | null,
) {
  const slots = pageSlots(pages, pageCount);
  return { printed: slots.length, held: slots.filter((s) => s.pages.length).length };
}

/**
 * The neighbour of an article in reading order, and whether reaching it crosses into another
 * page (版): then the pager names that page (上一篇（第一版）).
 */
export function neighbour<A extends { page: unknown }>(
  list: readonly A[],
  k: number,
  step: -1 | 1,
): { article: A; crosses: boolean } | null {
  const here = list[k];
  const other = list[k + step];
  if (!here || !other) return null;
  return { article: other, crosses: other.page !== here.page };
}
