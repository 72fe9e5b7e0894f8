/**
 * The search index of the built sites, split into shards (src/lib/search/shards.ts): at the root
 * the seeds fit one shard; the base-path build is split into shards of at most 12 articles
 * (tests/site/global-setup.ts). Every article page is in exactly one shard, the one holding its
 * month; the manifest's counts are what Pagefind wrote; Pagefind's UI files are kept once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { declaredMonth, type ShardManifest } from '../../src/lib/search/shards.ts';
import { htmlFiles } from './html.ts';

function check(dir: string, limit: number | null) {
  const manifest = JSON.parse(readFileSync(join(dir, 'pagefind/shards.json'), 'utf8')) as ShardManifest;
  const pages = htmlFiles(dir)
    .map((rel) => ({ rel, html: readFileSync(join(dir, rel), 'utf8') }))
    .filter((p) => p.html.includes('data-pagefind-body'));
  expect(manifest.schema).toBe('baokan/search-shards@1');
  expect(manifest.shards.reduce((n, s) => n + s.articles, 0)).toBe(pages.length);
  // newest first, disjoint months
  const spans = manifest.shards.filter((s) => s.from).map((s) => [s.from!, s.to!]);
  for (let i = 1; i < spans.length; i++) expect(spans[i]![1]! < spans[i - 1]![0]!).toBe(true);
  for (const s of manifest.shards) {
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind', s.id, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(s.articles);
    const inShard = pages.filter((p) => {
      const m = declaredMonth(p.html)!;
      return s.from ? s.from <= m && m <= s.to! : m === 'undated';
    });
    expect(inShard.length).toBe(s.articles);
    if (limit !== null && s.from !== s.to) expect(s.articles).toBeLessThanOrEqual(limit);
    expect(readdirSync(join(dir, 'pagefind', s.id)).filter((f) => /-ui\.|highlight/.test(f))).toEqual([]);
  }
  // the highlighter once at the top; Pagefind UI, which the site does not use, not at all
  expect(existsSync(join(dir, 'pagefind', 'pagefind-highlight.js'))).toBe(true);
  expect(readdirSync(join(dir, 'pagefind')).filter((f) => /-ui\./.test(f))).toEqual([]);
  return manifest;
}

describe('search shards of the built site', () => {
  it('at the root: one shard for the seeds, holding every article page', () => {
    expect(check(inject('siteRoot'), null).shards).toHaveLength(1);
  });
  it('under a base path with BAOKAN_SEARCH_SHARD=12: several shards of whole months, none over 12 unless one month is', () => {
    expect(check(inject('siteBase'), 12).shards.length).toBeGreaterThan(2);
  });
});
