/**
 * Letter-spaced lines. OCR and some PDF text layers put a space between every two characters of a
 * line (本 报 讯 （ 记 者 王 明 ）, a headline set with tracking, a line the engine read glyph by
 * glyph). Read as written, such a line is twice as long as its column, no byline or heading form
 * matches it and no dictionary word is found in it. Before the layout is read, a line where nearly
 * every gap between Chinese characters is one space has those single spaces taken out; wider gaps
 * (the two spaces between a headline's phrases, 稳 中 求 进   开 局) stay. Spaces are white space:
 * conservation counts nothing that is removed here, and the source view shows the line as written.
 */

/** A Chinese character, CJK punctuation or a full-width form. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201d]/u;

/** At least this many single-spaced gaps … */
const MIN_SPACED = 3;
/** … making at least this share of the gaps between Chinese characters. */
const MIN_SHARE = 0.8;

/**
 * Whether the line is set with a space between (nearly) every two Chinese characters: at least
 * three such gaps making 80% of them, or — a short line such as 公 示 — one space in every gap.
 */
export function isLetterSpaced(line: string): boolean {
  const chars = Array.from(line.trim());
  let spaced = 0;
  let tight = 0;
  for (let i = 1; i < chars.length; i++) {
    const [a, b] = [chars[i - 1]!, chars[i]!];
    if (b === ' ' && chars[i + 1] !== undefined && chars[i + 1] !== ' ' && a !== ' ') {
      if (CJK.test(a) || CJK.test(chars[i + 1]!)) spaced++;
    } else if (a !== ' ' && b !== ' ' && CJK.test(a) && CJK.test(b)) tight++;
  }
  // A short line tracked throughout (公 示, 青 溪 报): every gap is one space.
  if (tight === 0 && spaced > 0 && !/\S\s{2,}\S|\S[^ \S]\S/u.test(line.trim())) return true;
  return spaced >= MIN_SPACED && spaced >= MIN_SHARE * (spaced + tight);
}

/**
 * The line with the single spaces of its letter-spacing taken out (unchanged when it is not
 * letter-spaced). Every single space goes, between digits and Latin letters too (2 0 2 5 年,
 * L I N J I A N G): in a line set with tracking a real gap is wider than one space.
 */
export function collapseLetterSpacing(line: string): string {
  if (!isLetterSpaced(line)) return line;
  const lead = /^\s*/u.exec(line)![0];
  return lead + line.slice(lead.length).replace(/(?<=\S) (?=\S)/gu, '');
}
