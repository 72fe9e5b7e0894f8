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
 *
 * The jobs are in ./read/: detect.ts (which encoding, and the decoded text), mixed.ts (UTF-8 and
 * GB18030 lines mixed), profile.ts (judging a candidate decoding), clean.ts (newlines, control
 * characters), char-class.ts (the one character classification the last two share), notes.ts,
 * input-error.ts. This file puts them together.
 */
import { createHash } from 'node:crypto';
import { clean } from './read/clean.ts';
import { BINARY_SHARE, detectAndDecode } from './read/detect.ts';
import { InputError } from './read/input-error.ts';
import { bidiNote, plural } from './read/notes.ts';

export { InputError } from './read/input-error.ts';

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

/** Throw when too much of the text is unreadable: the input is binary, not text. */
function rejectBinary(file: string, chars: number, unreadable: number): void {
  if (chars > 0 && unreadable > chars * BINARY_SHARE) {
    const pct = Math.round((unreadable / chars) * 100);
    throw new InputError(file, `not text: looks like binary data (${pct}% unreadable bytes)`);
  }
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
