/**
 * Test and benchmark support: a seeded pseudo-random number generator and a string hash, so that
 * generated inputs (junk bytes, the benchmark's synthetic archive) are the same on every run and
 * every platform.
 */

/** mulberry32: a small, fast, seedable PRNG; each call of the returned function gives a number in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units (to derive seeds from names). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
