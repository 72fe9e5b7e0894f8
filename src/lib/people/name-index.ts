/**
 * The name index as plain data: every person, place and organisation the edition's articles name
 * in their text (src/lib/people/entities.ts, mentions at or above MIN_CONFIDENCE only), one entry
 * each, with the articles and the paragraphs (#pN anchors) that name it, its first and last
 * appearance, and the entries it appears with most. Pure: the articles (their names, as the
 * loader keeps them in the content store, article-names.ts) in, the entries out; the pages are
 * built from the result. `nameIndex` reads article texts, `nameIndexOf` only their names. The index
 * is made from a tally (`countNames`, then `indexOfTally`) that more articles can be counted into
 * later, so a daily build counts only the new issue's (name-tally-file.ts keeps it between builds).
 */
import { articleNames, mentionCount, type ArticleName } from './article-names.ts';
import type { EntityKind, Gazetteer } from './entities.ts';
import { nameReading, NO_READINGS, slugOf, sortKey, wordReading, type Readings } from './readings.ts';

/** An article as the index reads it. */
export interface IndexArticle {
  id: string;
  /** YYYY-MM-DD, or null when undated */
  date: string | null;
  /** the paper's id (or name) */
  paper: string;
  title: string;
  /** text paragraphs with their anchors (p1, p2 …) */
  paragraphs: readonly { id: string; text: string }[];
}

/** An article as the store keeps it: what lists show and the names its text gives. */
export interface NamedArticle {
  id: string;
  /** YYYY-MM-DD, or null when undated */
  date: string | null;
  /** the paper's id (or name) */
  paper: string;
  title: string;
  /** the entries its text names, in the order of their first mention (article-names.ts) */
  names: readonly ArticleName[];
}

/** One article naming an entry. */
export interface EntryArticle {
  id: string;
  date: string | null;
  paper: string;
  title: string;
  /** anchors of the paragraphs that name the entry, in reading order, each once */
  paragraphs: string[];
  /** how often the article names it */
  mentions: number;
  /** the article's place among those the index was made from (0 for the first) */
  place: number;
}

/** Where an entry appears first or last. */
export interface Appearance {
  article: string;
  date: string;
}

/** Another entry named in the same articles. */
export interface CoEntry {
  kind: EntityKind;
  name: string;
  slug: string;
  /** articles that name both */
  articles: number;
}

/** One entry of the index. */
export interface NameEntry {
  kind: EntityKind;
  /** the full name (中共衡阳市委 for 市委) */
  name: string;
  /** URL segment: the toneless reading (hengyangshi), unique in the whole index */
  slug: string;
  /** sort key (readings.ts sortKey) */
  key: string;
  /** the forms printed for it, most frequent first (衡阳市, 衡阳, 雁城) */
  forms: string[];
  /** articles naming it, newest first (undated last), then in the order given */
  articles: EntryArticle[];
  /** mentions in all articles */
  mentions: number;
  /** earliest and latest dated appearance */
  first: Appearance | null;
  last: Appearance | null;
  /** the entries named in most of the same articles, most first (at most WITH_LIMIT) */
  with: CoEntry[];
}

/** The index, and for each article the entries it names (keys `kind|name`, for related articles). */
export interface NameIndex {
  entries: NameEntry[];
  byArticle: Map<string, string[]>;
}

/** Entries listed as appearing with an entry. */
export const WITH_LIMIT = 10;

export const entryKey = (e: { kind: EntityKind; name: string }) => `${e.kind}|${e.name}`;

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The name index of the articles, read from their texts (the gazetteer finds the names; see
 * nameIndexOf for the rest).
 */
export function nameIndex(
  articles: Iterable<IndexArticle>,
  gaz: Gazetteer,
  readings: Readings = NO_READINGS,
): NameIndex {
  const named = function* () {
    for (const a of articles) yield { ...a, names: articleNames(a.paragraphs, gaz) };
  };
  return nameIndexOf(named(), readings);
}

/**
 * The name index of articles whose names are known (the content store's records). Slugs are the
 * toneless reading of the name (people by nameReading, places and organisations by wordReading);
 * when two entries read alike, the one that appears first (by date, then by sort key) keeps it and
 * the others get `-2`, `-3` …, so a growing archive moves no one's page.
 */
export function nameIndexOf(articles: Iterable<NamedArticle>, readings: Readings = NO_READINGS): NameIndex {
  const tally = newTally();
  countNames(tally, articles, readings);
  return indexOfTally(tally);
}

/** An entry as the tally counts it: what it is, and its articles in the order given. */
export interface TallyEntry {
  kind: EntityKind;
  name: string;
  /** the toneless reading, before uniqueSlugs */
  slug: string;
  key: string;
  /** each form printed, with how often */
  forms: Map<string, number>;
  mentions: number;
  /** in the order given (oldest first, as the edition's articles come) */
  articles: EntryArticle[];
  /** for each entry named in the same articles (by its place in `entries`), in how many */
  pairs: Map<number, number>;
}

/**
 * The name index in the making: what has been counted of the articles given so far, in the order
 * given. More articles can be counted into it after (a new day's issue), and `indexOfTally` makes
 * the index of all of them without changing it, so a build can keep it for the next
 * (name-tally-file.ts).
 */
export interface NameTally {
  /** the entries in the order first named */
  entries: TallyEntry[];
  /** each entry's place in `entries`, by entryKey */
  placeOf: Map<string, number>;
  /**
   * each entry's key as first made: byArticle lists these, one string an entry rather than one a
   * mention, so that the maps its readers look keys up in hash each once (1.26 million at ten years)
   */
  keyAt: string[];
  /** the articles counted, by place: their ids, and the places of the entries each names */
  ids: string[];
  named: number[][];
  /**
   * each list of paragraphs the lines give, once, by its anchors joined with NUL: the lines share
   * them (the synthetic ten-year archive's 1.26 million lines have 62 lists, the five seed issues'
   * 278 lines 40)
   */
  lists: Map<string, string[]>;
}

/** A list of paragraphs' key in NameTally.lists: its anchors joined with NUL. */
export const anchorsKey = (paragraphs: readonly string[]): string => paragraphs.join('\0');

/** A tally of no articles. */
export const newTally = (): NameTally => ({
  entries: [],
  placeOf: new Map(),
  keyAt: [],
  ids: [],
  named: [],
  lists: new Map(),
});

/** Count the names of more articles into the tally, after those counted before. */
export function countNames(
  tally: NameTally,
  articles: Iterable<NamedArticle>,
  readings: Readings = NO_READINGS,
): void {
  const { entries: all, placeOf, keyAt, lists } = tally;
  let place = tally.ids.length;
  for (const a of articles) {
    const places: number[] = [];
    for (const n of a.names) {
      const key = entryKey(n);
      let k = placeOf.get(key);
      if (k === undefined) {
        const reading = n.kind === 'person' ? nameReading(n.name, readings) : wordReading(n.name, readings);
        k = all.length;
        all.push({
          kind: n.kind,
          name: n.name,
          slug: slugOf(reading),
          key: sortKey(n.name, reading),
          forms: new Map(),
          mentions: 0,
          articles: [],
          pairs: new Map(),
        });
        placeOf.set(key, k);
        keyAt.push(key);
      }
      const e = all[k]!;
      const count = mentionCount(n);
      e.mentions += count;
      for (const text in n.forms) e.forms.set(text, (e.forms.get(text) ?? 0) + n.forms[text]!);
      if (!places.includes(k)) {
        places.push(k);
        const anchors = anchorsKey(n.paragraphs);
        let paragraphs = lists.get(anchors);
        if (!paragraphs) lists.set(anchors, (paragraphs = n.paragraphs));
        e.articles.push({
          id: a.id,
          date: a.date,
          paper: a.paper,
          title: a.title,
          paragraphs,
          mentions: count,
          place,
        });
      }
    }
    // co-occurrences counted by place, not by key: some 18 million counts at ten years
    for (const x of places) {
      const pairs = all[x]!.pairs;
      for (const y of places) if (x !== y) pairs.set(y, (pairs.get(y) ?? 0) + 1);
    }
    tally.ids.push(a.id);
    tally.named.push(places);
    place++;
  }
}

/** The index of the articles counted so far; the tally is left as it was. */
export function indexOfTally(tally: NameTally): NameIndex {
  const all: NameEntry[] = tally.entries.map((t) => {
    // Stable sorts: forms of equal counts in the order first printed; within a date the articles
    // keep the order given.
    const articles = newestFirst(t.articles);
    let newest: EntryArticle | undefined;
    let oldest: EntryArticle | undefined;
    for (const x of articles)
      if (x.date) {
        newest ??= x;
        oldest = x;
      }
    return {
      kind: t.kind,
      name: t.name,
      slug: t.slug,
      key: t.key,
      forms: [...t.forms.entries()].sort((x, y) => y[1] - x[1]).map(([f]) => f),
      articles,
      mentions: t.mentions,
      last: newest ? { article: newest.id, date: newest.date! } : null,
      first: oldest ? { article: oldest.id, date: oldest.date! } : null,
      with: [],
    };
  });
  uniqueSlugs(all);
  tally.entries.forEach((t, a) => {
    all[a]!.with = [...t.pairs.entries()]
      .map(([b, n]) => ({ other: all[b]!, n }))
      .sort((x, y) => y.n - x.n || cmp(x.other.key, y.other.key))
      .slice(0, WITH_LIMIT)
      .map(({ other, n }) => ({ kind: other.kind, name: other.name, slug: other.slug, articles: n }));
  });
  const byArticle = new Map<string, string[]>();
  tally.ids.forEach((id, place) => {
    byArticle.set(
      id,
      tally.named[place]!.map((k) => tally.keyAt[k]!),
    );
  });
  return { entries: all.sort((x, y) => cmp(x.key, y.key) || cmp(x.kind, y.kind)), byArticle };
}

/**
 * An entry's articles newest first (undated last), those of a date in the order given: a stable
 * sort by date. Given oldest first, as the edition's articles come, the runs of a date are taken
 * from the end instead (the same list, without a sort's comparisons: an entry of a ten-year archive
 * may list tens of thousands of articles).
 */
function newestFirst(list: EntryArticle[]): EntryArticle[] {
  const dates = list.map((x) => x.date ?? '');
  for (let i = 1; i < dates.length; i++)
    if (dates[i - 1]! > dates[i]!) return [...list].sort((x, y) => cmp(y.date ?? '', x.date ?? ''));
  const out = new Array<EntryArticle>(list.length);
  let w = 0;
  for (let end = list.length; end > 0;) {
    let start = end - 1;
    while (start > 0 && dates[start - 1] === dates[end - 1]) start--;
    for (let i = start; i < end; i++) out[w++] = list[i]!;
    end = start;
  }
  return out;
}

function uniqueSlugs(all: NameEntry[]): void {
  const taken = new Set<string>();
  const order = [...all].sort(
    (x, y) =>
      cmp(x.first?.date ?? '\uffff', y.first?.date ?? '\uffff') || cmp(x.key, y.key) || cmp(x.kind, y.kind),
  );
  for (const e of order) {
    const base = e.slug || 'x';
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    e.slug = slug;
  }
}
