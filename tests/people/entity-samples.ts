/**
 * The name finder measured on the hand-labelled samples, shared by `npm run eval:entities`
 * (scripts/eval-entities.ts) and the floor test (tests/people/entities-floors.test.ts):
 *  - seeds (tests/people/mentions.json): the first 200 characters of the first text paragraph of
 *    every seed article; the rules were written with these in view, so its figures are in-sample;
 *  - corpus (tests/people/mentions-corpus.json): every text paragraph of every distinct article of
 *    the development corpus (tests/corpus/articles: 人民日报 2025 and 1946);
 * plus reporters from bylines (tests/people/reporters.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueCredits } from '../../src/lib/people/credits.ts';
import { articleMentions, kept, loadGazetteer, type Gazetteer } from '../../src/lib/people/entities.ts';
import {
  KINDS,
  scoreKinds,
  type KindScore,
  type PR,
  type ScoredMention,
} from '../../src/lib/people/mention-score.ts';
import { InputError } from '../../src/lib/parse/read.ts';
import { repoRoot, seedEdition } from '../support/seed-edition.ts';

let edition: ReturnType<typeof seedEdition> | null = null;
/** The seeds parsed once for every sample (parsing them takes seconds). */
export const seeds = () => (edition ??= seedEdition());

/** The seeds sample reads this many characters of each article's first text paragraph. */
export const SEED_SAMPLE_CHARS = 200;
export const SEEDS_FILE = 'tests/people/mentions.json';
export const CORPUS_FILE = 'tests/people/mentions-corpus.json';
export const HELDOUT_FILE = 'tests/people/mentions-heldout.json';
export const CORPUS_ARTICLES = [
  'tests/corpus/articles/rmrb-2025.json',
  'tests/corpus/articles/rmrb-1946.json',
];
export const FLOORS_FILE = 'tests/people/floors.json';

/** A labelled mention (the corpus sample also gives the paragraph, an index into the stored ones). */
export interface LabelledMention extends ScoredMention {
  paragraph?: number;
}

/** A corpus article as stored: paragraphs are text, or `{ subhead }`. */
export interface CorpusArticle {
  id: string;
  paragraphs: (string | { subhead: string })[];
}

export interface Sample {
  labelled: LabelledMention[];
  found: ScoredMention[];
}

export interface EntityFigures {
  seeds: Record<string, KindScore>;
  /** the second text paragraph of the seed articles, labelled after the rules were written */
  heldout: Record<string, KindScore>;
  corpus: Record<string, KindScore>;
  /** the corpus by year of the paper: 人民日报 2025 and 1946 (reported, no floors) */
  corpus2025: Record<string, KindScore>;
  corpus1946: Record<string, KindScore>;
  total: Record<string, KindScore>;
  reporters: PR & { labelled: number; found: number; right: number; wrong: string[]; missed: string[] };
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as T;
  } catch (e) {
    throw new InputError(file, `cannot read: ${(e as Error).message.split('\n')[0]}`);
  }
}

export const gazetteer = (): Gazetteer => loadGazetteer(join(repoRoot, 'content/gazetteer.yaml'));

/**
 * The kept mentions of one article, as the samples score them: the finder reads the whole article
 * (as the index does: a name titled in one paragraph is known in the next); only mentions in the
 * sampled paragraph, ending within `maxEnd` characters, are scored.
 */
function foundIn(
  id: string,
  paragraphs: { id: string; text: string }[],
  gaz: Gazetteer,
  only?: { paragraph: string; maxEnd: number },
): ScoredMention[] {
  return articleMentions({ paragraphs }, gaz)
    .filter((f) => !only || (f.paragraph === only.paragraph && f.mention.end <= only.maxEnd))
    .map((f) => f.mention)
    .filter(kept)
    .map((m) => ({ article: id, kind: m.kind, name: m.name, text: m.text }));
}

/**
 * A seeds sample: labels, and what the finder keeps in the same spans — the first SEED_SAMPLE_CHARS
 * of the first text paragraph (mentions.json) or of the second (mentions-heldout.json).
 */
export function seedSample(
  gaz: Gazetteer = gazetteer(),
  file = SEEDS_FILE,
  paragraph = 0,
): Sample & { articles: string[] } {
  const labels = readJson<{ articles: string[]; mentions: LabelledMention[] }>(file);
  const articles = new Map(seeds().issues.flatMap((r) => r.issue.articles.map((a) => [a.id, a] as const)));
  const found = labels.articles.flatMap((id) => {
    const text = (articles.get(id)?.paragraphs ?? []).filter((x) => x.role === 'text');
    const p = text[paragraph];
    if (!p) throw new InputError(file, `${id}: no such seed article with text paragraph ${paragraph + 1}`);
    return foundIn(id, text, gaz, { paragraph: p.id, maxEnd: SEED_SAMPLE_CHARS });
  });
  return { labelled: labels.mentions, found, articles: labels.articles };
}

/**
 * The held-out sample (tests/people/mentions-heldout.json): the stored span of each article (the
 * first 200 characters of its second text paragraph as labelled), read with the article's first
 * text paragraph before it as the lead (the finder's article-wide rules see it); mentions in the
 * span are scored.
 */
export function heldoutSample(gaz: Gazetteer = gazetteer()): Sample & {
  articles: string[];
  spans: Record<string, string>;
} {
  const labels = readJson<{ articles: string[]; spans: Record<string, string>; mentions: LabelledMention[] }>(
    HELDOUT_FILE,
  );
  const articles = new Map(seeds().issues.flatMap((r) => r.issue.articles.map((a) => [a.id, a] as const)));
  const found = labels.articles.flatMap((id) => {
    const lead = articles.get(id)?.paragraphs.find((p) => p.role === 'text');
    const span = labels.spans[id];
    if (!lead || span === undefined)
      throw new InputError(HELDOUT_FILE, `${id}: no such seed article, or no span`);
    return foundIn(
      id,
      [
        { id: 'lead', text: lead.text },
        { id: 'span', text: span },
      ],
      gaz,
      {
        paragraph: 'span',
        maxEnd: Infinity,
      },
    );
  });
  return { labelled: labels.mentions, found, articles: labels.articles, spans: labels.spans };
}

/** The corpus articles by id, text paragraphs only (subheads left out), with anchors p1, p2 … by stored index. */
export function corpusArticles(): Map<string, { id: string; text: string; index: number }[]> {
  const out = new Map<string, { id: string; text: string; index: number }[]>();
  for (const file of CORPUS_ARTICLES)
    for (const a of readJson<{ articles: CorpusArticle[] }>(file).articles)
      out.set(
        a.id,
        a.paragraphs.flatMap((p, index) =>
          typeof p === 'string' ? [{ id: `p${index + 1}`, text: p, index }] : [],
        ),
      );
  return out;
}

/** The corpus sample: labels, and what the finder keeps in every text paragraph. */
export function corpusSample(gaz: Gazetteer = gazetteer()): Sample & {
  articles: { id: string; page: string }[];
} {
  const labels = readJson<{ articles: { id: string; page: string }[]; mentions: LabelledMention[] }>(
    CORPUS_FILE,
  );
  const texts = corpusArticles();
  const found = labels.articles.flatMap(({ id }) => {
    const paragraphs = texts.get(id);
    if (!paragraphs)
      throw new InputError(CORPUS_FILE, `${id}: no such article in ${CORPUS_ARTICLES.join(', ')}`);
    return foundIn(id, paragraphs, gaz);
  });
  return { labelled: labels.mentions, found, articles: labels.articles };
}

/** Reporters from the seeds' bylines against tests/people/reporters.json (each credit once). */
export function reporterFigures(): EntityFigures['reporters'] {
  const labels = readJson<{
    credits: { article: string; people: { name: string; role: string; photos: boolean }[] }[];
  }>('tests/people/reporters.json');
  const key = (article: string, p: { name: string; role: string; photos: boolean }) =>
    `${article}|${p.name}|${p.role}|${p.photos ? 'photos' : ''}`;
  const truth = new Set(labels.credits.flatMap((c) => c.people.map((p) => key(c.article, p))));
  const found = new Set(
    seeds()
      .issues.flatMap((r) => issueCredits(r.issue))
      .map((c) => key(c.article, c)),
  );
  const right = [...found].filter((k) => truth.has(k)).length;
  return {
    labelled: truth.size,
    found: found.size,
    right,
    precision: found.size ? right / found.size : 1,
    recall: truth.size ? right / truth.size : 1,
    wrong: [...found].filter((k) => !truth.has(k)),
    missed: [...truth].filter((k) => !found.has(k)),
  };
}

/** The labelled and found mentions of the articles of one year (corpus ids start with the date). */
const ofYear = ([labelled, found]: [ScoredMention[], ScoredMention[]], year: string) =>
  [
    labelled.filter((m) => m.article.startsWith(year)),
    found.filter((m) => m.article.startsWith(year)),
  ] as const;

/** Every figure: per kind for the seeds, the corpus and both together, and reporters. */
export function measureEntities(): EntityFigures {
  const gaz = gazetteer();
  const seeds = seedSample(gaz);
  const corpus = corpusSample(gaz);
  const heldout = heldoutSample(gaz);
  return {
    seeds: scoreKinds(seeds.labelled, seeds.found),
    heldout: scoreKinds(heldout.labelled, heldout.found),
    corpus: scoreKinds(corpus.labelled, corpus.found),
    corpus2025: scoreKinds(...ofYear([corpus.labelled, corpus.found], '2025')),
    corpus1946: scoreKinds(...ofYear([corpus.labelled, corpus.found], '1946')),
    total: scoreKinds(
      [...seeds.labelled, ...corpus.labelled, ...heldout.labelled],
      [...seeds.found, ...corpus.found, ...heldout.found],
    ),
    reporters: reporterFigures(),
  };
}

/** The committed floors (tests/people/floors.json): part → kind → { precision, recall }, reporters → PR. */
export function loadFloors(): Record<string, Record<string, PR> | PR> {
  return readJson<{ floors: Record<string, Record<string, PR> | PR> }>(FLOORS_FILE).floors;
}

/** Figures as the floors are written: part → kind → { precision, recall }. */
export function figuresOf(f: EntityFigures): Record<string, Record<string, PR> | PR> {
  const pr = (s: Record<string, KindScore>) =>
    Object.fromEntries(KINDS.map((k) => [k, { precision: s[k]!.precision, recall: s[k]!.recall }]));
  return {
    seeds: pr(f.seeds),
    heldout: pr(f.heldout),
    corpus: pr(f.corpus),
    total: pr(f.total),
    reporters: { precision: f.reporters.precision, recall: f.reporters.recall },
  };
}
