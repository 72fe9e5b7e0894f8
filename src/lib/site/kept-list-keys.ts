/**
 * The keys of long lists' numbered pages (chunksFromOldest, listing.ts), kept from one build to the
 * next. A list page's key is a digest of what it prints (src/data/page-keys.ts), so making it goes
 * over every line of the page: the name entries' pages list 1.26 million lines at ten years, most of
 * them on numbered pages, and a day added changes none of those but the newest of an entry's.
 *
 * A numbered page takes the key it had when all of this holds:
 * - the keys were made under the same site inputs and code (`made`);
 * - the page has the same slug, links (older, newer) and number of items, and the same newest and
 *   oldest item;
 * - no issue dated from the page's oldest item's date to its newest's is new, gone or changed since
 *   (its digest: src/data/issue-keys.ts, which covers all that a line prints of its articles).
 *
 * A list is sorted by date, so between its newest and its oldest item a page holds articles of those
 * dates only: of issues that did not change, each naming what it named before, each printed as before.
 * A page with an undated item is keyed anew every build. A list's head (first) page prints more
 * than its items (the list's length, its span …): it keeps its key only when the caller gives that
 * rest, as it is in the key, and it is the same as it was.
 */
import type { ListChunk } from './listing.ts';

/** A page as the last build keyed it. */
type KeptPage = [
  slug: string,
  older: number | null,
  newer: number | 'head' | null,
  newest: string,
  oldest: string,
  items: number,
  key: string,
  /** what else the page prints, as the caller gave it ('' for a numbered page) */
  rest: string,
];

/** What a build keeps of its list pages' keys for the next one (a file in the build's work folder). */
export interface KeptListKeys {
  /** the site inputs and the code the keys were made under */
  made: string;
  /** each issue's date and digest then, by id */
  issues: Record<string, [date: string | null, digest: string]>;
  /** each page, by its list and number (pageId) */
  pages: Record<string, KeptPage>;
}

/** An issue as the keys see it: its date and digest. */
export interface KeyedIssue {
  date: string | null;
  digest: string;
}

/** The list pages' keys of this build: those kept, and those to keep. */
export interface ListKeys<T> {
  /**
   * The key the page had, when it may keep it (see above); undefined for one to key anew. `rest`:
   * what else a head page prints, as in its key (a head page without it is keyed anew).
   */
  kept(list: string, slug: string, chunk: ListChunk<T>, rest?: string): string | undefined;
  /** a page's key (kept or made), to keep for the next build, with the same `rest` */
  keep(list: string, slug: string, chunk: ListChunk<T>, key: string, rest?: string): void;
  /** what to keep for the next build */
  record(): KeptListKeys;
  /** pages that kept their key, and those keyed anew */
  counts: { kept: number; made: number };
}

const pageId = (list: string, chunk: ListChunk<unknown>) =>
  `${list}\u0000${chunk.head ? 'head' : chunk.number}`;

/**
 * This build's list pages' keys: `last`, what the last build kept (null: none); `made`, a
 * digest of this build's site inputs and code; `issues`, this build's issues by id; `item`, an
 * item's article id and date (YYYY-MM-DD, null when undated).
 */
export function listKeys<T>(
  last: KeptListKeys | null,
  made: string,
  issues: ReadonlyMap<string, KeyedIssue>,
  item: (x: T) => { id: string; date: string | null },
): ListKeys<T> {
  const usable = last !== null && last.made === made;
  const before = new Map(usable ? Object.entries(last.issues) : []);
  const pages = new Map(usable ? Object.entries(last.pages) : []);
  // the dates of the issues that are new, gone or changed since: sorted, for a search by range
  const changed: string[] = [];
  const note = (date: string | null) => {
    if (date !== null) changed.push(date);
  };
  for (const [id, now] of issues) {
    const was = before.get(id);
    if (was && was[0] === now.date && was[1] === now.digest) continue;
    note(now.date);
    if (was) note(was[0]);
  }
  for (const [id, was] of before) if (!issues.has(id)) note(was[0]);
  changed.sort();
  /** whether an issue dated from `from` to `to` (inclusive) changed */
  const changedWithin = (from: string, to: string) => {
    let lo = 0;
    let hi = changed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (changed[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < changed.length && changed[lo]! <= to;
  };
  const next = new Map<string, KeptPage>();
  const counts = { kept: 0, made: 0 };
  return {
    counts,
    kept(list, slug, chunk, rest) {
      if ((chunk.head && rest === undefined) || !chunk.items.length) {
        counts.made++;
        return undefined;
      }
      const page = pages.get(pageId(list, chunk));
      const newest = item(chunk.items[0]!);
      const oldest = item(chunk.items[chunk.items.length - 1]!);
      const same =
        page !== undefined &&
        page[0] === slug &&
        page[1] === chunk.older &&
        page[2] === chunk.newer &&
        page[3] === newest.id &&
        page[4] === oldest.id &&
        page[5] === chunk.items.length &&
        page[7] === (chunk.head ? rest : '') &&
        newest.date !== null &&
        oldest.date !== null &&
        !changedWithin(oldest.date, newest.date);
      if (same) counts.kept++;
      else counts.made++;
      return same ? page[6] : undefined;
    },
    keep(list, slug, chunk, key, rest) {
      if ((chunk.head && rest === undefined) || !chunk.items.length) return;
      const newest = item(chunk.items[0]!);
      const oldest = item(chunk.items[chunk.items.length - 1]!);
      next.set(pageId(list, chunk), [
        slug,
        chunk.older,
        chunk.newer,
        newest.id,
        oldest.id,
        chunk.items.length,
        key,
        chunk.head ? rest! : '',
      ]);
    },
    record: () => ({
      made,
      issues: Object.fromEntries([...issues].map(([id, i]) => [id, [i.date, i.digest]])),
      pages: Object.fromEntries(next),
    }),
  };
}

/** A record read back (JSON), or null when it is not one. */
export function parseKeptListKeys(text: string | null): KeptListKeys | null {
  if (!text) return null;
  try {
    const r = JSON.parse(text) as Partial<KeptListKeys>;
    const ok =
      typeof r.made === 'string' &&
      !!r.issues &&
      typeof r.issues === 'object' &&
      !!r.pages &&
      typeof r.pages === 'object';
    return ok ? (r as KeptListKeys) : null;
  } catch {
    return null;
  }
}
