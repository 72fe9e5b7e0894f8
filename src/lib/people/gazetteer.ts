/**
 * The gazetteer (content/gazetteer.yaml): places and organisations the name finder knows by name,
 * with their aliases, local short names, ambiguous names and words that hide names; read, checked
 * (a clear one-line error naming the file) and matched against a text, longest form first.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../parse/read.ts';
import { fitsWords, type Token } from './tokens.ts';

export type EntityKind = 'person' | 'place' | 'organisation';

export interface GazetteerEntry {
  kind: EntityKind;
  name: string;
  level: string | null;
}

export interface Gazetteer {
  /** every written form → its entry; `local` forms carry the flag */
  forms: Map<string, { entry: GazetteerEntry; local: boolean }>;
  /** forms that are never resolved (ambiguous) or hide what they contain (not) */
  blocked: Set<string>;
  /** the longest form, in characters */
  longest: number;
  /** the first two characters of every form and blocked form: where no form starts, none is tried */
  heads: Set<string>;
  /** the last two and three characters of mountains' names (衡山 of 南岳衡山): no county's short name */
  mountainEnds: Set<string>;
}

export function parseGazetteer(source: string, file: string): Gazetteer {
  let doc: Record<string, unknown>;
  try {
    doc = (parseYaml(source) ?? {}) as Record<string, unknown>;
  } catch (e) {
    throw new InputError(file, `gazetteer is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const forms: Gazetteer['forms'] = new Map();
  const blocked = new Set<string>();
  const add = (form: string, entry: GazetteerEntry, local: boolean) => {
    const had = forms.get(form);
    // A form two entries claim is ambiguous: resolved to neither.
    if (had && had.entry !== entry) blocked.add(form);
    else forms.set(form, { entry, local });
  };
  const sections: [string, EntityKind][] = [
    ['people', 'person'],
    ['places', 'place'],
    ['organisations', 'organisation'],
  ];
  for (const [section, kind] of sections) {
    const list = doc[section] ?? [];
    if (!Array.isArray(list)) throw new InputError(file, `"${section}" must be a list`);
    for (const [k, raw] of list.entries()) {
      const e = raw as { name?: unknown; aliases?: unknown; local?: unknown; level?: unknown };
      if (typeof e?.name !== 'string' || !e.name)
        throw new InputError(file, `${section} ${k + 1}: "name" must be a non-empty text`);
      const entry: GazetteerEntry = {
        kind,
        name: e.name,
        level: typeof e.level === 'string' ? e.level : null,
      };
      add(e.name, entry, false);
      for (const [field, local] of [
        ['aliases', false],
        ['local', true],
      ] as const) {
        const v = e[field] ?? [];
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x))
          throw new InputError(file, `${section} ${k + 1} (${e.name}): "${field}" must be a list of names`);
        for (const form of v as string[]) add(form, entry, local);
      }
      // 市市场监管局 (local) of 衡阳市市场监督管理局: 衡阳市市场监管局 is an alias
      for (const form of (e.local ?? []) as string[]) {
        const head = /^[市省]/u.exec(form)?.[0];
        const at = head ? e.name.indexOf(head) : -1;
        if (at > 0) add(e.name.slice(0, at + 1) + form.slice(1), entry, false);
      }
    }
  }
  for (const field of ['ambiguous', 'not']) {
    const v = doc[field] ?? [];
    if (!Array.isArray(v)) throw new InputError(file, `"${field}" must be a list of names`);
    for (const form of v as string[]) blocked.add(form);
  }
  const all = [...forms.keys(), ...blocked];
  const longest = Math.max(0, ...all.map((f) => f.length));
  const mountains = [...forms.values()].filter((f) => f.entry.level === 'mountain').map((f) => f.entry.name);
  const mountainEnds = new Set(mountains.flatMap((m) => [m.slice(-2), m.slice(-3)]));
  return { forms, blocked, longest, heads: new Set(all.map((f) => f.slice(0, 2))), mountainEnds };
}

export function loadGazetteer(path: string): Gazetteer {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(path, `cannot read the gazetteer: ${(e as Error).message}`);
  }
  return parseGazetteer(source, path);
}

/** A division's word after a place's short name (淄博区, 太行专区). */
const DIVISION_AFTER = /^(?:专区|地区|区|县|市|省|州|盟|旗)/u;

/** A gazetteer form found in a text (entry null: a blocked form, which holds its text). */
export interface Span {
  start: number;
  end: number;
  text: string;
  entry: GazetteerEntry | null;
  local: boolean;
}

/** Gazetteer forms in a text, longest first at each place, left to right; blocked forms hold their text. */
export function gazetteerSpans(text: string, gaz: Gazetteer, words: readonly Token[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < text.length;) {
    let hit: Span | null = null;
    // forms are at least two characters long: most places start none
    if (!gaz.heads.has(text.slice(i, i + 2))) {
      i++;
      continue;
    }
    for (let len = Math.min(gaz.longest, text.length - i); len >= 2; len--) {
      const form = text.slice(i, i + len);
      if (gaz.blocked.has(form)) {
        hit = { start: i, end: i + len, text: form, entry: null, local: false };
        break;
      }
      const f = gaz.forms.get(form);
      // a short alias must stand as a word of its own (丽水 in 美丽水乡 is none)
      const short = !f?.local && f?.entry.name !== form && len <= 3;
      // 淄博区, 淄博专区: a short name with a division's word after it names another division
      const renamed =
        f?.entry.kind === 'place' && f.entry.name !== form && DIVISION_AFTER.test(text.slice(i + len));
      if (f && !renamed && (!short || fitsWords(words, i, i + len))) {
        hit = { start: i, end: i + len, text: form, entry: f.entry, local: f.local };
        break;
      }
    }
    if (hit) {
      out.push(hit);
      i = hit.end;
    } else i++;
  }
  return out;
}
