/** WOFF → SFNT: the installed Noto Sans SC subsets open in MuPDF once converted. */
import { readFileSync } from 'node:fs';
import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import { notoFaces } from '../site/cards.ts';
import { woffToSfnt } from './woff.ts';

describe('woffToSfnt', () => {
  it('turns a @fontsource subset into a font MuPDF reads, with the characters of its range', () => {
    const face = notoFaces().find(
      (f) => f.weight === 400 && f.ranges.some(([lo, hi]) => lo <= 0x62a5 && 0x62a5 <= hi),
    )!;
    const woff = readFileSync(face.file);
    expect(() => new mupdf.Font('raw', woff)).toThrow();
    const font = new mupdf.Font('converted', woffToSfnt(woff));
    expect(font.encodeCharacter('报')).toBeGreaterThan(0);
  });

  it('refuses what is not WOFF 1.0', () => {
    expect(() => woffToSfnt(Buffer.from('wOF2 not this one'))).toThrow(/not a WOFF 1\.0 font/u);
  });
});
