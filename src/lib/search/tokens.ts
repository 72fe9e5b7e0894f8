/**
 * Extra search tokens for Chinese text, so that any run of characters a reader types is found.
 *
 * Why: Pagefind's extended build segments page text when indexing (charabia/jieba, which cuts
 * finely: 湖南省 → 湖南|省, 青少年 → 青少|年 in some contexts), but segments the query in the
 * browser with Intl.Segmenter (ICU), which may keep 湖南省 or 少年 whole. A query word matches an
 * indexed word only as a prefix, and every query word must match. Where the two segmenters
 * disagree, the article is not found: with the seeds, about one query in five.
 *
 * The fix: for every position of every Han run, index the longest word ICU could read there, or
 * the character itself where ICU knows no word starting there (it then reads the character as a
 * word of its own). Every segment of any query taken from the text is then the prefix of an
 * indexed word, whatever the indexer made of the text. A token that is a prefix of another token
 * is dropped (the longer one serves), which keeps the index small.
 *
 * The tokens are meant for a Pagefind metadata field: Pagefind splits metadata on whitespace only
 * (no segmentation), searches it, and leaves it out of excerpts.
 */

/** Runs of Han characters (CJK unified ideographs, extension A, compatibility ideographs). */
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;

/** Longest query word a token is made for. */
export const MAX_TOKEN_LENGTH = 6;

const icu = new Intl.Segmenter('zh', { granularity: 'word' });

/** Answers already computed: the same short strings recur across an archive; bounded in size. */
const known = new Map<string, boolean>();
const KNOWN_LIMIT = 500_000;

/** True when the browser's segmenter (ICU, as Pagefind uses for queries) reads `text` as one word. */
export function icuWord(text: string): boolean {
  const hit = known.get(text);
  if (hit !== undefined) return hit;
  const parts = [...icu.segment(text)];
  const word = parts.length === 1 && parts[0]!.isWordLike === true;
  if (known.size >= KNOWN_LIMIT) known.clear();
  known.set(text, word);
  return word;
}

/** The Han runs of some texts, in order. */
export function hanRuns(texts: readonly string[]): string[] {
  const runs: string[] = [];
  for (const t of texts) for (const m of t.matchAll(HAN_RUN)) runs.push(m[0]);
  return runs;
}

/**
 * Tokens to add to the index for these texts: for each position of each Han run, the longest
 * string there (at most MAX_TOKEN_LENGTH characters) that `queryWord` accepts, else the character
 * alone; without duplicates and without tokens that are a prefix of another. Sorted.
 */
export function extraSearchTokens(
  texts: readonly string[],
  queryWord: (text: string) => boolean = icuWord,
): string[] {
  const tokens = new Set<string>();
  for (const run of hanRuns(texts)) {
    const cs = Array.from(run);
    for (let i = 0; i < cs.length; i++) {
      let len = 1;
      for (let n = Math.min(MAX_TOKEN_LENGTH, cs.length - i); n > 1; n--) {
        if (queryWord(cs.slice(i, i + n).join(''))) {
          len = n;
          break;
        }
      }
      tokens.add(cs.slice(i, i + len).join(''));
    }
  }
  // In code-point order a token's extensions follow it directly, so one look ahead finds them.
  const sorted = [...tokens].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.filter((t, k) => !(sorted[k + 1]?.startsWith(t) ?? false));
}
