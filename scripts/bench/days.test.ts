import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, dayFigures, daysTable, newestDate, type DayFigures } from './days.ts';
import type { RunResult } from './measure.ts';
import { parseOptions } from './report.ts';

// a daily build's log as `astro build` prints it, at known times (ms from the start)
const log = [
  [20000, ' generating static routes '],
  [20100, '04:00:20   ├─ /2024/01/21/index.html (+3ms)'],
  [20200, '04:00:20   └─ /2024/01/21/1/index.html (+2ms)'],
  [45000, '04:00:45 ✓ Completed in 25.00s.'],
  [
    45500,
    "04:00:45 [baokan-kept-log] 323000 page(s) left in place (cached), 12 copied back from Astro's cache (restored): not listed one by one",
  ],
  [53000, '04:00:53 [baokan-pagefind] indexed 1114 article pages (zh) in 7000 ms → dist/pagefind/'],
  [70000, '04:01:10 [build] Complete!'],
].map(([t, text]) => ({ t: t as number, text: text as string }));
const run = (lines = log, code = 0): RunResult => ({
  code,
  ms: 71000,
  peakRss: 3 * 1024 ** 3,
  peakHwm: 0,
  cpuMs: 66000,
  samples: [],
  lines,
});

/** Working folders made by the tests, removed at the end. */
const made: string[] = [];
const workFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-days-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('a daily build of the bench', () => {
  it('reads the day off its log: render, search, the work after render, pages rendered and kept', () => {
    expect(dayFigures('2024-01-21', run())).toEqual({
      date: '2024-01-21',
      ms: 71000,
      renderMs: 25000,
      searchMs: 7000,
      afterMs: 26000,
      rendered: 2,
      copied: 323012,
      peakRss: 3 * 1024 ** 3,
      cpuMs: 66000,
    });
  });

  it('finds the newest date among text and PDF issue files', () => {
    expect(
      newestDate(['hyrb-2014-01-02.txt', 'hyrb-2024-01-20-p3.pdf', 'hyrb-2024-01-19.txt', 'notes.md']),
    ).toBe('2024-01-20');
    expect(newestDate(['readme.md'])).toBeNull();
  });

  it('tables the days with their median', () => {
    const day = (date: string, ms: number): DayFigures => ({ ...dayFigures(date, run()), ms });
    const t = daysTable([day('2024-01-21', 70000), day('2024-01-22', 90000), day('2024-01-23', 60000)]);
    expect(t).toMatch(/^day +wall +render/);
    expect(t).toContain('2024-01-22  90.0 s');
    expect(t).toMatch(/3 day\(s\): median 70\.0 s, 60\.0 s–90\.0 s$/);
  });

  it('adds the days after the newest one, building after each, and keeps the record of earlier runs', async () => {
    const out = workFolder();
    for (const f of ['archive', 'dist', 'cache', 'content']) mkdirSync(join(out, f));
    writeFileSync(join(out, 'archive', 'hyrb-2024-01-20.txt'), '');
    writeFileSync(join(out, 'days.json'), JSON.stringify([{ date: '2024-01-20' }]));
    const order: string[] = [];
    const days = await addDays({
      out,
      days: 2,
      dropCaches: false,
      addIssue: (date) => {
        order.push(`add ${date}`);
        writeFileSync(join(out, 'archive', `hyrb-${date}.txt`), '');
      },
      build: async (date) => {
        order.push(`build ${date}`);
        return run();
      },
      log: () => undefined,
    });
    expect(order).toEqual(['add 2024-01-21', 'build 2024-01-21', 'add 2024-01-22', 'build 2024-01-22']);
    expect(days.map((d) => d.date)).toEqual(['2024-01-21', '2024-01-22']);
    const record = JSON.parse(readFileSync(join(out, 'days.json'), 'utf8')) as { date: string }[];
    expect(record.map((d) => d.date)).toEqual(['2024-01-20', '2024-01-21', '2024-01-22']);
  });

  it('says in one line what is missing, and stops at a failed build with its log', async () => {
    const out = workFolder();
    const o = { out, days: 1, dropCaches: false, addIssue: () => undefined, log: () => undefined };
    await expect(addDays({ ...o, build: async () => run() })).rejects.toThrow(
      /archive is missing; run the bench with --keep first/,
    );
    for (const f of ['archive', 'dist', 'cache', 'content']) mkdirSync(join(out, f));
    writeFileSync(join(out, 'archive', 'hyrb-2024-01-20.txt'), '');
    await expect(
      addDays({ ...o, build: async () => run([{ t: 1, text: 'Error: out of memory' }], 134) }),
    ).rejects.toThrow(/the build of 2024-01-21 failed \(exit 134\):\nError: out of memory/);
  });

  it('takes --days and --drop-caches', () => {
    expect(parseOptions(['--days', '3', '--drop-caches'])).toMatchObject({ days: 3, dropCaches: true });
    expect(parseOptions([])).toMatchObject({ days: 0, dropCaches: false });
    expect(() => parseOptions(['--days', '0'])).toThrow(/positive/);
  });
});
