/**
 * Files whose lines are partly UTF-8 and partly GB18030 (two dumps pasted together): decoded line by
 * line, each line in the encoding it is valid in, with a note saying which lines were read how.
 */
import { Buffer } from 'node:buffer';
import iconv from 'iconv-lite';
import { decodeWith, type Decoded } from './detect.ts';
import { plural } from './notes.ts';
import { profile } from './profile.ts';

/**
 * How a line of a possibly mixed file reads (see decodeMixed):
 * - ascii: ASCII only, the same in both encodings;
 * - utf8: valid UTF-8 and not clean Chinese as GB18030: UTF-8;
 * - gb: invalid UTF-8 and clean Chinese as GB18030: GB18030;
 * - gbWeak: invalid UTF-8, valid GB18030 but not mostly Han (punctuation, symbols): GB18030, weak evidence;
 * - either: valid UTF-8 and clean Chinese as GB18030: as the lines before it;
 * - broken: neither: decoded leniently (U+FFFD) as the lines before it.
 */
type LineKind = 'ascii' | 'utf8' | 'gb' | 'gbWeak' | 'either' | 'broken';

const LABEL: Record<'utf-8' | 'gb18030', string> = { 'utf-8': 'UTF-8', gb18030: 'GB18030' };
/** More runs than this are summed up in the note instead of listed. */
const MAX_LISTED_RUNS = 6;

/**
 * A file whose lines are partly UTF-8 and partly GB18030 (two dumps pasted together), decoded line
 * by line; null when the file is not such a mix (then whole-file detection decides). A file counts
 * as mixed only when at least one line can only be UTF-8 and at least one line can only be
 * GB18030 Chinese; lines that read either way, or neither, follow the line before them (or, at the
 * start, the first decided line after). Line ends are kept as they are for clean().
 */
export function decodeMixed(bytes: Uint8Array): Decoded | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  /** [start, end of content, end with line break] per line; a final empty line is left out */
  const spans: [number, number, number][] = [];
  /** per line: null for ASCII, else whether it is valid UTF-8 */
  const utf8: (boolean | null)[] = [];
  let validLines = 0;
  let invalidLines = 0;
  const n = bytes.length;
  for (let start = 0; start < n;) {
    let end = start;
    let ascii = true;
    while (end < n && bytes[end] !== 0x0a && bytes[end] !== 0x0d) {
      if (bytes[end]! >= 0x80) ascii = false;
      end++;
    }
    const next = end < n && bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? end + 2 : Math.min(end + 1, n);
    spans.push([start, end, next]);
    const valid = ascii ? null : validUtf8(bytes, start, end);
    utf8.push(valid);
    if (valid === true) validLines++;
    if (valid === false) invalidLines++;
    start = next;
  }
  if (validLines === 0 || invalidLines === 0) return null;

  const kinds: (LineKind | undefined)[] = new Array(spans.length);
  const classify = (i: number): LineKind => {
    const known = kinds[i];
    if (known !== undefined) return known;
    const valid = utf8[i];
    let kind: LineKind = 'ascii';
    if (valid !== null) {
      const [start, end] = spans[i]!;
      const gb = profile(iconv.decode(buf.subarray(start, end), 'gb18030'));
      const gbClean = gb.fffd === 0 && gb.controls === 0 && gb.pua === 0;
      const gbHan = gbClean && gb.han >= gb.nonAsciiVisible * 0.5;
      if (valid) kind = gbHan ? 'either' : 'utf8';
      else if (gbHan) kind = 'gb';
      else kind = gbClean ? 'gbWeak' : 'broken';
    }
    kinds[i] = kind;
    return kind;
  };
  // Cheap refusal first: look for a UTF-8-only line among the valid lines and a GB18030-only line
  // among the invalid ones, the smaller group first, stopping at the first found.
  const find = (wanted: LineKind, valid: boolean): boolean =>
    utf8.some((v, i) => v === valid && classify(i) === wanted);
  const mixed =
    validLines <= invalidLines
      ? find('utf8', true) && find('gb', false)
      : find('gb', false) && find('utf8', true);
  if (!mixed) return null;
  const lineKinds = spans.map((_, i) => classify(i));

  // Each line's encoding: its own when decided, else the line before's (the first decided line's at the start).
  const decided = (k: LineKind): 'utf-8' | 'gb18030' | null =>
    k === 'utf8' ? 'utf-8' : k === 'gb' || k === 'gbWeak' ? 'gb18030' : null;
  let current = decided(lineKinds.find((k) => decided(k) !== null)!)!;
  const parts: string[] = [];
  const runs: { encoding: 'utf-8' | 'gb18030'; from: number; to: number }[] = [];
  let lenient = false;
  for (const [i, [start, end, next]] of spans.entries()) {
    const kind = lineKinds[i]!;
    current = decided(kind) ?? current;
    if (kind === 'broken') lenient = true;
    const content = bytes.subarray(start, end);
    parts.push(
      current === 'utf-8'
        ? decodeWith('utf-8', content)
        : iconv.decode(buf.subarray(start, end), 'gb18030', { stripBOM: false }),
      decodeWith('utf-8', bytes.subarray(end, next)),
    );
    const last = runs.at(-1);
    if (last && last.encoding === current) last.to = i + 1;
    else runs.push({ encoding: current, from: i + 1, to: i + 1 });
  }

  const range = (r: { from: number; to: number }): string =>
    r.from === r.to ? `line ${r.from}` : `lines ${r.from}–${r.to}`;
  let note: string;
  if (runs.length <= MAX_LISTED_RUNS) {
    const listed = runs.map((r) => `${range(r)} as ${LABEL[r.encoding]}`);
    note = `mixed encodings: decoded ${listed.slice(0, -1).join(', ')} and ${listed.at(-1)!}`;
  } else {
    const count = (e: 'utf-8' | 'gb18030'): number =>
      runs.filter((r) => r.encoding === e).reduce((sum, r) => sum + r.to - r.from + 1, 0);
    note =
      `mixed encodings: decoded ${plural(count('utf-8'), 'line')} as UTF-8 and ${count('gb18030')} as GB18030 ` +
      `in ${runs.length} alternating runs (first change at line ${runs[1]!.from})`;
  }
  return { encoding: 'utf-8+gb18030', text: parts.join(''), notes: [note], lenient };
}

/** Whether bytes[start, end) are well-formed UTF-8 (as a fatal TextDecoder would accept them). */
function validUtf8(bytes: Uint8Array, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return false;
    if (i + need >= end) return false;
    const c1 = bytes[i + 1]!;
    if (c1 < lo || c1 > hi) return false;
    for (let k = 2; k <= need; k++) {
      const ck = bytes[i + k]!;
      if (ck < 0x80 || ck > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}
