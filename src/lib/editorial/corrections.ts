/**
 * Editorial corrections (校订): an archivist's emendations of the seed text, kept apart from the
 * seeds in content/corrections.yaml so that the source stays as received and every change is
 * recorded with who made it, why and on what authority. Corrections are applied to the decoded
 * text before parsing; the edition lists each one beside the article it touches.
 *
 *   - file: 000_846a23c3b34aff37.txt     # seed file name
 *     line: 57                           # 1-based line
 *     from: 精神。”作为                  # exact text as it stands in that line (must occur once)
 *     to: 精神。作为
 *     note: 多余的后引号                 # what was wrong
 *     authority: 原版PDF第1版            # what the correction rests on
 *     by: 编辑部
 *     date: 2026-11-23
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { parseIso } from '../text/dates.ts';
import { InputError, type SourceText } from '../parse/read.ts';
import type { AppliedCorrection } from '../model/issue.ts';

/** One problem of an editorial YAML file: its YAML line (when known) and a one-line message. */
export interface EditorialProblem {
  line?: number;
  message: string;
}

/**
 * An editorial YAML file (corrections, hints) with one or more problems. `message` has one line per
 * problem, each `file:line: message`; `line` and `reason` are the first problem's.
 */
export class EditorialFileError extends InputError {
  problems: EditorialProblem[];

  constructor(file: string, problems: EditorialProblem[]) {
    super(file, problems[0]?.message ?? 'invalid', problems[0]?.line);
    this.name = 'EditorialFileError';
    this.problems = problems;
    this.message = problems.map((p) => formatProblem(file, p)).join('\n');
  }
}

/** `file:line: message` (or `file: message` without a line). */
export function formatProblem(file: string, p: EditorialProblem): string {
  return `${file}${p.line ? ':' + p.line : ''}: ${p.message}`;
}

/** What a YAML value is, for messages. */
function describe(v: unknown): string {
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'true/false';
  if (v instanceof Date) return 'a date';
  if (Array.isArray(v)) return 'a list';
  if (v !== null && typeof v === 'object') return 'a mapping';
  return typeof v;
}

/** Error for a text field: missing, or a YAML number/boolean/date/list that is not text. */
export const textError = (iss: { input?: unknown }): string =>
  iss.input === undefined || iss.input === null
    ? 'is required'
    : `must be text, not ${describe(iss.input)} (put it in quotes)`;

/** A YAML date (YAML 1.1 timestamp) as YYYY-MM-DD; anything else unchanged. */
export const dateToIso = (v: unknown): unknown => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

/** A calendar date written YYYY-MM-DD (quoted, unquoted, or a YAML 1.1 timestamp). */
export const isoDate = z.preprocess(
  dateToIso,
  z.string({ error: textError }).refine((s) => parseIso(s) !== null, { error: 'must be YYYY-MM-DD' }),
);

/**
 * Parse an editorial YAML file: the document and a way to find the YAML line of any path in it.
 * YAML syntax errors (all of them) are thrown as one EditorialFileError.
 */
export function parseEditorialYaml(
  source: string,
  path: string,
  what: string,
): {
  data: unknown;
  doc: Document;
  lineOf: (at: readonly PropertyKey[], key?: string) => number | undefined;
} {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new EditorialFileError(
      path,
      doc.errors.map((e) => ({
        line: lineCounter.linePos(e.pos[0]).line,
        message: `${what} are not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    throw new EditorialFileError(path, [
      { message: `${what} cannot be read: ${(e as Error).message.split('\n')[0]}` },
    ]);
  }
  /** Line of the node at `at` (or of its key `key`), else of the nearest enclosing node. */
  const lineOf = (at: readonly PropertyKey[], key?: string): number | undefined => {
    for (let n = at.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(at.slice(0, n) as unknown[], true);
      if (!node || typeof node !== 'object' || !('range' in node) || !node.range) continue;
      if (key !== undefined && n === at.length && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
        const r = pair && isScalar(pair.key) ? pair.key.range : undefined;
        if (r) return lineCounter.linePos(r[0]).line;
      }
      return lineCounter.linePos((node.range as [number, number, number])[0]).line;
    }
    return undefined;
  };
  return { data, doc, lineOf };
}

/**
 * One problem per zod issue, with its YAML line; `where(path)` names the entry (e.g. "correction 2")
 * and `field(name)` how a field is named in messages.
 */
export function zodProblems(
  error: z.ZodError,
  lineOf: (at: readonly PropertyKey[], key?: string) => number | undefined,
  describeIssue: (path: readonly PropertyKey[], message: string, unknownKey?: string) => string,
): EditorialProblem[] {
  const out: EditorialProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ line: lineOf(issue.path, key), message: describeIssue(issue.path, '', key) });
      continue;
    }
    out.push({ line: lineOf(issue.path), message: describeIssue(issue.path, issue.message) });
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

const LINE = 'must be a line number (a whole number from 1)';

/** Text that must be given and may not be empty. */
const requiredText = z.string({ error: textError }).min(1, { error: 'must not be empty' });
/** Text that must be given (may be empty). */
const text = z.string({ error: textError });

/** One entry of content/corrections.yaml. */
export const CorrectionSchema = z.strictObject(
  {
    /** seed file name as listed (relative to the seed folder, e.g. 000_x.txt or 2020/01/p03.txt) */
    file: requiredText,
    /** 1-based line of the decoded seed text */
    line: z
      .number({ error: (iss) => (iss.input === undefined || iss.input === null ? 'is required' : LINE) })
      .int({ error: LINE })
      .min(1, { error: LINE }),
    /** exact text as it stands in that line (must occur there once) */
    from: requiredText,
    /** the corrected text (empty: delete `from`) */
    to: text,
    /** what was wrong */
    note: text,
    /** what the correction rests on (the page image, a second source) */
    authority: text,
    /** who made the correction */
    by: text.nullish(),
    /** when: YYYY-MM-DD */
    date: isoDate.nullish(),
  },
  { error: 'must be a mapping' },
);

/** A correction as written in content/corrections.yaml: an applied correction plus its file. */
export type Correction = AppliedCorrection & {
  file: string;
  /** line of the entry in the corrections file (for messages), when parsed from YAML */
  yamlLine?: number;
};

/**
 * Read content/corrections.yaml. Throws EditorialFileError listing every problem (each with its
 * YAML line): YAML syntax, unknown fields, missing fields, values that are not text, bad dates.
 */
export function parseCorrections(source: string, path: string): Correction[] {
  const { data, lineOf } = parseEditorialYaml(source, path, 'corrections');
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data))
    throw new EditorialFileError(path, [{ line: lineOf([]), message: 'corrections must be a list' }]);
  const parsed = z.array(CorrectionSchema).safeParse(data);
  if (!parsed.success) {
    throw new EditorialFileError(
      path,
      zodProblems(parsed.error, lineOf, (at, message, unknownKey) => {
        const where = `correction ${Number(at[0]) + 1}`;
        if (unknownKey !== undefined) return `${where}: unknown field "${unknownKey}"`;
        if (at.length < 2) return `${where} ${message}`;
        return `${where}: "${String(at[1])}" ${message}`;
      }),
    );
  }
  return parsed.data.map((c, k) => ({
    file: c.file,
    line: c.line,
    from: c.from,
    to: c.to,
    note: c.note,
    authority: c.authority,
    by: c.by ?? null,
    date: (c.date as string | null | undefined) ?? null,
    yamlLine: lineOf([k]),
  }));
}

/**
 * Corrections whose `file` is not among the seed names (they would never be applied), each with the
 * YAML line of its entry in `path` (the corrections file; named in the message when the line is
 * not known). A seed of the same base name in a sub-folder is suggested.
 */
export function checkCorrectionFiles(
  corrections: readonly Correction[],
  seedNames: readonly string[],
  path: string,
): EditorialProblem[] {
  const names = new Set(seedNames);
  const base = (n: string): string => n.slice(n.lastIndexOf('/') + 1);
  const problems: EditorialProblem[] = [];
  for (const c of corrections) {
    if (names.has(c.file)) continue;
    const like = seedNames.find((n) => base(n) === base(c.file));
    problems.push({
      line: c.yamlLine,
      message:
        `${c.yamlLine ? '' : `a correction in ${path}: `}no seed file "${c.file}": the correction of its line ${c.line} is not applied` +
        (like ? ` (did you mean "${like}"?)` : ''),
    });
  }
  return problems;
}

/**
 * Apply the corrections for one file. A correction whose `from` text does not occur exactly once
 * in its line is not applied and comes back as a problem (the build warns with file and line).
 */
export function applyCorrections(
  source: SourceText,
  corrections: readonly Correction[],
): { source: SourceText; applied: Correction[]; problems: { line: number; message: string }[] } {
  const mine = corrections.filter((c) => c.file === source.file);
  if (mine.length === 0) return { source, applied: [], problems: [] };
  const lines = [...source.lines];
  const applied: Correction[] = [];
  const problems: { line: number; message: string }[] = [];
  for (const c of mine) {
    const text = lines[c.line - 1];
    const count = text === undefined ? 0 : text.split(c.from).length - 1;
    if (count !== 1) {
      problems.push({
        line: c.line,
        message: `correction not applied: “${c.from}” occurs ${count} times in line ${c.line}`,
      });
      continue;
    }
    lines[c.line - 1] = text!.replace(c.from, () => c.to);
    applied.push(c);
  }
  return { source: { ...source, lines, text: lines.join('\n') }, applied, problems };
}
