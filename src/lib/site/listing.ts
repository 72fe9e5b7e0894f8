/**
 * Long lists cut into pages (topics, reporters: 30 a page), in the order readers expect: newest
 * date first (undated last), within a day paper by paper in reading order; each page's items
 * grouped by date. Pure functions on plain values; the pages give them the edition's articles.
 */

/** Items per page of a topic's or a reporter's list. */
export const LIST_PAGE_SIZE = 30;

/** Where an article sits, for ordering lists: its date, paper, page (版) index and reading order. */
export interface ListPlace {
  date: string | null;
  paper: string;
  /** the page's position in its issue (0-based) */
  pageIndex: number;
  /** reading order in the issue */
  order: number;
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The items newest date first (undated last); within a day paper by paper in reading order. The
 * keys are made once per item (an archive has hundreds of thousands) and compared as code units.
 * Returns a new array.
 */
export function newestFirst<T>(items: readonly T[], place: (item: T) => ListPlace): T[] {
  const keyed = items.map((item) => {
    const p = place(item);
    const reading = `${p.paper}|${String(p.pageIndex).padStart(3, '0')}|${String(p.order).padStart(4, '0')}`;
    return { item, date: p.date ?? '', reading };
  });
  keyed.sort((a, b) => cmp(b.date, a.date) || cmp(a.reading, b.reading));
  return keyed.map((k) => k.item);
}

/** One page of a paged list. */
export interface ListPage<T> {
  /** 1-based */
  page: number;
  pages: number;
  /** all items in the list */
  total: number;
  items: T[];
}

/** A list cut into pages of `size` (none for an empty list). */
export function paginate<T>(items: readonly T[], size = LIST_PAGE_SIZE): ListPage<T>[] {
  const pages = Math.ceil(items.length / size);
  return Array.from({ length: pages }, (_, i) => ({
    page: i + 1,
    pages,
    total: items.length,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

/** The route slug of page `page` of a list at `slug`: `slug`, then `slug/2`, `slug/3` … */
export function pagedSlug(slug: string, page: number): string {
  return page <= 1 ? slug : `${slug}/${page}`;
}

/** Items of one date, in list order. */
export interface DateGroup<T> {
  date: string | null;
  items: T[];
}

/** Consecutive items with the same date, grouped (the list is already in date order). */
export function groupByDate<T>(items: readonly T[], dateOf: (item: T) => string | null): DateGroup<T>[] {
  const groups: DateGroup<T>[] = [];
  for (const item of items) {
    const date = dateOf(item);
    const last = groups[groups.length - 1];
    if (last && last.date === date) last.items.push(item);
    else groups.push({ date, items: [item] });
  }
  return groups;
}

/** The line under a list's heading: 共 45 篇，新者在前；第 2 / 2 页。 */
export function listSummary(lead: string, page: number, pages: number): string {
  return `${lead}，新者在前${pages > 1 ? `；第 ${page} / ${pages} 页` : ''}。`;
}
