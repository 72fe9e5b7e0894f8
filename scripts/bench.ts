/**
 * npm run bench -- --years N | --issues N [--papers 1|2] [--out DIR] [--keep] [--skip-search] [--skip-bare] [--pdf]
 *
 * Benchmark of a large archive: generate a synthetic archive from the seeds, parse it, build it
 * with Astro, index it for search, run a first query in headless Chromium, build a bare Astro site
 * of as many plain pages for comparison, and print the numbers. `--help` lists every option.
 * With `--pdf` the archive is typeset as one PDF per 版 first (scripts/bench/pdf-archive.ts).
 */
import { availableParallelism } from 'node:os';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { loadCatalog, loadEdition } from '../src/lib/edition/load-folder.ts';
import { writeBareProject } from './bench/bare.ts';
import { materialFrom, PAPERS, writeArchive } from './bench/generate.ts';
import { addDays, daysTable, newestDate } from './bench/days.ts';
import { cpuBetween, dirSize, peakBetween, plain, run, type RunResult } from './bench/measure.ts';
import { typesetArchive, type PdfArchive } from './bench/pdf-archive.ts';
import { firstQuery, type QueryResult } from './bench/query.ts';
import {
  buildStages,
  daysInYears,
  encodings,
  facsimileFigures,
  namesFigures,
  wireFigures,
  fmt,
  HELP,
  nextDay,
  pageCounts,
  parseOptions,
  table,
  type Window,
} from './bench/report.ts';

const repo = resolve(import.meta.dirname, '..');

let opts: ReturnType<typeof parseOptions>;
try {
  opts = parseOptions(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (opts.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

// Inside the repo by default (bench-out/ is git-ignored): Astro writes a build's prerender chunks
// below its outDir only when that lies inside the working folder, and otherwise in <repo>/.astro/,
// where a concurrent build would clobber them.
const out = resolve(opts.out ?? join(repo, 'bench-out'));
if (!out.startsWith(repo + sep)) {
  process.stderr.write(
    `[bench] warning: --out ${out} is outside ${repo}; Astro then puts its prerender chunks in ${repo}/.astro/, shared with any other build running at the same time\n`,
  );
}
const archive = join(out, 'archive');
const dist = join(out, 'dist');
const cache = join(out, 'cache');
// The archive's editorial folder: all of the site's (papers, topics, readings, prose pages …) but
// the corrections (those of content/ name the real seeds; the build would rightly fail on
// corrections it cannot apply).
const content = join(out, 'content');
const bareDir = join(out, 'bare');
mkdirSync(out, { recursive: true });

const log = (s: string) => process.stdout.write(`[bench] ${s}\n`);
const childEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, FORCE_COLOR: '0' };
  if (opts.heap) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --max-old-space-size=${opts.heap}`.trim();
  return env;
};
/** Echo a child's progress lines, so a long build is never silent. */
const echo = (prefix: string) => (l: { t: number; text: string }) => {
  const t = plain(l.text).trim();
  if (t && !/npm warn/i.test(t))
    process.stdout.write(`  ${prefix} ${(l.t / 1000).toFixed(1).padStart(7)}s | ${t}\n`);
};
const lastJson = <T>(r: RunResult): T => {
  for (let i = r.lines.length - 1; i >= 0; i--) {
    const t = r.lines[i]!.text.trim();
    if (t.startsWith('{')) return JSON.parse(t) as T;
  }
  throw new Error(`no result from the child:\n${r.lines.map((l) => l.text).join('\n')}`);
};
const failed = (what: string, r: RunResult) => {
  process.stderr.write(
    `${what} failed (exit ${r.code}):\n${r.lines
      .slice(-40)
      .map((l) => l.text)
      .join('\n')}\n`,
  );
  process.exit(1);
};

/** The archive built with the site's own configuration, its output and cache in `out`. */
const astroBuild = (prefix: string) =>
  run('npx', ['astro', 'build', '--config', 'scripts/bench/astro.bench.config.mjs'], {
    cwd: repo,
    env: childEnv({
      BAOKAN_SEEDS: archive,
      BAOKAN_CONTENT: content,
      BAOKAN_BENCH_DIST: dist,
      BAOKAN_BENCH_CACHE: cache,
      ...(opts.skipSearch ? { BAOKAN_BENCH_NO_SEARCH: '1' } : {}),
      ...(opts.shard ? { BAOKAN_SEARCH_SHARD: String(opts.shard) } : {}),
    }),
    onLine: echo(prefix),
  });
/** The material the archive's issues are made of, from the seeds. */
const seedMaterial = () =>
  materialFrom(loadEdition(join(repo, 'seeds'), loadCatalog(join(repo, 'content/papers.json'))));

// --days N: daily builds on the archive a --keep run left, and nothing else.
if (opts.days) {
  const material = seedMaterial();
  try {
    const days = await addDays({
      out,
      days: opts.days,
      dropCaches: opts.dropCaches,
      addIssue: (date) =>
        writeArchive(
          material,
          { start: date, days: 1, papers: PAPERS.slice(0, 1), maxIssues: 1, seed: opts.seed },
          archive,
        ),
      build: () => astroBuild('day  '),
      log,
    });
    process.stdout.write(`\n${daysTable(days)}\n`);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
  process.exit(0);
}

// 1. Generate.
log(`options ${JSON.stringify({ ...opts, issues: Number.isFinite(opts.issues) ? opts.issues : null, out })}`);
const t0 = performance.now();
const material = seedMaterial();
rmSync(archive, { recursive: true, force: true });
const generated = writeArchive(
  material,
  {
    start: opts.start,
    days: daysInYears(opts.start, opts.years),
    papers: PAPERS.slice(0, opts.papers),
    maxIssues: opts.issues,
    seed: opts.seed,
  },
  archive,
);
const generateMs = performance.now() - t0;
log(`generated ${generated.files} issues, ${fmt.mb(generated.bytes)} in ${fmt.s(generateMs)} → ${archive}`);
// 1b. --pdf: each issue typeset again as one PDF per 版 (with a hints file), the text removed.
const catalog = loadCatalog(join(repo, 'content/papers.json'));
let pdfArchive: PdfArchive | null = null;
if (opts.pdf) {
  pdfArchive = typesetArchive(archive, catalog);
  log(
    `typeset ${pdfArchive.pdfs} PDF pages, ${fmt.mb(pdfArchive.bytes)} in ${fmt.s(pdfArchive.ms)} ` +
      `(${(pdfArchive.ms / pdfArchive.pdfs).toFixed(0)} ms a page)`,
  );
}
if (opts.generateOnly) process.exit(0);

// 2. Parse alone (the loader's first step), in its own process for a clean memory figure.
interface ParseOut {
  issues: number;
  errors: number;
  pages: number;
  articles: number;
  bytes: number;
  ms: number;
  warnings: Record<string, number>;
}
let parseRun: RunResult | null = null;
let parsed: ParseOut | null = null;
if (!opts.skipParse) {
  log('parse stage');
  parseRun = await run('npx', ['tsx', 'scripts/bench/parse-stage.ts', archive], {
    cwd: repo,
    env: childEnv({}),
  });
  if (parseRun.code !== 0) failed('parse', parseRun);
  parsed = lastJson<ParseOut>(parseRun);
  log(
    `parsed ${parsed.issues} issues, ${parsed.pages} pages, ${parsed.articles} articles in ${fmt.s(parsed.ms)}`,
  );
}

// 3. Astro build of the archive.
log('astro build');
rmSync(dist, { recursive: true, force: true });
rmSync(cache, { recursive: true, force: true });
rmSync(content, { recursive: true, force: true });
cpSync(join(repo, 'content'), content, {
  recursive: true,
  filter: (path) => basename(path) !== 'corrections.yaml',
});
const build = await astroBuild('astro');
if (build.code !== 0) failed('astro build', build);

// 3b. A daily build: the next day's issue added, built again on the kept cache.
let addDay: { date: string; ms: number; peakRss: number; rendered: number; copied: number } | null = null;
if (opts.addDay) {
  const date = nextDay(newestDate(readdirSync(archive))!);
  writeArchive(
    material,
    { start: date, days: 1, papers: PAPERS.slice(0, 1), maxIssues: 1, seed: opts.seed },
    archive,
  );
  if (opts.pdf) typesetArchive(archive, catalog);
  log(`add one day: ${date}, built again on the kept cache`);
  const again = await astroBuild('day  ');
  if (again.code !== 0) failed('astro build (add one day)', again);
  addDay = {
    date,
    ms: again.ms,
    peakRss: again.peakRss,
    ...pageCounts(again.lines.map((l) => plain(l.text))),
  };
}
const stages = buildStages(build.lines, build.ms);
const loaderLine = build.lines.map((l) => plain(l.text)).find((t) => /\d+ issues, \d+ articles/.test(t));
const loaderCounts = loaderLine ? /(\d+) issues, (\d+) articles/.exec(loaderLine)! : null;
const issues = parsed?.issues ?? Number(loaderCounts?.[1] ?? generated.files);
const articles = parsed?.articles ?? Number(loaderCounts?.[2] ?? 0);

// 4. Search: the build's own indexing (read off its log), then a first query in headless
// Chromium on the newest shard (what the search page loads first) and the same query over
// every shard merged (what a search of all years loads).
const searchWindow: Window | null = opts.skipSearch ? null : stages.search;
let shards: string[] = [];
let query: QueryResult | null = null;
let queryAll: QueryResult | null = null;
let queryError: string | null = null;
if (!opts.skipSearch) {
  const manifest = join(dist, 'pagefind', 'shards.json');
  shards = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { shards: { id: string }[] }).shards.map((s) =>
        join(dist, 'pagefind', s.id),
      )
    : [];
  if (!shards.length) queryError = `no search shards in ${manifest}`;
  else {
    try {
      log(`first query “${opts.query}” in headless Chromium (newest of ${shards.length} shard(s))`);
      query = await firstQuery(dist, opts.query, { bundle: shards[0] });
    } catch (e) {
      queryError = (e as Error).message.split('\n')[0]!;
    }
  }
  if (shards.length > 1) {
    try {
      log(`the same query over all ${shards.length} shards (mergeIndex)`);
      queryAll = await firstQuery(dist, opts.query, { bundle: shards[0], merge: shards.slice(1) });
    } catch (e) {
      queryError = `all shards: ${(e as Error).message.split('\n')[0]!}`;
    }
  }
}
const distSize = dirSize(dist);
const facsimile = facsimileFigures(build.lines.map((l) => l.text));
// The name index: finding names in the text (while the content layer loads) and its pages.
const names = namesFigures(build.lines.map((l) => l.text));
const namesSize = existsSync(join(dist, 'names')) ? dirSize(join(dist, 'names')) : null;
// Wire copy: the same text printed by several papers or on several dates (src/data/wire-copies.ts).
const wire = wireFigures(build.lines.map((l) => l.text));
const searchSize = existsSync(join(dist, 'pagefind')) ? dirSize(join(dist, 'pagefind')) : null;

// 5. Bare Astro baseline with as many plain pages.
const pagesBuilt = stages.pages ?? articles;
let bare: RunResult | null = null;
if (!opts.skipBare) {
  log(`bare astro build of ${pagesBuilt} plain pages`);
  writeBareProject(bareDir, pagesBuilt, material.sentences, repo);
  bare = await run('npx', ['astro', 'build', '--root', bareDir], {
    cwd: repo,
    env: childEnv({ BAOKAN_SEEDS: '' }),
    onLine: echo('bare '),
  });
  if (bare.code !== 0) failed('bare astro build', bare);
}

// 6. Report.
const dur = (w: Window | null) => (w ? w.to - w.from : null);
const peak = (w: Window | null) => (w ? peakBetween(build.samples, w.from, w.to + 250) : null);
const cpu = (w: Window | null) => (w ? cpuBetween(build.samples, w.from, w.to) : null);
const cell = {
  s: (ms: number | null) => (ms === null ? '–' : fmt.s(ms)),
  gb: (b: number | null) => (b === null || b === 0 ? '–' : fmt.gb(b)),
  cores: (c: { cores: number } | null) => (c === null ? '–' : c.cores.toFixed(2)),
};
const inputBytes = parsed?.bytes ?? generated.bytes;
const searchMs = dur(searchWindow);
const buildMs = build.ms;
const cores = availableParallelism();

const sizes = table(
  [
    ['archive', 'value'],
    ['issues', fmt.int(issues)],
    ['pages (版)', parsed ? fmt.int(parsed.pages) : '–'],
    ['articles', fmt.int(articles)],
    ['input', fmt.mb(inputBytes)],
    ['HTML pages built', fmt.int(pagesBuilt)],
    ...(pdfArchive
      ? [
          ['PDF input', `${fmt.mb(pdfArchive.bytes)} in ${fmt.int(pdfArchive.pdfs)} files (one per 版)`],
          ['dist per 版', parsed?.pages ? fmt.kb(distSize.bytes / parsed.pages) : '–'],
          [
            'facsimile',
            facsimile
              ? `${fmt.int(facsimile.pages)} pages, ${fmt.int(facsimile.crops)} crops, ${fmt.mb(facsimile.kb * 1024)} of images`
              : '–',
          ],
        ]
      : []),
    ['dist', `${fmt.mb(distSize.bytes)} in ${fmt.int(distSize.files)} files`],
    [
      'name index',
      (names ? `names found in ${fmt.s(names.ms)} (${fmt.int(names.issues)} issues)` : 'names: –') +
        (namesSize ? `; names/ ${fmt.mb(namesSize.bytes)} in ${fmt.int(namesSize.files)} files` : ''),
    ],
    [
      'wire copy',
      wire
        ? `${fmt.int(wire.pairs)} pairs in ${fmt.int(wire.groups)} groups among ${fmt.int(wire.articles)} articles ` +
          `(${fmt.int(wire.candidates)} candidates) in ${fmt.s(wire.ms)}`
        : 'wire copy: –',
    ],
    [
      'search index',
      searchSize
        ? `${fmt.mb(searchSize.bytes)} in ${fmt.int(searchSize.files)} files, ${shards.length} shard(s)`
        : '–',
    ],
    [
      'first query',
      query
        ? `${fmt.kb(query.bytes)} over the wire (${fmt.kb(query.fileBytes)} as files${encodings(query)}) in ` +
          `${query.requests} requests, ${query.ms.toFixed(0)} ms, ${query.results} results`
        : (queryError ?? '–'),
    ],
    ...(queryAll
      ? [
          [
            `query, all ${shards.length} shards`,
            `${fmt.kb(queryAll.bytes)} over the wire (${fmt.kb(queryAll.fileBytes)} as files) in ` +
              `${queryAll.requests} requests, ${queryAll.ms.toFixed(0)} ms, ${queryAll.results} results`,
          ],
        ]
      : []),
  ],
  'left',
);
const rows: string[][] = [['stage', 'wall', 'rate', 'peak RSS', 'cores']];
rows.push(['generate', fmt.s(generateMs), fmt.rate(inputBytes / 1024 / 1024, generateMs, 'MiB'), '–', '–']);
if (parseRun && parsed) {
  rows.push([
    'parse (standalone)',
    fmt.s(parseRun.ms),
    `${fmt.rate(parsed.issues, parsed.ms, 'issues')}, ${fmt.rate(inputBytes / 1024 / 1024, parsed.ms, 'MiB')}`,
    cell.gb(parseRun.peakRss),
    cell.cores(cpuBetween(parseRun.samples, 0, parseRun.ms)),
  ]);
}
if (pdfArchive)
  rows.push([
    'typeset PDFs (bench only)',
    fmt.s(pdfArchive.ms),
    fmt.rate(pdfArchive.pdfs, pdfArchive.ms, 'pages'),
    '–',
    '–',
  ]);
rows.push([
  'astro: content layer',
  cell.s(dur(stages.content)),
  stages.content ? fmt.rate(articles, dur(stages.content)!, 'articles') : '–',
  cell.gb(peak(stages.content)),
  cell.cores(cpu(stages.content)),
]);
rows.push([
  '  of which parse',
  cell.s(dur(stages.parse)),
  stages.parse ? fmt.rate(inputBytes / 1024 / 1024, dur(stages.parse)!, 'MiB') : '–',
  '',
  '',
]);
rows.push([
  'astro: render pages',
  cell.s(dur(stages.render)),
  stages.render ? fmt.rate(pagesBuilt, dur(stages.render)!, 'pages') : '–',
  cell.gb(peak(stages.render)),
  cell.cores(cpu(stages.render)),
]);
if (searchWindow) {
  rows.push([
    `search indexing (${shards.length} shard(s))`,
    cell.s(searchMs),
    searchMs ? fmt.rate(articles, searchMs, 'pages') : '–',
    cell.gb(peak(searchWindow)),
    cell.cores(cpu(searchWindow)),
  ]);
}
if (stages.sitemap) rows.push(['sitemap', cell.s(dur(stages.sitemap)), '', '', '']);
if (facsimile)
  rows.push([
    `facsimile (${fmt.int(facsimile.rendered)} pages rendered)`,
    '',
    (parsed?.pages ? `read ${(parsed.ms / parsed.pages).toFixed(0)} ms/page (parse stage), ` : '') +
      `render ${facsimile.renderMsPerPage ?? '–'} ms/page, sharp ${facsimile.sharpMsPerPage ?? '–'} ms/page`,
    '',
    '',
  ]);
rows.push([
  'astro build total',
  fmt.s(buildMs),
  fmt.rate(pagesBuilt, buildMs, 'pages'),
  cell.gb(build.peakRss),
  cell.cores({ cores: build.cpuMs / buildMs }),
]);
if (addDay)
  rows.push([
    `add one day (${addDay.date})`,
    fmt.s(addDay.ms),
    `${fmt.int(addDay.rendered)} pages rendered, ${fmt.int(addDay.copied)} kept`,
    cell.gb(addDay.peakRss),
    '–',
  ]);
if (bare)
  rows.push([
    'bare astro build',
    fmt.s(bare.ms),
    fmt.rate(pagesBuilt, bare.ms, 'pages'),
    cell.gb(bare.peakRss),
    cell.cores({ cores: bare.cpuMs / bare.ms }),
  ]);

const perArticle = articles ? buildMs / articles : null;
const lines = [
  '',
  sizes,
  '',
  table(rows),
  '',
  `baokan build: ${fmt.s(buildMs)}` +
    (perArticle ? `, ${perArticle.toFixed(2)} ms per article` : '') +
    (bare ? `; ratio to bare Astro build: ${(buildMs / bare.ms).toFixed(2)}×` : ''),
  `peak RSS of the build's process tree: ${fmt.gb(build.peakRss)} (largest single process VmHWM ${fmt.gb(build.peakHwm)})`,
  `CPU time of the build's process tree: ${fmt.s(build.cpuMs)} in ${fmt.s(buildMs)}, ` +
    `${(build.cpuMs / buildMs).toFixed(2)} of ${cores} core(s) on average` +
    (bare ? `; the bare build's: ${fmt.s(bare.cpuMs)} (${(bare.cpuMs / bare.ms).toFixed(2)} cores)` : ''),
];
process.stdout.write(lines.join('\n') + '\n');

const result = {
  options: { ...opts, issues: Number.isFinite(opts.issues) ? opts.issues : null, out },
  machine: { node: process.version, cpus: cores },
  counts: { issues, pages: parsed?.pages ?? null, articles, inputBytes, pagesBuilt },
  generateMs,
  /** the name index: ms finding names in the build, and the names/ pages' size */
  names: { ...names, bytes: namesSize?.bytes ?? null, files: namesSize?.files ?? null },
  /** wire copy: pairs, groups, candidates and ms finding them in the build */
  wire,
  parse:
    parseRun && parsed
      ? { ms: parseRun.ms, inner: parsed.ms, peakRss: parseRun.peakRss, warnings: parsed.warnings }
      : null,
  build: {
    ms: build.ms,
    /** CPU time of the process tree, user and system */
    cpuMs: build.cpuMs,
    peakRss: build.peakRss,
    peakHwm: build.peakHwm,
    /** summed RSS of the build's process tree, one sample about every 2 s: [s, MB] */
    rssTimeline: build.samples
      .filter((_, i) => i % 8 === 0)
      .map((x) => [Math.round(x.t / 100) / 10, Math.round(x.rss / 2 ** 20)]),
    /** the build's log lines with their time, page lines left out: [s, text] */
    log: build.lines
      .filter((l) => !/├─|└─/.test(l.text))
      .map((l) => [Math.round(l.t / 100) / 10, plain(l.text)]),
    stages: Object.fromEntries(
      (['content', 'parse', 'render', 'search', 'sitemap'] as const).map((k) => [
        k,
        stages[k] ? { ms: dur(stages[k]), peakRss: peak(stages[k]), cpuMs: cpu(stages[k])!.ms } : null,
      ]),
    ),
  },
  search: searchWindow
    ? { ms: dur(searchWindow), peakRss: peak(searchWindow), cpuMs: cpu(searchWindow)!.ms }
    : null,
  distBytes: distSize.bytes,
  distFiles: distSize.files,
  searchBytes: searchSize?.bytes ?? null,
  searchShards: shards.length,
  query,
  queryAll,
  queryError,
  bare: bare ? { ms: bare.ms, cpuMs: bare.cpuMs, peakRss: bare.peakRss, ratio: buildMs / bare.ms } : null,
  addDay,
  pdf: pdfArchive
    ? {
        ...pdfArchive,
        parseMsPerPage: parsed?.pages ? parsed.ms / parsed.pages : null,
        facsimile,
        distBytesPerPage: parsed?.pages ? distSize.bytes / parsed.pages : null,
      }
    : null,
  perArticleMs: perArticle,
};
writeFileSync(join(out, 'result.json'), JSON.stringify(result, null, 2));
log(`result → ${join(out, 'result.json')}`);

if (!opts.keep) {
  for (const d of [archive, dist, cache, bareDir])
    if (existsSync(d)) rmSync(d, { recursive: true, force: true });
}
