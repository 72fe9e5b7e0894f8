/**
 * The edition data model: what the parser makes of one issue file.
 *
 * This is the JSON that `npm run parse` prints and that the site publishes for download
 * (schema id `baokan/issue@2`). Keep it tidy and stable: add fields, do not rename them.
 * Every string that holds source text is exactly as printed (no characters added or dropped);
 * derived values (staff, dates, targets) never count towards conservation.
 *
 * Each concept is one zod schema in its own file of this folder (evidence, warning, source, paper,
 * date, page, byline, article, region); the TypeScript types are inferred from them (`z.infer`) and
 * re-exported here, so `import type { Article } from '…/model/issue.ts'` keeps working.
 * `src/content.config.ts` builds the content collections from the same schemas.
 */
import { z } from 'zod';
import { articleSchema } from './article.ts';
import { lineRangeSchema } from './evidence.ts';
import { dateInfoSchema } from './date.ts';
import { pageSchema } from './page.ts';
import { mastheadSchema, paperInfoSchema } from './paper.ts';
import { appliedCorrectionSchema, sourceInfoSchema } from './source.ts';
import { warningSchema } from './warning.ts';

export * from './article.ts';
export * from './byline.ts';
export * from './date.ts';
export * from './evidence.ts';
export * from './page.ts';
export * from './paper.ts';
export * from './region.ts';
export * from './source.ts';
export * from './warning.ts';

export const SCHEMA_ID = 'baokan/issue@2';

/** Text printed twice and removed from the reading text. */
export const duplicateSchema = z.object({
  /** the removed text, exactly as printed */
  text: z.string(),
  /** index into the issue's `sources` (a text printed twice is found within one file) */
  source: z.number().int(),
  /** source lines of the removed copy */
  lines: z.array(z.number().int()),
  /** article that keeps the text */
  keptIn: z.string(),
  /** line(s) of the kept copy */
  keptLines: z.array(z.number().int()),
});
export type Duplicate = z.infer<typeof duplicateSchema>;

/** Text the parser could not place in any article. */
export const unclassifiedSchema = z.object({
  /** the text as printed */
  text: z.string(),
  /** index into the issue's `sources` */
  source: z.number().int(),
  /** its source lines */
  lines: lineRangeSchema,
  /** why it could not be placed */
  reason: z.string(),
});
export type Unclassified = z.infer<typeof unclassifiedSchema>;

/** One parsed issue, as `npm run parse` prints it and the site publishes it (`issue.json`). */
export const issueSchema = z.object({
  /** the schema id, `baokan/issue@2` */
  schema: z.literal(SCHEMA_ID),
  /** `<paper id>-<yyyy-mm-dd>` or `<paper id>-<file stem>` when undated; stable for the same input */
  id: z.string(),
  /**
   * the files the issue was read from, in page order: one for an issue in one file, several when
   * each 版 (or group of 版) came in a file of its own. Line numbers anywhere in the issue are lines
   * of the source of their page (`pages[i].source`; duplicates and unclassified text name theirs).
   */
  sources: z.array(sourceInfoSchema),
  /** which paper, with the evidence */
  paper: paperInfoSchema,
  /** date of publication, how it was found and how sure */
  date: dateInfoSchema,
  /** masthead fields, when the issue prints one */
  masthead: mastheadSchema.nullable(),
  /** the pages (版) in reading order */
  pages: z.array(pageSchema),
  /** the articles in reading order */
  articles: z.array(articleSchema),
  /** text printed twice and removed from the reading text */
  duplicates: z.array(duplicateSchema),
  /** text the parser could not place */
  unclassified: z.array(unclassifiedSchema),
  /** editorial corrections applied to the source text before parsing */
  corrections: z.array(appliedCorrectionSchema),
  /** parser warnings for the issue's files */
  warnings: z.array(warningSchema),
});
export type Issue = z.infer<typeof issueSchema>;
