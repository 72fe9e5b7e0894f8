/**
 * Whether the text formed across a seam is attested elsewhere in the same article: the three
 * characters that straddle the seam (two before and one after, one before and two after) occur
 * again in the surrounding text. A list printed as 不准…；不准…；不 | 准… repeats what the seam
 * makes; a seam between two unrelated texts makes a string the article never prints again.
 */
import { squash } from '../../text/characters.ts';

/** The strings of three characters that straddle the seam between left and right. */
function straddling(left: string, right: string): string[] {
  const l = Array.from(squash(left));
  const r = Array.from(squash(right));
  if (l.length < 2 || r.length < 2) return [];
  return [l.slice(-2).join('') + r[0], l.at(-1)! + r.slice(0, 2).join('')];
}

function occurrences(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) n++;
  return n;
}

/**
 * How often the strings straddling the seam occur in `context` (the article's text, which holds
 * both sides but not the seam itself, since the two sides are not joined yet).
 */
export function attestedAcrossSeam(left: string, right: string, context: readonly string[]): number {
  const text = context.map(squash).join('\n');
  return straddling(left, right).reduce((n, s) => n + occurrences(text, s), 0);
}
