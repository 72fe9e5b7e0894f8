/** The shared PRNG and hash: deterministic, spread, and the published FNV-1a values. */
import { describe, expect, it } from 'vitest';
import { fnv1a, mulberry32 } from './prng.ts';

describe('mulberry32', () => {
  it('is deterministic and spread over [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 0.5).length).toBeGreaterThan(400);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
});

describe('fnv1a', () => {
  // reference values of FNV-1a 32-bit (the FNV authors' test vectors)
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('fnv1a(%j)', (s, expected) => {
    expect(fnv1a(s)).toBe(expected);
  });
});
