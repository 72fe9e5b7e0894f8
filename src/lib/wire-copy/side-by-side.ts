/**
 * Two printings of one text side by side, as plain data for the comparison page: paragraphs
 * aligned by the `diff` package (diffArrays over paragraphs compared without white space and
 * punctuation), and within each run of paragraphs that differ, a diff of the run's words (Intl.Segmenter's
 * Chinese dictionary; a diff of characters matches stray single characters) — so
 * a paragraph cut short, a sentence added, a paragraph split in two show as such. Each side's
 * paragraphs are lists of segments: `same` (both print it), `only` (this side alone: cut by the
 * other, or added by this one). The titles are compared the same way (retitled or not). Pure.
 */
import { diffArrays } from 'diff';
import { normalise } from './minhash.ts';

/** A printing to compare: its title and body paragraphs. */
export interface Printing {
  title: string;
  paragraphs: readonly string[];
}

/** A stretch of text on one side: printed by both, or by this side only. */
export interface Segment {
  kind: 'same' | 'only';
  text: string;
}

/** A paragraph of one side, as segments. */
export type Paragraph = Segment[];

/** One aligned row: the paragraphs of each side that correspond (either may be empty). */
export interface Row {
  a: Paragraph[];
  b: Paragraph[];
  /** both sides print the same paragraphs (up to white space and punctuation) */
  same: boolean;
}

/** The comparison of two printings. */
export interface SideBySide {
  title: { a: Paragraph; b: Paragraph; retitled: boolean };
  rows: Row[];
  /** characters (letters and digits) both print, only A prints (B cut them), only B prints (B added them) */
  chars: { same: number; onlyA: number; onlyB: number };
}

/** The most word edits the diff looks for in one run before it shows the run as wholly different. */
export const MAX_EDITS = 3000;

const counted = (text: string) => normalise(text).length;

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/** A text's words (Intl.Segmenter, Chinese dictionary), '\n' a word of its own. */
export function words(text: string): string[] {
  return Array.from(WORDS.segment(text), (s) => s.segment);
}

/** Two texts' word diff as changes of text. */
function wordDiff(a: string, b: string): Change[] | undefined {
  const parts = diffArrays(words(a), words(b), { maxEditLength: MAX_EDITS });
  return parts?.map((p) => ({ value: p.value.join(''), added: !!p.added, removed: !!p.removed }));
}

/** Two texts as segments per side, split into paragraphs at '\n'. */
function charRun(a: string, b: string): { a: Paragraph[]; b: Paragraph[] } {
  const changes = wordDiff(a, b);
  if (!changes) return { a: a.split('\n').map(only), b: b.split('\n').map(only) };
  const sides = { a: [[]] as Paragraph[], b: [[]] as Paragraph[] };
  const push = (side: Paragraph[], kind: Segment['kind'], text: string) => {
    text.split('\n').forEach((piece, k) => {
      if (k > 0) side.push([]);
      if (!piece) return;
      const para = side[side.length - 1]!;
      const last = para[para.length - 1];
      if (last && last.kind === kind) last.text += piece;
      else para.push({ kind, text: piece });
    });
  };
  for (const c of islandsOut(changes)) {
    if (!c.added) push(sides.a, c.removed ? 'only' : 'same', c.value);
    if (!c.removed) push(sides.b, c.added ? 'only' : 'same', c.value);
  }
  return sides;
}

/** Characters of a chance match between changed text that count as changed (的, 在 between rewritten clauses). */
export const ISLAND = 2;

type Change = { value: string; added: boolean; removed: boolean };

/**
 * A match of ISLAND characters or fewer between changes (or a change and the start or end) is a
 * coincidence of the diff, not shared text: it is shown as changed on both sides.
 */
function islandsOut(changes: readonly Change[]): Change[] {
  const out: Change[] = [];
  changes.forEach((c, k) => {
    const before = changes[k - 1];
    const after = changes[k + 1];
    const changedAround =
      (!before || before.added || before.removed) && (!after || after.added || after.removed);
    if (
      c.added ||
      c.removed ||
      c.value.length > ISLAND ||
      c.value.includes('\n') ||
      !changedAround ||
      (!before && !after)
    ) {
      out.push(c);
      return;
    }
    out.push(
      { value: c.value, added: false, removed: true },
      { value: c.value, added: true, removed: false },
    );
  });
  return out;
}

function only(text: string): Paragraph {
  return text ? [{ kind: 'only', text }] : [];
}

/** Count a side's characters by kind into `into`. */
function tally(paras: readonly Paragraph[], into: { same: number; only: number }): void {
  for (const p of paras) for (const s of p) into[s.kind] += counted(s.text);
}

/** Compare printing `a` (the earlier) with printing `b`. */
export function sideBySide(a: Printing, b: Printing): SideBySide {
  const rows: Row[] = [];
  const parts = diffArrays([...a.paragraphs], [...b.paragraphs], {
    comparator: (x, y) => normalise(x) === normalise(y),
  });
  let cut: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (!cut.length && !added.length) return;
    const run =
      cut.length && added.length
        ? charRun(cut.join('\n'), added.join('\n'))
        : { a: cut.map(only), b: added.map(only) };
    rows.push({ a: run.a, b: run.b, same: false });
    cut = [];
    added = [];
  };
  let ia = 0;
  let ib = 0;
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    if (part.removed) {
      cut.push(...a.paragraphs.slice(ia, ia + n));
      ia += n;
    } else if (part.added) {
      added.push(...b.paragraphs.slice(ib, ib + n));
      ib += n;
    } else {
      flush();
      for (let k = 0; k < n; k++) {
        rows.push({
          a: [[{ kind: 'same', text: a.paragraphs[ia + k]! }]],
          b: [[{ kind: 'same', text: b.paragraphs[ib + k]! }]],
          same: true,
        });
      }
      ia += n;
      ib += n;
    }
  }
  flush();
  const left = { same: 0, only: 0 };
  const right = { same: 0, only: 0 };
  for (const r of rows) {
    tally(r.a, left);
    tally(r.b, right);
  }
  const retitled = normalise(a.title) !== normalise(b.title);
  const t = retitled
    ? charRun(a.title, b.title)
    : {
        a: [[{ kind: 'same', text: a.title }]] as Paragraph[],
        b: [[{ kind: 'same', text: b.title }]] as Paragraph[],
      };
  return {
    title: { a: t.a.flat(), b: t.b.flat(), retitled },
    rows,
    chars: { same: left.same, onlyA: left.only, onlyB: right.only },
  };
}
