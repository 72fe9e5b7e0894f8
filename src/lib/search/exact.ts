/**
 * Exact matching for the search page: what a reader typed, found as written.
 *
 * Pagefind gives candidates (it matches words by prefix, and a Chinese query's characters
 * anywhere on the page); this module decides which candidates really contain the query, counts
 * the occurrences, ranks the articles, builds the excerpts and places the highlights.
 *
 * Rules:
 *  - the query is split into terms at spaces; text in quotes ("…", “…”, 「…」, 『…』) is one term
 *    even with spaces inside, and a quoted term means the same as an unquoted one: exact;
 *  - every term must occur in the article (in its headline, kicker or subtitle when `headline`
 *    only is asked), as written: a run of Chinese characters as that exact string;
 *  - a term that begins (ends) with a Latin letter or a digit must begin (end) a word there: DRG
 *    is not found in ADRG, 5G not in 15G, 2021年 not in 12021年 (but in 2021年3月);
 *  - full-width Latin letters and digits match their ASCII forms, capitals match small letters.
 *
 * No imports: the search page and the article page's highlighter bundle it into their classic
 * scripts (src/lib/search/inline.ts), so it also runs from file://. Unit tests: exact.test.ts.
 */

/** Opening quote → closing quote. */
const QUOTES: Readonly<Record<string, string>> = {
  '"': '"',
  '＂': '＂',
  '“': '”',
  '”': '”',
  '「': '」',
  '『': '』',
};

/** Punctuation trimmed from the ends of an unquoted term (typed or pasted along with it). */
const EDGE =
  /^[\s,.;:!?，。、；：！？…—·'‘’()（）《》<>【】[\]]+|[\s,.;:!?，。、；：！？…—·'‘’()（）《》<>【】[\]]+$/g;

/**
 * The text folded for comparison: full-width ASCII forms to ASCII, the ideographic space to a
 * space, A–Z to a–z. One UTF-16 unit for one, so offsets in the folded text are offsets in the text.
 */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    if (c >= 65 && c <= 90) c += 32;
    out += String.fromCharCode(c);
  }
  return out;
}

/** A character that belongs to a Latin word or a number (after folding). */
function wordChar(c: string | undefined): boolean {
  return c !== undefined && /[0-9a-z\u00c0-\u024f]/.test(c);
}

/** The terms of a query, in the order typed, without repeats. */
export function parseQuery(raw: string): string[] {
  const terms: string[] = [];
  const add = (t: string, quoted: boolean) => {
    const term = (quoted ? t.trim() : t.replace(EDGE, '')).replace(/\s+/g, ' ');
    if (term && !terms.some((x) => fold(x) === fold(term))) terms.push(term);
  };
  const s = raw || '';
  let word = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    const close = QUOTES[c];
    if (close !== undefined) {
      add(word, false);
      word = '';
      const end = s.indexOf(close, i + 1);
      const stop = end < 0 ? s.length : end;
      add(s.slice(i + 1, stop), true);
      i = stop;
    } else if (/\s/.test(c)) {
      add(word, false);
      word = '';
    } else word += c;
  }
  add(word, false);
  return terms;
}

/** The query as written back into the search box and the URL: terms with spaces inside quoted. */
export function formatQuery(terms: readonly string[]): string {
  return terms.map((t) => (/\s/.test(t) ? '“' + t + '”' : t)).join(' ');
}

/**
 * What to ask Pagefind for candidates: the terms' words, unquoted (Pagefind's own phrase search
 * misses a query that starts or ends inside a word; the candidates are checked here anyway).
 */
export function candidateQuery(terms: readonly string[]): string {
  return terms.join(' ');
}

/** A range of a text, [start, end). */
export type Range = [number, number];

/**
 * Where `term` occurs in `text` (both as given; folded here), without overlaps, as [start, end).
 * `folded` is fold(text), when the caller has it.
 */
export function occurrences(text: string, term: string, folded?: string): Range[] {
  const t = folded === undefined ? fold(text) : folded;
  const q = fold(term);
  const out: Range[] = [];
  if (!q) return out;
  const edgeStart = wordChar(q[0]);
  const edgeEnd = wordChar(q[q.length - 1]);
  let from = 0;
  for (;;) {
    const at = t.indexOf(q, from);
    if (at < 0) break;
    const end = at + q.length;
    if ((!edgeStart || !wordChar(t[at - 1])) && (!edgeEnd || !wordChar(t[end]))) {
      out.push([at, end]);
      from = end;
    } else from = at + 1;
  }
  return out;
}

/** Every occurrence of any of the terms, in text order, overlaps merged into one range. */
export function hitRanges(text: string, terms: readonly string[]): Range[] {
  const folded = fold(text);
  const all: Range[] = [];
  for (const term of terms) for (const r of occurrences(text, term, folded)) all.push(r);
  all.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const r of all) {
    const last = merged[merged.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The text cut into pieces, every occurrence of a term a marked piece (for result lines and highlights). */
export function markedPieces(text: string, terms: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  let pos = 0;
  for (const [start, end] of hitRanges(text, terms)) {
    if (start > pos) pieces.push({ text: text.slice(pos, start), hit: false });
    pieces.push({ text: text.slice(start, end), hit: true });
    pos = end;
  }
  if (pos < text.length) pieces.push({ text: text.slice(pos), hit: false });
  return pieces;
}

/** True when every term occurs in one of the texts (a term does not run from one text into the next). */
export function containsAll(texts: readonly string[], terms: readonly string[]): boolean {
  return terms.length > 0 && terms.every((term) => texts.some((x) => occurrences(x, term).length > 0));
}

/** An article Pagefind (or the index for file://) proposes, as the checks read it. */
export interface Candidate {
  url: string;
  /** the article's indexed text (Pagefind's fragment `content`) */
  content: string;
  /** headline */
  title: string;
  kicker?: string;
  subtitle?: string;
  /** ISO date */
  date?: string;
  /** Pagefind's score (none from file://) */
  score?: number;
}

/** A candidate that contains the query, with what ranks it. */
export interface Verified<C extends Candidate = Candidate> {
  item: C;
  /** how many terms the headline, kicker or subtitle contain */
  inHeads: number;
  /** occurrences of the terms in the text */
  hits: number;
}

/** What else a candidate must satisfy besides holding the terms. */
export interface VerifyOptions {
  /** every term in the headline, kicker or subtitle */
  headline?: boolean;
  /** first month (YYYY-MM) */
  from?: string;
  /** last month (YYYY-MM) */
  to?: string;
}

/** The candidate checked against the terms: null when it does not contain them all. */
export function verify<C extends Candidate>(
  item: C,
  terms: readonly string[],
  options: VerifyOptions = {},
): Verified<C> | null {
  if (options.from || options.to) {
    const month = (item.date || '').slice(0, 7);
    if (!/^\d{4}-\d{2}$/.test(month)) return null;
    if (options.from && month < options.from) return null;
    if (options.to && month > options.to) return null;
  }
  const heads = [item.title, item.kicker, item.subtitle].filter((x) => !!x).map(String);
  const inHeads = terms.filter((t) => heads.some((h) => occurrences(h, t).length > 0)).length;
  if (options.headline) {
    if (inHeads < terms.length) return null;
  } else if (!containsAll([item.content, ...heads], terms)) return null;
  const content = item.content || '';
  const folded = fold(content);
  let hits = 0;
  for (const t of terms) hits += occurrences(content, t, folded).length;
  return { item, inHeads, hits };
}

/** How results are ordered: by relevance (''), by date newest or oldest first. */
export type SortOrder = '' | 'date-desc' | 'date-asc';

/**
 * Ranked: by relevance, articles whose headline, kicker or subtitle holds every term first, then
 * some term, then the rest; within each, more occurrences first; then Pagefind's score, the newer
 * date, the URL. By date (`date-desc`, `date-asc`): the date, then relevance. `terms`: how many
 * terms the query has.
 */
export function rank<V extends Verified>(list: readonly V[], sort: SortOrder = '', terms = 1): V[] {
  const tier = (v: Verified) => (v.inHeads >= terms ? 2 : v.inHeads > 0 ? 1 : 0);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const relevance = (a: Verified, b: Verified) =>
    tier(b) - tier(a) ||
    b.hits - a.hits ||
    (b.item.score || 0) - (a.item.score || 0) ||
    cmp(b.item.date || '', a.item.date || '') ||
    cmp(a.item.url, b.item.url);
  return list.slice().sort((a, b) => {
    if (sort === 'date-desc') return cmp(b.item.date || '', a.item.date || '') || relevance(a, b);
    if (sort === 'date-asc') return cmp(a.item.date || '~', b.item.date || '~') || relevance(a, b);
    return relevance(a, b);
  });
}

/** Ends of a sentence (with the closing quotes or brackets that follow them). */
const SENTENCE_END = /[。！？；!?]+[”’」』）)]*/g;

/**
 * The article's text without the headings Pagefind puts first (kicker, headline, subtitle, in
 * whatever order), so that an excerpt does not repeat the headline shown above it.
 */
export function bodyText(content: string, heads: readonly string[]): string {
  let body = (content || '').trim();
  const list = heads.filter((h) => !!h).flatMap((h) => [h, '【' + h + '】']);
  for (let changed = true; changed;) {
    changed = false;
    for (const h of list) {
      if (body.startsWith(h)) {
        body = body.slice(h.length).replace(/^[\s.。:：]+/, '');
        changed = true;
      }
    }
  }
  return body;
}

/**
 * The sentences of a text as [start, end) ranges: cut after 。！？； (and closing quotes), and
 * where Pagefind joined two blocks with ". " after a Chinese character.
 */
export function sentences(text: string): Range[] {
  const cuts: number[] = [];
  for (const m of text.matchAll(SENTENCE_END)) cuts.push((m.index || 0) + m[0].length);
  for (const m of text.matchAll(/[^\x00-\x7f]\. /g)) cuts.push((m.index || 0) + 1);
  cuts.push(text.length);
  cuts.sort((a, b) => a - b);
  const out: Range[] = [];
  let start = 0;
  for (const cut of cuts) {
    if (cut <= start) continue;
    let s = start;
    // a block separator or stray punctuation does not start a sentence
    while (s < cut && /[\s.,，、；;：:]/.test(text[s] || '')) s++;
    if (s < cut) out.push([s, cut]);
    start = cut;
  }
  return out;
}

/** A piece of text, and whether it is an occurrence of a term (shown marked). */
export interface Piece {
  text: string;
  hit: boolean;
}

/**
 * An excerpt of about `max` characters: the whole sentences that hold the first hits (the first
 * of each term, then further hits), in text order, joined with … where text is left out; a
 * sentence longer than the room left is cut around its hit, with … at the cut. Marked pieces are
 * whole occurrences of a term. Without hits (a headline-only match), the opening sentences.
 * `heads` (headline, kicker, subtitle) are left out of the excerpt.
 */
export function excerpt(
  content: string,
  terms: readonly string[],
  heads: readonly string[],
  max = 110,
): Piece[] {
  const body = bodyText(content, heads);
  const ranges = hitRanges(body, terms);
  const sents = sentences(body);
  if (!sents.length) return [];
  /** sentence indexes chosen */
  const chosen: number[] = [];
  const sentenceAt = (pos: number) => sents.findIndex((s) => pos >= s[0] && pos < s[1]);
  // the first hit of each term, then the other hits, in text order
  const folded = fold(body);
  const firsts: number[] = [];
  for (const t of terms) {
    const o = occurrences(body, t, folded)[0];
    if (o) firsts.push(o[0]);
  }
  firsts.sort((a, b) => a - b);
  const order = [...firsts, ...ranges.map((r) => r[0])];
  if (!order.length) order.push(0);
  let used = 0;
  for (const pos of order) {
    const k = Math.max(0, sentenceAt(pos));
    if (chosen.includes(k)) continue;
    if (used > 0 && used + (sents[k]?.[1] ?? 0) - (sents[k]?.[0] ?? 0) > max * 1.3) continue;
    chosen.push(k);
    used += (sents[k]?.[1] ?? 0) - (sents[k]?.[0] ?? 0);
    if (used >= max) break;
  }
  // without hits: the opening sentences up to the length
  if (!ranges.length)
    for (let k = 1; k < sents.length && used < max * 0.6; k++) {
      chosen.push(k);
      used += (sents[k]?.[1] ?? 0) - (sents[k]?.[0] ?? 0);
    }
  chosen.sort((a, b) => a - b);
  const pieces: Piece[] = [];
  const push = (text: string, hit: boolean) => {
    if (!text) return;
    const last = pieces[pieces.length - 1];
    if (last && last.hit === hit && !hit) last.text += text;
    else pieces.push({ text, hit });
  };
  const room = Math.max(40, Math.floor(max / chosen.length));
  const limit = chosen.length > 1 ? room : max;
  let prev = -2;
  let prevCut = false;
  chosen.forEach((k) => {
    const [s0, s1] = sents[k]!;
    let a = s0;
    let b = s1;
    if (b - a > limit) {
      const first = ranges.find((r) => r[0] >= s0 && r[0] < s1);
      const at = first ? first[0] : s0;
      a = Math.max(s0, at - Math.floor(limit / 3));
      b = Math.min(s1, a + limit);
      // do not cut a hit in two
      const across = ranges.find((r) => r[0] < b && r[1] > b);
      if (across) b = across[1];
    }
    // … where text is left out: between sentences that do not follow each other, at a cut
    if (!prevCut && (a !== s0 || (prev >= 0 && k !== prev + 1))) push('…', false);
    let pos = a;
    for (const r of ranges) {
      if (r[1] <= a || r[0] >= b) continue;
      const from = Math.max(r[0], a);
      const to = Math.min(r[1], b);
      push(body.slice(pos, from), false);
      push(body.slice(from, to), true);
      pos = to;
    }
    push(body.slice(pos, b), false);
    prevCut = b < s1;
    if (prevCut) push('…', false);
    prev = k;
  });
  // no … twice in a row
  return pieces.map((p) => (p.hit ? p : { text: p.text.replace(/…{2,}/g, '…'), hit: false }));
}
