/**
 * Where an issue's text came from: the source files (as decoded) and the editorial corrections
 * applied to them before parsing.
 */
import { z } from 'zod';

/** One source file of an issue, as it was read. */
export const sourceInfoSchema = z.object({
  /** the file's name under the seed folder (`000_x.txt`, or `2020/01/p03.txt` in a sub-folder) */
  file: z.string(),
  /** sha256 of the raw bytes (hex) */
  sha256: z.string(),
  /** size in bytes */
  bytes: z.number().int(),
  /** the encoding the bytes were decoded from */
  encoding: z.string(),
  /** the file's newline convention */
  newline: z.string(),
  /** number of lines */
  lines: z.number().int(),
  /** characters removed while decoding (control characters) */
  removedCharacters: z.number().int(),
});
export type SourceInfo = z.infer<typeof sourceInfoSchema>;

/** An editorial correction applied to the source text before parsing (content/corrections.yaml). */
export const appliedCorrectionSchema = z.object({
  /** the source file it applies to (as in content/corrections.yaml) */
  file: z.string(),
  /** source line (1-based) */
  line: z.number().int(),
  /** the text as the seed has it */
  from: z.string(),
  /** the corrected text */
  to: z.string(),
  /** what was wrong */
  note: z.string(),
  /** what the correction rests on (the page image, a second source) */
  authority: z.string(),
  /** who made the correction, when recorded */
  by: z.string().nullable(),
  /** when it was made (ISO date), when recorded */
  date: z.string().nullable(),
});
export type AppliedCorrection = z.infer<typeof appliedCorrectionSchema>;
