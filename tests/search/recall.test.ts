/**
 * Chinese recall of the built index (the site built by the vitest global setup, tests/site): at least
 * 95% of the expected articles of queries.json are found, and of a sample of substrings of the seed texts.
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { formatRecall, measureRecall } from './recall.ts';

describe('Chinese recall of the Pagefind index', () => {
  it('finds at least 95% of the expected articles and of the substring sample', async () => {
    const bundle = join(inject('siteRoot'), 'pagefind') + '/';
    const report = await measureRecall(bundle);
    console.log(formatRecall(report));
    expect(report.total).toBeGreaterThanOrEqual(40);
    expect(report.found / report.total).toBeGreaterThanOrEqual(0.95);
    expect(report.sample.found / report.sample.total).toBeGreaterThanOrEqual(0.95);
  });
});
