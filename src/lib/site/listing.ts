/**
 * Long lists cut into pages (topics, reporters, name entries: 30 a page), in the order readers
 * expect: newest date first (undated last), within a day paper by paper in reading order; each
 * page's items grouped by date; pages numbered from the oldest end, so that a new day changes the
 * first page only (chunksFromOldest). Pure functions on plain values; the pages give them the
 * edition's articles.
 */

/** Items per page of a topic's or a reporter's list. */
export const LIST_PAGE_SIZE = 30;

/**
 * The items per page of the long lists: `BAOKAN_LIST_SIZE` when set (small lists for tests and
 * previews), else `fallback`. A value that is not a positive integer is refused in one line.
 */
export function listPageSize(env: Record<string, string | undefined>, fallback = LIST_PAGE_SIZE): number {
  const raw = env.BAOKAN_LIST_SIZE;
  if (raw === undefined || raw === '') return fallback;
  if (!/^[1-9]\d*$/.test(raw))
    throw new Error(`BAOKAN_LIST_SIZE must be a positive whole number, not "${raw}"`);
  return Number(raw);
}

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

/**
 * The newest `n` dated items of a list in newestFirst's order, where the undated come last: its
 * first `n`, the undated among them left out. A topic's feed takes its entries from the list its
 * pages print, sorted once, rather than picking them from the topic's whole list again.
 */
export function newestDated<T>(sorted: readonly T[], n: number, place: (item: T) => ListPlace): T[] {
  return sorted.slice(0, Math.max(0, n)).filter((item) => place(item).date);
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

/**
 * One page of a long list cut from its OLDEST end, so that adding newer items changes only the
 * list's first page (and, once every `size` items, the page that is then set aside and its older
 * neighbour): the pages a reader reaches by “较早 →” keep their address and their content.
 */
export interface ListChunk<T> {
  /** 1-based, counted from the oldest page; the head carries the highest number */
  number: number;
  /** the list's first page (its newest items), at the list's own address */
  head: boolean;
  /** this page's items, newest first */
  items: T[];
  /** the number of the next older page, or null on the oldest */
  older: number | null;
  /** the next newer page (a number, or 'head'); null on the head */
  newer: number | 'head' | null;
}

/**
 * A list (given newest first) cut into pages from its oldest end, in the reader's order: the head
 * first, then the older pages, newest to oldest. The rule: with N items and pages of `size`, the
 * oldest floor(N / size) − 1 runs of `size` items are pages 1, 2 … (oldest first, at `<list>/1/`,
 * `<list>/2/` …); the head holds the rest, between `size` and 2·`size` − 1 items (all of them
 * when N < 2·`size`). Read newest first, the pages together give the list in its order. Adding a
 * newer item adds it to the head; when that makes the head 2·`size` long, its older `size` items
 * become the next numbered page. Numbered pages never change otherwise, except the newest of them,
 * whose “较新” link then points at the new page instead of the head.
 */
export function chunksFromOldest<T>(newestFirst: readonly T[], size = LIST_PAGE_SIZE): ListChunk<T>[] {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`list page size must be a positive integer, not ${size}`);
  const n = newestFirst.length;
  if (n === 0) return [];
  const archived = Math.max(0, Math.floor(n / size) - 1);
  const chunks: ListChunk<T>[] = [
    {
      number: archived + 1,
      head: true,
      items: newestFirst.slice(0, n - archived * size),
      older: archived > 0 ? archived : null,
      newer: null,
    },
  ];
  for (let k = archived; k >= 1; k--) {
    chunks.push({
      number: k,
      head: false,
      items: newestFirst.slice(n - k * size, n - (k - 1) * size),
      older: k > 1 ? k - 1 : null,
      newer: k < archived ? k + 1 : 'head',
    });
  }
  return chunks;
}

/** The route slug of a page of a list at `slug`: the head at `slug`, numbered pages at `slug/<n>`. */
export function chunkSlug(slug: string, page: number | 'head'): string {
  return page === 'head' ? slug : `${slug}/${page}`;
}

/** The line under a list's heading: the head counts the whole list, a numbered page itself. */
export function chunkSummary(
  lead: string,
  chunk: Pick<ListChunk<unknown>, 'head' | 'number' | 'items'>,
): string {
  return chunk.head
    ? `${lead}，新者在前。`
    : `较早的文章：第 ${chunk.number} 页（自最早一页数起），${chunk.items.length} 篇，新者在前。`;
}
