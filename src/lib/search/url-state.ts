/**
 * The search page's state as it lives in the address, so that a search can be shared or reloaded:
 * `?q=…&scope=…&from=YYYY-MM&to=YYYY-MM&in=title&sort=…&f=name:value`, or the same after `#`
 * (a page opened from file:// whose browser does not let it rewrite its search string). Also the
 * link from a result to its article, which carries the query's terms to highlight
 * (`?highlight=term&highlight=…`, read by the article page's highlighter).
 */
import { formatQuery, parseQuery, type SortOrder } from './exact.ts';

/** What a search is: everything the address holds. */
export interface SearchState {
  /** the query as typed (trimmed) */
  q: string;
  sort: SortOrder;
  /** the range switch: '' (the newest shard), a year (`2021`), or `all` */
  scope: string;
  /** first month (YYYY-MM), '' for none */
  from: string;
  /** last month (YYYY-MM), '' for none */
  to: string;
  /** headline only (`in=title`) */
  head: boolean;
  /** filter name → chosen values */
  filters: Record<string, string[]>;
}

const SORTS: readonly SortOrder[] = ['', 'date-desc', 'date-asc'];
const MONTH = /^\d{4}-\d{2}$/;
/** A hash that holds a search (`#q=…`, `#?q=…`, `#…&q=…`). */
const HASH_SEARCH = /^#\??q=|&q=/;

/** A sort order from the address or the sort switch: relevance ('') for anything unknown. */
export function sortOrder(value: string | null): SortOrder {
  return SORTS.find((s) => s === value) ?? '';
}

/** The search string to read: the address's, else a search after # when there is none. */
export function searchString(search: string, hash: string): string {
  return !search && HASH_SEARCH.test(hash) ? hash.replace(/^#\??/, '') : search;
}

/** The state of an address's search string (`?q=…`, with or without the ?). */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const month = (key: string) => {
    const v = params.get(key) ?? '';
    return MONTH.test(v) ? v : '';
  };
  const state: SearchState = {
    q: (params.get('q') ?? '').trim(),
    sort: sortOrder(params.get('sort')),
    scope: params.get('scope') ?? '',
    from: month('from'),
    to: month('to'),
    head: params.get('in') === 'title',
    filters: {},
  };
  for (const f of params.getAll('f')) {
    const at = f.indexOf(':');
    if (at > 0) (state.filters[f.slice(0, at)] ??= []).push(f.slice(at + 1));
  }
  return state;
}

/** The state as a search string, without the ? ('' for an empty search). */
export function writeState(state: SearchState): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.scope) p.set('scope', state.scope);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.head) p.set('in', 'title');
  if (state.sort) p.set('sort', state.sort);
  for (const [name, values] of Object.entries(state.filters))
    for (const value of values) p.append('f', `${name}:${value}`);
  return p.toString();
}

/** The address for the state: the page's path, its search string, and the hash unless it held a search. */
export function stateAddress(pathname: string, hash: string, state: SearchState): string {
  const s = writeState(state);
  return pathname + (s ? `?${s}` : '') + (/(^#\??|&)q=/.test(hash) ? '' : hash);
}

/** The page's title while searching: “query”的搜索结果 · title. */
export function searchTitle(q: string, title: string): string {
  return (q ? `“${q}”的搜索结果 · ` : '') + title;
}

/**
 * The link to an article with the whole query's terms to highlight (Pagefind would pass the
 * pieces its segmenter made, and mark every lone character of a query like 康衡阳贡 all over the
 * article): `url` resolved against `page` (the search page's address), as path, search and hash.
 */
export function highlightLink(url: string, page: string, terms: readonly string[]): string {
  const u = new URL(url, page);
  u.searchParams.delete('highlight');
  // each term as a query of its own (a term with spaces quoted, so that it is read back whole)
  for (const t of terms) u.searchParams.append('highlight', formatQuery([t]));
  return u.pathname + u.search + u.hash;
}

/** The terms an article page is asked to highlight (`?highlight=…`, each read as a query). */
export function highlightTerms(search: string): string[] {
  return new URLSearchParams(search).getAll('highlight').flatMap((h) => parseQuery(h));
}
