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
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SourceText } from '../parse/read.ts';
import type { AppliedCorrection } from '../model/issue.ts';
import {
  EditorialFileError,
  isoDate,
  parseEditorialYaml,
  textError,
  zodProblems,
  type EditorialProblem,
} from './editorial-file.ts';

export { EditorialFileError, formatProblem, type EditorialProblem } from './editorial-file.ts';

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
/** Editorial corrections, or none when the file does not exist. */
export function loadCorrections(path: string): Correction[] {
  if (!existsSync(path)) return [];
  return parseCorrections(readFileSync(path, 'utf8'), path);
}

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
