/**
 * What every editorial file (content/papers.json, corrections.yaml, topics.yaml, a seed's hints
 * file) shares: reading it with the line of every value, checking it against a zod schema, and one
 * error that lists every problem on a line of its own (`file:line: message`), never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { parseIso } from '../text/dates.ts';
import { InputError } from '../parse/read.ts';

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
  /** how the syntax is named in messages (a JSON file is read as YAML, which JSON is) */
  syntax = 'valid YAML',
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
        message: `${what} are not ${syntax}: ${e.message.split('\n')[0]}`,
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
  describeIssue: (
    path: readonly PropertyKey[],
    message: string,
    unknownKey?: string,
    issue?: z.core.$ZodIssue,
  ) => string,
): EditorialProblem[] {
  const out: EditorialProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ line: lineOf(issue.path, key), message: describeIssue(issue.path, '', key, issue) });
      continue;
    }
    out.push({
      line: lineOf(issue.path),
      message: describeIssue(issue.path, issue.message, undefined, issue),
    });
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** The text of an editorial file; an InputError `<path>: cannot read the <what>: …` when it cannot be read. */
export function readEditorialFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(path, `cannot read the ${what}: ${(e as Error).message}`);
  }
}

/**
 * `lineOf` for a file whose top level is one mapping: a problem of the whole file (its list is
 * missing, or a count over the list is wrong: a path of at most one step) is named without a line.
 */
export function valueLines(
  lineOf: (at: readonly PropertyKey[], key?: string) => number | undefined,
): (at: readonly PropertyKey[], key?: string) => number | undefined {
  return (at, key) => (at.length <= 1 && key === undefined ? undefined : lineOf(at, key));
}
