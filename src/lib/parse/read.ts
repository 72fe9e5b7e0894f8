/**
 * read — turn the raw bytes of one newspaper-issue dump into clean text.
 *
 * Detects the encoding (BOM, UTF-8, GB18030, BOM-less UTF-16 by NUL pattern),
 * normalises newlines to \n, strips control characters (counting them exactly)
 * and rejects input that is empty, binary or has no Chinese text at all.
 *
 * Mixed encodings: a file whose lines are partly UTF-8 and partly GB18030 (two dumps pasted
 * together) is decoded line by line, each line in the encoding it is valid in, and a note says which
 * lines were read how ("mixed encodings: decoded lines 1–40 as UTF-8 and lines 41–90 as GB18030").
 * We decode rather than refuse because nothing is lost: every line comes out as written and the
 * reader is told. A file counts as mixed only when some line can only be UTF-8 and another only
 * GB18030 Chinese, so files in one encoding decode exactly as before.
 *
 * Bidirectional controls (U+202E and the like) are kept in the text, with a note; the pages isolate
 * them and leave them out of page titles (see BIDI_CONTROLS in text.ts).
 *
 * Everything is a handful of linear passes over the input; a 10 MB file takes
 * well under a second.
 */
import { createHash } from 'node:crypto';
import { Buffer } from 'node:buffer';
import iconv from 'iconv-lite';
import { BIDI_CONTROLS } from '../text/characters.ts';

export type Newline = 'LF' | 'CRLF' | 'CR' | 'mixed' | 'none';

export interface SourceText {
  /** file name as given (for messages) */
  file: string;
  /**
   * detected encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030', or
   * 'utf-8+gb18030' for a file whose lines mix the two (see decodeMixed; a note says which lines)
   */
  encoding: string;
  /** byte length of the input */
  bytes: number;
  /** lowercase hex sha256 of the raw bytes */
  sha256: string;
  newline: Newline;
  /**
   * decoded text with newlines normalised to \n, BOM removed, NUL and other
   * C0/C1 control characters (except \n and \t; DEL U+007F counts as a control
   * character too) removed; U+3000 and other whitespace kept as is
   */
  text: string;
  /** text.split('\n') — line i (0-based) is source line i+1 */
  lines: string[];
  /** human-readable notes about repairs, e.g. 'removed 3 control characters (first at line 12)', 'decoded as GB18030' */
  notes: string[];
  /**
   * exact number of characters removed from the decoded text (the control
   * characters above). Not counted: the leading byte order mark, and the CR of
   * a CRLF / the CR replaced by LF during newline normalisation.
   */
  removedCount: number;
  /** the first 20 removed characters, each escaped as \uXXXX (upper-case hex), concatenated */
  removedSample: string;
}

export class InputError extends Error {
  /** file name as given */
  file: string;
  /** 1-based source line, when the problem is tied to one */
  line: number | undefined;
  /** the message without the `file:line: ` prefix */
  reason: string;

  constructor(file: string, message: string, line?: number) {
    super(`${file}${line ? ':' + line : ''}: ${message}`);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
    this.reason = message;
  }

  override toString(): string {
    return this.message;
  }
}

/** Share of unreadable characters (U+FFFD + removed controls) above which input is binary. */
const BINARY_SHARE = 0.1;
/** How many bytes the BOM-less UTF-16 sniffing looks at. */
const SNIFF_BYTES = 1 << 16;
/** How many removed characters removedSample shows. */
const SAMPLE_SIZE = 20;

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'utf-8+gb18030';

interface Decoded {
  encoding: Encoding;
  text: string;
  notes: string[];
  /** whether the decoder had to replace invalid byte sequences by U+FFFD */
  lenient: boolean;
  /** profile of `text`, when detection already computed it */
  profile?: Profile;
}

/** Character statistics used to judge a candidate decoding. */
interface Profile {
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

function profile(s: string): Profile {
  let chars = 0;
  let fffd = 0;
  let controls = 0;
  let pua = 0;
  let han = 0;
  let nonAsciiVisible = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      chars++;
      continue;
    }
    if (isLowSurrogate(c)) continue; // counted with its high surrogate
    chars++;
    if (c < 0x80 || (c <= 0x9f && c >= 0x7f)) {
      if (isControl(c)) controls++;
      continue;
    }
    if (isWhitespace(c)) continue;
    nonAsciiVisible++;
    if (c === 0xfffd) fffd++;
    else if (isHanBmp(c) || isHanHighSurrogate(c)) han++;
    else if (c >= 0xe000 && c <= 0xf8ff) pua++;
  }
  return { chars, fffd, controls, pua, han, nonAsciiVisible };
}

/**
 * BOM-less UTF-16: NUL bytes (the high byte of ASCII characters) sitting almost
 * mostly (80%+) at odd offsets (LE) or even offsets (BE). Returns the guess and the NUL share.
 */
function sniffUtf16(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; nulShare: number } | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const zeros = even + odd;
  if (zeros < 2 || zeros < n * 0.005) return null;
  const nulShare = zeros / n;
  if (odd >= zeros * 0.8) return { encoding: 'utf-16le', nulShare };
  if (even >= zeros * 0.8) return { encoding: 'utf-16be', nulShare };
  return null;
}

/** Plausible Chinese-or-plain text: little junk, and Han dominates the non-ASCII characters. */
function plausible(p: Profile, maxJunkShare: number): boolean {
  if (p.chars === 0) return false;
  if (p.fffd + p.controls > p.chars * maxJunkShare) return false;
  return p.han >= p.nonAsciiVisible * 0.5;
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  // ignoreBOM: true keeps any U+FEFF in place; the caller has already cut the BOM bytes.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function detectAndDecode(bytes: Uint8Array): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];

  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const body = bytes.subarray(3);
    const strict = tryStrictUtf8(body);
    if (strict !== null) return { encoding: 'utf-8-bom', text: strict, notes: [], lenient: false };
    const mixed = decodeMixed(body);
    if (mixed) return mixed;
    return { encoding: 'utf-8-bom', text: decodeWith('utf-8', body), notes: [], lenient: true };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    const body = bytes.subarray(2);
    return {
      encoding: 'utf-16le',
      text: decodeWith('utf-16le', body),
      notes: [],
      lenient: !wellFormed16(body),
    };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    const body = bytes.subarray(2);
    return {
      encoding: 'utf-16be',
      text: decodeWith('utf-16be', body),
      notes: [],
      lenient: !wellFormed16(body, true),
    };
  }

  const strict = tryStrictUtf8(bytes);

  const sniff = sniffUtf16(bytes);
  if (sniff && (strict === null || sniff.nulShare >= 0.1)) {
    const text = decodeWith(sniff.encoding, bytes);
    const p = profile(text);
    if (plausible(p, 0.01) && p.fffd <= Math.max(1, p.chars * 0.001)) {
      const label = sniff.encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
      return {
        encoding: sniff.encoding,
        text,
        notes: [`decoded as ${label} (no byte order mark; guessed from the NUL byte pattern)`],
        lenient: p.fffd > 0,
      };
    }
  }

  if (strict !== null) return { encoding: 'utf-8', text: strict, notes: [], lenient: false };

  // Not valid UTF-8: UTF-8 and GB18030 lines mixed, GB18030, UTF-8 with a few broken bytes, or junk.
  const mixed = decodeMixed(bytes);
  if (mixed) return mixed;
  const utf8 = decodeWith('utf-8', bytes);
  const utf8Profile = profile(utf8);
  const utf8Bad = utf8Profile.fffd;
  const gbRaw = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030', {
    stripBOM: false,
  });
  const gb = profile(gbRaw);
  if (plausible(gb, BINARY_SHARE) && gb.fffd + gb.pua < utf8Bad) {
    const notes = ['decoded as GB18030'];
    let text = gbRaw;
    if (text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
      notes.push('removed GB18030 byte order mark');
    }
    return { encoding: 'gb18030', text, notes, lenient: gb.fffd > 0 };
  }
  return { encoding: 'utf-8', text: utf8, notes: [], lenient: true, profile: utf8Profile };
}

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
function decodeMixed(bytes: Uint8Array): Decoded | null {
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

function tryStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 body has even length and no unpaired surrogates (i.e. decodes without U+FFFD insertion). */
function wellFormed16(body: Uint8Array, bigEndian = false): boolean {
  if (body.length % 2 !== 0) return false;
  const hi = bigEndian ? 0 : 1;
  const lo = bigEndian ? 1 : 0;
  let expectLow = false;
  for (let i = 0; i < body.length; i += 2) {
    const u = ((body[i + hi] ?? 0) << 8) | (body[i + lo] ?? 0);
    const low = u >= 0xdc00 && u <= 0xdfff;
    if (expectLow !== low) return false;
    expectLow = u >= 0xd800 && u <= 0xdbff;
  }
  return !expectLow;
}

interface Cleaned {
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
function clean(s: string): Cleaned {
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
    if (c > 0x20 && c < 0x7f) {
      chars++;
      visible++;
      continue;
    }
    if (c === 0x0a) {
      chars++;
      lf++;
      lineBreak('LF');
      continue;
    }
    if (c === 0x0d) {
      chars++;
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
      continue;
    }
    if (isLowSurrogate(c)) continue; // second half of a pair already counted
    chars++;
    if (isControl(c)) {
      removedCount++;
      if (removedCount <= SAMPLE_SIZE) removedSample += hex4(c);
      if (firstRemovedLine === 0) firstRemovedLine = line;
      if (segStart < i) parts.push(s.slice(segStart, i));
      segStart = i + 1;
      continue;
    }
    if (isWhitespace(c)) continue;
    visible++;
    if (isHanBmp(c) || isHanHighSurrogate(c)) han++;
    else if (c === 0xfffd) {
      fffd++;
      if (firstFffdLine === 0) firstFffdLine = line;
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

function rejectBinary(file: string, chars: number, unreadable: number): void {
  if (chars > 0 && unreadable > chars * BINARY_SHARE) {
    const pct = Math.round((unreadable / chars) * 100);
    throw new InputError(file, `not text: looks like binary data (${pct}% unreadable bytes)`);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Note on the bidirectional control characters kept in the text, or null when there are none. */
function bidiNote(text: string): string | null {
  let count = 0;
  let first = -1;
  for (const m of text.matchAll(BIDI_CONTROLS)) {
    if (count++ === 0) first = m.index;
  }
  if (count === 0) return null;
  const code = 'U+' + text.charCodeAt(first).toString(16).toUpperCase().padStart(4, '0');
  const line = text.slice(0, first).split('\n').length;
  return (
    `kept ${plural(count, 'bidirectional control character')} (${count > 1 ? 'first ' : ''}${code} at line ${line}): ` +
    'isolated on the page, left out of page titles'
  );
}

/**
 * Decode one issue dump. Throws InputError when the input is empty (or only
 * whitespace), binary, or contains no Chinese text.
 */
export function decodeIssue(bytes: Uint8Array, file: string): SourceText {
  if (bytes.length === 0) throw new InputError(file, 'empty file');

  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const decoded = detectAndDecode(bytes);
  // Junk that detection already profiled is rejected before the (allocating) clean-up pass.
  // profile() and clean() count chars, U+FFFD and controls identically.
  if (decoded.profile) {
    const p = decoded.profile;
    rejectBinary(file, p.chars, p.fffd + p.controls);
  }
  const c = clean(decoded.text);
  rejectBinary(file, c.chars, c.fffd + c.removedCount);
  if (c.visible === 0) throw new InputError(file, 'empty file');
  if (c.han === 0) throw new InputError(file, 'no Chinese text found');

  const notes = [...decoded.notes];
  if (c.fffd > 0) {
    notes.push(
      decoded.lenient
        ? `replaced ${plural(c.fffd, 'undecodable byte sequence')} with U+FFFD (first at line ${c.firstFffdLine})`
        : `text contains ${plural(c.fffd, 'U+FFFD replacement character')} (first at line ${c.firstFffdLine})`,
    );
  }
  if (c.removedCount > 0) {
    notes.push(
      `removed ${plural(c.removedCount, 'control character')} (first at line ${c.firstRemovedLine})`,
    );
  }

  const bidi = bidiNote(c.text);
  if (bidi) notes.push(bidi);

  const kinds = (c.crlf > 0 ? 1 : 0) + (c.lf > 0 ? 1 : 0) + (c.cr > 0 ? 1 : 0);
  let newline: Newline;
  if (kinds === 0) newline = 'none';
  else if (kinds > 1) {
    newline = 'mixed';
    notes.push(
      `mixed line ends (${c.crlf} CRLF, ${c.lf} LF, ${c.cr} CR) normalised to LF ` +
        `(first differing from ${c.firstBreak ?? 'LF'} at line ${c.firstDeviationLine})`,
    );
  } else if (c.crlf > 0) newline = 'CRLF';
  else if (c.lf > 0) newline = 'LF';
  else {
    newline = 'CR';
    notes.push(`converted ${plural(c.cr, 'CR line end')} to LF (first at line ${c.firstCrLine})`);
  }

  return {
    file,
    encoding: decoded.encoding,
    bytes: bytes.length,
    sha256,
    newline,
    text: c.text,
    lines: c.text.split('\n'),
    notes,
    removedCount: c.removedCount,
    removedSample: c.removedSample,
  };
}
