/**
 * Fonts for the PDFs the typesetter writes: Noto Sans SC (@fontsource/noto-sans-sc, OFL-1.1,
 * installed with the project), regular and bold, loaded into MuPDF subset by subset. The package
 * cuts each weight into ~100 WOFF files by `unicode-range` (read by the share cards' parser,
 * src/lib/site/cards.ts); a character is drawn with the first subset of its weight that covers it,
 * converted to SFNT on first use (woff.ts). The PDF embeds each subset used as a CID font with a
 * ToUnicode map, so the text layer extracts as Unicode; `PDFDocument.subsetFonts()` then keeps
 * only the glyphs drawn.
 */
import { readFileSync } from 'node:fs';
import * as mupdf from 'mupdf';
import { notoFaces, type FontFace } from '../site/cards.ts';
import { woffToSfnt } from './woff.ts';

export type Weight = 400 | 700;

/** A character ready to draw: the font that has it and its glyph. */
export interface Glyph {
  font: mupdf.Font;
  gid: number;
}

/** Noto Sans SC in MuPDF, subset files loaded on demand. */
export class FontSet {
  private readonly faces: FontFace[] = notoFaces();
  private readonly loaded = new Map<string, mupdf.Font>();

  /** per subset file: how many of its code points each glyph is drawn for */
  private readonly shared = new Map<string, Map<number, number>>();

  private covering(cp: number, weight: Weight): FontFace[] {
    return this.faces.filter((f) => f.weight === weight && f.ranges.some(([lo, hi]) => cp >= lo && cp <= hi));
  }

  /**
   * A glyph that two code points of a subset share (U+00B7 · and U+30FB ・) extracts as only one
   * of them: such a subset is used for that character only when no other subset has it alone.
   */
  private sharesGlyph(face: FontFace, gid: number): boolean {
    let counts = this.shared.get(face.file);
    if (!counts) {
      const font = this.font(face);
      counts = new Map();
      // The subset's character map, not only its CSS range, decides (about 10 ms a subset).
      for (let cp = 0x20; cp < 0x10000; cp++) {
        const g = font.encodeCharacter(cp);
        if (g > 0) counts.set(g, (counts.get(g) ?? 0) + 1);
      }
      this.shared.set(face.file, counts);
    }
    return (counts.get(gid) ?? 0) > 1;
  }

  private font(face: FontFace): mupdf.Font {
    let font = this.loaded.get(face.file);
    if (!font) {
      const name = face.weight === 700 ? 'NotoSansSC-Bold' : 'NotoSansSC-Regular';
      font = new mupdf.Font(name, woffToSfnt(readFileSync(face.file)));
      this.loaded.set(face.file, font);
    }
    return font;
  }

  /** The glyph for a character, or null when no subset of that weight holds it. */
  glyph(ch: string, weight: Weight): Glyph | null {
    const cached = this.glyphs.get(`${weight}${ch}`);
    if (cached !== undefined) return cached;
    let found: Glyph | null = null;
    for (const face of this.covering(ch.codePointAt(0)!, weight)) {
      const font = this.font(face);
      const gid = font.encodeCharacter(ch);
      if (gid <= 0) continue;
      if (!found) found = { font, gid };
      if (!this.sharesGlyph(face, gid)) {
        found = { font, gid };
        break;
      }
    }
    if (found && this.sharesGlyph(this.faceOf(found.font), found.gid)) {
      // Every subset shares it (· with • and ・): a base-14 font names it alone (WinAnsi).
      const gid = this.helvetica.encodeCharacter(ch);
      if (gid > 0) found = { font: this.helvetica, gid };
    }
    this.glyphs.set(`${weight}${ch}`, found);
    return found;
  }

  private readonly glyphs = new Map<string, Glyph | null>();
  private readonly helvetica = new mupdf.Font('Helvetica');

  private faceOf(font: mupdf.Font): FontFace {
    const file = [...this.loaded].find(([, f]) => f === font)![0];
    return this.faces.find((f) => f.file === file)!;
  }

  /** The advance of a character in ems (1 for CJK, less for Latin and digits; 1 when missing). */
  advance(ch: string, weight: Weight): number {
    const key = `${weight}${ch}`;
    let a = this.advances.get(key);
    if (a === undefined) {
      const g = this.glyph(ch, weight);
      a = g ? g.font.advanceGlyph(g.gid) : 1;
      this.advances.set(key, a);
    }
    return a;
  }

  private readonly advances = new Map<string, number>();
}
