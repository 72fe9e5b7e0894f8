/** The benchmark's PDF archive: issues set again as pages, and the facsimile figures read off the build's log. */
import { describe, expect, it } from 'vitest';
import { facsimileSummary } from '../../src/integrations/facsimile.ts';
import type { Issue } from '../../src/lib/model/issue.ts';
import { FontSet } from '../../src/lib/pdf/fonts.ts';
import { seedEdition } from '../../tests/support/seed-edition.ts';
import { typesetPages } from './pdf-archive.ts';
import { facsimileFigures } from './report.ts';

describe('typesetPages', () => {
  const issue: Issue = seedEdition().issues[0]!.issue;
  const pages = typesetPages(issue, new FontSet());

  it('sets every page of the issue with its articles, headings and paragraphs as parsed', () => {
    expect(pages).toHaveLength(issue.pages.length);
    pages.forEach((p, k) => {
      const articles = issue.articles.filter((a) => a.page === k);
      expect(p.articles.map((a) => a.headline)).toEqual(articles.map((a) => a.headline));
      expect(p.header).toEqual([issue.pages[k]!.header ?? expect.any(String)]);
    });
    const first = issue.articles.find((a) => a.paragraphs.length > 0)!;
    const set =
      pages[first.page]!.articles[issue.articles.filter((a) => a.page === first.page).indexOf(first)]!;
    expect(set.paragraphs[0]!.text).toBe(first.paragraphs[0]!.text);
  });
});

describe('facsimileFigures', () => {
  it('reads the integration’s own line back', () => {
    const line = `12:00:00 [baokan-facsimile] ${facsimileSummary({
      pages: 48,
      rendered: 40,
      crops: 343,
      renderMs: 21_000,
      sharpMs: 75_640,
      totalMs: 119_869,
      bytes: 84_447 * 1024,
      left: 0,
      pruned: 3,
    })}`;
    expect(facsimileFigures(['other', line])).toEqual({
      pages: 48,
      crops: 343,
      rendered: 40,
      renderMsPerPage: 525, // 21 000 / 40
      sharpMsPerPage: 1891, // 75 640 / 40
      kb: 84_447,
    });
    expect(facsimileFigures(['no such line'])).toBeNull();
  });
});
