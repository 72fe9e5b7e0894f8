/**
 * The small shapes every part of the data model uses: a source line range, a confidence level and
 * a piece of evidence (one reason for a conclusion, pointing at the text that gave it).
 */
import { z } from 'zod';

/** 1-based inclusive source line range. */
export const lineRangeSchema = z.object({
  /** first source line (1-based) */
  start: z.number().int(),
  /** last source line (inclusive) */
  end: z.number().int(),
});
export type LineRange = z.infer<typeof lineRangeSchema>;

/** How sure a conclusion is. */
export const confidenceSchema = z.enum(['high', 'medium', 'low', 'none']);
export type Confidence = z.infer<typeof confidenceSchema>;

/** One reason for a conclusion, pointing at the text that gave it. */
export const evidenceSchema = z.object({
  /** what kind of clue: masthead, byline-form, signature, hint, lead-date, relative-word, year-mention, … */
  kind: z.string(),
  /** the text that gave the clue, as printed */
  text: z.string(),
  /** source line where it was found, when known */
  line: z.number().int().optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;
