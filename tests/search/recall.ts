/**
 * Quality of the search as the search page runs it, measured in Node with Pagefind's own search
 * code over the built bundles: Pagefind's candidates checked, ranked and counted by
 * src/lib/search/exact.ts (the page's own functions). Over the query set (queries.json):
 *   - recall@10: of a query's expected articles, the share in its first 10 results (of at most
 *     10 expected), averaged over the queries; and recall over the whole list;
 *   - precision: the share of all returned results that contain the query (tests/search/truth.ts);
 *   - MRR: the mean of 1 / rank of the first expected article;
 * the same for Pagefind's own answer (before the check), and a sample of substrings of the
 * seed texts (each must find its article).
 */
import { readFileSync } from 'node:fs';
import { candidateQuery, parseQuery, rank, type SortOrder } from '../../src/lib/search/exact.ts';
import { checkFragment, type Result } from '../../src/lib/search/results.ts';
import { loadPagefind, type NodePagefind, type NodeSearchResult } from './pagefind-node.ts';
import { seedArticles, type Query, type SeedArticle } from './seed-articles.ts';
import { contains } from './truth.ts';

export interface Quality {
  /** mean over the queries */
  recallAt10: number;
  /** expected articles found anywhere in the list / all expected */
  found: number;
  total: number;
  /** returned results that contain the query / all returned */
  relevant: number;
  returned: number;
  mrr: number;
}

export interface RecallReport {
  queries: number;
  search: Quality;
  /** Pagefind's answer alone, unchecked */
  pagefind: Quality;
  byType: Record<string, { found: number; total: number }>;
  misses: { q: string; missing: string[] }[];
  /** results that do not contain the query */
  wrong: { q: string; paths: string[] }[];
  sample: { found: number; total: number; misses: string[] };
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

/** A result's path below the site root, as queries.json names articles. */
export function pathOf(url: string): string {
  return url.replace(/^\//, '').replace(/index\.html$/, '');
}

export interface SearchOptions {
  headline?: boolean;
  from?: string;
  to?: string;
  sort?: SortOrder;
}

/** The search page's search: Pagefind's candidates checked against the query and ranked. */
export async function exactSearch(
  pf: NodePagefind,
  q: string,
  options: SearchOptions = {},
): Promise<NodeSearchResult[]> {
  const terms = parseQuery(q);
  if (!terms.length) return [];
  const candidates = await pf.search(candidateQuery(terms));
  const byUrl = new Map(candidates.map((c) => [c.url, c]));
  const kept: Result[] = [];
  for (const c of candidates) {
    const r = checkFragment(c, c.score, terms, options);
    if (r) kept.push(r);
  }
  return rank(kept, options.sort ?? '', terms.length).map((v) => byUrl.get(v.item.url)!);
}

function quality(
  rows: { expect: string[]; ranked: string[]; texts: (p: string) => string[]; q: string }[],
): Quality {
  const out: Quality = { recallAt10: 0, found: 0, total: 0, relevant: 0, returned: 0, mrr: 0 };
  for (const { expect, ranked, texts, q } of rows) {
    const top = new Set(ranked.slice(0, 10));
    out.recallAt10 += expect.filter((p) => top.has(p)).length / Math.min(10, expect.length) / rows.length;
    const all = new Set(ranked);
    out.found += expect.filter((p) => all.has(p)).length;
    out.total += expect.length;
    out.returned += ranked.length;
    out.relevant += ranked.filter((p) => contains(texts(p), q)).length;
    const first = ranked.findIndex((p) => expect.includes(p));
    out.mrr += (first >= 0 ? 1 / (first + 1) : 0) / rows.length;
  }
  return out;
}

export async function measureRecall(bundles: string | string[], sampleSize = 300): Promise<RecallReport> {
  const queries = loadQueries();
  const articles = seedArticles();
  const textsOf = new Map(articles.map((a) => [a.path, a.texts]));
  const texts = (p: string): string[] => textsOf.get(p) ?? [];
  const pf = await loadPagefind(bundles);
  const mine: Parameters<typeof quality>[0] = [];
  const theirs: Parameters<typeof quality>[0] = [];
  const report: RecallReport = {
    queries: queries.length,
    search: quality([]),
    pagefind: quality([]),
    byType: {},
    misses: [],
    wrong: [],
    sample: { found: 0, total: 0, misses: [] },
  };
  for (const q of queries) {
    const ranked = (await exactSearch(pf, q.q)).map((r) => pathOf(r.url));
    mine.push({ expect: q.expect, ranked, texts, q: q.q });
    theirs.push({
      expect: q.expect,
      ranked: (await pf.search(q.q)).map((r) => pathOf(r.url)),
      texts,
      q: q.q,
    });
    const got = new Set(ranked);
    const missing = q.expect.filter((p) => !got.has(p));
    const t = (report.byType[q.type] ??= { found: 0, total: 0 });
    t.total += q.expect.length;
    t.found += q.expect.length - missing.length;
    if (missing.length) report.misses.push({ q: q.q, missing });
    const wrong = ranked.filter((p) => !contains(texts(p), q.q));
    if (wrong.length) report.wrong.push({ q: q.q, paths: wrong });
  }
  report.search = quality(mine);
  report.pagefind = quality(theirs);
  for (const s of substringSample(articles, sampleSize)) {
    report.sample.total++;
    if ((await exactSearch(pf, s.q)).some((r) => pathOf(r.url) === s.path)) report.sample.found++;
    else report.sample.misses.push(`${s.q} (${s.path})`);
  }
  return report;
}

export function formatRecall(r: RecallReport): string {
  const pct = (a: number, b: number): string => `${((a / b) * 100).toFixed(1)}%`;
  const line = (name: string, x: Quality): string =>
    `${name}: recall@10 ${x.recallAt10.toFixed(3)}, precision ${x.relevant}/${x.returned} = ` +
    `${(x.relevant / Math.max(1, x.returned)).toFixed(3)}, MRR ${x.mrr.toFixed(3)}, ` +
    `recall (whole list) ${x.found}/${x.total}`;
  const lines = [
    `query set: ${r.queries} queries`,
    line('search (Pagefind candidates checked, ranked)', r.search),
    line('Pagefind alone', r.pagefind),
    ...Object.entries(r.byType).map(
      ([k, v]) => `  ${k.padEnd(7)} ${v.found}/${v.total} = ${pct(v.found, v.total)}`,
    ),
    `recall (substring sample): ${r.sample.found}/${r.sample.total} = ${pct(r.sample.found, r.sample.total)}`,
  ];
  for (const m of r.misses) lines.push(`  missed: ${m.q} → ${m.missing.join(' ')}`);
  for (const m of r.wrong) lines.push(`  wrong: ${m.q} → ${m.paths.join(' ')}`);
  for (const m of r.sample.misses.slice(0, 20)) lines.push(`  missed substring: ${m}`);
  return lines.join('\n');
}
