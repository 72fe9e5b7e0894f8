/**
 * Candidates from the index for file:// (disk-read.ts), as Pagefind would give them: every article
 * with the chosen filters whose text (headings included) holds each term somewhere. The page then
 * checks them by the rules (exact.ts: verify) as it checks Pagefind's.
 */
import type { DiskRecord } from './disk-read.ts';
import { fold } from './exact.ts';
import type { Fragment } from './results.ts';

/** Each record's text and headings, folded, once. */
const foldedText = new WeakMap<DiskRecord, string>();

function folded(r: DiskRecord): string {
  let text = foldedText.get(r);
  if (text === undefined) {
    text = fold(`${r.content}\n${[r.meta.title, r.meta.kicker, r.meta.subtitle].join('\n')}`);
    foldedText.set(r, text);
  }
  return text;
}

/** Whether the record holds every chosen filter value. */
export function hasFilters(r: DiskRecord, filters: Readonly<Record<string, readonly string[]>>): boolean {
  const own = r.filters ?? {};
  return Object.entries(filters).every(([name, values]) =>
    values.every((v) => (own[name] ?? []).includes(v)),
  );
}

/** The records with the chosen filters whose text holds every term (folded) somewhere. */
export function diskCandidates(
  records: readonly DiskRecord[],
  filters: Readonly<Record<string, readonly string[]>>,
  terms: readonly string[],
): DiskRecord[] {
  const wanted = terms.map(fold);
  return records.filter((r) => hasFilters(r, filters) && wanted.every((t) => folded(r).includes(t)));
}

/**
 * The fragment of a record, its URL made the article page's file (`index.html`, since a folder
 * opens no page from file://) relative to the search page: `diskRoot` is the index's folder as
 * the page reaches it (`../search-disk/`), one below the site root.
 */
export function diskFragment(r: DiskRecord, diskRoot: string): Fragment {
  return {
    url: `${diskRoot}../${r.url}index.html`,
    content: r.content,
    meta: r.meta,
    filters: r.filters ?? {},
  };
}
