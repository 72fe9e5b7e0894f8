/**
 * One article (or other item: photo, notice, ad, table …) of an issue, and its parts: paragraphs,
 * captions, tables, references to other pages and the edits the parser made to the line order.
 */
import { z } from 'zod';
import { bylineSchema } from './byline.ts';
import { lineRangeSchema } from './evidence.ts';
import { regionSchema } from './region.ts';

/** What kind of item an article is. */
export const articleKindSchema = z.enum([
  'news',
  'feature',
  'photo',
  'notice',
  'ad',
  'teaser',
  'continuation',
  'table',
  'brief',
]);
export type ArticleKind = z.infer<typeof articleKindSchema>;

/** The kinds of change the parser makes to the raw line order. */
export const editKindSchema = z.enum([
  'rejoined-split',
  'caption-moved',
  'duplicate-removed',
  'byline-joined',
  'heading-joined',
  'paragraph-moved',
]);
export type EditKind = z.infer<typeof editKindSchema>;

/** Something the parser changed relative to the raw line order. */
export const editSchema = z.object({
  /** what kind of change */
  kind: editKindSchema,
  /** plain-language description for readers (Chinese) */
  note: z.string(),
  /** the source lines it concerns */
  lines: z.array(z.number().int()),
});
export type Edit = z.infer<typeof editSchema>;

/** One of the parser's scored decisions about an article's text, with its main evidence (for the 原文与处理说明 panel). */
export const decisionSchema = z.object({
  /** join: two pieces made one paragraph across a column break; split: kept apart; subhead: a heading kept inside the article; article-start: a heading that starts a new article */
  kind: z.enum(['join', 'split', 'subhead', 'article-start']),
  /** the source lines it concerns (join/split: last line before the break, first after) */
  lines: z.array(z.number().int()),
  /** the model's score (positive: join / subhead), or null when a printed form decided by rule */
  score: z.number().nullable(),
  /** the rule's name, or the features that weighed most (`word-spans-seam +2.10`), strongest first */
  evidence: z.array(z.string()),
});
export type Decision = z.infer<typeof decisionSchema>;

/** A paragraph of running text or a subhead. */
export const paragraphSchema = z.object({
  /** stable within the article: `p1`, `p2` … (subheads are paragraphs with role subhead) */
  id: z.string(),
  /** running text or a subhead */
  role: z.enum(['text', 'subhead']),
  /** the text exactly as printed, lines joined */
  text: z.string(),
  /** source lines this paragraph was made from (more than one when a column split was rejoined) */
  lines: z.array(z.number().int()),
});
export type Paragraph = z.infer<typeof paragraphSchema>;

/** A photo caption. */
export const captionSchema = z.object({
  /** stable within the article: `f1`, `f2` … */
  id: z.string(),
  /** the caption as printed */
  text: z.string(),
  /** photo credit as printed, if any (■通讯员 王勤 摄) */
  credit: z.string().nullable(),
  /** source lines of the caption */
  lines: z.array(z.number().int()),
  /** index into paragraphs before which the caption stood in the source */
  afterParagraph: z.number().int(),
});
export type Caption = z.infer<typeof captionSchema>;

/** A table, cell by cell as printed. */
export const tableSchema = z.object({
  /** stable within the article */
  id: z.string(),
  /** rows of cells, as printed */
  rows: z.array(z.array(z.string())),
  /** true when the first row reads as a header row */
  header: z.boolean(),
  /** source lines of the table */
  lines: lineRangeSchema,
});
export type Table = z.infer<typeof tableSchema>;

/** A printed pointer to another page: see, continued from, continued on. */
export const referenceSchema = z.object({
  /** what the marker says */
  kind: z.enum(['see', 'continued-from', 'continued-on']),
  /** the marker exactly as printed (>>>详见第七版>>>, (上接第一版①)) */
  text: z.string(),
  /** target page number */
  page: z.number().int().nullable(),
  /** circled or other article mark after the page (①), if printed */
  mark: z.string().nullable(),
  /** source line of the marker */
  line: z.number().int(),
});
export type Reference = z.infer<typeof referenceSchema>;

/** One article with all its text. */
export const articleSchema = z.object({
  /** `<issue id>-a<NN>` in reading order, stable for the same input */
  id: z.string(),
  /** index into pages (0-based) */
  page: z.number().int(),
  /** reading order within the issue, 1-based */
  order: z.number().int(),
  /** what kind of item */
  kind: articleKindSchema,
  /** column/series label printed with the article (栏目: 安全生产三年行动 应急科普) */
  column: z.string().nullable(),
  /** 引题 as printed */
  kicker: z.string().nullable(),
  /** 主题 as printed; empty when the article has no printed headline (photo, continuation) */
  headline: z.string(),
  /** 副题 as printed */
  subtitle: z.string().nullable(),
  /** display title: the headline, or a derived title for articles without one (never empty) */
  title: z.string(),
  /** the byline, when one is printed */
  byline: bylineSchema.nullable(),
  /** paragraphs and subheads in reading order */
  paragraphs: z.array(paragraphSchema),
  /** photo captions */
  captions: z.array(captionSchema),
  /** tables */
  tables: z.array(tableSchema),
  /** printed pointers to other pages */
  references: z.array(referenceSchema),
  /** closing signature block of notices (organisation lines and date) */
  signature: z
    .object({
      /** the block as printed */
      text: z.string(),
      /** its source lines */
      lines: z.array(z.number().int()),
    })
    .nullable(),
  /** what the parser changed relative to the raw line order */
  edits: z.array(editSchema),
  /** source lines of the article */
  lines: lineRangeSchema,
  /** the parser's scored decisions about this article's text (joins, splits, subheads, its start) */
  decisions: z.array(decisionSchema).optional(),
  /** where the article is printed on its page, for issues read from a PDF (text seeds have none) */
  regions: z.array(regionSchema).optional(),
});
export type Article = z.infer<typeof articleSchema>;

/** A person, place or organisation an article's text names (src/lib/people/article-names.ts), as the store keeps it. */
export const articleNameSchema = z.object({
  /** person, place or organisation */
  kind: z.enum(['person', 'place', 'organisation']),
  /** the entry's full name (中共衡阳市委 for 市委) */
  name: z.string(),
  /** the forms printed, each with how often (衡阳: 2, 衡阳市: 1) */
  forms: z.record(z.string(), z.number().int()),
  /** anchors of the paragraphs that name it (`p3`, the article page's #p3), in reading order, each once */
  paragraphs: z.array(z.string()),
});
export type ArticleNameRecord = z.infer<typeof articleNameSchema>;
