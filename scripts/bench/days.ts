/**
 * `npm run bench -- --days N [--drop-caches]`: daily builds, one after another, on the archive a
 * `--keep` run left in `--out`. Each day the next date's issue is written into the archive and
 * the site is built again on the kept cache and output, as a newsroom's daily build is; a table
 * of the days is printed, and each day is added to `days.json` beside the archive (the days of
 * earlier `--days` runs stay in it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plain, type RunResult } from './measure.ts';
import { buildStages, fmt, nextDay, pageCounts, table } from './report.ts';

/** One daily build's figures, read off its run. */
export interface DayFigures {
  date: string;
  ms: number;
  /** Astro's rendering of the pages (cached ones passed over), from its log */
  renderMs: number | null;
  /** the search integration's own time */
  searchMs: number | null;
  /** from the end of the rendering to the build's end: the integrations' work after the pages */
  afterMs: number | null;
  rendered: number;
  /** pages kept: left in place, or copied back from Astro's cache */
  copied: number;
  peakRss: number;
  cpuMs: number;
}

/** The newest date among an archive's issue files (`…YYYY-MM-DD.txt` or `…YYYY-MM-DD-pN.pdf`). */
export function newestDate(names: readonly string[]): string | null {
  let newest: string | null = null;
  for (const f of names) {
    const d = /(\d{4}-\d{2}-\d{2})(?:-p\d+\.pdf|\.txt)$/.exec(f)?.[1];
    if (d && (newest === null || d > newest)) newest = d;
  }
  return newest;
}

/** A day's figures from its build's timestamped log, wall time, peak memory and CPU time. */
export function dayFigures(
  date: string,
  run: Pick<RunResult, 'ms' | 'peakRss' | 'cpuMs' | 'lines'>,
): DayFigures {
  const stages = buildStages(run.lines, run.ms);
  const span = (w: { from: number; to: number } | null) => (w ? w.to - w.from : null);
  return {
    date,
    ms: run.ms,
    renderMs: span(stages.render),
    searchMs: span(stages.search),
    afterMs: stages.render ? run.ms - stages.render.to : null,
    ...pageCounts(run.lines.map((l) => plain(l.text))),
    peakRss: run.peakRss,
    cpuMs: run.cpuMs,
  };
}

/** The days as a table, with the median wall time below it. */
export function daysTable(days: readonly DayFigures[]): string {
  const s = (ms: number | null) => (ms === null ? '–' : fmt.s(ms));
  const rows = [
    ['day', 'wall', 'render', 'search', 'after render', 'rendered', 'kept', 'peak RSS', 'CPU'],
    ...days.map((d) => [
      d.date,
      s(d.ms),
      s(d.renderMs),
      s(d.searchMs),
      s(d.afterMs),
      fmt.int(d.rendered),
      fmt.int(d.copied),
      fmt.gb(d.peakRss),
      s(d.cpuMs),
    ]),
  ];
  const walls = days.map((d) => d.ms).sort((a, b) => a - b);
  const mid = walls.length >> 1;
  const median = walls.length % 2 ? walls[mid]! : (walls[mid - 1]! + walls[mid]!) / 2;
  return `${table(rows)}\n\n${days.length} day(s): median ${s(walls.length ? median : null)}, ${s(walls[0] ?? null)}–${s(walls.at(-1) ?? null)}`;
}

/** Drop the kernel's caches of folder entries and inodes; a one-line error when not allowed. */
function dropCaches(): void {
  try {
    execFileSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '2');
  } catch (e) {
    throw new Error(
      `--drop-caches: could not write /proc/sys/vm/drop_caches (${(e as Error).message.split('\n')[0]})`,
    );
  }
}

export interface DaysRun {
  /** the bench's working folder, with the archive, dist and cache of a --keep run */
  out: string;
  days: number;
  dropCaches: boolean;
  /** writes `date`'s issue into the archive */
  addIssue(date: string): void;
  /** builds the archive again on the kept cache (the bench's own astro build) */
  build(date: string): Promise<RunResult>;
  log(line: string): void;
}

/** Add `days` days one at a time, building after each; the figures of each, in order. */
export async function addDays(o: DaysRun): Promise<DayFigures[]> {
  const archive = join(o.out, 'archive');
  for (const folder of ['archive', 'dist', 'cache', 'content'])
    if (!existsSync(join(o.out, folder)))
      throw new Error(`--days: ${join(o.out, folder)} is missing; run the bench with --keep first`);
  const record = join(o.out, 'days.json');
  const before = existsSync(record) ? (JSON.parse(readFileSync(record, 'utf8')) as DayFigures[]) : [];
  const days: DayFigures[] = [];
  let last = newestDate(readdirSync(archive));
  if (!last) throw new Error(`--days: no issue files in ${archive}`);
  for (let n = 0; n < o.days; n++) {
    const date = nextDay(last);
    o.addIssue(date);
    if (o.dropCaches) dropCaches();
    o.log(`day ${n + 1}/${o.days}: ${date}`);
    const r = await o.build(date);
    if (r.code !== 0)
      throw new Error(
        `the build of ${date} failed (exit ${r.code}):\n${r.lines
          .slice(-30)
          .map((l) => l.text)
          .join('\n')}`,
      );
    const d = dayFigures(date, r);
    days.push(d);
    writeFileSync(record, JSON.stringify([...before, ...days], null, 2));
    o.log(`${date}: ${fmt.s(d.ms)}, ${d.rendered} page(s) rendered, ${d.copied} kept, CPU ${fmt.s(d.cpuMs)}`);
    last = date;
  }
  return days;
}
