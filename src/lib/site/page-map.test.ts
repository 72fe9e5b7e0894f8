import { describe, expect, it } from 'vitest';
import { tileSizes } from './page-map.ts';

describe('tileSizes', () => {
  it('sizes tiles by length relative to the longest, with floors for the large sizes', () => {
    // longest 2000: 1500 is 75 % and over 800 → xl; 900 is 45 % and over 400 → l;
    // 400 is 20 % → m; 200 is 10 % → s
    expect(tileSizes([2000, 1500, 900, 400, 200])).toEqual([
      'size-xl',
      'size-xl',
      'size-l',
      'size-m',
      'size-s',
    ]);
  });

  it('keeps short articles small even when they are the longest on the page', () => {
    // 300 is 100 % of the longest but not over 800 or 400 → m
    expect(tileSizes([300, 30])).toEqual(['size-m', 'size-s']);
  });

  it('copes with an empty page and empty articles', () => {
    expect(tileSizes([])).toEqual([]);
    expect(tileSizes([0])).toEqual(['size-s']);
  });
});
