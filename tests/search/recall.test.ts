/**
 * Chinese recall of the built index (dist/pagefind, made by `npm run build`): at least 95% of the
 * expected articles of queries.json are found, and of a sample of substrings of the seed texts.
 * Skipped, with a note, when dist/ has no index of article pages yet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatRecall, measureRecall } from './recall.ts';

const bundle = fileURLToPath(new URL('../../dist/pagefind/', import.meta.url));
const entryFile = `${bundle}pagefind-entry.json`;
const pages = existsSync(entryFile)
  ? Object.values(
      (JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { page_count: number }> })
        .languages,
    ).reduce((n, l) => n + l.page_count, 0)
  : 0;
if (!pages) console.warn(`recall test skipped: no indexed pages in ${bundle} (run npm run build first)`);

describe.skipIf(!pages)('Chinese recall of dist/pagefind', () => {
  it('finds at least 95% of the expected articles and of the substring sample', async () => {
    const report = await measureRecall(bundle);
    console.log(formatRecall(report));
    expect(report.found / report.total).toBeGreaterThanOrEqual(0.95);
    expect(report.sample.found / report.sample.total).toBeGreaterThanOrEqual(0.95);
  });
});
