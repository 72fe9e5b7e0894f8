/**
 * Wire copy across papers and dates: the same dispatch (or any long shared passage) printed by
 * several papers or on several dates. Signatures and LSH candidates (minhash.ts), each candidate
 * verified on its real shingles (verify.ts); then each article's other printings, both ways, and
 * the groups of copies (connected components). Texts are asked for twice — once for the
 * signatures, once more only for the articles of candidate pairs, one at a time and in the input
 * order — so a caller reading them from disk, issue by issue, never holds the edition's text. Pure apart from the caller's `text`.
 */
import {
  candidatePairs,
  extendCandidates,
  normalise,
  shingles,
  signature,
  type Shingles,
} from './minhash.ts';
import { isCopy, overlap, MIN_SHARED_CHARS, type Overlap } from './verify.ts';

/** An article as the copy finder sees it. */
export interface CopyInput {
  id: string;
  /** the issue it was printed in (pairs in one issue must share more) */
  issue: string;
}

/** One verified pair of copies (`a` before `b` in the input order). */
export interface CopyPair {
  a: string;
  b: string;
  /** about the characters both print */
  sharedChars: number;
  /** the share of the shorter text both print, 0–1 */
  containment: number;
}

/** What the finder did, for the build's log and the benchmark. */
export interface CopyStats {
  articles: number;
  candidates: number;
  /** candidates whose overlap the last build measured (LastRun): their texts are not read */
  kept: number;
  /** whether the last build's candidates were extended by the new articles' (LastRun), not banded anew */
  extended: boolean;
  pairs: number;
  groups: number;
  ms: number;
}

/** The copies of an edition. */
export interface Copies {
  pairs: CopyPair[];
  /** each article's other printings (both ways), in input order; articles with none are absent */
  byArticle: Map<string, CopyPair[]>;
  /** groups of copies (connected components of the pairs), each in input order, groups by first member */
  groups: string[][];
  /**
   * the pairs shown side by side: each printing of a group with the earliest printing it is a
   * verified copy of — one page for each printing but the first, never one for every two of them
   * (a dispatch printed on forty dates would otherwise make 780 pages)
   */
  compared: CopyPair[];
  /** this build's candidates and overlaps, for the next build to take over (LastRun) */
  run: MeasuredRun;
  stats: CopyStats;
}

/** The candidates a build measured: index pairs of its articles and their overlaps. */
export interface MeasuredRun {
  /** the candidate pairs, ascending: two indices each */
  candidates: Uint32Array;
  /** each candidate's overlap: shared, sharedChars, containment and jaccard, four numbers each */
  overlaps: Float64Array;
}

/**
 * What the last build measured, handed to the next: its run, and where each of its articles is
 * now. The caller maps them on what decides them (e.g. an article is at the same place in an issue
 * whose digest did not change). Candidates of two such articles are not measured again; when the
 * last build's articles are this build's first, in order, its candidates are extended by the new
 * articles' instead of banding the edition anew (extendCandidates): a daily build looks at the new
 * issue's buckets and reads the texts of its candidates only.
 */
export interface LastRun extends MeasuredRun {
  /** for each of the last build's articles, its index in this build (the same text), or -1 */
  at: Int32Array;
}

/**
 * An article's MinHash signature from its text (texts shorter than MIN_SHARED_CHARS have the
 * signature of no text, which pairs with nothing). A caller may keep these between builds.
 */
export function textSignature(text: string): Uint32Array {
  const norm = normalise(text);
  return signature(shingles(norm.length >= MIN_SHARED_CHARS ? norm : ''));
}

/**
 * Find the copies among `articles` (in a fixed order, e.g. oldest issue first: the result follows
 * it). `text(id)` gives an article's text (body paragraphs); it is called once per article, in
 * order, and again, in order, for the articles of candidate pairs (only their shingles are kept). Texts shorter than MIN_SHARED_CHARS are skipped.
 * `signatureOf(id)` gives an article's signature (textSignature of its text) when the caller keeps
 * them; then `text` is asked only for the articles of candidate pairs, and with `last` only for
 * those of candidates the last build did not measure.
 */
export function findCopies(
  articles: readonly CopyInput[],
  text: (id: string) => string,
  now: () => number = () => performance.now(),
  signatureOf: (id: string) => Uint32Array = (id) => textSignature(text(id)),
  last?: LastRun,
): Copies {
  const start = now();
  const sigs = articles.map((a) => signatureOf(a.id));
  const extended =
    last && appendedTo(last, articles.length) ? extendCandidates(sigs, last.at.length, pairsOf(last)) : null;
  const candidates = extended ?? candidatePairs(sigs);
  const known = knownOverlaps(candidates, articles.length, last);
  const overlaps = new Float64Array(candidates.length * 4);
  // the second pass: the shingles of the articles of candidate pairs not measured before, read in input order
  const sets = new Map<number, Shingles>();
  const unread = new Set(candidates.flatMap((c, k) => (known[k] ? [] : c)));
  for (const i of [...unread].sort((x, y) => x - y)) {
    sets.set(i, shingles(normalise(text(articles[i]!.id))));
  }
  const setOf = (i: number) => sets.get(i)!;
  const pairs: CopyPair[] = [];
  const parent = articles.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const [k, [i, j]] of candidates.entries()) {
    const o = known[k] ?? overlap(setOf(i), setOf(j));
    overlaps.set([o.shared, o.sharedChars, o.containment, o.jaccard], k * 4);
    if (!isCopy(o, articles[i]!.issue === articles[j]!.issue)) continue;
    pairs.push({
      a: articles[i]!.id,
      b: articles[j]!.id,
      sharedChars: o.sharedChars,
      containment: Math.round(o.containment * 1000) / 1000,
    });
    const [ri, rj] = [root(i), root(j)];
    if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
  }
  const byArticle = new Map<string, CopyPair[]>();
  for (const p of pairs) {
    for (const id of [p.a, p.b]) {
      const list = byArticle.get(id);
      if (list) list.push(p);
      else byArticle.set(id, [p]);
    }
  }
  const members = new Map<number, string[]>();
  articles.forEach((a, i) => {
    if (!byArticle.has(a.id)) return;
    const r = root(i);
    const list = members.get(r);
    if (list) list.push(a.id);
    else members.set(r, [a.id]);
  });
  const groups = [...members.values()];
  return {
    pairs,
    byArticle,
    groups,
    compared: comparedPairs(groups, byArticle),
    run: { candidates: Uint32Array.from(candidates.flat()), overlaps },
    stats: {
      articles: articles.length,
      candidates: candidates.length,
      kept: known.filter(Boolean).length,
      extended: !!extended,
      pairs: pairs.length,
      groups: groups.length,
      ms: Math.round(now() - start),
    },
  };
}

/** Whether the last build's articles are the first of `count`, in order. */
function appendedTo(last: LastRun, count: number): boolean {
  if (last.at.length > count) return false;
  for (let i = 0; i < last.at.length; i++) if (last.at[i] !== i) return false;
  return true;
}

/** The last build's candidate pairs (its indices). */
function pairsOf(last: MeasuredRun): [number, number][] {
  const out: [number, number][] = [];
  for (let c = 0; c < last.candidates.length; c += 2)
    out.push([last.candidates[c]!, last.candidates[c + 1]!]);
  return out;
}

/** Each candidate's overlap as the last build measured it (both articles unchanged), else undefined. */
function knownOverlaps(
  candidates: readonly [number, number][],
  count: number,
  last: LastRun | undefined,
): (Overlap | undefined)[] {
  if (!last) return candidates.map(() => undefined);
  const measured = new Map<number, number>();
  for (let c = 0; 2 * c < last.candidates.length; c++) {
    const [i, j] = [last.at[last.candidates[2 * c]!] ?? -1, last.at[last.candidates[2 * c + 1]!] ?? -1];
    if (i >= 0 && j >= 0) measured.set(Math.min(i, j) * count + Math.max(i, j), c);
  }
  return candidates.map(([i, j]) => {
    const c = measured.get(i * count + j);
    if (c === undefined) return undefined;
    const o = last.overlaps.subarray(4 * c, 4 * c + 4);
    return { shared: o[0]!, sharedChars: o[1]!, containment: o[2]!, jaccard: o[3]! };
  });
}

/** Each printing of a group but the first, with the earliest printing it is a verified copy of. */
export function comparedPairs(
  groups: readonly string[][],
  byArticle: ReadonlyMap<string, CopyPair[]>,
): CopyPair[] {
  const out: CopyPair[] = [];
  for (const group of groups) {
    const rank = new Map(group.map((id, k) => [id, k]));
    for (const id of group.slice(1)) {
      const earlier = (byArticle.get(id) ?? []).filter((p) => rank.get(otherOf(p, id))! < rank.get(id)!);
      const first = earlier.sort((x, y) => rank.get(otherOf(x, id))! - rank.get(otherOf(y, id))!)[0];
      if (first) out.push(first);
    }
  }
  return out;
}

/** The other article of a pair, seen from `id`. */
export const otherOf = (p: CopyPair, id: string): string => (p.a === id ? p.b : p.a);
