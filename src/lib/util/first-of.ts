/**
 * The first `n` of `items` in the order of `compare`, as a stable sort and a slice would give them
 * (equal items keep their order), without sorting them all: a topic's feed lists 30 of its tens of
 * thousands of articles, and sorting them took some 3 s of every ten-year build (2026-12-04).
 */
export function firstOf<T>(items: Iterable<T>, n: number, compare: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  if (n <= 0) return out;
  for (const item of items) {
    if (out.length === n && compare(item, out[n - 1]!) >= 0) continue;
    // after the items it ties with: the place a stable sort gives it
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(item, out[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    out.splice(lo, 0, item);
    if (out.length > n) out.pop();
  }
  return out;
}
