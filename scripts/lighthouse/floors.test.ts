import { describe, expect, it } from 'vitest';
import type { PageAudit } from './audit.ts';
import { lighthouseFloors, shortfalls } from './floors.ts';

const page = (name: string, performance: number, accessibility = 100): PageAudit => ({
  name,
  path: '/',
  scores: { performance, accessibility, 'best-practices': 100, seo: 100 },
  tbt: 0,
  lcp: 0,
  runs: [{ performance, tbt: 0, lcp: 0, benchmarkIndex: 1000 }],
  failed: [],
});

describe('lighthouse floors', () => {
  it('holds accessibility, best practices and SEO to 95 and performance to 85 unless told', () => {
    expect(lighthouseFloors({})).toEqual({
      performance: 85,
      accessibility: 95,
      'best-practices': 95,
      seo: 95,
    });
    expect(lighthouseFloors({ LIGHTHOUSE_PERFORMANCE_FLOOR: '95' }).performance).toBe(95);
  });

  it('fails a category below its floor and reports one under the target', () => {
    const { failures, under } = shortfalls(
      [page('home', 97), page('search', 90), page('article', 80), page('issue', 99, 94)],
      lighthouseFloors({}),
    );
    expect(failures).toEqual([
      'article performance 80 < 85 (runs: 80)',
      'issue accessibility 94 < 95 (runs: 99)',
    ]);
    expect(under).toEqual(['search performance 90 (floor 85, target 95)']);
  });
});
