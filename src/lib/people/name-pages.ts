/**
 * What the name index's pages show, as plain data: the three kinds with their Chinese labels, the
 * paths of the index and of each entry (names/, names/<kind>/<slug>/, …/<slug>/2/), the index's
 * sections grouped by the first letter of the reading, an entry's paragraph links, and the names an
 * article page lists. Pure: the name index (name-index.ts) in, plain data out.
 */
import type { EntityKind } from './entities.ts';
import { entryKey, type EntryArticle, type NameEntry, type NameIndex } from './name-index.ts';
import type { ArticleName } from './article-names.ts';

/** The kinds in the order the pages show them. */
export const NAME_KINDS: readonly EntityKind[] = ['person', 'place', 'organisation'];

/** Section titles of the index (人物, 地名, 机构). */
export const KIND_TITLE: Record<EntityKind, string> = { person: '人物', place: '地名', organisation: '机构' };

/** What an article page calls the names of each kind (文中人物, 文中地点, 文中机构). */
export const KIND_IN_TEXT: Record<EntityKind, string> = {
  person: '文中人物',
  place: '文中地点',
  organisation: '文中机构',
};

/** Articles on one page of an entry (BAOKAN_LIST_SIZE overrides it, as for topics). */
export const NAME_PAGE_SIZE = 30;

/**
 * The index (names/), or a page of an entry: its first page, the newest articles
 * (names/<kind>/<slug>/), or an older page counted from the oldest (…/<slug>/1/ is the oldest;
 * src/lib/site/listing.ts chunksFromOldest), so a new issue leaves the older pages as they were.
 */
export function namePath(entry?: { kind: EntityKind; slug: string }, page: number | 'head' = 'head'): string {
  if (!entry) return 'names/';
  const base = `names/${entry.kind}/${entry.slug}/`;
  return page === 'head' ? base : `${base}${page}/`;
}

/** The index letter of an entry (A–Z from its reading; `#` when it does not start with a letter). */
export function entryInitial(e: Pick<NameEntry, 'key'>): string {
  const c = e.key[0]?.toUpperCase() ?? '#';
  return /[A-Z]/.test(c) ? c : '#';
}

/** One letter of a section. */
export interface LetterGroup {
  letter: string;
  entries: NameEntry[];
}

/** One section of the index: a kind, its entries by letter (in pinyin order), how many. */
export interface NameSection {
  kind: EntityKind;
  title: string;
  count: number;
  letters: LetterGroup[];
}

/** The index's three sections (a kind without entries is left out); entries keep the index's pinyin order. */
export function nameSections(index: Pick<NameIndex, 'entries'>): NameSection[] {
  return NAME_KINDS.flatMap((kind) => {
    const letters: LetterGroup[] = [];
    let count = 0;
    for (const e of index.entries) {
      if (e.kind !== kind) continue;
      count++;
      const letter = entryInitial(e);
      const last = letters[letters.length - 1];
      if (last?.letter === letter) last.entries.push(e);
      else letters.push({ letter, entries: [e] });
    }
    return count ? [{ kind, title: KIND_TITLE[kind], count, letters }] : [];
  });
}

/** A paragraph an article names an entry in: its anchor and how it is shown (第3段). */
export function paragraphLinks(a: Pick<EntryArticle, 'paragraphs'>): { hash: string; label: string }[] {
  return a.paragraphs.map((id) => {
    const n = /^p(\d+)$/.exec(id)?.[1];
    return { hash: `#${id}`, label: n ? `第${n}段` : id };
  });
}

/** One name an article page lists, with its entry's slug. */
export interface ListedName {
  kind: EntityKind;
  name: string;
  slug: string;
}

/**
 * The names an article page lists, by kind (persons, places, organisations), each in the order the
 * article first names it; a name the index has no entry for is left out.
 */
export function articleNameList(
  names: readonly Pick<ArticleName, 'kind' | 'name'>[],
  entries: ReadonlyMap<string, Pick<NameEntry, 'slug'>>,
): { kind: EntityKind; title: string; names: ListedName[] }[] {
  return NAME_KINDS.flatMap((kind) => {
    const list = names.flatMap((n) => {
      const e = n.kind === kind ? entries.get(entryKey(n)) : undefined;
      return e ? [{ kind, name: n.name, slug: e.slug }] : [];
    });
    return list.length ? [{ kind, title: KIND_IN_TEXT[kind], names: list }] : [];
  });
}
