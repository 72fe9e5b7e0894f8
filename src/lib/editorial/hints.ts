/**
 * Optional hints beside a seed (`seeds/<name>.yaml`): an editor's statement of paper, date and
 * page numbers for an issue whose text does not say them. Example:
 *
 *   paper: hengyang-daily      # a catalogue id or a printed name
 *   date: 2021-03-06
 *   pages: [1, 3]              # page numbers in reading order
 */
import { z } from 'zod';
import { EditorialFileError, isoDate, parseEditorialYaml, textError, zodProblems } from './editorial-file.ts';

export interface Hints {
  paper?: string;
  date?: string;
  pages?: number[];
}

const PAGES = 'must be a list of positive whole numbers';

/** The hints file of one seed. */
export const HintsSchema = z.strictObject(
  {
    /** the paper: a catalogue id or a printed name */
    paper: z.string({ error: textError }).trim().min(1, { error: 'must not be empty' }).optional(),
    /** the publication date, YYYY-MM-DD */
    date: isoDate.optional(),
    /** the page numbers of the pages, in reading order */
    pages: z
      .array(z.number({ error: PAGES }).int({ error: PAGES }).min(1, { error: PAGES }), { error: PAGES })
      .optional(),
  },
  { error: 'hints must be a mapping' },
);

/**
 * Read a hints file. Throws EditorialFileError listing every problem, each with its YAML line.
 * An empty file gives no hints.
 */
export function parseHints(source: string, file: string): Hints {
  const { data, lineOf } = parseEditorialYaml(source, file, 'hints');
  if (data === null || data === undefined) return {};
  const parsed = HintsSchema.safeParse(data);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, lineOf, (at, message, unknownKey) => {
      if (unknownKey !== undefined) return `unknown hint "${unknownKey}" (allowed: paper, date, pages)`;
      if (at.length === 0) return message;
      return `${String(at[0])} ${message}`;
    });
    // One message for a list with several bad page numbers.
    const seen = new Set<string>();
    throw new EditorialFileError(
      file,
      problems.filter((p) => {
        const key = p.message.startsWith('pages ') ? p.message : `${p.line}:${p.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    );
  }
  const out: Hints = {};
  const h = parsed.data;
  if (h.paper !== undefined) out.paper = h.paper;
  if (h.date !== undefined) out.date = h.date as string;
  if (h.pages !== undefined) out.pages = h.pages;
  return out;
}
