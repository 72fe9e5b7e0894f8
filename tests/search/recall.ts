/**
 * Recall of the built Pagefind index, measured with Pagefind's own search code in Node:
 * the query set (queries.json) and a deterministic sample of substrings of the seed articles.
 */
import { readFileSync } from 'node:fs';
import { loadPagefind, type NodePagefind } from './pagefind-node.ts';
import { seedArticles, type Query, type SeedArticle } from './seed-articles.ts';

export interface RecallReport {
  /** expected (query, article) pairs found / all */
  found: number;
  total: number;
  /** queries whose every expected article was found */
  queriesFound: number;
  queries: number;
  byType: Record<string, { found: number; total: number }>;
  /** mean over the queries of 1 / rank of the best-ranked expected article (0 when none found) */
  mrr: number;
  misses: { q: string; missing: string[] }[];
  sample: { found: number; total: number; misses: string[] };
  /** bytes and files fetched by the first query, and before it by Pagefind's start */
  firstQuery: { q: string; bytes: number; files: number; initBytes: number };
}

export function loadQueries(): Query[] {
  return (
    JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8')) as { queries: Query[] }
  ).queries;
}

/** Small deterministic PRNG (LCG), so the sample is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** `n` substrings (2–6 Han characters) of the articles' texts, each with the article it came from. */
export function substringSample(
  articles: SeedArticle[],
  n: number,
  seed = 20240521,
): { q: string; path: string }[] {
  const rnd = lcg(seed);
  const out: { q: string; path: string }[] = [];
  for (let guard = 0; out.length < n && guard < n * 20; guard++) {
    const a = articles[Math.floor(rnd() * articles.length)]!;
    const source = guard % 2 ? a.heads : a.texts;
    const runs = source.flatMap((t) => t.match(/[\u3400-\u9fff]{2,}/gu) ?? []);
    if (!runs.length) continue;
    const run = Array.from(runs[Math.floor(rnd() * runs.length)]!);
    const len = 2 + Math.floor(rnd() * 5);
    if (run.length < len) continue;
    const start = Math.floor(rnd() * (run.length - len + 1));
    out.push({ q: run.slice(start, start + len).join(''), path: a.path });
  }
  return out;
}

/** Result paths in rank order. */
async function urlsFor(pf: NodePagefind, q: string): Promise<string[]> {
  const results = await pf.search(q);
  return results.map((r) => r.url.replace(/^\//, '').replace(/index\.html$/, ''));
}

export async function measureRecall(bundles: string | string[], sampleSize = 300): Promise<RecallReport> {
  const queries = loadQueries();
  const articles = seedArticles();
  const pf = await loadPagefind(bundles);
  const initBytes = pf.bytes();
  pf.resetCounters();
  const report: RecallReport = {
    found: 0,
    total: 0,
    queriesFound: 0,
    queries: queries.length,
    byType: {},
    mrr: 0,
    misses: [],
    sample: { found: 0, total: 0, misses: [] },
    firstQuery: { q: queries[0]!.q, bytes: 0, files: 0, initBytes },
  };
  for (const [i, q] of queries.entries()) {
    const ranked = await urlsFor(pf, q.q);
    const urls = new Set(ranked);
    const ranks = q.expect.map((p) => ranked.indexOf(p) + 1).filter((r) => r > 0);
    report.mrr += ranks.length ? 1 / Math.min(...ranks) / queries.length : 0;
    if (i === 0) report.firstQuery = { q: q.q, bytes: pf.bytes(), files: pf.files().length, initBytes };
    const missing = q.expect.filter((p) => !urls.has(p));
    const t = (report.byType[q.type] ??= { found: 0, total: 0 });
    t.total += q.expect.length;
    t.found += q.expect.length - missing.length;
    report.total += q.expect.length;
    report.found += q.expect.length - missing.length;
    if (missing.length) report.misses.push({ q: q.q, missing });
    else report.queriesFound++;
  }
  for (const s of substringSample(articles, sampleSize)) {
    report.sample.total++;
    if ((await urlsFor(pf, s.q)).includes(s.path)) report.sample.found++;
    else report.sample.misses.push(`${s.q} (${s.path})`);
  }
  return report;
}

export function formatRecall(r: RecallReport): string {
  const pct = (a: number, b: number): string => `${((a / b) * 100).toFixed(1)}%`;
  const lines = [
    `recall (query set): ${r.found}/${r.total} expected articles = ${pct(r.found, r.total)}; ` +
      `${r.queriesFound}/${r.queries} queries found everything; mean reciprocal rank ${r.mrr.toFixed(3)}`,
    ...Object.entries(r.byType).map(
      ([k, v]) => `  ${k.padEnd(7)} ${v.found}/${v.total} = ${pct(v.found, v.total)}`,
    ),
    `recall (substring sample): ${r.sample.found}/${r.sample.total} = ${pct(r.sample.found, r.sample.total)}`,
    `first query “${r.firstQuery.q}” (Node): ${r.firstQuery.bytes} bytes in ${r.firstQuery.files} files ` +
      `(wasm, index chunk, fragments of the results), after ${r.firstQuery.initBytes} bytes to start (entry, metadata)`,
  ];
  for (const m of r.misses) lines.push(`  missed: ${m.q} → ${m.missing.join(' ')}`);
  for (const m of r.sample.misses.slice(0, 20)) lines.push(`  missed substring: ${m}`);
  return lines.join('\n');
}
