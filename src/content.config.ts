/**
 * Content collections: issue → page (版) → article, filled by the edition loader from seeds/.
 *
 * The shapes are the data model's own zod schemas (src/lib/model/, the published JSON, schema
 * baokan/issue@2), adapted where a collection stores something else: links between records become
 * `reference()`s, and an article record holds what lists need rather than its text. Astro's
 * `astro/zod` is the same zod 4 module as the `zod` package src/lib uses, so the schemas mix.
 */
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { editionLoader } from './loaders/edition-loader.ts';
import {
  articleSchema,
  issueSchema,
  pageSchema,
  paperInfoSchema,
  staffCreditSchema,
} from './lib/model/issue.ts';

/** The paper as a page or article record names it. */
const paperRef = paperInfoSchema.pick({ id: true, name: true });

const issues = defineCollection({
  loader: editionLoader('issues'),
  schema: issueSchema.omit({ pages: true, articles: true }).extend({
    /** the issue's pages in order */
    pages: z.array(reference('pages')),
    /** number of articles */
    articleCount: z.number().int(),
    /** the issue parsed whole (JSON, baokan/issue@2) in the build cache, read by article pages */
    parsedFile: z.string(),
    /** the people, places and organisations its articles name, by article id (JSON), in the build cache, read by the name index */
    namesFile: z.string(),
  }),
});

const pages = defineCollection({
  loader: editionLoader('pages'),
  schema: pageSchema.extend({
    /** the issue this page belongs to */
    issue: reference('issues'),
    /** position in the issue (0-based) */
    index: z.number().int(),
    /** the paper */
    paper: paperRef,
    /** ISO date of the issue */
    date: z.string().nullable(),
    /** the page's articles in reading order */
    articles: z.array(reference('articles')),
  }),
});

/**
 * An article as lists, calendars and indexes need it. Its text (byline, paragraphs, captions,
 * tables, references, signature, edits) stays in the parsed issue, which the article page reads
 * (src/data/articles.ts): the whole text of a large archive in the store would not fit in memory.
 */
const articles = defineCollection({
  loader: editionLoader('articles'),
  schema: articleSchema
    .pick({
      id: true,
      order: true,
      kind: true,
      column: true,
      kicker: true,
      headline: true,
      subtitle: true,
      title: true,
      lines: true,
    })
    .extend({
      /** the issue */
      issue: reference('issues'),
      /** the page (版) */
      page: reference('pages'),
      /** position of the page in the issue (0-based) */
      pageIndex: z.number().int(),
      /** the paper */
      paper: paperRef,
      /** ISO date of the issue */
      date: z.string().nullable(),
      /** first words of the first text paragraph (else of the first caption), at most 100 characters */
      opening: z.string(),
      /** characters of running text (paragraphs, captions, tables, title): the article's length */
      length: z.number().int(),
      /** how many edits of each kind the parser made (rejoined-split, caption-moved, …) */
      edits: z.record(z.string(), z.number().int()),
      /** 1–3 topics from content/topics.yaml, best first */
      topics: z
        .array(
          z.object({
            /** ASCII slug (topics/<slug>/) */
            slug: z.string(),
            /** the topic's name */
            name: z.string(),
          }),
        )
        .min(1)
        .max(3),
      /** the people the byline and photo credits name, each once (src/lib/people/credits.ts) */
      credits: z.array(staffCreditSchema),
    }),
});

export const collections = { issues, pages, articles };
