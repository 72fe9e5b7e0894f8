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
import { parse as parseYaml } from 'yaml';
import { parseIso } from './dates.ts';
import { InputError, type SourceText } from './read.ts';
import type { AppliedCorrection } from './types.ts';

/** A correction as written in content/corrections.yaml: an applied correction plus its file. */
export type Correction = AppliedCorrection & { file: string };

const FIELDS = ['file', 'line', 'from', 'to', 'note', 'authority', 'by', 'date'];

export function parseCorrections(source: string, path: string): Correction[] {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (e) {
    throw new InputError(path, `corrections are not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new InputError(path, 'corrections must be a list');
  return data.map((raw, k) => {
    const where = `correction ${k + 1}`;
    if (!raw || typeof raw !== 'object') throw new InputError(path, `${where} must be a mapping`);
    const r = raw as Record<string, unknown>;
    for (const key of Object.keys(r)) {
      if (!FIELDS.includes(key)) throw new InputError(path, `${where}: unknown field "${key}"`);
    }
    const str = (key: string, required: boolean): string | null => {
      const v = r[key];
      if (v === undefined || v === null) {
        if (required) throw new InputError(path, `${where}: "${key}" is required`);
        return null;
      }
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      return String(v);
    };
    const line = r.line;
    if (!Number.isInteger(line) || (line as number) < 1)
      throw new InputError(path, `${where}: "line" must be a line number`);
    const date = str('date', false);
    if (date && !parseIso(date)) throw new InputError(path, `${where}: "date" must be YYYY-MM-DD`);
    const from = str('from', true)!;
    if (!from) throw new InputError(path, `${where}: "from" must not be empty`);
    return {
      file: str('file', true)!,
      line: line as number,
      from,
      to: str('to', true)!,
      note: str('note', true)!,
      authority: str('authority', true)!,
      by: str('by', false),
      date,
    };
  });
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
