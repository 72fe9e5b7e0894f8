/**
 * Benchmark options and report: command-line parsing, the stages read off Astro's timestamped
 * log, and the printed tables. Pure functions (no I/O), tested in report.test.ts.
 */
import { parseArgs } from 'node:util';
import { plain, type LogLine } from './measure.ts';

export const HELP = `npm run bench -- [options]

Generates a synthetic archive from seeds/ (both papers, 8 pages an issue, 6–8 articles a page,
recombined seed sentences; deterministic), builds it end to end with the real parser and Astro,
indexes it for search, runs a first query in headless Chromium, builds a bare Astro site of as
many plain pages, and prints a table of sizes, times, rates and peak memory.

Options:
  --years N        calendar years of daily issues to generate (default 1)
  --issues N       stop after N issues in all (small runs; overrides the size of --years)
  --papers 1|2     1 = 衡阳日报 only, 2 = 衡阳日报 and 衡阳晚报 (default 2)
  --start DATE     first date, YYYY-MM-DD (default 2014-01-01)
  --seed N         PRNG seed (default 1)
  --out DIR        working folder (default <repo>/bench-out, git-ignored); the archive, builds
                   and result.json go there. Keep it inside the repo: Astro puts the prerender
                   chunks of an outDir outside the working folder into <repo>/.astro/
  --keep           keep the generated archive and builds (default: delete them, keep result.json)
  --skip-search    no search indexing and no browser query
  --shard N        most articles in one search shard (BAOKAN_SEARCH_SHARD; default the site's,
                   2500); the first query searches the newest shard, a second query all of them
  --skip-bare      no bare Astro baseline build
  --add-day        then add the next day's issue and build again on the kept cache: the
                   time a daily build takes, and how many pages it rendered and kept
                   (left in place, or copied back from Astro's cache)
  --days N         add N days, one at a time, to the archive a --keep run left in --out, building
                   on its kept cache after each (no archive generated, no parse stage, no bare
                   build, no query): a table of the daily builds, written to days.json there
  --drop-caches    with --days: drop the kernel's caches of folder entries and inodes before each
                   day (as a fresh runner restoring its cache has them cold; needs root)
  --skip-parse     no separate parse-only stage
  --pdf            the archive as PDFs, one per 版 (each generated issue parsed and its pages
                   typeset, scripts/bench/pdf-archive.ts): PDF reading, the facsimile's
                   rendering and images, in ms per page, and the site's bytes per page
  --generate-only  write the archive and stop
  --query WORD     the first query (default 垃圾分类)
  --heap MB        --max-old-space-size for the build's Node processes (default 6144, as npm run build)
  --help           this text
`;

export interface BenchOptions {
  years: number;
  issues: number;
  papers: 1 | 2;
  start: string;
  seed: number;
  out: string | null;
  keep: boolean;
  skipSearch: boolean;
  skipBare: boolean;
  shard: number | null;
  skipParse: boolean;
  generateOnly: boolean;
  addDay: boolean;
  /** days to add to a kept archive (0: a whole run) */
  days: number;
  /** drop the kernel's dentry and inode caches before each added day */
  dropCaches: boolean;
  /** the archive as one PDF per 版 */
  pdf: boolean;
  query: string;
  heap: number | null;
  help: boolean;
}

function positiveInt(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} needs a positive whole number, got "${v}"`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      years: { type: 'string' },
      issues: { type: 'string' },
      papers: { type: 'string' },
      start: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'boolean' },
      'skip-search': { type: 'boolean' },
      'skip-bare': { type: 'boolean' },
      shard: { type: 'string' },
      'skip-parse': { type: 'boolean' },
      'generate-only': { type: 'boolean' },
      'add-day': { type: 'boolean' },
      days: { type: 'string' },
      'drop-caches': { type: 'boolean' },
      pdf: { type: 'boolean' },
      query: { type: 'string' },
      heap: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const papers = positiveInt('papers', values.papers, 2);
  if (papers !== 1 && papers !== 2) throw new Error(`--papers must be 1 or 2, got ${papers}`);
  const start = values.start ?? '2014-01-01';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new Error(`--start must be YYYY-MM-DD, got "${start}"`);
  return {
    years: positiveInt('years', values.years, 1),
    issues: values.issues === undefined ? Infinity : positiveInt('issues', values.issues, 0),
    papers,
    start,
    seed: values.seed === undefined ? 1 : Number(values.seed) >>> 0,
    out: values.out ?? null,
    keep: values.keep ?? false,
    skipSearch: values['skip-search'] ?? false,
    skipBare: values['skip-bare'] ?? false,
    shard: values.shard === undefined ? null : positiveInt('shard', values.shard, 0),
    skipParse: values['skip-parse'] ?? false,
    generateOnly: values['generate-only'] ?? false,
    addDay: values['add-day'] ?? false,
    days: values.days === undefined ? 0 : positiveInt('days', values.days, 0),
    dropCaches: values['drop-caches'] ?? false,
    pdf: values.pdf ?? false,
    query: values.query ?? '垃圾分类',
    heap: values.heap === undefined ? 6144 : positiveInt('heap', values.heap, 0),
    help: values.help ?? false,
  };
}

/** The facsimile integration's figures, read off its log line (src/integrations/facsimile.ts). */
export function facsimileFigures(lines: readonly string[]): {
  pages: number;
  crops: number;
  rendered: number;
  renderMsPerPage: number | null;
  sharpMsPerPage: number | null;
  kb: number;
} | null {
  const re =
    /(\d+) facsimile page\(s\) and (\d+) crop\(s\) in \d+ ms: (\d+) rendered(?: \((\d+) ms a page\))?, sharp(?: \((\d+) ms a page\))?, \d+ from the cache; (\d+) KB written/;
  for (const l of lines) {
    const m = re.exec(plain(l));
    if (m)
      return {
        pages: Number(m[1]),
        crops: Number(m[2]),
        rendered: Number(m[3]),
        renderMsPerPage: m[4] ? Number(m[4]) : null,
        sharpMsPerPage: m[5] ? Number(m[5]) : null,
        kb: Number(m[6]),
      };
  }
  return null;
}

/** The wire-copy finder's line of the build (src/data/wire-copies.ts): pairs, groups, articles, candidates, ms. */
export function wireFigures(
  lines: readonly string[],
): { pairs: number; groups: number; articles: number; candidates: number; ms: number } | null {
  const re =
    /wire copies: (\d+) pair\(s\) in (\d+) group\(s\) among (\d+) article\(s\), (\d+) candidate\(s\), in (\d+) ms/;
  for (const l of lines) {
    const m = re.exec(plain(l));
    if (m) {
      const [pairs, groups, articles, candidates, ms] = m.slice(1).map(Number) as [
        number,
        number,
        number,
        number,
        number,
      ];
      return { pairs, groups, articles, candidates, ms };
    }
  }
  return null;
}

/** The name finder's line of the build (src/loaders/edition-loader.ts): issues searched for names and the ms it took. */
export function namesFigures(lines: readonly string[]): { issues: number; ms: number; kept: number } | null {
  // the loader says where the names were found in brackets before what was kept
  const re = /names found for (\d+) issue\(s\) in (\d+) ms(?: \([^)]*\))?, (\d+) kept/;
  for (const l of lines) {
    const m = re.exec(plain(l));
    if (m) return { issues: Number(m[1]), ms: Number(m[2]), kept: Number(m[3]) };
  }
  return null;
}

/** The day after an ISO date. */
export function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * Pages of an Astro build log: rendered, and copied from the incremental cache ("(restored)",
 * "(cached)"), listed one by one or counted on baokan-kept-log's line (src/integrations/kept-log.ts).
 */
export function pageCounts(lines: readonly string[]): { rendered: number; copied: number } {
  let rendered = 0;
  let copied = 0;
  for (const l of lines) {
    // "N page(s) left in place", or since the line counts the rendered ones too, "…; N left in place"
    const kept = /(\d+) (?:page\(s\) )?left in place \(cached\), (\d+) copied back/.exec(l);
    if (kept) copied += Number(kept[1]) + Number(kept[2]);
    if (!/[├└]─/.test(l)) continue;
    if (/\((?:restored|cached)\)/.test(l)) copied++;
    else rendered++;
  }
  return { rendered, copied };
}

/** Days from `start` to the same date `years` later. */
export function daysInYears(start: string, years: number): number {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y + years, m - 1, d) - Date.UTC(y, m - 1, d)) / 86_400_000);
}

/** A window of the build, in ms from its start. */
export interface Window {
  from: number;
  to: number;
}

export interface BuildStages {
  content: Window | null;
  /** parse inside the content loader (Syncing content → the loader's summary line) */
  parse: Window | null;
  render: Window | null;
  search: Window | null;
  sitemap: Window | null;
  /** pages Astro reports it built */
  pages: number | null;
}

const find = (lines: readonly LogLine[], re: RegExp, from = 0) => {
  for (let i = from; i < lines.length; i++) if (re.test(plain(lines[i]!.text))) return i;
  return -1;
};
const findLast = (lines: readonly LogLine[], re: RegExp) => {
  for (let i = lines.length - 1; i >= 0; i--) if (re.test(plain(lines[i]!.text))) return i;
  return -1;
};

/** Read the stages of an `astro build` off its timestamped output. */
export function buildStages(lines: readonly LogLine[], endMs: number): BuildStages {
  const at = (i: number) => lines[i]!.t;
  const window = (a: number, b: number, end = endMs): Window | null =>
    a < 0 ? null : { from: at(a), to: b < 0 ? end : at(b) };

  const syncStart = find(lines, /\[content\] Syncing content/);
  const syncEnd = find(lines, /\[content\] Synced content/, Math.max(0, syncStart));
  const parsed = find(lines, /\[baokan-\w+\].* \d+ issues, \d+ articles/, Math.max(0, syncStart));

  const renderStart = find(lines, /generating static routes/);
  const renderEnd = renderStart < 0 ? -1 : find(lines, /✓ Completed in/, renderStart + 1);

  // The search integration logs once when done, with its duration (`indexed … in 1234 ms`); an
  // integration that logs as it goes is read from its first line to its last.
  const searchStart = find(lines, /pagefind/i, Math.max(0, renderStart));
  const searchEnd = findLast(lines, /pagefind/i);
  const searchMs = searchEnd < 0 ? null : /\bin ([\d,]+) ?ms\b/.exec(plain(lines[searchEnd]!.text));
  let search: Window | null = null;
  if (searchMs && searchEnd >= 0) {
    const ms = Number(searchMs[1]!.replace(/,/g, ''));
    search = { from: Math.max(0, at(searchEnd) - ms), to: at(searchEnd) };
  } else if (searchStart >= 0) search = window(searchStart, searchEnd <= searchStart ? -1 : searchEnd);
  const sitemapStart = find(lines, /\[baokan-sitemap\]/);
  const sitemapEnd = findLast(lines, /\[baokan-sitemap\]/);

  const builtLine = findLast(lines, /\d+ page\(s\) built in/);
  const pages =
    builtLine < 0 ? null : Number(/(\d+) page\(s\) built/.exec(plain(lines[builtLine]!.text))![1]);
  return {
    content: window(syncStart, syncEnd),
    parse: syncStart < 0 || parsed < 0 ? null : window(syncStart, parsed),
    render: window(renderStart, renderEnd),
    search,
    sitemap: sitemapStart < 0 ? null : { from: at(sitemapStart), to: at(sitemapEnd) },
    pages,
  };
}

/**
 * Which files of a query went compressed over the wire, for the report: "; br: pagefind.js" (names
 * grouped by encoding; the rest went as they are, e.g. Pagefind's chunks, gzip already).
 */
export function encodings(q: { files: readonly { path: string; encoding: string | null }[] }): string {
  const by = new Map<string, string[]>();
  for (const f of q.files)
    if (f.encoding) by.set(f.encoding, [...(by.get(f.encoding) ?? []), f.path.split('/').pop()!]);
  return [...by].map(([e, names]) => `; ${e}: ${names.join(', ')}`).join('');
}

export const MB = 1024 * 1024;

/** Sizes in binary units, named as such (KiB, MiB, GiB): 4.48 GiB is 4.81 GB. */
export const fmt = {
  s: (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1) + ' s',
  mb: (bytes: number) => (bytes / MB).toFixed(bytes < 10 * MB ? 2 : 1) + ' MiB',
  kb: (bytes: number) => (bytes / 1024).toFixed(1) + ' KiB',
  gb: (bytes: number) => (bytes / 1024 / MB).toFixed(2) + ' GiB',
  int: (n: number) => n.toLocaleString('en-US'),
  rate: (n: number, ms: number, unit: string) =>
    ms > 0 ? `${(n / (ms / 1000)).toFixed(n / (ms / 1000) < 10 ? 2 : 0)} ${unit}/s` : '–',
};

/** Align rows of cells into a plain-text table (first row is the header). */
export function table(rows: readonly (readonly string[])[], align: 'auto' | 'left' = 'auto'): string {
  const widths: number[] = [];
  const width = (s: string) => {
    // CJK characters take two columns in a terminal.
    let w = 0;
    for (const ch of s)
      w +=
        /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
          ch,
        )
          ? 2
          : 1;
    return w;
  };
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - width(c));
        // Numbers right-aligned, words left-aligned.
        return align === 'auto' && i > 0 && /^[\d.,–-]/.test(c) ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  const [head, ...body] = rows;
  if (!head) return '';
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
