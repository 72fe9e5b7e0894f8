/**
 * The filters beside the results: their counts, summed over the checked results of every shard
 * searched (so they count articles that contain the query), and the groups the page lists, in
 * FILTER_ORDER, each with its values in order and whether it starts open. The name filters
 * (人物, 地名, 机构) list the NAME_VALUES_SHOWN values most results hold, and any value chosen.
 */
import { DATE_FILTERS, FILTER_ORDER, FILTERS } from './labels.ts';

/** Filters whose values are names: a broad query holds hundreds, so only the commonest are listed. */
const NAME_FILTERS: readonly string[] = [FILTERS.person, FILTERS.place, FILTERS.organisation];
/** Values a name filter lists (besides those chosen). */
export const NAME_VALUES_SHOWN = 20;

/** filter name → value → articles */
export type FilterCounts = Record<string, Record<string, number>>;

/** Filter counts over results, each given by its filters (name → values). */
export function countFilters(list: readonly { filters?: Record<string, string[]> }[]): FilterCounts {
  const out: FilterCounts = {};
  for (const r of list)
    for (const [name, values] of Object.entries(r.filters ?? {})) {
      const counts = (out[name] ??= {});
      for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
    }
  return out;
}

/** One value of a filter group, as listed. */
export interface FilterValue {
  value: string;
  /** results that hold it */
  count: number;
  /** chosen by the reader */
  checked: boolean;
}

/** A filter group as listed. */
export interface FilterGroup {
  name: string;
  /** shown open */
  open: boolean;
  values: FilterValue[];
}

/** How the groups start: those open before keep their state; else `openFirst` ones, or any with a choice. */
export interface GroupsOpen {
  /** name → open, for the groups shown before */
  was: Readonly<Record<string, boolean>>;
  /** groups open when first shown (on a wide screen: paper and year) */
  openFirst: readonly string[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A group's values: years and months newest first, the rest by how many results they hold; chosen ones always. */
function groupValues(
  name: string,
  counts: Readonly<Record<string, number>>,
  chosen: readonly string[],
): string[] {
  const keys = Object.keys(counts)
    .filter((v) => (counts[v] ?? 0) > 0 || chosen.includes(v))
    .sort((a, b) =>
      DATE_FILTERS.includes(name as never)
        ? byText(b, a)
        : (counts[b] ?? 0) - (counts[a] ?? 0) || byText(a, b),
    );
  const listed = NAME_FILTERS.includes(name)
    ? keys.filter((v, i) => i < NAME_VALUES_SHOWN || chosen.includes(v))
    : keys;
  for (const v of chosen) if (!listed.includes(v)) listed.push(v);
  return listed;
}

/** The groups to list, in FILTER_ORDER, leaving out those with no value. */
export function filterGroups(
  counts: FilterCounts,
  chosen: Readonly<Record<string, readonly string[]>>,
  open: GroupsOpen,
): FilterGroup[] {
  return FILTER_ORDER.flatMap((name) => {
    const values = counts[name] ?? {};
    const picked = chosen[name] ?? [];
    const keys = groupValues(name, values, picked);
    if (!keys.length) return [];
    const isOpen = open.was[name] ?? (open.openFirst.includes(name) || picked.length > 0);
    return [
      {
        name,
        open: isOpen,
        values: keys.map((value) => ({ value, count: values[value] ?? 0, checked: picked.includes(value) })),
      },
    ];
  });
}

/** The filters with `value` of `name` chosen (`on`) or not; a filter with no value left goes. */
export function toggleFilter(
  filters: Readonly<Record<string, string[]>>,
  name: string,
  value: string,
  on: boolean,
): Record<string, string[]> {
  const out = { ...filters };
  const now = (out[name] ?? []).filter((x) => x !== value);
  if (on) now.push(value);
  if (now.length) out[name] = now;
  else delete out[name];
  return out;
}
