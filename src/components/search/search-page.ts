/**
 * The search page in the browser: bundled into one classic script (src/lib/search/inline.ts) and
 * inlined into search/index.html by SearchPanel.astro, so it also runs from file://. The glue
 * between the page's elements and the search logic in src/lib/search/: the state in the address
 * (url-state.ts), the range (scope.ts), the checks and the merge of the shards' results
 * (exact.ts, results.ts), the filters (filters.ts), what a result shows (result-view.ts) and what
 * the page says (messages.ts).
 *
 * On a server the candidates come from Pagefind, one bundle per shard, each loaded when the range
 * first needs it (pagefind-shards.ts; the newest shard by default). From file://, where the browser
 * loads no module, fetch or WebAssembly, they come from the classic-script index in search-disk/
 * (disk-index.ts), month by month; without it (BAOKAN_DISK_SEARCH=0) the page says why search
 * cannot work. Either way every candidate is checked against the query as written, so the count
 * and the filter counts are numbers of articles that contain it.
 */
import { candidateQuery, parseQuery } from '../../lib/search/exact.ts';
import { countFilters, filterGroups, toggleFilter } from '../../lib/search/filters.ts';
import { FILTERS } from '../../lib/search/labels.ts';
import {
  checkingMessage,
  EMPTY_STATUS,
  errorStatus,
  loadingMonthsMessage,
  MISSING_STATUS,
  OFFLINE_STATUS,
  outcomeMessage,
  searchingMessage,
} from '../../lib/search/messages.ts';
import { checkCandidates, rankResults, type Proposed, type Result } from '../../lib/search/results.ts';
import { resultView } from '../../lib/search/result-view.ts';
import { ALL, monthsInScope, scopeNote, shardsInScope } from '../../lib/search/scope.ts';
import type { Shard } from '../../lib/search/shards.ts';
import {
  readState,
  searchString,
  searchTitle,
  sortOrder,
  stateAddress,
  writeState,
} from '../../lib/search/url-state.ts';
import { openGroups, renderFilters, resultItem, say } from './dom.ts';
import { DiskIndex } from './disk-index.ts';
import { searchElements, type SearchElements } from './elements.ts';
import { EngineMissing, PagefindShards, readShards } from './pagefind-shards.ts';
import { setUpMonths, setUpScope } from './range-controls.ts';

/** candidates whose text is fetched and checked at a time */
const BATCH = 24;
/** results shown at a time */
const PAGE = 10;

/**
 * Focus `input` once the page has been drawn, unless the reader has put the focus elsewhere by
 * then. Focusing at once would make the browser lay the page out there and then, inside the
 * task that sets the page up (a long task on a slow phone).
 */
function focusSoon(input: HTMLInputElement): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (!document.activeElement || document.activeElement === document.body) input.focus();
    }, 0),
  );
}

/** Wire the page: read the address, offer the range once the shards are known, search. */
function main(el: SearchElements): void {
  const { app, message } = el;
  const root = app.getAttribute('data-bundle') || '../pagefind/';
  /** the index for file://, when the site has one (not with BAOKAN_DISK_SEARCH=0) */
  const diskRoot = app.getAttribute('data-disk') || '';
  const fromDisk = location.protocol === 'file:';
  // On a wide screen the first filter groups start open; on a phone all start closed, so that
  // the results are not pushed below the fold.
  const openFirst = window.matchMedia('(min-width: 48em)').matches ? [FILTERS.paper, FILTERS.year] : [];

  const state = readState(searchString(location.search, location.hash));
  let shards: Shard[] = [];
  const pagefind = new PagefindShards(root);
  const disk = new DiskIndex(diskRoot);
  let results: Result[] = [];
  let terms: string[] = [];
  let shown = 0;
  let generation = 0;

  const setState = (s: string) => app.setAttribute('data-state', s);

  /** Keep the search in the address bar, so it can be shared or reloaded. */
  function writeUrl(): void {
    try {
      history.replaceState(history.state, '', stateAddress(location.pathname, location.hash, state));
    } catch {
      // a browser that keeps a file:// page from rewriting its address: the search goes after #
      location.replace(`#${writeState(state)}`);
    }
    document.title = searchTitle(state.q, app.getAttribute('data-title') ?? '');
  }

  /** The note on what the range holds. */
  function showScope(): void {
    const note = scopeNote(shards, state);
    el.scopeNote.hidden = note === null;
    if (note !== null) el.scopeNote.textContent = note;
  }

  /** The candidates of the range: from Pagefind's shards, or from the months of the index for file://. */
  async function candidates(chosen: Shard[], mine: number): Promise<Proposed[]> {
    if (!fromDisk) return pagefind.search(chosen, candidateQuery(terms), state.filters);
    const months = monthsInScope(disk.months, chosen, state);
    await disk.load(months, (done, total) => {
      if (mine === generation) message.textContent = loadingMonthsMessage(done, total);
    });
    return disk.candidates(months, state.filters, terms);
  }

  /** No query: no results, no filters. */
  function clear(): void {
    results = [];
    shown = 0;
    message.textContent = '';
    el.list.textContent = '';
    el.more.hidden = true;
    el.filters.textContent = '';
    setState('ready');
  }

  /** Search every shard of the range, check the candidates, rank and show the results. */
  async function run(): Promise<void> {
    writeUrl();
    showScope();
    const mine = ++generation;
    const stale = () => mine !== generation;
    const q = state.q;
    terms = parseQuery(q);
    if (!terms.length) return clear();
    setState('searching');
    message.textContent = searchingMessage(q);
    try {
      const found = await candidates(shardsInScope(shards, state), mine);
      if (stale()) return;
      const checked = await checkCandidates(
        found,
        terms,
        { headline: state.head, from: state.from, to: state.to },
        {
          batch: fromDisk ? Math.max(1, found.length) : BATCH,
          stale,
          progress: (done, total) => {
            if (total > BATCH) message.textContent = checkingMessage(q, done, total);
          },
        },
      );
      if (!checked || stale()) return;
      results = rankResults(checked, state.sort, terms.length);
      shown = 0;
      el.list.textContent = '';
      showFilters();
      message.textContent = outcomeMessage({
        q,
        found: results.length,
        terms: terms.length,
        head: state.head,
        canWiden: shards.length > 1 && state.scope !== ALL && !state.from && !state.to,
      });
      showMore();
    } catch (e) {
      if (stale()) return;
      message.textContent = '';
      if (e instanceof EngineMissing) {
        setState('missing');
        say(el.status, 'missing', MISSING_STATUS);
        return;
      }
      setState('error');
      say(el.status, 'missing', errorStatus(e));
    }
  }

  /** The filter groups of the results, each toggle a new search. */
  function showFilters(): void {
    const groups = filterGroups(countFilters(results.map((r) => r.data)), state.filters, {
      was: openGroups(el.filters),
      openFirst,
    });
    renderFilters(el.filters, groups, (name, value, on) => {
      state.filters = toggleFilter(state.filters, name, value, on);
      void run();
    });
  }

  /** The next page of results (their texts are at hand already). */
  function showMore(): void {
    const page = results.slice(shown, shown + PAGE);
    for (const r of page) el.list.appendChild(resultItem(resultView(r.data, terms, location.href)));
    shown += page.length;
    el.more.hidden = shown >= results.length;
    setState('ready');
  }

  /** The shards are known: offer the range. */
  function offerRange(): void {
    setUpScope(el, shards, state, () => void run());
    setUpMonths(el, shards, state, () => void run());
  }

  /** The range is offered: search. */
  function begin(): void {
    el.sort.disabled = false;
    if (!state.q) focusSoon(el.input);
    void run();
  }

  /** No article to search. */
  function empty(): void {
    setState('empty');
    say(el.status, 'missing', EMPTY_STATUS);
  }

  /** From file:// without the index for it: why search cannot work, and what to do. */
  function offline(): void {
    setState('offline');
    say(el.status, 'offline', OFFLINE_STATUS);
  }

  const { input, sort, head } = el;
  input.value = state.q;
  let typing = 0;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = window.setTimeout(() => {
      const q = input.value.trim();
      if (q === state.q) return;
      state.q = q;
      void run();
    }, 300);
  });
  el.form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typing);
    state.q = input.value.trim();
    void run();
  });
  sort.value = state.sort;
  sort.addEventListener('change', () => {
    state.sort = sortOrder(sort.value);
    void run();
  });
  el.more.addEventListener('click', showMore);
  head.checked = state.head;
  head.disabled = false;
  head.addEventListener('change', () => {
    state.head = head.checked;
    void run();
  });

  if (fromDisk) {
    if (!diskRoot) return offline();
    disk.readManifest().then(() => {
      shards = disk.shards;
      if (!shards.length) return empty();
      offerRange();
      begin();
    }, offline);
    return;
  }
  readShards(root)
    .then((found) => {
      shards = found;
      if (!shards.length) return empty();
      offerRange();
      // Pagefind's code is loaded by the first search, not with the page (its WebAssembly holds the
      // page's thread); the first key or tap in the form starts loading it while the reader types.
      const warm = () => {
        const first = shardsInScope(shards, state)[0];
        if (first) pagefind.warm(first);
      };
      for (const type of ['keydown', 'pointerdown', 'input'])
        el.form.addEventListener(type, warm, { once: true, passive: true });
      begin();
    })
    .catch(() => {
      setState('missing');
      say(el.status, 'missing', MISSING_STATUS);
    });
}

const app = document.getElementById('search-app');
if (app) main(searchElements(app));
