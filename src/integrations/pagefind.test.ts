import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARD_ARTICLES } from '../lib/search/shards.ts';
import {
  DEFAULT_SEARCH_JOBS,
  inPool,
  jobsWithin,
  MEMORY_BUDGET,
  PAGEFIND_RSS,
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

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('inPool', () => {
  it('does every item once, `jobs` at a time, no slot held by two calls at once', async () => {
    const done: number[] = [];
    const held = new Set<number>();
    let running = 0;
    let most = 0;
    await inPool([10, 11, 12, 13, 14, 15, 16], 2, async (item, i, slot) => {
      expect(item).toBe(10 + i);
      expect(held.has(slot)).toBe(false);
      expect(slot).toBeLessThan(2);
      held.add(slot);
      most = Math.max(most, ++running);
      for (let n = 0; n < (i % 3) + 1; n++) await tick();
      running--;
      held.delete(slot);
      done.push(item);
    });
    expect(done.sort()).toEqual([10, 11, 12, 13, 14, 15, 16]);
    expect(most).toBe(2);
  });

  it('starts nothing after a failure, lets running calls finish, then throws', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    await expect(
      inPool([0, 1, 2, 3, 4, 5], 2, async (item) => {
        started.push(item);
        await tick();
        if (item === 1) throw new Error('shard 1 failed');
        await tick();
        finished.push(item);
      }),
    ).rejects.toThrow('shard 1 failed');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([0]);
  });
});
