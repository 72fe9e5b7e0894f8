/**
 * `npm run lighthouse [-- --dist dist] [--base /]`: Lighthouse (mobile, simulated throttling) on
 * a few pages of a built site — home, an issue, a 版, an article, search, a topic — served as a
 * host serves it (scripts/lighthouse/host.ts: the site's `_headers` cache rules and its
 * pre-compressed siblings), in Debian's Chromium (/usr/bin/chromium, or CHROME_PATH). Prints
 * each page's scores and the audits that failed; writes eval-out/lighthouse.json. A benchmark,
 * not a test: it prints numbers.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { host } from './lighthouse/host.ts';

const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, base: { type: 'string', default: '/' } },
});
const dist = resolve(values.dist!);

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
  console.log(`page      ${CATEGORIES.map((c) => c.padStart(14)).join('')}  failed audits`);
  for (const [name, path] of pages) {
    if (!path) continue;
    const url = server.url + values.base!.replace(/\/$/, '') + path;
    const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    const lhr = run!.lhr;
    const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
      .map((a) => a.id);
    results[name] = {
      url: path,
      scores: Object.fromEntries(CATEGORIES.map((c, k) => [c, scores[k]])),
      failed,
    };
    console.log(
      `${name.padEnd(9)} ${scores.map((s) => String(s).padStart(14)).join('')}  ${failed.join(', ')}`,
    );
  }
} finally {
  await chrome.kill();
  await server.close();
}
mkdirSync('eval-out', { recursive: true });
writeFileSync('eval-out/lighthouse.json', JSON.stringify(results, null, 2) + '\n');
console.log('wrote eval-out/lighthouse.json');
