/**
 * Wire copy across papers and dates: the same dispatch (or any long shared passage) printed by
 * several papers or on several dates. Signatures and LSH candidates (minhash.ts), each candidate
 * verified on its real shingles (verify.ts); then each article's other printings, both ways, and
 * the groups of copies (connected components). Texts are asked for twice — once for the
 * signatures, once more only for the articles of candidate pairs, one at a time and in the input
 * order — so a caller reading them from disk, issue by issue, never holds the edition's text. Pure apart from the caller's `text`.
 */
import { candidatePairs, normalise, shingles, signature, type Shingles } from './minhash.ts';
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
  /** candidates whose overlap a build before measured (KeptOverlaps): their texts are not read */
  kept: number;
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
  stats: CopyStats;
}

/**
 * Overlaps of candidate pairs kept between builds. The caller keys them on what decides them (the
 * two articles and the texts they were measured on, e.g. their issues' digests): a daily build then
 * reads the texts of the new issue's candidates only, not of every candidate in the archive.
 */
export interface KeptOverlaps {
  get(a: CopyInput, b: CopyInput): Overlap | undefined;
  set(a: CopyInput, b: CopyInput, o: Overlap): void;
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
 * them; then `text` is asked only for the articles of candidate pairs, and with `kept` only for
 * those of candidates it has no overlap for.
 */
export function findCopies(
  articles: readonly CopyInput[],
  text: (id: string) => string,
  now: () => number = () => performance.now(),
  signatureOf: (id: string) => Uint32Array = (id) => textSignature(text(id)),
  kept?: KeptOverlaps,
): Copies {
  const start = now();
  const sigs = articles.map((a) => signatureOf(a.id));
  const candidates = candidatePairs(sigs);
  const known = candidates.map(([i, j]) => kept?.get(articles[i]!, articles[j]!));
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
    let o = known[k];
    if (!o) {
      o = overlap(setOf(i), setOf(j));
      kept?.set(articles[i]!, articles[j]!, o);
    }
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
    stats: {
      articles: articles.length,
      candidates: candidates.length,
      kept: known.filter(Boolean).length,
      pairs: pairs.length,
      groups: groups.length,
      ms: Math.round(now() - start),
    },
  };
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
