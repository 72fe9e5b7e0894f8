/**
 * The paper catalogue (content/papers.json): the papers the edition knows, each with its URL slug
 * and the clues that identify it (src/lib/parse/paper.ts reads them). Its zod schema, and reading
 * the file with the messages of the other editorial files: every problem on a line of its own,
 * with the JSON line of the value (`content/papers.json:5: paper id "pagefind" is reserved …`).
 */
import { z } from 'zod';
import { InputError } from '../parse/read.ts';
import { RESERVED_SEGMENTS } from '../site/urls.ts';
import {
  EditorialFileError,
  parseEditorialYaml,
  readEditorialFile,
  textError,
  valueLines,
  zodProblems,
} from './editorial-file.ts';

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** Ids a catalogue paper may not take: the site's own folders, and the ids of papers not in it. */
function reservedId(id: string): boolean {
  return RESERVED_SEGMENTS.has(id) || id === 'unknown' || /^paper-[0-9a-f]+$/.test(id);
}

const RESERVED =
  `is reserved (the site's own folders: ${[...RESERVED_SEGMENTS].join(', ')}; ` +
  `and "unknown", "paper-<hash>" for papers not in the catalogue)`;

const text = z.string({ error: textError });
const texts = z.array(text, { error: 'must be a list of texts' });

/** One paper of the catalogue. */
export const PaperEntrySchema = z.strictObject(
  {
    /** ASCII slug used in URLs (`hengyang-daily`); not one of the site's own folders */
    id: z
      .string({ error: textError })
      .regex(SLUG, { error: 'must be a lowercase ASCII slug' })
      .refine((id) => !reservedId(id), { error: RESERVED }),
    /** the paper's name as printed (衡阳日报) */
    name: text.min(1, { error: 'must not be empty' }),
    /** the English name as printed (HENGYANG DAILY), if any */
    nameEn: text.nullish(),
    /** serial number, 国内统一连续出版物号 (CN 43-0004), if any */
    serial: text.nullish(),
    /** the publisher (衡阳日报社), if known */
    publisher: text.nullish(),
    /** place names whose frequency supports a weak identification */
    region: texts.optional(),
    /** byline openings that name the paper (衡阳晚报讯): strong evidence */
    bylines: texts.optional(),
    /** byline openings the paper's own staff use (本报讯): weak evidence, many papers use them */
    houseBylines: texts.optional(),
    /**
     * a few sentences about the paper for its page (Markdown). Longer descriptions go in
     * content/papers/<id>.md (src/lib/editorial/paper-descriptions.ts); a paper has one or the other.
     */
    description: text.nullish(),
    /** years the house bylines are known for (a note for editors; the parser does not read it) */
    years: z
      .array(z.number({ error: 'must be a list of years' }).int(), { error: 'must be a list of years' })
      .optional(),
  },
  { error: 'must be an object' },
);
export type PaperEntry = z.infer<typeof PaperEntrySchema>;

/** The whole file: `{ "$comment"?, "papers": [...] }`, ids unique. */
export const CatalogSchema = z
  .strictObject(
    {
      /** a note for editors */
      $comment: z.string().optional(),
      /** the papers */
      papers: z.array(PaperEntrySchema, { error: 'the paper catalogue needs a "papers" list' }),
    },
    { error: 'the paper catalogue must be an object with a "papers" list' },
  )
  .superRefine(
    ({ papers }, ctx) => {
      const seen = new Set<string>();
      papers.forEach((p, k) => {
        if (typeof p?.id !== 'string') return; // reported by the paper's own checks
        if (seen.has(p.id))
          ctx.addIssue({ code: 'custom', path: ['papers', k, 'id'], message: 'is listed twice' });
        seen.add(p.id);
      });
    },
    // also when some paper has problems of its own, so that every problem is listed at once
    { when: (payload) => Array.isArray((payload.value as { papers?: unknown })?.papers) },
  );
export type Catalog = z.infer<typeof CatalogSchema>;

/** How a problem at a path of the catalogue reads: `paper id "x" …` for ids, `paper 2 (x): "name" …` else. */
function describeIssue(
  data: unknown,
  at: readonly PropertyKey[],
  message: string,
  unknownKey?: string,
): string {
  if (at[0] !== 'papers' || at.length < 2) return unknownKey ? `unknown field "${unknownKey}"` : message;
  const entry = (data as { papers: Record<string, unknown>[] }).papers[Number(at[1])];
  const id = entry && typeof entry.id === 'string' ? entry.id : '';
  if (at[2] === 'id' && id) return `paper id "${id}" ${message}`;
  const where = `paper ${Number(at[1]) + 1}${id ? ` (${id})` : ''}`;
  if (unknownKey !== undefined) return `${where}: unknown field "${unknownKey}"`;
  return at.length === 2 ? `${where} ${message}` : `${where}: "${String(at[2])}" ${message}`;
}

/** JSON syntax: `file:line: the paper catalogue is not valid JSON: …`, the line taken from V8's message. */
function checkJson(source: string, path: string): void {
  try {
    JSON.parse(source);
  } catch (e) {
    const message = (e as Error).message;
    const line = /\(line (\d+) column \d+\)/.exec(message)?.[1];
    throw new InputError(
      path,
      `the paper catalogue is not valid JSON: ${message.replace(/ in JSON at position \d+ \(line \d+ column \d+\)/, '')}`,
      line ? Number(line) : undefined,
    );
  }
}

/** Check a catalogue's text (JSON); `path` names the file in messages. */
export function parseCatalog(source: string, path: string): Catalog {
  checkJson(source, path);
  // JSON is YAML: the YAML reader gives the line of every value for the messages
  const { data, lineOf } = parseEditorialYaml(source, path, 'the papers', 'valid JSON (each key once)');
  const parsed = CatalogSchema.safeParse(data);
  if (!parsed.success)
    throw new EditorialFileError(
      path,
      zodProblems(parsed.error, valueLines(lineOf), (at, message, unknownKey) =>
        describeIssue(data, at, message, unknownKey),
      ),
    );
  return parsed.data;
}

/** Read and check the paper catalogue (content/papers.json). */
export function loadCatalog(path: string): Catalog {
  return parseCatalog(readEditorialFile(path, 'paper catalogue'), path);
}
