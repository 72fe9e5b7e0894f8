/** Small text predicates shared by the pipeline stages. */
import { cnNumber } from './dates.ts';

/**
 * Unicode bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and marks (U+200E, U+200F, U+061C). They stay in the text (every character of a
 * seed is accounted for) but could reverse a page title or run on past their element: pages isolate
 * them (CSS `unicode-bidi: isolate`) and leave them out of `<title>`. Global: use with replace or
 * matchAll, not test.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

/** The text without bidirectional control characters (for `<title>` and other plain-text places). */
export function stripBidi(s: string): string {
  return s.replace(BIDI_CONTROLS, '');
}

/** Length in characters (code points), ignoring white space. */
export function visibleLength(s: string): number {
  let n = 0;
  for (const ch of s) if (!/\s/u.test(ch)) n++;
  return n;
}

/** Remove all white space (ASCII, U+3000 and other Unicode spaces). */
export function squash(s: string): string {
  return s.replace(/\s+/gu, '');
}

/** Sentence-final punctuation, optionally followed by closing quotes or brackets. */
const TERMINAL = /[。！？!?…；;](?:[”’」』）)\]】]*)$/u;

/** True when the text ends a sentence (so a following block starts a new paragraph). */
export function endsSentence(s: string): boolean {
  const t = s.trimEnd();
  if (TERMINAL.test(t)) return true;
  // A closing quote after a complete quotation, e.g. ……”言犹在耳 is not; “……。” is handled above.
  return false;
}

/** Punctuation that may stand inside a sentence. */
export const CLAUSE_PUNCT = /[，、：；,:]/u;

/**
 * Join the lines of one block. Line breaks inside a block are layout, not content: CJK text is joined
 * directly; a space is kept only between two Latin letters or digits.
 */
export function joinLines(lines: readonly string[]): string {
  // Lines of space-separated items (a list of names) keep a space where they break.
  const list = lines.length > 1 && lines.every((l) => (l.trim().match(/\s+/gu) ?? []).length >= 2);
  if (list)
    return lines
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' ');
  let out = '';
  for (const line of lines) {
    const t = line.trim();
    if (!t) continue;
    if (out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(t)) out += ' ';
    out += t;
  }
  return out;
}

/** Character bigrams of the CJK runs of a text (used for topical overlap). */
export function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const runs = s.match(/[\u3400-\u9fff]+/gu) ?? [];
  for (const run of runs) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** Share of `a`'s bigrams that occur in `b` (0 when `a` has none). */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / a.size;
}

/** Small Chinese or Arabic numbers as used for page numbers and counts (一 … 九十九, 1 … 999). */
export function smallNumber(s: string): number | null {
  const n = cnNumber(s.trim());
  return n !== null && n < 1000 ? n : null;
}

const CN_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十 (for page labels). */
export function toChineseNumber(n: number): string {
  if (n < 10) return CN_NUMERALS[n]!;
  if (n < 20) return '十' + (n % 10 ? CN_NUMERALS[n % 10] : '');
  if (n < 100) return CN_NUMERALS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_NUMERALS[n % 10] : '');
  return String(n);
}
