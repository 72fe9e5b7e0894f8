/**
 * Related articles for an article page: up to five other articles that share its people, places,
 * organisations (the name index, src/lib/people/name-index.ts) and topics, each shared item
 * weighted by its rarity (log of articles / articles that have it: a name in two articles counts
 * far more than 综合 in most), articles of other dates first (an article of the same date follows
 * them all: the reader of a page has its issue at hand already). Items that many articles share
 * (more than COMMON_SHARE of them, at least MIN_COMMON, at most MAX_HOLDERS) say little and are
 * skipped, so an article's list costs the holders of its rare items only (an inverted index, never
 * all pairs; each item's holders sorted by date, so those in view are counted by binary search). Pure.
 */

/** What relates an article: its id, date, and the items it has (entry keys, `topic:` slugs …). */
export interface RelatedInput {
  id: string;
  date: string | null;
  /** entry keys of the name index (`place|衡阳市`) and topics (`topic:jiaotong`); each once */
  items: readonly string[];
}

/** A related article, with what it shares. */
export interface Related {
  id: string;
  score: number;
  shared: string[];
}

export const RELATED_LIMIT = 5;

/** Items held by more than this share of the articles are skipped … */
export const COMMON_SHARE = 0.05;
/** … but an item in this many articles still counts (a small archive) … */
export const MIN_COMMON = 10;
/** … and an item in more than this many never does (a large one). */
export const MAX_HOLDERS = 2000;

/** The most articles an item may be held by and still relate them, for an archive of `n` articles. */
export const commonLimit = (n: number): number =>
  Math.min(MAX_HOLDERS, Math.max(MIN_COMMON, Math.floor(COMMON_SHARE * n)));

/** Articles by item, and the number of articles, to weigh items by rarity. */
export interface RelatedIndex {
  articles: Map<string, RelatedInput>;
  /** the articles oldest first (undated first), in input order within a date */
  byDate: RelatedInput[];
  /**
   * each item's articles in byDate's order, for the items asked for so far (holdersFor): a build
   * that keeps most lists (related-memo.ts) collects the holders of the new day's items only
   */
  byItem: Map<string, string[]>;
  /** a fixed limit: items held by more articles are skipped (by default commonLimit of the articles in view) */
  maxHolders: number | null;
}

/**
 * What relates each article: the entries the name index found in it (nameIndex(…).byArticle) and
 * its topics' slugs (as `topic:<slug>`).
 */
export function relatedInputs(
  articles: Iterable<{ id: string; date: string | null; topics?: readonly string[] }>,
  byArticle: ReadonlyMap<string, readonly string[]>,
): RelatedInput[] {
  return [...articles].map((a) => ({
    id: a.id,
    date: a.date,
    items: [...(byArticle.get(a.id) ?? []), ...(a.topics ?? []).map((t) => `topic:${t}`)],
  }));
}

/** The index of the articles' items; `maxHolders` fixes the common-item limit (else commonLimit). */
export function relatedIndex(inputs: Iterable<RelatedInput>, maxHolders?: number): RelatedIndex {
  const articles = new Map<string, RelatedInput>();
  for (const a of inputs) articles.set(a.id, a);
  // The articles sorted by date once (stable: input order within a date), so that each item's
  // list comes out in that order as it is filled, instead of every list being sorted.
  const byDate = [...articles.values()].sort((x, y) => {
    const dx = x.date ?? '';
    const dy = y.date ?? '';
    return dx < dy ? -1 : dx > dy ? 1 : 0;
  });
  return { articles, byDate, byItem: new Map(), maxHolders: maxHolders ?? null };
}

/**
 * Collect the holders of those of `items` the index has not collected yet, in one pass over the
 * articles. At ten years every item's holders took about a second of each daily build, which
 * computes one day's lists (some 60 articles' items).
 */
export function holdersFor(index: RelatedIndex, items: Iterable<string>): void {
  const wanted = new Set<string>();
  for (const item of items) if (!index.byItem.has(item)) wanted.add(item);
  if (wanted.size === 0) return;
  for (const item of wanted) index.byItem.set(item, []);
  for (const a of index.byDate)
    for (const item of a.items) {
      if (!wanted.has(item)) continue;
      const list = index.byItem.get(item)!;
      // an item an article names twice: listed once
      if (list[list.length - 1] !== a.id) list.push(a.id);
    }
}

/**
 * Up to `limit` articles related to `id`, best first (ties: newer first, then by id), among the
 * articles printed on or before its day: earlier coverage of the same people, places, bodies and
 * topics. Counting only those (how many there are, how many hold each item) makes the list a fact of
 * the archive up to that day, so adding a newer issue never changes an older article's list (and
 * its page need not be built again). An undated article looks at the whole archive.
 */
export function relatedArticles(id: string, index: RelatedIndex, limit = RELATED_LIMIT): Related[] {
  const self = index.articles.get(id);
  if (!self) return [];
  const dateOf = (x: string) => index.articles.get(x)!.date ?? '';
  const until = self.date;
  const n = until === null ? index.articles.size : articlesUntil(index, until);
  const maxHolders = index.maxHolders ?? commonLimit(n);
  holdersFor(index, self.items);
  const scores = new Map<string, Related>();
  for (const item of new Set(self.items)) {
    const all = index.byItem.get(item) ?? [];
    const inView = until === null ? all.length : upperBound(all.length, (i) => dateOf(all[i]!) <= until);
    // shared by none, by every article, or by too many to say anything
    if (inView < 2 || inView >= n || inView > maxHolders) continue;
    const weight = Math.log(n / inView);
    for (let i = 0; i < inView; i++) {
      const other = all[i]!;
      if (other === id) continue;
      let r = scores.get(other);
      if (!r) scores.set(other, (r = { id: other, score: 0, shared: [] }));
      r.score += weight;
      r.shared.push(item);
    }
  }
  // each candidate's date looked up once, not in every comparison
  const ranked = [...scores.values()].map((r) => ({ r, date: dateOf(r.id) }));
  const sameDay = (x: { date: string }) => (self.date !== null && x.date === self.date ? 1 : 0);
  return ranked
    .sort(
      (x, y) =>
        sameDay(x) - sameDay(y) ||
        y.r.score - x.r.score ||
        (y.date < x.date ? -1 : y.date > x.date ? 1 : 0) ||
        (x.r.id < y.r.id ? -1 : 1),
    )
    .slice(0, limit)
    .map((x) => x.r);
}

/** The first index in [0, length) where `holds` stops being true (it holds for a prefix). */
function upperBound(length: number, holds: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const sortedDates = new WeakMap<RelatedIndex, string[]>();

/** How many articles were printed on or before `date` (undated ones count as earlier). */
function articlesUntil(index: RelatedIndex, date: string): number {
  let dates = sortedDates.get(index);
  if (!dates) {
    dates = index.byDate.map((a) => a.date ?? '');
    sortedDates.set(index, dates);
  }
  const sorted = dates;
  return upperBound(sorted.length, (i) => sorted[i]! <= date);
}
