/**
 * The one classification of UTF-16 code units that both passes over a decoded text use: judging a
 * candidate decoding (profile.ts) and cleaning the chosen one (clean.ts). They must agree on what a
 * control character, white space or Han character is, so that a file rejected as binary by one is
 * rejected by the other.
 */

/**
 * What a code unit is:
 * - lf, cr: line feed, carriage return;
 * - low-surrogate: second half of a pair (counted with its first half);
 * - control: C0 except tab, LF and CR; DEL; C1 (removed while cleaning);
 * - space: white space as JavaScript's /\s/ has it (space, tab, U+3000 …), except LF and CR;
 * - ascii: printable ASCII other than space;
 * - fffd: U+FFFD, the replacement character;
 * - han: a Han ideograph (BMP, or the high surrogate of planes 2–3);
 * - pua: private use area of the BMP (typical of mis-decoded GB18030);
 * - other: any other visible character.
 */
export type CharClass =
  'lf' | 'cr' | 'low-surrogate' | 'control' | 'space' | 'ascii' | 'fffd' | 'han' | 'pua' | 'other';

/** The class of one UTF-16 code unit. */
export function charClass(c: number): CharClass {
  if (c > 0x20 && c < 0x7f) return 'ascii';
  if (c === 0x0a) return 'lf';
  if (c === 0x0d) return 'cr';
  if (isLowSurrogate(c)) return 'low-surrogate';
  if (isControl(c)) return 'control';
  if (isWhitespace(c)) return 'space';
  if (c === 0xfffd) return 'fffd';
  if (isHanBmp(c) || isHanHighSurrogate(c)) return 'han';
  if (c >= 0xe000 && c <= 0xf8ff) return 'pua';
  return 'other';
}

/** Whether a class is a character a reader sees (not white space, a line end or a control). */
export function isVisible(k: CharClass): boolean {
  return k === 'ascii' || k === 'fffd' || k === 'han' || k === 'pua' || k === 'other';
}

function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
}

/** Same set as JavaScript's /\s/. */
function isWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Han ideograph in the BMP (CJK unified, extension A, compatibility, 〇). */
function isHanBmp(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3007
  );
}

/** High surrogate of a code point in planes 2–3 (CJK extensions B… and compatibility supplement). */
function isHanHighSurrogate(c: number): boolean {
  return c >= 0xd840 && c <= 0xd8bf;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
