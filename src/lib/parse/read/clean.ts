/**
 * Cleaning a decoded text in one pass: newlines normalised to \n, control characters removed (and
 * counted exactly), and the statistics the reader's notes and checks need, with line numbers.
 */
import { charClass, isVisible } from './char-class.ts';

/** How many removed characters removedSample shows. */
const SAMPLE_SIZE = 20;

/** The cleaned text and what cleaning found, with the line of each first occurrence. */
export interface Cleaned {
  text: string;
  /** code points in the decoded text */
  chars: number;
  /** non-whitespace characters kept */
  visible: number;
  han: number;
  fffd: number;
  firstFffdLine: number;
  removedCount: number;
  removedSample: string;
  firstRemovedLine: number;
  crlf: number;
  lf: number;
  cr: number;
  firstCrLine: number;
  firstBreak: 'LF' | 'CRLF' | 'CR' | null;
  firstDeviationLine: number;
}

function hex4(c: number): string {
  return '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
}

/** One pass: normalise newlines, drop controls, gather statistics with line numbers. */
export function clean(s: string): Cleaned {
  const parts: string[] = [];
  let segStart = 0;
  let line = 1;
  let chars = 0;
  let visible = 0;
  let han = 0;
  let fffd = 0;
  let firstFffdLine = 0;
  let removedCount = 0;
  let removedSample = '';
  let firstRemovedLine = 0;
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let firstCrLine = 0;
  let firstBreak: Cleaned['firstBreak'] = null;
  let firstDeviationLine = 0;

  const lineBreak = (kind: 'LF' | 'CRLF' | 'CR'): void => {
    if (firstBreak === null) firstBreak = kind;
    else if (kind !== firstBreak && firstDeviationLine === 0) firstDeviationLine = line;
    line++;
  };

  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const k = charClass(c);
    if (k === 'low-surrogate') continue; // second half of a pair already counted
    chars++;
    if (k === 'lf') {
      lf++;
      lineBreak('LF');
    } else if (k === 'cr') {
      if (i + 1 < n && s.charCodeAt(i + 1) === 0x0a) {
        chars++;
        crlf++;
        parts.push(s.slice(segStart, i));
        segStart = i + 1; // keep the \n
        i++;
        lineBreak('CRLF');
      } else {
        cr++;
        if (firstCrLine === 0) firstCrLine = line;
        parts.push(s.slice(segStart, i), '\n');
        segStart = i + 1;
        lineBreak('CR');
      }
    } else if (k === 'control') {
      removedCount++;
      if (removedCount <= SAMPLE_SIZE) removedSample += hex4(c);
      if (firstRemovedLine === 0) firstRemovedLine = line;
      if (segStart < i) parts.push(s.slice(segStart, i));
      segStart = i + 1;
    } else if (isVisible(k)) {
      visible++;
      if (k === 'han') han++;
      else if (k === 'fffd') {
        fffd++;
        if (firstFffdLine === 0) firstFffdLine = line;
      }
    }
  }

  let text: string;
  if (parts.length === 0) text = s;
  else {
    parts.push(s.slice(segStart));
    text = parts.join('');
  }

  return {
    text,
    chars,
    visible,
    han,
    fffd,
    firstFffdLine,
    removedCount,
    removedSample,
    firstRemovedLine,
    crlf,
    lf,
    cr,
    firstCrLine,
    firstBreak,
    firstDeviationLine,
  };
}
