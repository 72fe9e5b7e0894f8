/**
 * Near-copies among articles by MinHash and LSH banding, never all pairs: each article's text
 * (letters and digits only: white space and punctuation removed) is cut into character 5-grams
 * (shingles), hashed to 32 bits; a signature keeps, for each of SIGNATURE_SIZE fixed hash
 * functions (seeded: the same on every run), the least value over the shingles. Articles whose
 * signatures agree on every row of one band are candidates (an article meets only those sharing a
 * band bucket: O(n) in articles). Each candidate pair is then verified on the real shingles
 * (src/lib/wire-copy/verify.ts), so a shared dateline or 责任编辑 line never links. Pure.
 */

/** Characters in a shingle. */
export const SHINGLE = 5;
/** Rows per LSH band: a pair with shingle Jaccard J shares a band with probability 1-(1-J^ROWS)^BANDS. */
export const ROWS = 3;
/** LSH bands (J 0.3 → 0.67, J 0.5 → 0.995, J 0.1 → 0.03). */
export const BANDS = 30;
/**
 * A bucket holding more articles than this is skipped: text printed this often (a standing
 * notice, an advertisement) is not a dispatch worth comparing, and the pairs would grow as its square.
 */
export const MAX_BUCKET = 40;
/** Hash functions in a signature. */
export const SIGNATURE_SIZE = ROWS * BANDS;
/**
 * The least share of signature rows two articles of a band bucket must agree on to be a candidate:
 * half the Jaccard the bands are tuned for (0.3). A pair that meets in one bucket by chance agrees
 * on that band's ROWS and few others; a pair of Jaccard J agrees on about ROWS + J·(the rest), so a
 * copy at J 0.3 passes always and at J 0.2 nineteen times in twenty. Without it the candidates of an
 * archive whose articles share common phrases grow with the square of the archive (each verified
 * on its real shingles), with it only near-copies are verified.
 */
export const MIN_ESTIMATE = 0.15;

/** A text as compared: letters and digits only (white space and punctuation removed), NFKC. */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A 32-bit mix (murmur3's finaliser). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Distinct shingle hashes, ascending (a typed array: no per-shingle objects at archive scale). */
export type Shingles = Uint32Array;

/** The distinct shingle hashes of a normalised text, ascending (UTF-16 units; FNV-1a over each window, mixed). */
export function shingles(norm: string): Shingles {
  const count = Math.max(0, norm.length - SHINGLE + 1);
  const all = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ norm.charCodeAt(i + k), 0x01000193);
    all[i] = mix(h);
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < count; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  return all.slice(0, n);
}

/** The fixed seeds of the hash functions (from a constant, so signatures are the same on every run). */
const SEEDS: Uint32Array = (() => {
  const s = new Uint32Array(SIGNATURE_SIZE);
  let x = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    x = mix(x + 0x6d2b79f5);
    s[i] = x;
  }
  return s;
})();

/** The MinHash signature of a set of shingle hashes (all 0xffffffff when empty). */
export function signature(set: Shingles): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const v of set) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(v ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** The signatures' estimate of the shingle Jaccard: the share of rows that agree. */
export function estimate(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** Whether the platform stores a 64-bit word's low half first (it decides which half of each packed word holds the index). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * Candidate pairs by LSH banding: index pairs [i, j] (i < j) of the signatures that agree on all
 * rows of at least one band (in a bucket of at most MAX_BUCKET) and on MIN_ESTIMATE of all rows,
 * each once, in ascending order. Empty signatures never match.
 *
 * Each band's articles are sorted by a 32-bit hash of the band's rows (hash and index packed in one
 * 64-bit word, sorted natively: no map, no object per article), and a run of equal hashes is split
 * by the rows themselves, so two bands that only share the hash never meet. A pair is taken in the
 * first band that makes it a candidate: one that agrees on an earlier band's rows, in a bucket not
 * skipped, was taken there (no set of the pairs seen).
 */
export function candidatePairs(signatures: readonly Uint32Array[]): [number, number][] {
  const live = signatures.flatMap((sig, i) => (sig[0] === 0xffffffff ? [] : [i]));
  const words = new BigUint64Array(live.length);
  const halves = new Uint32Array(words.buffer);
  const [low, high] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
  /** per band, 1 for the articles in a bucket of 2 to MAX_BUCKET that agree on the band's rows */
  const taken: Uint8Array[] = [];
  const pairs: [number, number][] = [];
  for (let b = 0; b < BANDS; b++) {
    for (let x = 0; x < live.length; x++) {
      halves[2 * x + high] = bandHash(signatures[live[x]!]!, b);
      halves[2 * x + low] = x;
    }
    words.sort();
    const inBucket = new Uint8Array(signatures.length);
    taken.push(inBucket);
    for (let start = 0; start < live.length;) {
      let end = start + 1;
      while (end < live.length && halves[2 * end + high] === halves[2 * start + high]) end++;
      if (end - start > 1) {
        const members = Array.from({ length: end - start }, (_, k) => live[halves[2 * (start + k) + low]!]!);
        for (const list of sameBand(members, signatures, b)) {
          if (list.length > MAX_BUCKET || list.length < 2) continue;
          for (const i of list) inBucket[i] = 1;
          for (let x = 0; x < list.length; x++)
            for (let y = x + 1; y < list.length; y++) {
              const [i, j] = [list[x]!, list[y]!];
              if (
                !takenBefore(taken, signatures, i, j, b) &&
                estimate(signatures[i]!, signatures[j]!) >= MIN_ESTIMATE
              )
                pairs.push([i, j]);
            }
        }
      }
      start = end;
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** Whether a band before `b` already put i and j in one bucket (of at most MAX_BUCKET). */
function takenBefore(
  taken: readonly Uint8Array[],
  signatures: readonly Uint32Array[],
  i: number,
  j: number,
  b: number,
): boolean {
  for (let e = 0; e < b; e++)
    if (taken[e]![i] && taken[e]![j] && sameRows(signatures[i]!, signatures[j]!, e)) return true;
  return false;
}

/** The members of a hash bucket grouped by the band's rows themselves (nearly always one group), in index order. */
function sameBand(members: number[], signatures: readonly Uint32Array[], b: number): number[][] {
  const groups: number[][] = [];
  for (const i of members) {
    const group = groups.find((g) => sameRows(signatures[g[0]!]!, signatures[i]!, b));
    if (group) group.push(i);
    else groups.push([i]);
  }
  return groups;
}

/** A 32-bit hash of the rows of band `b` of a signature. */
function bandHash(sig: Uint32Array, b: number): number {
  let h = 0;
  for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]!);
  return h;
}

/** Whether two signatures agree on every row of band `b`. */
function sameRows(a: Uint32Array, c: Uint32Array, b: number): boolean {
  for (let r = b * ROWS; r < (b + 1) * ROWS; r++) if (a[r] !== c[r]) return false;
  return true;
}

/**
 * candidatePairs of `signatures` from those of its first `count` (`before`, as candidatePairs gave
 * them), when only signatures after `count` are new: a daily build's articles come after the
 * archive's. Each band's new articles are bucketed, and the archive's articles scanned for theirs;
 * only pairs with a new article are looked at. When a new article makes a bucket of the archive too
 * large (from at most MAX_BUCKET to more), that bucket's pairs stay candidates only where another
 * band still puts them in a bucket small enough (lostPairs); a text printed day after day (a
 * standing notice) does this often, and banding the edition anew took twice the time of a daily
 * build's extension at ten years.
 */
export function extendCandidates(
  signatures: readonly Uint32Array[],
  count: number,
  before: readonly [number, number][],
): [number, number][] {
  const added: [number, number][] = [];
  /** the archive's members of the buckets a new article took over MAX_BUCKET */
  const overflowed: number[][] = [];
  const seen = new Set<number>();
  const n = signatures.length;
  /** the live signatures from `from` to `to` by their band's hash (only the hashes `among` has, when given) */
  const bucketed = (from: number, to: number, b: number, among?: ReadonlyMap<number, unknown>) => {
    const out = new Map<number, number[]>();
    for (let i = from; i < to; i++) {
      if (signatures[i]![0] === 0xffffffff) continue;
      const h = bandHash(signatures[i]!, b);
      if (among && !among.has(h)) continue;
      const list = out.get(h);
      if (list) list.push(i);
      else out.set(h, [i]);
    }
    return out;
  };
  for (let b = 0; b < BANDS; b++) {
    const buckets = bucketed(count, n, b);
    if (!buckets.size) continue;
    const old = bucketed(0, count, b, buckets);
    for (const [h, fresh] of buckets) {
      for (const list of sameBand([...(old.get(h) ?? []), ...fresh], signatures, b)) {
        const firstNew = list.findIndex((i) => i >= count);
        if (firstNew < 0) continue;
        if (list.length > MAX_BUCKET) {
          if (firstNew >= 2 && firstNew <= MAX_BUCKET) overflowed.push(list.slice(0, firstNew));
          continue;
        }
        for (let y = firstNew; y < list.length; y++)
          for (let x = 0; x < y; x++) {
            const [i, j] = [list[x]!, list[y]!];
            if (seen.has(i * n + j)) continue;
            seen.add(i * n + j);
            if (estimate(signatures[i]!, signatures[j]!) >= MIN_ESTIMATE) added.push([i, j]);
          }
      }
    }
  }
  added.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const lost = lostPairs(signatures, overflowed, before);
  // both lists ascending: merged in one pass
  const out: [number, number][] = [];
  let k = 0;
  for (const p of before) {
    if (lost.has(p[0] * n + p[1])) continue;
    while (k < added.length && (added[k]![0] < p[0] || (added[k]![0] === p[0] && added[k]![1] < p[1])))
      out.push(added[k++]!);
    out.push(p);
  }
  while (k < added.length) out.push(added[k++]!);
  return out;
}

/**
 * The pairs of `before` that are no longer candidates (as i·n + j, n the signatures): both in one
 * of the `overflowed` groups (the archive's members of a band bucket a new article took over
 * MAX_BUCKET), and put by no band in a bucket of at most MAX_BUCKET of all the signatures. A pair
 * that was a candidate stays one while any band still takes it; the estimate it passed is the same.
 */
function lostPairs(
  signatures: readonly Uint32Array[],
  overflowed: readonly number[][],
  before: readonly [number, number][],
): Set<number> {
  const lost = new Set<number>();
  if (!overflowed.length) return lost;
  const n = signatures.length;
  const groupsOf = new Map<number, Set<number>[]>();
  for (const members of overflowed) {
    const group = new Set(members);
    for (const i of members) groupsOf.set(i, [...(groupsOf.get(i) ?? []), group]);
  }
  const atRisk = before.filter(([i, j]) => groupsOf.get(i)?.some((g) => g.has(j)));
  if (!atRisk.length) return lost;
  /** per band, the size of the bucket each asked-for signature is in, by band hash and then that signature */
  const sizes: Map<number, Map<number, number>>[] = [];
  for (let b = 0; b < BANDS; b++) {
    const asked = new Map<number, Map<number, number>>();
    for (const [i, j] of atRisk)
      if (sameRows(signatures[i]!, signatures[j]!, b)) {
        const h = bandHash(signatures[i]!, b);
        const reps = asked.get(h) ?? new Map<number, number>();
        if (![...reps.keys()].some((r) => sameRows(signatures[r]!, signatures[i]!, b))) reps.set(i, 0);
        asked.set(h, reps);
      }
    if (asked.size)
      for (let x = 0; x < n; x++) {
        if (signatures[x]![0] === 0xffffffff) continue;
        const reps = asked.get(bandHash(signatures[x]!, b));
        if (reps)
          for (const [r, count] of reps)
            if (sameRows(signatures[r]!, signatures[x]!, b)) reps.set(r, count + 1);
      }
    sizes.push(asked);
  }
  const bucketSize = (i: number, b: number): number => {
    for (const [r, count] of sizes[b]!.get(bandHash(signatures[i]!, b)) ?? [])
      if (sameRows(signatures[r]!, signatures[i]!, b)) return count;
    return Infinity;
  };
  for (const [i, j] of atRisk) {
    let kept = false;
    for (let b = 0; b < BANDS && !kept; b++)
      kept = sameRows(signatures[i]!, signatures[j]!, b) && bucketSize(i, b) <= MAX_BUCKET;
    if (!kept) lost.add(i * n + j);
  }
  return lost;
}
