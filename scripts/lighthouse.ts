/**
 * `npm run lighthouse [-- --dist dist] [--base /] [--runs 3] [--only home,search] [--out file]`:
 * Lighthouse (mobile, simulated throttling) on a few pages of a built site — home, an issue, a 版,
 * an article, search, a topic — served as a host serves it (scripts/lighthouse/host.ts: the site's
 * `_headers` cache rules and its pre-compressed siblings), in Debian's Chromium (/usr/bin/chromium,
 * or CHROME_PATH). Prints each page's scores (the median of `--runs` runs: on a shared machine
 * Total Blocking Time varies from run to run), its Total Blocking Time and Largest Contentful Paint,
 * and the audits that failed; writes eval-out/lighthouse.json (or `--out`). A benchmark, not a
 * test: it prints numbers.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { host } from './lighthouse/host.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    base: { type: 'string', default: '/' },
    runs: { type: 'string', default: '1' },
    only: { type: 'string' },
    out: { type: 'string', default: 'eval-out/lighthouse.json' },
  },
});
const dist = resolve(values.dist!);
const runs = Math.max(1, Number.parseInt(values.runs!, 10) || 1);
const only = values.only ? new Set(values.only.split(',')) : null;

/** The middle value (the lower of the two middle ones for an even count). */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

/** The first folder below `dir` (sorted) that holds an index.html, `depth` levels down. */
function firstPage(dir: string, depth: number): string | null {
  if (depth === 0) return readdirSync(dir).includes('index.html') ? dir : null;
  for (const e of readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .sort()) {
    if (['pagefind', 'search-disk', '_astro'].includes(e.name)) continue;
    const found = firstPage(join(dir, e.name), depth - 1);
    if (found) return found;
  }
  return null;
}

// An issue: the first <paper>/<yyyy>/<mm>/<dd>/ page (archive/<yyyy>/ has no such depth).
const issue =
  readdirSync(dist, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => firstPage(join(dist, e.name), 3))
    .find((p) => p !== null) ?? null;
const page = issue ? firstPage(issue, 1) : null;
const article = page ? firstPage(page, 1) : null;
const topic = firstPage(join(dist, 'topics'), 1);
const rel = (p: string | null) => (p ? p.slice(dist.length).split('\\').join('/') + '/' : null);
const pages: [string, string | null][] = [
  ['home', '/'],
  ['issue', rel(issue)],
  ['版', rel(page)],
  ['article', rel(article)],
  ['search', '/search/'],
  ['topic', rel(topic)],
];

const server = await host(dist);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const results: Record<string, unknown> = {};
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
try {
  console.log(
    `page      ${CATEGORIES.map((c) => c.padStart(14)).join('')}   TBT ms   LCP ms  failed audits` +
      ` (median of ${runs} run(s); each run's performance and Lighthouse's benchmarkIndex of the machine in brackets)`,
  );
  for (const [name, path] of pages) {
    if (!path || (only && !only.has(name))) continue;
    const url = server.url + values.base!.replace(/\/$/, '') + path;
    const each: { scores: number[]; tbt: number; lcp: number; bench: number; failed: string[] }[] = [];
    for (let k = 0; k < runs; k++) {
      const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
      const lhr = run!.lhr;
      each.push({
        scores: CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100)),
        tbt: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
        lcp: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
        // Lighthouse's measure of how fast the machine was during the run (a busy machine scores low)
        bench: Math.round(lhr.environment.benchmarkIndex),
        failed: Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
          .map((a) => a.id),
      });
    }
    const scores = CATEGORIES.map((_, c) => median(each.map((e) => e.scores[c]!)));
    const tbt = median(each.map((e) => e.tbt));
    const lcp = median(each.map((e) => e.lcp));
    const failed = [...new Set(each.flatMap((e) => e.failed))];
    results[name] = {
      url: path,
      scores: Object.fromEntries(CATEGORIES.map((c, k) => [c, scores[k]])),
      runs: each.map((e) => ({ performance: e.scores[0], tbt: e.tbt, lcp: e.lcp, benchmarkIndex: e.bench })),
      failed,
    };
    const perRun = ` [${each.map((e) => `${e.scores[0]} (machine ${e.bench})`).join(', ')}]`;
    console.log(
      `${name.padEnd(9)} ${scores.map((s) => String(s).padStart(14)).join('')}` +
        `${String(tbt).padStart(9)}${String(lcp).padStart(9)}  ${failed.join(', ')}${perRun}`,
    );
  }
} finally {
  await chrome.kill();
  await server.close();
}
mkdirSync(dirname(resolve(values.out!)), { recursive: true });
writeFileSync(values.out!, JSON.stringify(results, null, 2) + '\n');
console.log(`wrote ${values.out!}`);
