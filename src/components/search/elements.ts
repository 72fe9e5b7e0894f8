/**
 * The search page's elements (SearchPanel.astro), found once by id; a missing one is a clear error
 * naming it.
 */

/** Every element the search page reads or writes. */
export interface SearchElements {
  /** the section holding the page: its data-* attributes configure the search, data-state tells its state */
  app: HTMLElement;
  form: HTMLFormElement;
  /** the query */
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  /** the range switch (in a label hidden until there is more than one shard) */
  scope: HTMLSelectElement;
  /** what the range holds */
  scopeNote: HTMLElement;
  /** why search cannot run */
  status: HTMLElement;
  /** the count, or the progress */
  message: HTMLElement;
  /** the results */
  list: HTMLElement;
  more: HTMLButtonElement;
  filters: HTMLElement;
  from: HTMLSelectElement;
  to: HTMLSelectElement;
  /** headline only */
  head: HTMLInputElement;
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`search page: no element #${id}`);
  return el as T;
}

/** The page's elements, given its section (`#search-app`). */
export function searchElements(app: HTMLElement): SearchElements {
  return {
    app,
    form: byId('search-form'),
    input: byId('search-q'),
    sort: byId('search-sort'),
    scope: byId('search-scope'),
    scopeNote: byId('search-scope-note'),
    status: byId('search-status'),
    message: byId('search-message'),
    list: byId('search-list'),
    more: byId('search-more'),
    filters: byId('search-filters'),
    from: byId('search-from'),
    to: byId('search-to'),
    head: byId('search-head'),
  };
}
