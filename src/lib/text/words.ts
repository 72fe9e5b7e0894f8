/**
 * Chinese word segmentation (jieba, through @node-rs/jieba), loaded once per process.
 * Used to decide whether a column break fell inside a word, for topic rules and for search tokens.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let instance: Jieba | null = null;

function jieba(): Jieba {
  instance ??= Jieba.withDict(dict);
  return instance;
}

/** Words of a text (dictionary only, no HMM guesses for unknown words). */
export function cut(text: string): string[] {
  return jieba().cut(text, false);
}

/** Words with part-of-speech tags (ICTCLAS tag set: n, v, p, c, u, d, …). */
export function tag(text: string): { word: string; tag: string }[] {
  return jieba().tag(text, false);
}

/** True when the dictionary segmentation of `left + right` has a word that spans the seam. */
export function wordSpansSeam(left: string, right: string): boolean {
  const a = Array.from(left).slice(-4).join('');
  const b = Array.from(right).slice(0, 4).join('');
  if (!a || !b) return false;
  let pos = 0;
  const seam = Array.from(a).length;
  for (const w of cut(a + b)) {
    const len = Array.from(w).length;
    if (pos < seam && pos + len > seam && /[\u3400-\u9fff]{2,}/u.test(w)) return true;
    pos += len;
  }
  return false;
}

/** Part-of-speech tag of the last word of a text, or null. */
export function lastWordTag(text: string): string | null {
  const tail = Array.from(text).slice(-8).join('');
  const tags = tag(tail);
  return tags.length ? tags[tags.length - 1]!.tag : null;
}
