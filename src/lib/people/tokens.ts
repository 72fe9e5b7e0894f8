/**
 * jieba's words of a paragraph with their offsets, for the name finder (entities.ts): its
 * part-of-speech tags (nr person, ns place, nt organisation, x a word it does not know) and
 * where its segmentation puts word boundaries, which tell a name from the same characters inside
 * another word (丽水 in 美丽水乡, 中山 in 孙中山).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** One word of the segmentation. */
export interface Token {
  word: string;
  /** jieba's part-of-speech tag */
  tag: string;
  start: number;
  end: number;
}

let jieba: Jieba | null = null;

/** Words with tags and offsets, jieba's HMM on (names not in its dictionary come out as words). */
export function tokens(text: string): Token[] {
  jieba ??= Jieba.withDict(dict);
  let pos = 0;
  return jieba.tag(text, true).map((t) => {
    const start = pos;
    pos += t.word.length;
    return { word: t.word, tag: t.tag, start, end: pos };
  });
}

/** Tags of words that are themselves names of places or organisations (湖南长沙市/ns). */
const NAME_TAGS = /^(?:ns|nt|nz|j)$/u;

/**
 * Whether the span [start, end) can be a name by the segmentation: it does not start inside one
 * word and end inside another (美丽|水乡), and when it lies inside a single word, that word is
 * itself a place or organisation name (湖南长沙市 holds 湖南 and 长沙市; 孙中山 holds no 中山).
 */
export function fitsWords(words: readonly Token[], start: number, end: number): boolean {
  const first = wordHolding(words, start);
  const last = wordHolding(words, end - 1);
  if (!first || !last) return true;
  const startsInside = first.start < start;
  const endsInside = last.end > end;
  if (!startsInside && !endsInside) return true;
  if (first !== last) return false;
  return NAME_TAGS.test(first.tag);
}

/** For each character offset of a segmentation, the index of the word holding it (made once per list). */
const holders = new WeakMap<readonly Token[], Int32Array>();
function holderIndex(words: readonly Token[]): Int32Array {
  let index = holders.get(words);
  if (!index) {
    index = new Int32Array(words.length ? words[words.length - 1]!.end : 0).fill(-1);
    words.forEach((w, k) => index!.fill(k, w.start, w.end));
    holders.set(words, index);
  }
  return index;
}

/** The word holding the character at `at`, if any. */
function wordHolding(words: readonly Token[], at: number): Token | undefined {
  const k = at >= 0 ? (holderIndex(words)[at] ?? -1) : -1;
  return k >= 0 ? words[k] : undefined;
}

/** The word that starts at `at`, if a word starts there. */
export const wordAt = (words: readonly Token[], at: number) => {
  const w = wordHolding(words, at);
  return w?.start === at ? w : undefined;
};

/** The word that ends at `at`, if a word ends there. */
export const wordBefore = (words: readonly Token[], at: number) => {
  const w = wordHolding(words, at - 1);
  return w?.end === at ? w : undefined;
};

/** True when a word boundary falls at `at` (the text's start and end are boundaries). */
export const boundaryAt = (words: readonly Token[], at: number) => at === 0 || !!wordBefore(words, at);

/** True when jieba reads `text` alone as one word of a kind that is no name (强调/v, 同时/c). */
export function commonWord(text: string): boolean {
  let known = common.get(text);
  if (known === undefined) {
    const w = tokens(text);
    known =
      w.length === 1 &&
      /^(?:v|vn|vd|a|ad|an|d|p|c|u|m|q|t|f|r|l|i)/u.test(w[0]!.tag) &&
      !/^nr/u.test(w[0]!.tag);
    if (common.size >= COMMON_MEMO) common.clear();
    common.set(text, known);
  }
  return known;
}

/** commonWord's answers (short texts, asked again and again), forgotten when this many are kept. */
const COMMON_MEMO = 50_000;
const common = new Map<string, boolean>();
