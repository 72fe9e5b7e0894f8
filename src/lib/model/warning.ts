/** A parser warning: something in an issue a reader or editor should know about. */
import { z } from 'zod';

/** One warning about an issue, tied to a file and line when it can be. */
export const warningSchema = z.object({
  /** stable machine-readable code, e.g. `date-low-confidence` */
  code: z.string(),
  /** plain-language message */
  message: z.string(),
  /** the source file the warning is about (its name under the seed folder), when the issue has several */
  file: z.string().optional(),
  /** source line, when the warning is tied to one */
  line: z.number().int().optional(),
});
export type Warning = z.infer<typeof warningSchema>;
