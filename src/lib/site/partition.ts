/**
 * Partitioned builds: a cold build of a large archive split across machines (CI runners). Each
 * `years` partition builds the issue, 版 and article pages, downloads, share cards and search
 * shards of the issues dated in its years; the `lists` partition builds everything else (topics,
 * reporters, calendars, contents, date and paper pages, the home page …) and the undated issues;
 * scripts/merge-partitions.ts then joins their outputs into one dist/ and runs the steps that need
 * the whole site (search manifest, file:// search, sitemap, service worker, `_headers`).
 *
 * The partition is read from `BAOKAN_PARTITION`, here and nowhere else:
 *   (unset)               the whole site (an ordinary build)
 *   years:2020-2021       issues dated 2020 to 2021; `years:2021` one year; `years:-2019` up to
 *                         2019, `years:2022-` from 2022 on (so a fixed split covers any archive)
 *   lists                 the list pages and the undated issues
 */

/** Which part of the site a build makes. */
export type Partition = { kind: 'whole' } | { kind: 'years'; from: number; to: number } | { kind: 'lists' };

/** The setting's name. */
export const PARTITION_ENV = 'BAOKAN_PARTITION';

/** Where a partition leaves what the merge needs besides its pages (removed by the merge). */
export const PARTITION_DIR = '_partition';

/** The built pages' paths a partition hands to the merge (for the sitemap), in PARTITION_DIR. */
export const PARTITION_PAGES = 'pages.json';

/** The kept search bundles a partition hands to the merge, in PARTITION_DIR. */
export const PARTITION_SEARCH = 'search';

/** The articles per month of the whole edition (the search shards' plan), in PARTITION_DIR. */
export const PARTITION_MONTHS = 'months.json';

const FIRST = 0;
const LAST = 9999;

/** The partition a build makes, from the environment; a bad value is refused in one line. */
export function readPartition(env: Record<string, string | undefined>): Partition {
  const raw = (env[PARTITION_ENV] ?? '').trim();
  if (!raw) return { kind: 'whole' };
  if (raw === 'lists') return { kind: 'lists' };
  const m = /^years:(\d{4})?(?:(-)(\d{4})?)?$/.exec(raw);
  if (m && (m[1] || m[3])) {
    const from = m[1] ? Number(m[1]) : FIRST;
    const to = m[3] ? Number(m[3]) : m[2] ? LAST : from;
    if (from <= to) return { kind: 'years', from, to };
  }
  throw new Error(
    `${PARTITION_ENV}="${raw}" is not a partition: use years:2020-2021, years:2021, years:-2019, years:2022- or lists`,
  );
}

/** Whether the build makes the whole site (no partition). */
export const isWhole = (p: Partition): boolean => p.kind === 'whole';

/** Whether a partition builds the pages of an issue of this date (null: undated, with the lists). */
export function hasIssue(p: Partition, date: string | null): boolean {
  if (p.kind === 'whole') return true;
  const year = date && /^(\d{4})-\d{2}-\d{2}$/.exec(date)?.[1];
  if (p.kind === 'lists') return !year;
  return !!year && Number(year) >= p.from && Number(year) <= p.to;
}

/** Whether a partition builds the list pages (everything that is not an issue's own). */
export const hasLists = (p: Partition): boolean => p.kind !== 'years';

/**
 * Whether a partition builds the page at this site path: an issue's pages (`<paper>/<yyyy>/<mm>/<dd>/…`,
 * `<paper>/undated/<id>/…`) by their date, anything else with the lists.
 */
export function hasPath(p: Partition, path: string): boolean {
  const dated = /^[^/]+\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(path);
  if (dated) return hasIssue(p, `${dated[1]}-${dated[2]}-${dated[3]}`);
  if (/^[^/]+\/undated\//.test(path)) return hasIssue(p, null);
  return hasLists(p);
}

/**
 * Whether a partition indexes a search shard of these months (`yyyy-mm`, newest first; none for
 * the undated shard): a `years` partition the shards wholly in its years, the lists the undated
 * one. A shard across two partitions' years is indexed by the merge.
 */
export function hasShard(p: Partition, from: string | null, to: string | null): boolean {
  if (p.kind === 'whole') return true;
  if (from === null || to === null) return p.kind === 'lists';
  if (p.kind === 'lists') return false;
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))];
  return a >= p.from && b <= p.to;
}

/** The partition in words, for the build's log. */
export function partitionLabel(p: Partition): string {
  if (p.kind === 'whole') return 'the whole site';
  if (p.kind === 'lists') return 'the list pages and the undated issues';
  const end = (y: number) => (y === FIRST ? '…' : y === LAST ? '…' : String(y));
  return p.from === p.to ? `the issues of ${p.from}` : `the issues of ${end(p.from)}–${end(p.to)}`;
}
