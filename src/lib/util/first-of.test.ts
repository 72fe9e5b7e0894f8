import { describe, expect, it } from 'vitest';
import { firstOf } from './first-of.ts';

describe('firstOf', () => {
  it('gives what a stable sort and a slice give, ties in their order, for any n', () => {
    // pseudo-random items with many ties (same key), each with its place to tell ties apart
    let x = 7;
    const items = Array.from({ length: 300 }, (_, i) => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return { key: x % 17, i };
    });
    const byKey = (a: { key: number }, b: { key: number }) => b.key - a.key;
    for (const n of [0, 1, 5, 30, 299, 300, 400])
      expect(firstOf(items, n, byKey)).toEqual([...items].sort(byKey).slice(0, n));
    expect(firstOf([], 3, byKey)).toEqual([]);
  });
});
