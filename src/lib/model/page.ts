/** One page (版) of an issue: its number, where that number comes from, header and credits. */
import { z } from 'zod';
import { evidenceSchema, lineRangeSchema } from './evidence.ts';
import { pdfPageSchema } from './region.ts';

/** Where a page number comes from: printed (masthead, header), given (hint), or inferred (sequence, file-name). */
export const numberSourceSchema = z.enum(['masthead', 'header', 'hint', 'sequence', 'file-name']);
export type NumberSource = z.infer<typeof numberSourceSchema>;

/** One page (版) in reading order. */
export const pageSchema = z.object({
  /** `p1`, `p2`, … in reading order; unique within the issue */
  id: z.string(),
  /** page number: printed or inferred (see numberKnown) */
  number: z.number().int(),
  /**
   * URL segment of the page, unique within the issue: its number (`3`), or `3-2`, `3-3` … for a
   * second or third text of a page number the issue already has (a variant, kept and warned about)
   */
  slug: z.string(),
  /** index into the issue's `sources`: the file this page was read from (its line numbers are that file's) */
  source: z.number().int(),
  /** true when the number is printed or given by a hint; false when inferred from the sequence */
  numberKnown: z.boolean(),
  /** where the number comes from */
  numberSource: numberSourceSchema,
  /** display label: 第一版, 第二版（推定） when inferred, 第二版（另本） for a variant */
  label: z.string(),
  /** a printed page header (第二版 要闻), exactly as printed, when there is one */
  header: z.string().nullable(),
  /** editorial credits printed on the page (责任编辑：周红 版式：吴刚), as printed */
  credits: z.array(
    z.object({
      /** the credit as printed */
      text: z.string(),
      /** its source line */
      line: z.number().int(),
    }),
  ),
  /** why the page starts where it starts */
  evidence: z.array(evidenceSchema),
  /** source lines of the page */
  lines: lineRangeSchema,
  /** the PDF page it was read from (its index in the file, its size in points); text seeds have none */
  pdf: pdfPageSchema.optional(),
});
export type Page = z.infer<typeof pageSchema>;
