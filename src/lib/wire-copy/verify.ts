/**
 * Whether two candidate articles are copies of one text, on their real shingles: they share at
 * least MIN_SHARED_CHARS characters of 5-grams (a 新华社 dateline or a 责任编辑 line alone never
 * does) and the shared part is at least MIN_CONTAINMENT of the shorter text (a copy cut down by
 * one paper is still a copy; a long article quoting a paragraph of another is not). Two articles
 * of the same issue must share SAME_ISSUE_CHARS (a passage printed twice in one issue is rare and
 * short repeats there are headings and notes). Pure.
 */
import { SHINGLE, type Shingles } from './minhash.ts';

/** Characters two copies share at least (about the shingles shared + SHINGLE − 1). */
export const MIN_SHARED_CHARS = 120;
/** The share of the shorter text that the copies share at least. */
export const MIN_CONTAINMENT = 0.5;
/** Characters two articles of the same issue share at least. */
export const SAME_ISSUE_CHARS = 400;

/** How much two texts share, in shingles and (about) characters. */
export interface Overlap {
  /** shingles both have */
  shared: number;
  /** about the characters shared: shared shingles + SHINGLE − 1 (0 when none) */
  sharedChars: number;
  /** shared / the smaller set */
  containment: number;
  /** shared / the union */
  jaccard: number;
}

/** The overlap of two shingle sets (ascending arrays). */
export function overlap(a: Shingles, b: Shingles): Overlap {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  const small = Math.min(a.length, b.length);
  const union = a.length + b.length - shared;
  return {
    shared,
    sharedChars: shared ? shared + SHINGLE - 1 : 0,
    containment: small ? shared / small : 0,
    jaccard: union ? shared / union : 0,
  };
}

/** Whether an overlap makes two articles copies (`sameIssue`: both in one issue). */
export function isCopy(o: Overlap, sameIssue: boolean): boolean {
  const minChars = sameIssue ? SAME_ISSUE_CHARS : MIN_SHARED_CHARS;
  return o.sharedChars >= minChars && o.containment >= MIN_CONTAINMENT;
}
