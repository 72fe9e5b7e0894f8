/**
 * Content collections: issue → page (版) → article, filled by the edition loader from seeds/.
 * The shapes mirror src/lib/model/issue.ts (the published JSON, schema baokan/issue@2).
 */
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { editionLoader } from './loaders/edition-loader.ts';

const lineRange = z.object({
  /** first source line (1-based) */
  start: z.number().int(),
  /** last source line (inclusive) */
  end: z.number().int(),
});

const confidence = z.enum(['high', 'medium', 'low', 'none']);

const evidence = z.object({
  /** kind of clue: masthead, byline-form, signature, hint, lead-date, … */
  kind: z.string(),
  /** the text that gave the clue, as printed */
  text: z.string(),
  /** source line of the clue */
  line: z.number().int().optional(),
});

const warning = z.object({
  /** stable machine-readable code */
  code: z.string(),
  /** plain-language message */
  message: z.string(),
  /** the file it is about, when the issue came in several */
  file: z.string().optional(),
  /** source line, when tied to one */
  line: z.number().int().optional(),
});

/** An editorial correction applied before parsing (content/corrections.yaml). */
const correction = z.object({
  /** the seed file it applies to */
  file: z.string(),
  /** source line */
  line: z.number().int(),
  /** text as the seed has it */
  from: z.string(),
  /** corrected text */
  to: z.string(),
  /** what was wrong */
  note: z.string(),
  /** what the correction rests on */
  authority: z.string(),
  /** who corrected */
  by: z.string().nullable(),
  /** when (ISO) */
  date: z.string().nullable(),
});

/** Text printed twice and removed from the reading text. */
const duplicate = z.object({
  /** removed text as printed */
  text: z.string(),
  /** index into the issue's sources */
  source: z.number().int(),
  /** its source lines */
  lines: z.array(z.number().int()),
  /** article that keeps the text */
  keptIn: z.string(),
  /** lines of the kept copy */
  keptLines: z.array(z.number().int()),
});

const paperRef = z.object({
  /** ASCII slug of the paper (URL segment) */
  id: z.string(),
  /** the paper's printed name, null when unknown */
  name: z.string().nullable(),
});

const issues = defineCollection({
  loader: editionLoader('issues'),
  schema: z.object({
    /** JSON schema id of the parsed issue */
    schema: z.literal('baokan/issue@2'),
    /** issue id: `<paper>-<yyyy-mm-dd>` */
    id: z.string(),
    /** the seed files the issue was parsed from, in page order */
    sources: z.array(
      z.object({
        /** file name under the seed folder */
        file: z.string(),
        /** sha256 of the raw bytes */
        sha256: z.string(),
        /** size in bytes */
        bytes: z.number().int(),
        /** detected encoding */
        encoding: z.string(),
        /** newline convention of the file */
        newline: z.string(),
        /** number of lines */
        lines: z.number().int(),
        /** control characters removed while decoding */
        removedCharacters: z.number().int(),
      }),
    ),
    /** which paper, with the evidence */
    paper: paperRef.extend({
      /** how sure the identification is */
      confidence,
      /** the clues that named the paper */
      evidence: z.array(evidence),
    }),
    /** date of publication, how it was found and how sure */
    date: z.object({
      /** ISO date or null */
      value: z.string().nullable(),
      /** masthead, hint, file-name, relative-word, latest-event-plus-one, signature, none */
      method: z.string(),
      /** how sure the date is */
      confidence,
      /** the clues that gave the date */
      evidence: z.array(evidence),
    }),
    /** masthead fields, when the issue prints one */
    masthead: z
      .object({
        /** masthead lines exactly as printed */
        lines: z.array(z.object({ line: z.number().int(), text: z.string() })),
        /** paper name */
        paperName: z.string().nullable(),
        /** English paper name */
        paperNameEn: z.string().nullable(),
        /** ISO date */
        date: z.string().nullable(),
        /** weekday as printed */
        weekday: z.string().nullable(),
        /** lunar date as printed */
        lunarDate: z.string().nullable(),
        /** issue number (第18021号) */
        issueNumber: z.number().int().nullable(),
        /** page count (今日八版) */
        pageCount: z.number().int().nullable(),
        /** serial number (CN 43-0004) */
        serial: z.string().nullable(),
        /** website as printed */
        website: z.string().nullable(),
        /** hotlines */
        hotlines: z.array(z.object({ label: z.string(), number: z.string() })),
        /** sponsor and publisher lines */
        publisher: z.array(z.string()),
      })
      .nullable(),
    /** the issue's pages in order */
    pages: z.array(reference('pages')),
    /** number of articles */
    articleCount: z.number().int(),
    /** text printed twice and removed from the reading text */
    duplicates: z.array(duplicate),
    /** text the parser could not place */
    unclassified: z.array(
      z.object({
        /** the text */
        text: z.string(),
        /** index into the issue's sources */
        source: z.number().int(),
        /** its lines */
        lines: lineRange,
        /** why it could not be placed */
        reason: z.string(),
      }),
    ),
    /** editorial corrections applied before parsing */
    corrections: z.array(correction),
    /** parser warnings for the issue's files */
    warnings: z.array(warning),
    /** the issue parsed whole (JSON, baokan/issue@2) in the build cache, read by article pages */
    parsedFile: z.string(),
  }),
});

const pages = defineCollection({
  loader: editionLoader('pages'),
  schema: z.object({
    /** page id within the issue (p1, p2 …) */
    id: z.string(),
    /** the issue this page belongs to */
    issue: reference('issues'),
    /** position in the issue (0-based) */
    index: z.number().int(),
    /** page number, printed or inferred */
    number: z.number().int(),
    /** URL segment, unique in the issue: the number, or `3-2` for a second text of page 3 */
    slug: z.string(),
    /** index into the issue's sources: the file the page was read from */
    source: z.number().int(),
    /** whether the number is printed (or hinted) rather than inferred */
    numberKnown: z.boolean(),
    /** where the number comes from */
    numberSource: z.enum(['masthead', 'header', 'hint', 'sequence', 'file-name']),
    /** display label (第一版, 第二版（推定）) */
    label: z.string(),
    /** printed page header */
    header: z.string().nullable(),
    /** editorial credits printed on the page (责任编辑：…) */
    credits: z.array(z.object({ text: z.string(), line: z.number().int() })),
    /** why the page starts where it does */
    evidence: z.array(evidence),
    /** source lines of the page */
    lines: lineRange,
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
  schema: z.object({
    /** article id `<issue>-aNNN` */
    id: z.string(),
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
    /** reading order in the issue */
    order: z.number().int(),
    /** kind of item */
    kind: z.enum(['news', 'feature', 'photo', 'notice', 'ad', 'teaser', 'continuation', 'table', 'brief']),
    /** column or series label */
    column: z.string().nullable(),
    /** 引题 */
    kicker: z.string().nullable(),
    /** 主题 (empty when none is printed) */
    headline: z.string(),
    /** 副题 */
    subtitle: z.string().nullable(),
    /** display title, never empty */
    title: z.string(),
    /** first words of the first text paragraph (else of the first caption), at most 100 characters */
    opening: z.string(),
    /** characters of running text (paragraphs, captions, tables, title): the article's length */
    length: z.number().int(),
    /** how many edits of each kind the parser made (rejoined-split, caption-moved, …) */
    edits: z.record(z.string(), z.number().int()),
    /** source line range */
    lines: lineRange,
    /** 1–3 topics from content/topics.yaml, best first: array of {slug (ASCII, topics/<slug>/), name} */
    topics: z
      .array(z.object({ slug: z.string(), name: z.string() }))
      .min(1)
      .max(3),
    /** the people the byline and photo credits name, each once (src/lib/people/credits.ts) */
    credits: z.array(
      z.object({
        /** the name, white space removed (贺  勇 → 贺勇) */
        name: z.string(),
        /** normalised role (reporter, correspondent, intern, photographer, contributor, …) */
        role: z.enum([
          'reporter',
          'all-media-reporter',
          'trainee-reporter',
          'intern',
          'correspondent',
          'photographer',
          'special-correspondent',
          'contributor',
        ]),
        /** the role word as printed, or null */
        roleText: z.string().nullable(),
        /** credited for photos (文/图, 摄) */
        photos: z.boolean(),
      }),
    ),
  }),
});

export const collections = { issues, pages, articles };
