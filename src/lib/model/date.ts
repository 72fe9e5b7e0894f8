/** An issue's date of publication: the value, how it was found and how sure it is. */
import { z } from 'zod';
import { confidenceSchema, evidenceSchema } from './evidence.ts';

/** How the date was found, from the most direct (printed in the masthead) to none. */
export const dateMethodSchema = z.enum([
  'masthead',
  'page-header',
  'hint',
  'file-name',
  'relative-word',
  'latest-event-plus-one',
  'signature',
  'none',
]);
export type DateMethod = z.infer<typeof dateMethodSchema>;

/** The date of publication with its evidence. */
export const dateInfoSchema = z.object({
  /** ISO date of publication (YYYY-MM-DD), or null when nothing in the text gives it */
  value: z.string().nullable(),
  /** how the date was found */
  method: dateMethodSchema,
  /** how sure the date is */
  confidence: confidenceSchema,
  /** the clues that gave the date */
  evidence: z.array(evidenceSchema),
});
export type DateInfo = z.infer<typeof dateInfoSchema>;
