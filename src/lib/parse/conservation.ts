/**
 * Conservation: every non-white-space character of the input is accounted for exactly once in the
 * edition — reading text, headings, bylines, captions, tables, markers, masthead, signatures,
 * recorded duplicates or the unclassified list. Derived values (staff names, dates, titles) are
 * not part of the account.
 */
import type { Issue } from '../model/issue.ts';
import { squash } from '../text/characters.ts';

/** Every printed string the edition holds, in reading order. */
export function accountedStrings(
  issue: Pick<Issue, 'masthead' | 'pages' | 'articles' | 'duplicates' | 'unclassified'>,
): string[] {
  const out: string[] = [];
  for (const l of issue.masthead?.lines ?? []) out.push(l.text);
  for (const p of issue.pages) {
    if (p.header) out.push(p.header);
    for (const c of p.credits) out.push(c.text);
  }
  for (const a of issue.articles) {
    for (const s of [a.column, a.kicker, a.headline, a.subtitle, a.byline?.text]) if (s) out.push(s);
    for (const p of a.paragraphs) out.push(p.text);
    for (const c of a.captions) {
      out.push(c.text);
      if (c.credit) out.push(c.credit);
    }
    for (const t of a.tables) for (const row of t.rows) out.push(...row);
    for (const r of a.references) out.push(r.text);
    if (a.signature) out.push(a.signature.text);
  }
  for (const d of issue.duplicates) out.push(d.text);
  for (const u of issue.unclassified) out.push(u.text);
  return out;
}

function histogram(s: string): Map<string, number> {
  const h = new Map<string, number>();
  for (const ch of squash(s)) h.set(ch, (h.get(ch) ?? 0) + 1);
  return h;
}

export interface ConservationReport {
  ok: boolean;
  inputCharacters: number;
  outputCharacters: number;
  /** characters of the input not found in the output (with counts) */
  missing: [string, number][];
  /** characters in the output beyond what the input holds */
  extra: [string, number][];
}

/** Compare the multiset of non-white-space characters of input and edition. */
export function checkConservation(input: string, strings: readonly string[]): ConservationReport {
  const a = histogram(input);
  const b = histogram(strings.join('\n'));
  const missing: [string, number][] = [];
  const extra: [string, number][] = [];
  for (const [ch, n] of a) {
    const m = b.get(ch) ?? 0;
    if (m < n) missing.push([ch, n - m]);
  }
  for (const [ch, n] of b) {
    const m = a.get(ch) ?? 0;
    if (n > m) extra.push([ch, n - m]);
  }
  const count = (h: Map<string, number>) => [...h.values()].reduce((x, y) => x + y, 0);
  return {
    ok: missing.length === 0 && extra.length === 0,
    inputCharacters: count(a),
    outputCharacters: count(b),
    missing,
    extra,
  };
}
