/**
 * The topic taxonomy file (content/topics.yaml): its zod schema, and reading it into a Taxonomy
 * whose keywords are cut into words the way the rules match them (src/lib/editorial/topics.ts).
 * A bad file gives one EditorialFileError with every problem on a line of its own, each with the
 * YAML line of the value (`content/topics.yaml:31: topic 2 (economy): "slug" is used twice`).
 */
import { z } from 'zod';
import { cut } from '../text/words.ts';
import {
  EditorialFileError,
  parseEditorialYaml,
  readEditorialFile,
  textError,
  valueLines,
  zodProblems,
} from './editorial-file.ts';

export interface TopicKeyword {
  /** the keyword as written in the taxonomy */
  word: string;
  /** its words as jieba cuts it (a phrase matches where these follow each other) */
  tokens: string[];
  /** positive weight (1 unless the taxonomy says otherwise) */
  weight: number;
}

export interface Topic {
  /** ASCII slug, the URL segment (topics/<slug>/) */
  slug: string;
  /** name shown to readers */
  name: string;
  /** one sentence on what belongs under the topic */
  description: string;
  /** keywords (empty only for the fallback topic) */
  keywords: TopicKeyword[];
  /** the catch-all topic for articles no other topic fits */
  fallback: boolean;
}

export interface Taxonomy {
  /** the file it was read from (for messages) */
  file: string;
  /** topics in the file's order */
  topics: Topic[];
  /** the catch-all topic (also in `topics`) */
  fallback: Topic;
}

/** A word token (has a letter, digit or Han character), as opposed to punctuation and spaces. */
const WORDLIKE = /[\p{L}\p{N}]/u;

/** The words of a text as the rules count them: jieba's cut, without punctuation and spaces. */
export function topicWords(text: string): string[] {
  return cut(text).filter((w) => WORDLIKE.test(w));
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const WORD = 'must be a non-empty word';
const WEIGHT = 'needs a positive number as weight';
const NO_TOPICS = 'the taxonomy needs a non-empty "topics" list';

/** Text that must be given and not blank, trimmed. */
const requiredText = z.string({ error: textError }).trim().min(1, { error: 'must be a non-empty text' });

/** A keyword's word: text (a number is read as its digits), trimmed, with at least one word in it. */
const keywordWord = z
  .preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z.string({ error: WORD }).trim().min(1, { error: WORD, abort: true }),
  )
  .refine((w) => topicWords(w).length > 0, { error: 'has no letters or characters' });

/** `word` → `{ word, weight: 1 }`, `{ word: weight }` → `{ word, weight }`; any other form is left to fail. */
function keywordForm(v: unknown): unknown {
  if (typeof v === 'string' || typeof v === 'number') return { word: v, weight: 1 };
  if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1) {
    const [word, weight] = Object.entries(v)[0]!;
    return { word, weight };
  }
  return null;
}

/** A keyword: `word` (weight 1) or `word: weight`, cut into its words. */
const keywordSchema = z.preprocess(
  keywordForm,
  z
    .object(
      {
        /** the keyword as written */
        word: keywordWord,
        /** its weight: a positive number */
        weight: z.number({ error: WEIGHT }).positive({ error: WEIGHT }).finite({ error: WEIGHT }),
      },
      { error: 'must be a word or "word: weight"' },
    )
    .transform(({ word, weight }): TopicKeyword => ({ word, tokens: topicWords(word), weight })),
);

/** One topic of content/topics.yaml. */
export const TopicSchema = z
  .strictObject(
    {
      /** ASCII slug, the URL segment (topics/<slug>/): lowercase letters, digits and hyphens */
      slug: z
        .string({ error: textError })
        .regex(SLUG, { error: 'must be ASCII lowercase letters, digits and hyphens' }),
      /** the name readers see */
      name: requiredText,
      /** one sentence on what belongs under the topic */
      description: requiredText,
      /** words that point at the topic, plain (weight 1) or `word: weight` */
      keywords: z.array(keywordSchema, { error: 'must be a non-empty list' }).optional(),
      /** true on the one catch-all topic, which has no keywords */
      fallback: z.boolean({ error: 'must be true or false' }).optional(),
    },
    { error: 'must be a mapping' },
  )
  .superRefine((t, ctx) => {
    const keywords = t.keywords ?? [];
    if (t.fallback && keywords.length > 0)
      ctx.addIssue({ code: 'custom', path: ['keywords'], message: 'the fallback topic takes no keywords' });
    if (!t.fallback && keywords.length === 0)
      ctx.addIssue({ code: 'custom', path: ['keywords'], message: '"keywords" must be a non-empty list' });
    const seen = new Set<string>();
    keywords.forEach((k, j) => {
      if (!k.tokens) return; // a keyword that failed its own checks (reported there)
      const key = k.tokens.join('|');
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['keywords', j],
          message: 'is listed twice',
        });
      seen.add(key);
    });
  })
  .transform((t): Topic => ({
    slug: t.slug,
    name: t.name,
    description: t.description,
    keywords: t.keywords ?? [],
    fallback: t.fallback === true,
  }));

/** The whole file: a non-empty list of topics, slugs unique, exactly one fallback. */
export const TaxonomySchema = z
  .object(
    {
      /** the topics, in the order pages list them */
      topics: z.array(TopicSchema, { error: NO_TOPICS }).min(1, { error: NO_TOPICS }),
    },
    { error: NO_TOPICS },
  )
  .superRefine(({ topics }, ctx) => {
    const seen = new Set<string>();
    topics.forEach((t, k) => {
      if (seen.has(t.slug))
        ctx.addIssue({
          code: 'custom',
          path: ['topics', k, 'slug'],
          message: `slug "${t.slug}" is used twice`,
        });
      seen.add(t.slug);
    });
    const fallbacks = topics.filter((t) => t.fallback).length;
    if (fallbacks !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['topics'],
        message: `exactly one topic must have "fallback: true" (the catch-all), found ${fallbacks}`,
      });
  });

/** The raw value at a path of the parsed YAML (to name a topic or keyword in a message). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path)
    v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** `topic 2 (economy)`: the topic a path is in, named by its slug when it has one. */
function topicName(data: unknown, k: PropertyKey): string {
  const slug = valueAt(data, ['topics', k, 'slug']);
  return `topic ${Number(k) + 1}${typeof slug === 'string' && slug ? ` (${slug})` : ''}`;
}

/** One message for a zod issue of the taxonomy, naming the topic, field or keyword. */
function describeIssue(
  data: unknown,
  at: readonly PropertyKey[],
  message: string,
  unknownKey: string | undefined,
  custom: boolean,
): string {
  if (at[0] !== 'topics' || at.length < 2) return message;
  const where = topicName(data, at[1]!);
  if (unknownKey !== undefined) return `${where}: unknown field "${unknownKey}"`;
  if (at.length === 2) return `${where} ${message}`;
  if (at[2] === 'keywords' && at.length > 3)
    return `${where}: ${keywordName(data, at.slice(0, 4))} ${message}`;
  if (custom) return `${where}: ${message}`;
  return `${where}: "${String(at[2])}" ${message}`;
}

/** `keyword 3 "比赛"`: a keyword by position, and by its word when it is written as one. */
function keywordName(data: unknown, at: readonly PropertyKey[]): string {
  const item = valueAt(data, at);
  const entries = item && typeof item === 'object' && !Array.isArray(item) ? Object.keys(item) : [];
  const word = typeof item === 'string' ? item : entries.length === 1 ? entries[0] : '';
  return `keyword ${Number(at[3]) + 1}${word ? ` "${word}"` : ''}`;
}

/** Parse a taxonomy from YAML text; `path` names the file in error messages. */
export function parseTopics(source: string, path: string): Taxonomy {
  const { data, lineOf } = parseEditorialYaml(source, path, 'topics');
  const parsed = TaxonomySchema.safeParse(data ?? {});
  if (!parsed.success)
    throw new EditorialFileError(
      path,
      zodProblems(parsed.error, valueLines(lineOf), (at, message, unknownKey, issue) =>
        describeIssue(data, at, message, unknownKey, issue?.code === 'custom'),
      ),
    );
  const { topics } = parsed.data;
  return { file: path, topics, fallback: topics.find((t) => t.fallback)! };
}

/** Read and check a taxonomy file (content/topics.yaml). */
export function loadTopics(path: string): Taxonomy {
  return parseTopics(readEditorialFile(path, 'topic taxonomy'), path);
}
