/**
 * Lighthouse (mobile, simulated throttling) on a few pages of a built site — home, an issue, a 版,
 * an article, search, a topic — served as a host serves it (host.ts), in Debian's Chromium
 * (/usr/bin/chromium, or CHROME_PATH). Each page is audited `runs` times and its scores are the
 * medians: on a shared machine Total Blocking Time varies from run to run. Used by
 * `npm run lighthouse` (scripts/lighthouse.ts) and by the browser tests (tests/e2e/run.ts).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { host } from './host.ts';

/** Lighthouse's four categories, in the order they are printed. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

/** One page's medians and its runs. */
export interface PageAudit {
  name: string;
  /** the page's path below the site's base, e.g. `/search/` */
  path: string;
  scores: Record<Category, number>;
  /** median Total Blocking Time and Largest Contentful Paint, ms */
  tbt: number;
  lcp: number;
  runs: { performance: number; tbt: number; lcp: number; benchmarkIndex: number }[];
  /** audits scored below 0.9 in any run */
  failed: string[];
}

/** The middle value (the lower of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

/** The first folder below `dir` (sorted) that holds an index.html, `depth` levels down. */
function firstPage(dir: string, depth: number): string | null {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  if (depth === 0) return entries.some((e) => e.name === 'index.html') ? dir : null;
  for (const e of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (['pagefind', 'search-disk', '_astro'].includes(e.name)) continue;
    const found = firstPage(join(dir, e.name), depth - 1);
    if (found) return found;
  }
  return null;
}

/** The pages audited, by name, with their paths below the base (null: the site has none). */
export function sitePages(dist: string): [string, string | null][] {
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
  return [
    ['home', '/'],
    ['issue', rel(issue)],
    ['版', rel(page)],
    ['article', rel(article)],
    ['search', '/search/'],
    ['topic', rel(topic)],
  ];
}

/** The header line of printed results. */
export function auditHeader(runs: number): string {
  return (
    `page      ${CATEGORIES.map((c) => c.padStart(14)).join('')}   TBT ms   LCP ms  failed audits` +
    ` (median of ${runs} run(s); each run's performance and Lighthouse's benchmarkIndex of the machine in brackets)`
  );
}

/** One page's printed line. */
export function auditLine(a: PageAudit): string {
  const perRun = ` [${a.runs.map((r) => `${r.performance} (machine ${r.benchmarkIndex})`).join(', ')}]`;
  return (
    `${a.name.padEnd(9)} ${CATEGORIES.map((c) => String(a.scores[c]).padStart(14)).join('')}` +
    `${String(a.tbt).padStart(9)}${String(a.lcp).padStart(9)}  ${a.failed.join(', ')}${perRun}`
  );
}

/** Audit the pages of the site in `dist` (built for `base`) named in `only` (all when absent). */
export async function auditSite(options: {
  dist: string;
  base?: string;
  runs?: number;
  only?: ReadonlySet<string> | null;
  /** called as each page is done */
  onPage?: (a: PageAudit) => void;
}): Promise<PageAudit[]> {
  const { dist, base = '/', runs = 1, only = null, onPage } = options;
  const server = await host(dist, base);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const out: PageAudit[] = [];
  try {
    for (const [name, path] of sitePages(dist)) {
      if (!path || (only && !only.has(name))) continue;
      const url = server.url + base.replace(/\/$/, '') + path;
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
      const a: PageAudit = {
        name,
        path,
        scores: Object.fromEntries(
          CATEGORIES.map((c, k) => [c, median(each.map((e) => e.scores[k]!))]),
        ) as Record<Category, number>,
        tbt: median(each.map((e) => e.tbt)),
        lcp: median(each.map((e) => e.lcp)),
        runs: each.map((e) => ({
          performance: e.scores[0]!,
          tbt: e.tbt,
          lcp: e.lcp,
          benchmarkIndex: e.bench,
        })),
        failed: [...new Set(each.flatMap((e) => e.failed))],
      };
      out.push(a);
      onPage?.(a);
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  return out;
}
