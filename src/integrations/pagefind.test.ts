import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARD_ARTICLES, SHARD_MONTH_ATTRIBUTE } from '../lib/search/shards.ts';
import {
  DEFAULT_SEARCH_JOBS,
  jobsWithin,
  MEMORY_BUDGET,
  PAGEFIND_RSS,
  pageFacts,
  pageWatch,
  searchJobs,
  shardLimit,
} from './pagefind.ts';

describe('the search shard size', () => {
  it('comes from the option, else BAOKAN_SEARCH_SHARD, else the default', () => {
    expect(shardLimit(250, '12')).toBe(250);
    expect(shardLimit(undefined, '12')).toBe(12);
    expect(shardLimit(undefined, undefined)).toBe(DEFAULT_SHARD_ARTICLES);
  });
  it('must be a positive whole number, and says which setting is wrong', () => {
    for (const bad of ['0', '-5', '1.5', 'many'])
      expect(() => shardLimit(undefined, bad)).toThrow(/BAOKAN_SEARCH_SHARD must be a positive whole number/);
  });
});

describe('the shards indexed at a time', () => {
  it('come from the option, else BAOKAN_SEARCH_JOBS, else the default', () => {
    expect(searchJobs(3, '1')).toBe(3);
    expect(searchJobs(undefined, '1')).toBe(1);
    expect(searchJobs(undefined, undefined)).toBe(DEFAULT_SEARCH_JOBS);
  });
  it('unless told, are as many as fit in the memory budget beside the build, never none', () => {
    expect(jobsWithin(2, 2e9)).toBe(2); // a year's build: 2 GB and two Pagefind processes
    expect(jobsWithin(2, MEMORY_BUDGET - 2 * PAGEFIND_RSS)).toBe(2);
    expect(jobsWithin(2, MEMORY_BUDGET - 2 * PAGEFIND_RSS + 1)).toBe(1);
    expect(jobsWithin(2, 4.5e9)).toBe(1); // ten years: about 4.5 GB after the collection
    expect(jobsWithin(2, 9e9)).toBe(1);
  });
  it('must be a positive whole number, and says which setting is wrong', () => {
    for (const bad of ['0', '-1', '2.5', 'two'])
      expect(() => searchJobs(undefined, bad)).toThrow(/BAOKAN_SEARCH_JOBS must be a positive whole number/);
  });
});

describe('the pages told as Astro writes them', () => {
  it('records whether each HTML page is an article page, its month, size and digest, until the watch stops', async () => {
    const site = mkdtempSync(join(tmpdir(), 'baokan-page-watch-'));
    try {
      mkdirSync(join(site, 'a'));
      const article = Buffer.from(
        `<html><body><main data-pagefind-body ${SHARD_MONTH_ATTRIBUTE}="2024-01"><p>报纸</p></main></body></html>`,
      );
      const watch = pageWatch(site);
      // as Astro writes a page: nodeFs.promises.writeFile(URL, Buffer)
      await fsp.writeFile(pathToFileURL(join(site, 'a/index.html')), article);
      const list = '<html><body><p>目录</p></body></html>';
      await fsp.writeFile(join(site, 'list.html'), list);
      await fsp.writeFile(join(site, 'a/article.md'), '# 报纸');
      watch.stop();
      await fsp.writeFile(join(site, 'late.html'), '<html></html>');
      expect(Object.fromEntries(watch.facts)).toEqual({
        'a/index.html': {
          size: article.length,
          search: true,
          month: '2024-01',
          sha256: createHash('sha256').update(article).digest('hex'),
        },
        'list.html': { size: Buffer.byteLength(list), search: false, month: null, sha256: '' },
      });
      // what is read from the file is the same
      expect(pageFacts(readFileSync(join(site, 'a/index.html')))).toEqual(watch.facts.get('a/index.html'));
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
