import { describe, expect, it } from 'vitest';
import {
  buildStages,
  daysInYears,
  encodings,
  fmt,
  namesFigures,
  wireFigures,
  nextDay,
  pageCounts,
  parseOptions,
  table,
} from './report.ts';

describe('options', () => {
  it('has defaults for a one-year run of both papers', () => {
    const o = parseOptions([]);
    expect(o).toMatchObject({ years: 1, issues: Infinity, papers: 2, start: '2014-01-01', keep: false });
  });
  it('reads every documented option (npm passes a leading --)', () => {
    const o = parseOptions([
      '--',
      '--years',
      '10',
      '--issues',
      '20',
      '--papers',
      '1',
      '--out',
      '/tmp/x',
      '--keep',
      '--skip-search',
      '--skip-bare',
    ]);
    expect(o).toMatchObject({
      years: 10,
      issues: 20,
      papers: 1,
      out: '/tmp/x',
      keep: true,
      skipSearch: true,
      skipBare: true,
    });
  });
  it('rejects bad values and unknown options', () => {
    expect(() => parseOptions(['--papers', '3'])).toThrow(/1 or 2/);
    expect(() => parseOptions(['--years', '0'])).toThrow(/positive/);
    expect(() => parseOptions(['--years', 'x'])).toThrow(/positive/);
    expect(() => parseOptions(['--start', '2014/01/01'])).toThrow(/YYYY-MM-DD/);
    expect(() => parseOptions(['--frobnicate'])).toThrow();
  });
});

describe('daysInYears', () => {
  it('counts calendar days, leap years included', () => {
    expect(daysInYears('2014-01-01', 1)).toBe(365);
    expect(daysInYears('2016-01-01', 1)).toBe(366);
    expect(daysInYears('2014-01-01', 10)).toBe(3652); // 2016 and 2020 are leap years
  });
});

describe('buildStages', () => {
  // Lines as `astro build` prints them (with colour codes), at known times.
  const lines = [
    [0, '\x1b[2m01:00:00\x1b[22m \x1b[34m[content]\x1b[39m Syncing content'],
    [5000, '01:00:05 [baokan-issues] parse 100/730 files (20/s)'],
    [30000, '01:00:30 [baokan-issues] 730 issues, 40834 articles from /tmp/a'],
    [40000, '01:00:40 [content] Synced content'],
    [52000, ' generating static routes '],
    [52100, '01:00:52   ├─ /probe/x/index.html (+3ms)'],
    [95000, '01:01:35 ✓ Completed in 43.00s.'],
    [96000, '01:01:36 [build] ✓ Completed in 44.00s.'],
    [150000, '01:02:30 [baokan-pagefind] indexed 40834 article pages (zh) in 50000 ms → dist/pagefind/: …'],
    [150100, '01:02:30 [baokan-sitemap] 40836 URLs in 1 sitemap file(s) + sitemap-index.xml in 90 ms'],
    [150200, '01:02:30 [build] 40836 page(s) built in 150.20s'],
    [150300, '01:02:30 [build] Complete!'],
  ].map(([t, text]) => ({ t: t as number, text: text as string }));

  it('reads content sync, parse, render, search and page count off the log', () => {
    const s = buildStages(lines, 151000);
    expect(s.content).toEqual({ from: 0, to: 40000 });
    expect(s.parse).toEqual({ from: 0, to: 30000 });
    expect(s.render).toEqual({ from: 52000, to: 95000 });
    // The integration logs once when done: the window ends there and lasts the reported time.
    expect(s.search).toEqual({ from: 100000, to: 150000 });
    expect(s.sitemap).toEqual({ from: 150100, to: 150100 });
    expect(s.pages).toBe(40836);
  });
  it('leaves out what the log does not show', () => {
    const s = buildStages(lines.slice(0, 8), 100000);
    expect(s.search).toBeNull();
    expect(s.sitemap).toBeNull();
    expect(s.pages).toBeNull();
  });
});

describe('formatting', () => {
  it('formats sizes, times and rates', () => {
    expect(fmt.s(1234)).toBe('1.23 s');
    expect(fmt.s(65_500)).toBe('65.5 s');
    expect(fmt.mb(3 * 1024 * 1024)).toBe('3.00 MiB');
    expect(fmt.gb(1.5 * 1024 ** 3)).toBe('1.50 GiB');
    expect(fmt.kb(2048)).toBe('2.0 KiB');
    expect(fmt.rate(1000, 2000, 'pages')).toBe('500 pages/s');
    expect(fmt.rate(5, 2000, 'MB')).toBe('2.50 MB/s');
    expect(fmt.int(175200)).toBe('175,200');
  });
  it('aligns a table, numbers right and words left, CJK as two columns', () => {
    expect(
      table([
        ['stage', 'wall'],
        ['parse', '1.00 s'],
        ['版面', '12.00 s'],
      ]),
    ).toBe(['stage  wall', '-----  -------', 'parse   1.00 s', '版面   12.00 s'].join('\n'));
  });

  it('counts the pages a build rendered and those it copied from the incremental cache', () => {
    expect(
      pageCounts([
        '12:00:01   ├─ /a/index.html (+3ms)',
        '12:00:01   ├─ /b/index.html (restored)',
        '12:00:01   └─ /c/index.html (cached)',
        '12:00:02 [build] 3 page(s) built',
      ]),
    ).toEqual({ rendered: 1, copied: 2 });
    // kept pages counted on one line (src/integrations/kept-log.ts), rendered ones listed
    expect(
      pageCounts([
        '12:00:01   ├─ /a/index.html (+3ms)',
        "12:00:03 [baokan-kept-log] 527 page(s) left in place (cached), 2 copied back from Astro's cache (restored): not listed one by one",
      ]),
    ).toEqual({ rendered: 1, copied: 529 });
    // the line as kept-log writes it now, with the rendered pages counted first (listed too)
    expect(
      pageCounts([
        '12:00:01   ├─ /a/index.html (+3ms)',
        "12:00:03 [baokan-kept-log] 1 page(s) rendered; 322830 left in place (cached), 4 copied back from Astro's cache (restored): not listed one by one (BAOKAN_LOG_PAGES=1 lists them)",
      ]),
    ).toEqual({ rendered: 1, copied: 322834 });
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2023-12-31')).toBe('2024-01-01');
    expect(parseOptions(['--add-day']).addDay).toBe(true);
    expect(parseOptions([]).addDay).toBe(false);
  });
});

describe('namesFigures', () => {
  it("reads the name finder's line off the build log", () => {
    const log = [
      '12:00:01 [baokan-issues] 4 issues, 43 articles',
      '12:00:01 [baokan-issues] names found for 3 issue(s) in 812 ms, 1 kept from a build before',
    ];
    expect(namesFigures(log)).toEqual({ issues: 3, ms: 812, kept: 1 });
    // the line as the loader writes it now (src/loaders/edition-loader.ts)
    expect(
      namesFigures([
        "04:11:35 [baokan-issues] names found for 3652 issue(s) in 125894 ms (on a thread of their own, 1215 of them on the loader's while the thread was behind; waited for 88 ms after the last issue), 0 kept from a build before",
      ]),
    ).toEqual({ issues: 3652, ms: 125894, kept: 0 });
    expect(namesFigures(['nothing'])).toBeNull();
  });
});

describe('wireFigures', () => {
  it("reads the wire-copy finder's line off the build log", () => {
    const log = ['wire copies: 3 pair(s) in 2 group(s) among 43 article(s), 5 candidate(s), in 120 ms'];
    expect(wireFigures(log)).toEqual({ pairs: 3, groups: 2, articles: 43, candidates: 5, ms: 120 });
    expect(wireFigures(['nothing'])).toBeNull();
  });
});

describe('encodings', () => {
  it('names the files sent compressed, by encoding, and nothing for files sent as they are', () => {
    const files = [
      { path: '/pagefind/2024-01/pagefind.js', encoding: 'br' },
      { path: '/pagefind/2024-01/wasm.unknown.pagefind', encoding: null },
      { path: '/pagefind/2024-01/pagefind-entry.json', encoding: 'gzip' },
      { path: '/pagefind/2024-01/shards.json', encoding: 'br' },
    ];
    expect(encodings({ files })).toBe('; br: pagefind.js, shards.json; gzip: pagefind-entry.json');
    expect(encodings({ files: [files[1]!] })).toBe('');
  });
});
