/**
 * Topics (栏目分类): a taxonomy kept by editors in content/topics.yaml, and the rules that give every
 * article one to three of its topics.
 *
 * The rules work on words, not substrings: each field of the article is cut by jieba (src/lib/text/words.ts)
 * and a keyword matches where its own words (one, or several for a phrase like 垃圾分类 → 垃圾|分类)
 * follow each other. So 交通 does not match inside 交通事故 unless the taxonomy lists 交通事故 too, and a
 * character sequence that straddles two words never matches.
 *
 * Score of a topic for an article: for each keyword, its occurrences weighted by field (headline ×3;
 * kicker, subtitle, column label and subheads ×2; body, captions, tables and signature ×1) are damped
 * and scaled by article length as in BM25 — a keyword repeated ten times counts about twice as much as
 * once, and the same count weighs less in a long article than in a short one — and then multiplied by
 * the keyword's weight. The best topic is kept when it reaches MIN_SCORE; the second and third when they
 * reach RELATIVE_THRESHOLD of the best (and MIN_SCORE). An article that no topic reaches gets the
 * taxonomy's fallback topic (综合). The result depends only on the article text and the taxonomy.
 *
 * The file itself (schema, reading, messages) is src/lib/editorial/topics-file.ts.
 */
import { topicWords as words, type Taxonomy, type TopicKeyword } from './topics-file.ts';

export {
  loadTopics,
  parseTopics,
  TaxonomySchema,
  TopicSchema,
  type Taxonomy,
  type Topic,
  type TopicKeyword,
} from './topics-file.ts';

/** A topic as stored on an article. */
export interface TopicRef {
  slug: string;
  name: string;
}

/** The parts of an article the rules read (an Article from types.ts has them all). */
export interface TopicInput {
  headline: string;
  kicker?: string | null;
  subtitle?: string | null;
  column?: string | null;
  paragraphs?: readonly { role: 'text' | 'subhead'; text: string }[];
  captions?: readonly { text: string }[];
  tables?: readonly { rows: readonly (readonly string[])[] }[];
  signature?: { text: string } | null;
}

/** Most topics an article gets. */
export const MAX_TOPICS = 3;
/** A second or third topic must score at least this share of the best. */
export const RELATIVE_THRESHOLD = 0.5;
/** Least score that counts as a match at all. */
export const MIN_SCORE = 0.75;
/** Field weights. */
export const FIELD_WEIGHTS = { headline: 3, display: 2, body: 1 } as const;
/** BM25 parameters: saturation of repeated words, strength of the length scaling, typical length in words. */
const K1 = 2;
const B = 0.75;
const TYPICAL_WORDS = 200;

/** The article's words by field weight. */
function fields(a: TopicInput): { weight: number; words: string[] }[] {
  const out: { weight: number; words: string[] }[] = [];
  const add = (weight: number, text: string | null | undefined) => {
    if (text && text.trim()) out.push({ weight, words: words(text) });
  };
  add(FIELD_WEIGHTS.headline, a.headline);
  add(FIELD_WEIGHTS.display, a.kicker);
  add(FIELD_WEIGHTS.display, a.subtitle);
  add(FIELD_WEIGHTS.display, a.column);
  for (const p of a.paragraphs ?? [])
    add(p.role === 'subhead' ? FIELD_WEIGHTS.display : FIELD_WEIGHTS.body, p.text);
  for (const c of a.captions ?? []) add(FIELD_WEIGHTS.body, c.text);
  for (const t of a.tables ?? []) for (const row of t.rows) add(FIELD_WEIGHTS.body, row.join(' '));
  add(FIELD_WEIGHTS.body, a.signature?.text);
  return out;
}

/** Keywords indexed by their first word, for one pass over the article's words. */
const indexes = new WeakMap<Taxonomy, Map<string, { topic: number; keyword: TopicKeyword }[]>>();

function index(taxonomy: Taxonomy) {
  let ix = indexes.get(taxonomy);
  if (!ix) {
    ix = new Map();
    taxonomy.topics.forEach((t, topic) => {
      for (const keyword of t.keywords) {
        const first = keyword.tokens[0]!;
        const list = ix!.get(first) ?? [];
        list.push({ topic, keyword });
        ix!.set(first, list);
      }
    });
    // longest first, so that a phrase (垃圾|分类) takes its words before the single word (垃圾) can
    for (const list of ix.values()) list.sort((a, b) => b.keyword.tokens.length - a.keyword.tokens.length);
    indexes.set(taxonomy, ix);
  }
  return ix;
}

export interface TopicScore extends TopicRef {
  score: number;
  /** matched keywords with their field-weighted counts */
  matches: { word: string; count: number }[];
}

/** Every topic that matched at least one keyword, best first (ties in taxonomy order). */
export function scoreTopics(article: TopicInput, taxonomy: Taxonomy): TopicScore[] {
  const ix = index(taxonomy);
  const counts = new Map<TopicKeyword, { topic: number; count: number }>();
  let length = 0;
  for (const field of fields(article)) {
    const ws = field.words;
    length += ws.length;
    // per topic, the position up to which a longer keyword of that topic has taken the words
    const taken = new Map<number, number>();
    for (let i = 0; i < ws.length; i++) {
      for (const { topic, keyword } of ix.get(ws[i]!) ?? []) {
        const t = keyword.tokens;
        if (i < (taken.get(topic) ?? 0) || i + t.length > ws.length) continue;
        let ok = true;
        for (let j = 1; j < t.length && ok; j++) ok = ws[i + j] === t[j];
        if (!ok) continue;
        taken.set(topic, i + t.length);
        const c = counts.get(keyword) ?? { topic, count: 0 };
        c.count += field.weight;
        counts.set(keyword, c);
      }
    }
  }
  const norm = K1 * (1 - B + (B * length) / TYPICAL_WORDS);
  const scores = new Map<number, TopicScore>();
  for (const [keyword, { topic, count }] of counts) {
    const t = taxonomy.topics[topic]!;
    const s = scores.get(topic) ?? { slug: t.slug, name: t.name, score: 0, matches: [] };
    s.score += (keyword.weight * (count * (K1 + 1))) / (count + norm);
    s.matches.push({ word: keyword.word, count });
    scores.set(topic, s);
  }
  return [...scores.entries()]
    .sort(([ta, a], [tb, b]) => b.score - a.score || ta - tb)
    .map(([, s]) => ({ ...s, score: Math.round(s.score * 1000) / 1000 }));
}

/** One to three topics for an article, best first; the fallback topic when none fits. */
export function assignTopics(article: TopicInput, taxonomy: Taxonomy): TopicRef[] {
  const scored = scoreTopics(article, taxonomy);
  const best = scored[0]?.score ?? 0;
  if (best < MIN_SCORE) return [{ slug: taxonomy.fallback.slug, name: taxonomy.fallback.name }];
  return scored
    .filter((s) => s.score >= Math.max(MIN_SCORE, best * RELATIVE_THRESHOLD))
    .slice(0, MAX_TOPICS)
    .map(({ slug, name }) => ({ slug, name }));
}
