/**
 * Draw typeset pages (typeset.ts) into a PDF with MuPDF.js: every character as a glyph of the
 * Noto Sans SC subset that holds it (fonts.ts; embedded with a ToUnicode map, so the text layer
 * extracts as the Unicode text set), rules as thin filled rectangles, pictures as a small grey
 * image scaled to the picture area. The fonts are then subset to the glyphs drawn
 * (`PDFDocument.subsetFonts`), which keeps a page at a few tens of KB.
 *
 * A character no font subset holds cannot be drawn and would be lost from the text layer: that is
 * an error naming the characters, not a silent gap.
 */
import * as mupdf from 'mupdf';
import { FontSet, type Weight } from './fonts.ts';
import { layoutPage, type PlacedLine, type PlacedPage, type TypesetPage } from './typeset.ts';
import type { Rect } from './geometry.ts';

const BLACK: mupdf.Color = [0];
const GREY: mupdf.Color = [0.35];

/** A grey 4×4 image, scaled to each picture area (stands in for a photograph). */
function pictureImage(): mupdf.Image {
  const pix = new mupdf.Pixmap(mupdf.ColorSpace.DeviceGray, [0, 0, 4, 4], false);
  pix.clear(190);
  const image = new mupdf.Image(pix);
  pix.destroy();
  return image;
}

function drawLine(dev: mupdf.Device, fonts: FontSet, line: PlacedLine, missing: Set<string>) {
  const text = new mupdf.Text();
  const baseline = line.y + line.size * 0.88;
  for (const { ch, x } of line.chars) {
    const g = fonts.glyph(ch, line.weight as Weight);
    if (!g) {
      // White space without a glyph is only room; anything else would be lost from the text.
      if (ch.trim()) missing.add(ch);
      continue;
    }
    text.showGlyph(g.font, [line.size, 0, 0, -line.size, x, baseline], g.gid, ch.codePointAt(0)!, 0);
  }
  dev.fillText(text, mupdf.Matrix.identity, mupdf.ColorSpace.DeviceGray, BLACK, 1);
  text.destroy();
}

function fillRect(dev: mupdf.Device, r: Rect) {
  const path = new mupdf.Path();
  path.rect(r.x0, r.y0, r.x1, r.y1);
  dev.fillPath(path, false, mupdf.Matrix.identity, mupdf.ColorSpace.DeviceGray, GREY, 1);
  path.destroy();
}

function drawPage(
  dev: mupdf.Device,
  fonts: FontSet,
  placed: PlacedPage,
  image: mupdf.Image,
  missing: Set<string>,
) {
  for (const r of placed.rules) fillRect(dev, r);
  for (const p of placed.pictures) dev.fillImage(image, [p.x1 - p.x0, 0, 0, p.y1 - p.y0, p.x0, p.y0], 1);
  for (const line of placed.lines) drawLine(dev, fonts, line, missing);
}

/** Non-white-space characters with their counts, as a sortable key. */
function charKey(texts: readonly string[]): string {
  return Array.from(texts.join('').replace(/\s+/gu, '')).sort().join('');
}

/**
 * Read the PDF's text layer back and compare each page's characters with what was set: a glyph
 * that extracts as another character (two code points sharing a glyph) must not pass unnoticed.
 */
function verifyTextLayer(pdf: Uint8Array, placed: readonly PlacedPage[]) {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    placed.forEach((p, i) => verifyPage(doc, p, i));
  } finally {
    doc.destroy();
  }
}

function pageText(doc: mupdf.Document, i: number): string {
  const page = doc.loadPage(i);
  const stext = page.toStructuredText('preserve-whitespace');
  try {
    return stext.asText();
  } finally {
    stext.destroy();
    page.destroy();
  }
}

function verifyPage(doc: mupdf.Document, p: PlacedPage, i: number) {
  {
    const got = charKey([pageText(doc, i)]);
    const want = charKey(p.lines.map((l) => l.chars.map((c) => c.ch).join('')));
    if (got !== want) {
      const g = new Set(Array.from(got));
      const w = new Set(Array.from(want));
      const lost = [...w].filter((c) => !g.has(c)).join('');
      const added = [...g].filter((c) => !w.has(c)).join('');
      throw new Error(
        `typeset: page ${i + 1}'s text layer differs from the text set (lost "${lost}", extra "${added}")`,
      );
    }
  }
}

/** The PDF of these pages, and where everything was placed on each. */
export function writePdf(
  pages: readonly TypesetPage[],
  fonts: FontSet = new FontSet(),
): { pdf: Uint8Array; placed: PlacedPage[] } {
  const buffer = new mupdf.Buffer();
  const writer = new mupdf.DocumentWriter(buffer, 'pdf', '');
  const image = pictureImage();
  const missing = new Set<string>();
  const placed = pages.map((page) => {
    const p = layoutPage(fonts, page);
    const dev = writer.beginPage([0, 0, p.width, p.height]);
    drawPage(dev, fonts, p, image, missing);
    writer.endPage();
    return p;
  });
  writer.close();
  // MuPDF's objects live in the wasm heap (at most 4 GB, never shrinking): a typeset archive
  // (npm run bench -- --pdf, 48 issues) ran out of it when they were left to the garbage collector
  writer.destroy();
  image.destroy();
  const written = buffer.asUint8Array().slice();
  buffer.destroy();
  if (missing.size) throw new Error(`typeset: no font has ${[...missing].join(' ')}`);
  const doc = new mupdf.PDFDocument(written);
  doc.subsetFonts();
  const saved = doc.saveToBuffer('compress,garbage=compact');
  const pdf = saved.asUint8Array().slice();
  saved.destroy();
  doc.destroy();
  verifyTextLayer(pdf, placed);
  return { pdf, placed };
}
