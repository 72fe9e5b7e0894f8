/**
 * Optional hints beside a seed (`seeds/<name>.yaml`): an editor's statement of paper, date and
 * page numbers for an issue whose text does not say them. Example:
 *
 *   paper: hengyang-daily      # a catalogue id or a printed name
 *   date: 2021-03-06
 *   pages: [1, 3]              # page numbers in reading order
 */
import { parse as parseYaml } from 'yaml';
import { InputError } from './read.ts';
import { parseIso } from './dates.ts';

export interface Hints {
  paper?: string;
  date?: string;
  pages?: number[];
}

export function parseHints(source: string, file: string): Hints {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new InputError(file, `hints are not valid YAML: ${(e as Error).message.split('\n')[0]}`, line);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new InputError(file, 'hints must be a mapping');
  const out: Hints = {};
  const rec = data as Record<string, unknown>;
  for (const key of Object.keys(rec)) {
    if (!['paper', 'date', 'pages'].includes(key))
      throw new InputError(file, `unknown hint "${key}" (allowed: paper, date, pages)`);
  }
  if (rec.paper !== undefined) {
    if (typeof rec.paper !== 'string' || !rec.paper.trim())
      throw new InputError(file, 'paper must be a non-empty string');
    out.paper = rec.paper.trim();
  }
  if (rec.date !== undefined) {
    const d = rec.date instanceof Date ? rec.date.toISOString().slice(0, 10) : String(rec.date);
    if (!parseIso(d)) throw new InputError(file, `date must be YYYY-MM-DD, got "${d}"`);
    out.date = d;
  }
  if (rec.pages !== undefined) {
    if (!Array.isArray(rec.pages) || !rec.pages.every((n) => Number.isInteger(n) && n > 0)) {
      throw new InputError(file, 'pages must be a list of positive whole numbers');
    }
    out.pages = rec.pages as number[];
  }
  return out;
}
