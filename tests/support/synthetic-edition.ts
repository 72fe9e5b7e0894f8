/**
 * A synthetic edition for tests and the benchmark: articles made of real sentences drawn at random
 * (seeded, so the same on every run) from given texts, with some articles reprinted as a second
 * paper would print a dispatch — the last paragraphs cut, a sentence added, a new title. Pure.
 */
import { mulberry32 } from './prng.ts';

/** A synthetic article. */
export interface SyntheticArticle {
  id: string;
  issue: string;
  title: string;
  paragraphs: string[];
  /** the id of the article this one reprints */
  copyOf: string | null;
}

/**
 * The clauses of some texts (ending in ，、；：。！？), 6 to 40 characters each (longer runs are tables
 * and headline runs), each once: articles are made of random clauses, so two of them share a
 * clause now and then (as real articles share phrases) but never a long passage by chance.
 */
export function sentencesOf(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    for (const s of t.replace(/\s+/g, '').split(/(?<=[，、；：。！？])/))
      if (s.length >= 6 && s.length <= 40) out.add(s);
  }
  return [...out];
}

/**
 * `n` articles of 4–8 paragraphs of 5–9 clauses, one issue per 50 articles; every
 * `copyEvery`-th article (after the first issue) reprints an earlier one: its first paragraphs,
 * the last one cut, a sentence added at the end, the title changed.
 */
export function syntheticEdition(
  sentences: readonly string[],
  n: number,
  copyEvery = 100,
  seed = 14,
): SyntheticArticle[] {
  const rnd = mulberry32(seed);
  const pick = () => sentences[Math.floor(rnd() * sentences.length)]!;
  const out: SyntheticArticle[] = [];
  for (let i = 0; i < n; i++) {
    const issue = `i${Math.floor(i / 50)}`;
    const id = `a${i}`;
    if (i >= 50 && i % copyEvery === 0) {
      const from = out[Math.floor(rnd() * (i - 50))]!;
      const kept = from.paragraphs.slice(0, from.paragraphs.length - 1);
      out.push({
        id,
        issue,
        title: `${from.title.slice(0, 6)}${pick().slice(0, 6)}`,
        paragraphs: [...kept.slice(0, -1), kept[kept.length - 1]! + pick()],
        copyOf: from.id,
      });
      continue;
    }
    const paragraphs = Array.from({ length: 4 + Math.floor(rnd() * 5) }, () =>
      Array.from({ length: 5 + Math.floor(rnd() * 5) }, pick).join(''),
    );
    out.push({ id, issue, title: pick().slice(0, 14), paragraphs, copyOf: null });
  }
  return out;
}
