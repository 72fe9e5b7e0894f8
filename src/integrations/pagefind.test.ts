import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARD_ARTICLES } from '../lib/search/shards.ts';
import { shardLimit } from './pagefind.ts';

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
