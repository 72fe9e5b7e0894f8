/**
 * The PDF's text layer and drawing, page by page, with MuPDF.js: every text line with its box,
 * font size and weight (and each character's box), the rules (thin filled or stroked rectangles
 * and lines, which papers draw between articles) and the pictures (images, large filled areas).
 *
 * Lines are MuPDF's lines cut again where two characters of one line stand more than a gutter
 * apart (two column legs on one baseline must not read as one line). A PDF that cannot be opened,
 * or whose pages hold no text at all (a scan), is an InputError naming the file: OCR is not supported.
 */
import * as mupdf from 'mupdf';
import { InputError } from '../parse/read.ts';
import type { Rect } from './geometry.ts';

/** One character as placed. */
export interface PdfChar {
  ch: string;
  box: Rect;
}

/** A line of text on the page: characters on one baseline in one font size, left to right. */
export interface TextLine {
  text: string;
  box: Rect;
  /** font size in points (the most frequent of its characters) */
  size: number;
  /** set in a bold face (most of its characters) */
  bold: boolean;
  chars: PdfChar[];
}

/** One page's text and drawing. */
export interface PdfPageContent {
  width: number;
  height: number;
  lines: TextLine[];
  /** rules: rectangles at most 2 pt thin and at least 20 pt long */
  rules: Rect[];
  /** pictures: images and filled areas at least 20 pt each way */
  pictures: Rect[];
}

const RULE_THIN = 2;
const RULE_LONG = 20;
/** characters further apart than this many ems are not one line */
const LINE_GAP_EMS = 0.9;

const rectOf = (r: readonly number[]): Rect => ({ x0: r[0]!, y0: r[1]!, x1: r[2]!, y1: r[3]! });

function isBoldFont(font: mupdf.Font): boolean {
  return font.isBold() || /bold|heavy|black|semibold|demi/iu.test(font.getName());
}

interface RawChar extends PdfChar {
  size: number;
  bold: boolean;
}

function mostFrequent<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

function toLine(chars: RawChar[]): TextLine {
  const visible = chars.filter((c) => c.ch.trim());
  const basis = visible.length ? visible : chars;
  return {
    text: chars.map((c) => c.ch).join(''),
    box: {
      x0: Math.min(...chars.map((c) => c.box.x0)),
      y0: Math.min(...chars.map((c) => c.box.y0)),
      x1: Math.max(...chars.map((c) => c.box.x1)),
      y1: Math.max(...chars.map((c) => c.box.y1)),
    },
    size: Math.round(mostFrequent(basis.map((c) => c.size)) * 10) / 10,
    bold: basis.filter((c) => c.bold).length * 2 > basis.length,
    chars: chars.map(({ ch, box }) => ({ ch, box })),
  };
}

/** Cut a MuPDF line where its characters stand further apart than a gutter. */
function splitAtGaps(chars: RawChar[]): RawChar[][] {
  const out: RawChar[][] = [];
  let run: RawChar[] = [];
  let lastInk: RawChar | null = null;
  for (const c of chars) {
    if (c.ch.trim() && lastInk && c.box.x0 - lastInk.box.x1 > LINE_GAP_EMS * Math.max(c.size, lastInk.size)) {
      out.push(run);
      run = [];
    }
    run.push(c);
    if (c.ch.trim()) lastInk = c;
  }
  if (run.length) out.push(run);
  // White space at either end of a run belongs to neither column.
  return out
    .map((r) => {
      let a = 0;
      let b = r.length;
      while (a < b && !r[a]!.ch.trim()) a++;
      while (b > a && !r[b - 1]!.ch.trim()) b--;
      return r.slice(a, b);
    })
    .filter((r) => r.length > 0);
}

/** Text never runs across a rule: a line that a vertical rule passes through is two lines. */
function splitAtRules(line: TextLine, vertical: readonly Rect[]): TextLine[] {
  const mid = (line.box.y0 + line.box.y1) / 2;
  const cuts = vertical.filter((r) => r.y0 <= mid && r.y1 >= mid && r.x0 > line.box.x0 && r.x1 < line.box.x1);
  if (cuts.length === 0) return [line];
  const parts: PdfChar[][] = [[]];
  for (const c of line.chars) {
    const centre = (c.box.x0 + c.box.x1) / 2;
    const k = cuts.filter((r) => r.x0 < centre).length;
    while (parts.length <= k) parts.push([]);
    parts[k]!.push(c);
  }
  return parts
    .map((p) => p.filter((c, i) => c.ch.trim() || (i > 0 && i < p.length - 1)))
    .filter((p) => p.some((c) => c.ch.trim()))
    .map((p) => ({
      ...line,
      text: p.map((c) => c.ch).join(''),
      box: {
        x0: Math.min(...p.map((c) => c.box.x0)),
        y0: line.box.y0,
        x1: Math.max(...p.map((c) => c.box.x1)),
        y1: line.box.y1,
      },
      chars: p,
    }));
}

function quadBox(q: readonly number[]): Rect {
  const xs = [q[0]!, q[2]!, q[4]!, q[6]!];
  const ys = [q[1]!, q[3]!, q[5]!, q[7]!];
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function readPage(page: mupdf.Page): PdfPageContent {
  const [x0, y0, x1, y1] = page.getBounds();
  const lines: TextLine[] = [];
  const rules: Rect[] = [];
  const pictures: Rect[] = [];
  let chars: RawChar[] = [];
  // MuPDF objects live in the wasm heap, which never shrinks: each is destroyed once read
  const stext = page.toStructuredText('preserve-whitespace,preserve-images,vectors');
  try {
    stext.walk({
      onImageBlock(bbox, _transform, image) {
        // each wrapper the walk hands over holds a reference of its own (see onChar)
        image.destroy();
        pictures.push(rectOf(bbox));
      },
      onVector(bbox) {
        const r = rectOf(bbox);
        const w = r.x1 - r.x0;
        const h = r.y1 - r.y0;
        if (Math.min(w, h) <= RULE_THIN && Math.max(w, h) >= RULE_LONG) rules.push(r);
        else if (w >= RULE_LONG && h >= RULE_LONG) pictures.push(r);
      },
      beginLine() {
        chars = [];
      },
      onChar(c, _origin, font, size, quad) {
        // The walk wraps each character's font in a Font that holds a reference to it, given back
        // only when the wrapper is destroyed or collected, and collection's finalizers never run
        // while a build parses file after file: every document's fonts stayed in the wasm heap
        // (about 1 MB a page) until a one-year PDF archive ran out of it after ~2,160 pages.
        try {
          chars.push({ ch: c, box: quadBox(quad), size, bold: isBoldFont(font) });
        } finally {
          font.destroy();
        }
      },
      endLine() {
        for (const run of splitAtGaps(chars)) lines.push(toLine(run));
      },
    });
  } finally {
    stext.destroy();
  }
  const vertical = rules.filter((r) => r.y1 - r.y0 > r.x1 - r.x0);
  return {
    width: x1 - x0,
    height: y1 - y0,
    lines: lines.flatMap((l) => splitAtRules(l, vertical)),
    rules,
    pictures,
  };
}

/** Open a PDF and read every page. Throws InputError (one line naming the file) when it cannot. */
export function extractPdf(bytes: Uint8Array, file: string): PdfPageContent[] {
  let doc: mupdf.Document;
  try {
    doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  } catch (e) {
    throw new InputError(file, `not a readable PDF (${String((e as Error).message ?? e).split('\n')[0]})`);
  }
  const pages: PdfPageContent[] = [];
  try {
    if (doc.needsPassword()) throw new InputError(file, 'the PDF is encrypted with a password');
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      try {
        pages.push(readPage(page));
      } finally {
        page.destroy();
      }
    }
  } finally {
    // the document and its pages are freed in the wasm heap, which never shrinks, as soon as read
    doc.destroy();
  }
  if (pages.length === 0) throw new InputError(file, 'the PDF has no pages');
  if (!pages.some((p) => p.lines.some((l) => l.text.trim()))) {
    throw new InputError(file, 'the PDF has no text layer (a scanned page?); OCR is not supported');
  }
  return pages;
}
