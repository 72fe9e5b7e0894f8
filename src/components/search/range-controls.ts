/**
 * The range controls, once the shards are known: the range switch (shown when there is more than
 * one shard) and the months offered for the date range. Each reads its value from the state,
 * corrects the state where the address asked for what is not offered, and on a change updates
 * the state and calls `changed` (the page searches again). What to offer: src/lib/search/scope.ts.
 */
import { monthLabel } from '../../lib/search/labels.ts';
import { forwards, monthsSpanned, scopeFilters, scopeOptions } from '../../lib/search/scope.ts';
import type { Shard } from '../../lib/search/shards.ts';
import type { SearchState } from '../../lib/search/url-state.ts';
import { addOptions } from './dom.ts';
import type { SearchElements } from './elements.ts';

/** The range switch, when there is more than one shard. */
export function setUpScope(
  el: SearchElements,
  shards: readonly Shard[],
  state: SearchState,
  changed: () => void,
): void {
  if (shards.length < 2) return;
  const options = scopeOptions(shards);
  addOptions(el.scope, options);
  if (!options.some(([value]) => value === state.scope)) state.scope = '';
  el.scope.value = state.scope;
  state.filters = scopeFilters(state.filters, state.scope, true);
  el.scope.disabled = false;
  const wrap = el.scope.closest('label');
  if (wrap) wrap.hidden = false;
  el.scope.addEventListener('change', () => {
    state.scope = el.scope.value;
    state.filters = scopeFilters(state.filters, state.scope);
    changed();
  });
}

/** The months offered for the date range: every month the shards span (from: oldest first; to: newest first). */
export function setUpMonths(
  el: SearchElements,
  shards: readonly Shard[],
  state: SearchState,
  changed: () => void,
): void {
  const months = monthsSpanned(shards);
  if (!months.length) return;
  const offer = (select: HTMLSelectElement, none: string, keys: readonly string[], value: string) => {
    addOptions(select, [['', none], ...keys.map((k): [string, string] => [k, monthLabel(k)])]);
    select.value = value;
    if (select.value !== value) select.value = '';
    select.disabled = false;
    select.addEventListener('change', () => {
      const range = forwards(el.from.value, el.to.value);
      state.from = el.from.value = range.from;
      state.to = el.to.value = range.to;
      changed();
    });
  };
  offer(el.from, '最早', [...months].reverse(), state.from);
  offer(el.to, '最近', months, state.to);
  state.from = el.from.value;
  state.to = el.to.value;
}
