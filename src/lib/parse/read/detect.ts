/**
 * Encoding detection: which encoding a file's bytes are in (byte order mark, strict UTF-8, BOM-less
 * UTF-16 by its NUL pattern, UTF-8 and GB18030 lines mixed, GB18030), and the decoded text.
 */
import { Buffer } from 'node:buffer';
import iconv from 'iconv-lite';
import { decodeMixed } from './mixed.ts';
import { plausible, profile, type Profile } from './profile.ts';

/** Share of unreadable characters (U+FFFD + removed controls) above which input is binary. */
export const BINARY_SHARE = 0.1;
/** How many bytes the BOM-less UTF-16 sniffing looks at. */
const SNIFF_BYTES = 1 << 16;

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'utf-8+gb18030';

export interface Decoded {
  encoding: Encoding;
  text: string;
  notes: string[];
  /** whether the decoder had to replace invalid byte sequences by U+FFFD */
  lenient: boolean;
  /** profile of `text`, when detection already computed it */
  profile?: Profile;
}

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

export function decodeWith(encoding: string, bytes: Uint8Array): string {
  // ignoreBOM: true keeps any U+FEFF in place; the caller has already cut the BOM bytes.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/** Decode a whole file: by its byte order mark, else as strict UTF-8, BOM-less UTF-16, mixed lines, GB18030 or lenient UTF-8. */
export function detectAndDecode(bytes: Uint8Array): Decoded {
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

export function tryStrictUtf8(bytes: Uint8Array): string | null {
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
