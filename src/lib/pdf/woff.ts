/**
 * WOFF 1.0 → SFNT (TrueType/OpenType): MuPDF's FreeType reads neither WOFF nor WOFF2, and the
 * only CJK font installed with the project (@fontsource/noto-sans-sc) comes as WOFF. A WOFF file is
 * an SFNT whose tables are zlib-compressed one by one (W3C WOFF 1.0 §4–5); this inflates them and
 * writes the plain table directory back.
 */
import { inflateSync } from 'node:zlib';

const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

interface Table {
  tag: Buffer;
  checksum: number;
  data: Buffer;
}

const padded = (n: number) => (n + 3) & ~3;

function readTables(woff: Buffer, count: number): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const at = WOFF_HEADER + WOFF_ENTRY * i;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const original = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compressed);
    tables.push({
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compressed < original ? inflateSync(raw) : raw,
    });
  }
  return tables;
}

/** The SFNT font a WOFF 1.0 file holds. Throws on anything that is not WOFF 1.0. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < WOFF_HEADER || woff.toString('latin1', 0, 4) !== 'wOFF') {
    throw new Error('not a WOFF 1.0 font');
  }
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = readTables(woff, count);
  const dirSize = SFNT_HEADER + SFNT_ENTRY * count;
  const out = Buffer.alloc(dirSize + tables.reduce((n, t) => n + padded(t.data.length), 0));
  let power = 1;
  let log = 0;
  while (power * 2 <= count) {
    power *= 2;
    log++;
  }
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * SFNT_ENTRY, 6);
  out.writeUInt16BE(log, 8);
  out.writeUInt16BE((count - power) * SFNT_ENTRY, 10);
  let offset = dirSize;
  tables.forEach((t, i) => {
    const at = SFNT_HEADER + SFNT_ENTRY * i;
    t.tag.copy(out, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += padded(t.data.length);
  });
  return out;
}
