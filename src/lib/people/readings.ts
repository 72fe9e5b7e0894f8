/**
 * How names are read (拼音) for sorting and for URLs: pinyin-pro, with the project's own readings
 * (content/readings.yaml) where a surname or a place name is read otherwise than its characters
 * commonly are (曾 zēng, 单 shàn; 长沙 cháng shā). Not Intl.Collator, which sorts by the common
 * reading of each character and misplaces exactly these.
 */
import { readFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../parse/read.ts';

/** One syllable: letters without tone (ü as v) and the tone, 0 for the neutral tone. */
export interface Syllable {
  base: string;
  tone: number;
}

export interface Readings {
  /** surname → its syllables */
  surnames: Map<string, Syllable[]>;
  /** word → its syllables */
  words: Map<string, Syllable[]>;
}

export const NO_READINGS: Readings = { surnames: new Map(), words: new Map() };

const TONE_MARKS: Record<string, number> = { '\u0304': 1, '\u0301': 2, '\u030c': 3, '\u0300': 4 };

/** `zēng` → { base: 'zeng', tone: 1 }; `lǘ` → { base: 'lv', tone: 2 }; null when not pinyin. */
export function syllable(marked: string): Syllable | null {
  let tone = 0;
  let base = '';
  for (const ch of marked.normalize('NFD').toLowerCase()) {
    if (ch in TONE_MARKS) tone = TONE_MARKS[ch]!;
    else if (ch === '\u0308') base = base.replace(/u$/, 'v');
    else if (/[a-z]/.test(ch)) base += ch;
    else return null;
  }
  return base ? { base, tone } : null;
}

/** Read the readings file: `surnames:` and `words:`, each characters → syllables with tone marks. */
export function parseReadings(source: string, file: string): Readings {
  let doc: Record<string, unknown>;
  try {
    doc = (parseYaml(source) ?? {}) as Record<string, unknown>;
  } catch (e) {
    throw new InputError(file, `readings are not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const lines = source.split('\n');
  const lineOf = (key: string) => {
    const k = lines.findIndex((l) => l.trimStart().startsWith(`${key}:`));
    return k === -1 ? undefined : k + 1;
  };
  const section = (name: 'surnames' | 'words') => {
    const out = new Map<string, Syllable[]>();
    const raw = doc[name] ?? {};
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      throw new InputError(file, `"${name}" must map characters to readings`, lineOf(name));
    }
    for (const [chars, reading] of Object.entries(raw as Record<string, unknown>)) {
      const parts = typeof reading === 'string' ? reading.trim().split(/\s+/u) : [];
      const syllables = parts.map(syllable);
      if (parts.length !== Array.from(chars).length || syllables.some((s) => s === null))
        throw new InputError(
          file,
          `"${chars}" needs one pinyin syllable per character (e.g. "zēng")`,
          lineOf(chars),
        );
      out.set(chars, syllables as Syllable[]);
    }
    return out;
  };
  return { surnames: section('surnames'), words: section('words') };
}

export function loadReadings(path: string): Readings {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(path, `cannot read the readings: ${(e as Error).message}`);
  }
  return parseReadings(source, path);
}

/** pinyin-pro's reading of a text, one syllable per character (a character it cannot read: its code). */
function common(text: string, surname: 'head' | 'off'): Syllable[] {
  const chars = Array.from(text);
  const read = pinyin(text, { type: 'array', toneType: 'num', surname, v: true });
  return chars.map((ch, i) => {
    const r = read[i] ?? '';
    const m = /^([a-z]+)([0-4])?$/.exec(r);
    if (m) return { base: m[1]!, tone: Number(m[2] ?? 0) };
    return { base: `u${ch.codePointAt(0)!.toString(16)}`, tone: 0 };
  });
}

/** A personal name's reading: the surname from the readings when listed, else pinyin-pro's surname mode. */
export function nameReading(name: string, readings: Readings = NO_READINGS): Syllable[] {
  for (const len of [2, 1]) {
    const own = readings.surnames.get(name.slice(0, len));
    if (own && name.length > len) return [...own, ...common(name.slice(len), 'off')];
  }
  return common(name, 'head');
}

/** A word's reading (place, organisation): the readings' words where they occur, else pinyin-pro. */
export function wordReading(text: string, readings: Readings = NO_READINGS): Syllable[] {
  const out: Syllable[] = [];
  let rest = text;
  outer: while (rest) {
    for (const [w, s] of readings.words) {
      if (rest.startsWith(w)) {
        out.push(...s);
        rest = rest.slice(w.length);
        continue outer;
      }
    }
    const ch = Array.from(rest)[0]!;
    out.push(...common(ch, 'off'));
    rest = rest.slice(ch.length);
  }
  return out;
}

/**
 * A sort key that orders by syllables (letters first, syllable by syllable: xu ke < xuan), then
 * by tones, then by the characters: compare keys as code units.
 */
export function sortKey(text: string, reading: Syllable[]): string {
  return `${reading.map((s) => s.base).join(' ')}\u0001${reading.map((s) => s.tone).join('')}\u0001${text}`;
}

/** The ASCII slug of a reading: its syllables without tones (许珂 → xuke, 吕 → lv). */
export const slugOf = (reading: Syllable[]) => reading.map((s) => s.base).join('');

/** The index letter of a reading (A–Z), `#` when it does not start with a letter. */
export const initialOf = (reading: Syllable[]) => {
  const c = reading[0]?.base[0]?.toUpperCase() ?? '#';
  return /[A-Z]/.test(c) ? c : '#';
};
