/**
 * Extra search tokens for Chinese text, so that any run of characters a reader types is found.
 *
 * Why: Pagefind (extended build) segments page text with jieba at indexing time, but segments the
 * query in the browser with Intl.Segmenter (ICU). A query word matches an indexed word only as a
 * prefix, and every query word must match. When the two segmenters disagree — a query that starts
 * or ends inside a word (少年助力 against 青少|年|助力), a name jieba splits (耒|阳|市 against
 * 耒阳市 in the index) — the page is not found.
 *
 * The fix: index, besides the text, the character bigrams of every Han run. Each bigram is either a
 * word (kept whole by the indexer) or two single characters; either way every position of the text
 * then starts an indexed word, so each query segment finds a prefix. Bigrams already covered by the
 * text's own segmentation are left out to keep the index small. The tokens go into a metadata field
 * (searchable, not shown in excerpts; the search page drops it before showing a result).
 */

/** Runs of Han characters (CJK unified ideographs, extension A, compatibility ideographs). */
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;

/** A word segmenter like the indexer's (jieba, dictionary only). */
export type Cut = (text: string) => string[];

const icu = new Intl.Segmenter('zh', { granularity: 'word' });

/** True when the browser's segmenter (ICU, as Pagefind uses for queries) reads `text` as one word. */
export function icuWord(text: string): boolean {
  const parts = [...icu.segment(text)];
  return parts.length === 1 && parts[0]!.isWordLike === true;
}

/** The Han runs of some texts, in order. */
export function hanRuns(texts: readonly string[]): string[] {
  const runs: string[] = [];
  for (const t of texts) for (const m of t.matchAll(HAN_RUN)) runs.push(m[0]);
  return runs;
}

/** Every distinct character bigram of the Han runs, in first-seen order (single-character runs as themselves). */
export function hanBigrams(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const run of hanRuns(texts)) {
    const cs = Array.from(run);
    if (cs.length === 1) out.add(cs[0]!);
    for (let i = 0; i + 1 < cs.length; i++) out.add(cs[i]! + cs[i + 1]!);
  }
  return [...out];
}

/**
 * Tokens to add to the index for these texts, given how `cut` segments the texts and each token:
 * the bigrams that no indexed word starts with yet and that the indexer keeps whole or the query
 * segmenter reads as a word (`queryWord`), and the single characters that start no indexed word
 * yet. Deterministic, without duplicates.
 */
export function extraSearchTokens(
  texts: readonly string[],
  cut: Cut,
  queryWord: (bigram: string) => boolean = icuWord,
): string[] {
  const runs = hanRuns(texts);
  // Prefixes (one and two characters long) of every word the indexer will see.
  const covered = new Set<string>();
  const cover = (word: string): void => {
    const cs = Array.from(word);
    if (cs.length === 0) return;
    covered.add(cs[0]!);
    if (cs.length > 1) covered.add(cs[0]! + cs[1]!);
  };
  for (const run of runs) for (const w of cut(run)) cover(w);

  const tokens: string[] = [];
  const seen = new Set<string>();
  const add = (token: string): void => {
    if (seen.has(token)) return;
    seen.add(token);
    tokens.push(token);
    for (const w of cut(token)) cover(w);
  };
  for (const run of runs) {
    const cs = Array.from(run);
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      const next = cs[i + 1];
      if (next === undefined) {
        if (!covered.has(c)) add(c);
      } else if (!covered.has(c + next)) {
        // A bigram the indexer keeps whole is a word to add; one it would split only needs its
        // first character (the second starts the next bigram).
        if (cut(c + next).length === 1 || queryWord(c + next)) add(c + next);
        else if (!covered.has(c)) add(c);
      }
    }
  }
  return tokens;
}
