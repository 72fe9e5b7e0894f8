/**
 * Quality of the search over the built index (the site built by the vitest global setup,
 * tests/site), run as the search page runs it (Pagefind's candidates checked by
 * src/lib/search/exact.ts): recall@10, precision and MRR over queries.json, and a sample of
 * substrings of the seed texts; the same over the seeds split into small shards.
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { shardBundles } from './pagefind-node.ts';
import { formatRecall, measureRecall } from './recall.ts';

describe('search quality (server search: Pagefind candidates checked exactly)', () => {
  it('recall@10 ≥ 0.99, precision ≥ 0.99, MRR ≥ 0.95; substring sample ≥ 0.95', async () => {
    const bundles = shardBundles(join(inject('siteRoot'), 'pagefind'));
    const report = await measureRecall(bundles);
    console.log(formatRecall(report));
    const s = report.search;
    expect(report.queries).toBeGreaterThanOrEqual(150);
    expect(s.recallAt10).toBeGreaterThanOrEqual(0.99);
    expect(s.relevant / s.returned).toBeGreaterThanOrEqual(0.99);
    expect(s.mrr).toBeGreaterThanOrEqual(0.95);
    expect(report.sample.found / report.sample.total).toBeGreaterThanOrEqual(0.95);
  });
  it('finds the same over small shards merged as over one index', async () => {
    // The base-path build is split into shards of a few articles (tests/site/global-setup.ts).
    const bundles = shardBundles(join(inject('siteBase'), 'pagefind'));
    expect(bundles.length).toBeGreaterThan(2);
    const merged = await measureRecall(bundles, 100);
    const single = await measureRecall(shardBundles(join(inject('siteRoot'), 'pagefind')), 100);
    expect(merged.search.found).toBe(single.search.found);
    expect(merged.search.returned).toBe(single.search.returned);
    expect(merged.sample.found).toBe(single.sample.found);
  });
});
