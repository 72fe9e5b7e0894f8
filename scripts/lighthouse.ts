/**
 * `npm run lighthouse [-- --dist dist] [--base /] [--runs 3] [--only home,search] [--out file]`:
 * Lighthouse (mobile, simulated throttling) on a few pages of a built site — home, an issue, a 版,
 * an article, search, a topic — served as a host serves it (scripts/lighthouse/host.ts: the site's
 * `_headers` cache rules and its pre-compressed siblings), in Debian's Chromium (/usr/bin/chromium,
 * or CHROME_PATH); see scripts/lighthouse/audit.ts. Prints each page's scores (the median of
 * `--runs` runs: on a shared machine Total Blocking Time varies from run to run), its Total
 * Blocking Time and Largest Contentful Paint, and the audits that failed; writes
 * eval-out/lighthouse.json (or `--out`). A benchmark, not a test: it prints numbers (the browser
 * tests, npm run test:e2e, gate on them).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { auditHeader, auditLine, auditSite } from './lighthouse/audit.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    base: { type: 'string', default: '/' },
    runs: { type: 'string', default: '1' },
    only: { type: 'string' },
    out: { type: 'string', default: 'eval-out/lighthouse.json' },
  },
});
const runs = Math.max(1, Number.parseInt(values.runs!, 10) || 1);

console.log(auditHeader(runs));
const audits = await auditSite({
  dist: resolve(values.dist!),
  base: values.base!,
  runs,
  only: values.only ? new Set(values.only.split(',')) : null,
  onPage: (a) => console.log(auditLine(a)),
});
const results = Object.fromEntries(
  audits.map((a) => [a.name, { url: a.path, scores: a.scores, runs: a.runs, failed: a.failed }]),
);
mkdirSync(dirname(resolve(values.out!)), { recursive: true });
writeFileSync(values.out!, JSON.stringify(results, null, 2) + '\n');
console.log(`wrote ${values.out!}`);
