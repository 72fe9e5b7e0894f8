/**
 * The recall query set (queries.json) against the seed text: every expected article really
 * contains the query, and no other article does, so recall is measured against the truth.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedArticles, type Query } from './seed-articles.ts';
import { containing } from './truth.ts';

const queries = (
  JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8')) as { queries: Query[] }
).queries;
const articles = seedArticles();

describe('queries.json', () => {
  it('has at least 150 queries over all five seeds and every kind of query', () => {
    expect(queries.length).toBeGreaterThanOrEqual(150);
    const issues = new Set(queries.flatMap((q) => q.expect.map((p) => p.split('/').slice(0, 4).join('/'))));
    expect(issues.size).toBe(5);
    for (const type of [
      'person',
      'place',
      'org',
      'number',
      'latin',
      'phrase',
      'word2',
      'cross',
      'multi',
      'quoted',
    ]) {
      expect(queries.some((q) => q.type === type)).toBe(true);
    }
    expect(new Set(queries.map((q) => q.q)).size).toBe(queries.length);
  });

  it('names only articles that exist', () => {
    const paths = new Set(articles.map((a) => a.path));
    for (const q of queries) for (const p of q.expect) expect(paths.has(p), `${q.q}: ${p}`).toBe(true);
  });

  it.each(queries.map((q) => [q.q, q] as const))('%s: expected = articles containing every term', (_, q) => {
    expect(q.expect.length).toBeGreaterThan(0);
    expect(containing(articles, q.q).sort()).toEqual([...q.expect].sort());
  });

  it('crossing queries are substrings of a headline, kicker or subtitle', () => {
    for (const q of queries.filter((x) => x.type === 'cross')) {
      const heads = articles.filter((a) => q.expect.includes(a.path)).flatMap((a) => a.heads);
      expect(
        heads.some((h) => h.includes(q.q)),
        q.q,
      ).toBe(true);
    }
  });
});
