/**
 * Chinese recall of the built index (the site built by the vitest global setup, tests/site): at least
 * 95% of the expected articles of queries.json are found, and of a sample of substrings of the seed texts.
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { shardBundles } from './pagefind-node.ts';
import { formatRecall, measureRecall } from './recall.ts';

describe('Chinese recall of the Pagefind index', () => {
  it('finds at least 95% of the expected articles and of the substring sample', async () => {
    const bundles = shardBundles(join(inject('siteRoot'), 'pagefind'));
    const report = await measureRecall(bundles);
    console.log(formatRecall(report));
    expect(report.total).toBeGreaterThanOrEqual(40);
    expect(report.found / report.total).toBeGreaterThanOrEqual(0.95);
    expect(report.sample.found / report.sample.total).toBeGreaterThanOrEqual(0.95);
  });
  it('finds the same over small shards merged as over one index', async () => {
    // The base-path build is split into shards of a few articles (tests/site/global-setup.ts).
    const bundles = shardBundles(join(inject('siteBase'), 'pagefind'));
    expect(bundles.length).toBeGreaterThan(2);
    const merged = await measureRecall(bundles, 100);
    const single = await measureRecall(shardBundles(join(inject('siteRoot'), 'pagefind')), 100);
    expect(merged.found).toBe(single.found);
    expect(merged.sample.found).toBe(single.sample.found);
  });
});
