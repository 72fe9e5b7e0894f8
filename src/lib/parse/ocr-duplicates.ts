/**
 * OCR duplicates: text printed twice by the text layer is kept once in the reading text and
 * recorded, so that nothing is lost and the reader can see what was removed.
 *
 * 1. Whole paragraphs that occur twice (after column breaks are rejoined). The copy kept is the
 *    one that fits its article best (shares most character bigrams with the rest of it), so a
 *    paragraph that strayed into a neighbouring article is dropped there.
 * 2. A long run repeated inside one article (≥ 40 characters spanning two clauses), as when a
 *    column's last lines are printed again at the top of the next column.
 */
import type { Article, Duplicate } from '../model/issue.ts';
import { bigrams, squash, visibleLength, CLAUSE_PUNCT } from '../text/characters.ts';

type Para = Article['paragraphs'][number];

const MIN_PARAGRAPH = 20;
const SHINGLE = 20;
const MIN_RUN = 40;

/** Bigram counts of an article's headline and paragraphs (computed once per article). */
function bigramCounts(article: Article): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of [article.headline, ...article.paragraphs.map((p) => p.text)]) {
    for (const g of bigrams(text)) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

/** Share of a paragraph's bigrams found elsewhere in its article. */
function fit(counts: Map<string, number>, p: Para): number {
  const own = bigrams(p.text);
  if (own.size === 0) return 0;
  let shared = 0;
  for (const g of own) if ((counts.get(g) ?? 0) > 1) shared++;
  return shared / own.size;
}

function record(article: Article, duplicate: Duplicate, note: string) {
  article.edits.push({ kind: 'duplicate-removed', note, lines: duplicate.lines });
}

/** Duplicates within one file's articles (their `source` is 0: the file's own index). */
export function removeDuplicates(articles: Article[]): Duplicate[] {
  const out: Duplicate[] = [];

  // 1. Whole paragraphs.
  const groups = new Map<string, { a: Article; p: Para }[]>();
  for (const a of articles) {
    for (const p of a.paragraphs) {
      if (p.role !== 'text' || visibleLength(p.text) < MIN_PARAGRAPH) continue;
      const key = squash(p.text);
      const list = groups.get(key) ?? [];
      list.push({ a, p });
      groups.set(key, list);
    }
  }
  const countsOf = new Map<Article, Map<string, number>>();
  const counts = (a: Article) => {
    let c = countsOf.get(a);
    if (!c) countsOf.set(a, (c = bigramCounts(a)));
    return c;
  };
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    let keep = list[0]!;
    let best = fit(counts(keep.a), keep.p);
    for (const o of list.slice(1)) {
      const f = fit(counts(o.a), o.p);
      if (f > best) {
        best = f;
        keep = o;
      }
    }
    for (const o of list) {
      if (o === keep) continue;
      o.a.paragraphs.splice(o.a.paragraphs.indexOf(o.p), 1);
      const d: Duplicate = {
        text: o.p.text,
        source: 0,
        lines: o.p.lines,
        keptIn: keep.a.id,
        keptLines: keep.p.lines,
      };
      out.push(d);
      record(
        o.a,
        d,
        `重复印出的段落已删去，保留于${keep.a.id === o.a.id ? '本文' : `另一篇（${keep.a.id}）`}`,
      );
    }
  }

  // 2. Long repeated runs inside an article.
  for (const a of articles) {
    const seen = new Set<string>();
    const total = a.paragraphs.reduce((n, p) => n + p.text.length, 0);
    if (total > 200_000) continue;
    for (const p of a.paragraphs) {
      const text = p.text;
      // Code-unit offset of each code point (and of the end), so that a window of SHINGLE
      // characters is one slice of the string.
      const at: number[] = [];
      for (let i = 0; i < text.length; i += text.codePointAt(i)! > 0xffff ? 2 : 1) at.push(i);
      const n = at.length;
      at.push(text.length);
      const window = (k: number) => text.slice(at[k], at[k + SHINGLE]);
      const pieces: string[] = [];
      let keptFrom = 0;
      let k = 0;
      while (k < n) {
        const first = k + SHINGLE <= n ? window(k) : null;
        let end = k;
        if (first !== null && seen.has(first)) {
          end++;
          while (end + SHINGLE <= n && seen.has(window(end))) end++;
        }
        const runEnd = end > k ? end - 1 + SHINGLE : k;
        if (runEnd - k >= MIN_RUN) {
          const run = text.slice(at[k], at[runEnd]);
          if ((run.match(new RegExp(CLAUSE_PUNCT, 'gu')) ?? []).length >= 2) {
            const d: Duplicate = { text: run, source: 0, lines: p.lines, keptIn: a.id, keptLines: p.lines };
            out.push(d);
            record(a, d, '重复印出的一段文字已删去第二份');
            pieces.push(text.slice(keptFrom, at[k]));
            keptFrom = at[runEnd]!;
            k = runEnd;
            continue;
          }
        }
        if (first !== null) seen.add(first);
        k++;
      }
      // windows that end inside the paragraph's tail
      if (pieces.length) p.text = pieces.join('') + text.slice(keptFrom);
    }
  }
  return out;
}
