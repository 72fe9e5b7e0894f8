/** Character statistics of a candidate decoding, and whether it reads as Chinese-or-plain text. */
import { charClass } from './char-class.ts';

/** Character statistics used to judge a candidate decoding. */
export interface Profile {
  /** code points */
  chars: number;
  fffd: number;
  /** C0 (except \t \n \r), DEL and C1 */
  controls: number;
  /** private use area (BMP) — typical of mis-decoded GB18030 */
  pua: number;
  /** Han ideographs */
  han: number;
  /** non-ASCII characters that are not whitespace */
  nonAsciiVisible: number;
}

/** One pass over a decoded text, counting what judges it (see charClass). */
export function profile(s: string): Profile {
  let chars = 0;
  let fffd = 0;
  let controls = 0;
  let pua = 0;
  let han = 0;
  let nonAsciiVisible = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const k = charClass(s.charCodeAt(i));
    if (k === 'low-surrogate') continue; // counted with its high surrogate
    chars++;
    if (k === 'control') controls++;
    else if (k === 'fffd' || k === 'han' || k === 'pua' || k === 'other') {
      nonAsciiVisible++;
      if (k === 'fffd') fffd++;
      else if (k === 'han') han++;
      else if (k === 'pua') pua++;
    }
  }
  return { chars, fffd, controls, pua, han, nonAsciiVisible };
}

/** Plausible Chinese-or-plain text: little junk, and Han dominates the non-ASCII characters. */
export function plausible(p: Profile, maxJunkShare: number): boolean {
  if (p.chars === 0) return false;
  if (p.fffd + p.controls > p.chars * maxJunkShare) return false;
  return p.han >= p.nonAsciiVisible * 0.5;
}
