// extractPdf lets go of every MuPDF object it makes: they live in the wasm heap, which never
// shrinks, so one left open per page grows a PDF archive's build with every page read.
import * as mupdf from 'mupdf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../parse/read.ts';
import { extractPdf } from './extract.ts';
import { FontSet } from './fonts.ts';
import { writePdf } from './pdf-writer.ts';
import type { TypesetPage } from './typeset.ts';

const PAGE: TypesetPage = {
  masthead: [],
  header: ['青溪报  2025年3月6日  星期四  第2版  综合'],
  footer: ['责任编辑：周红'],
  articles: [
    {
      kicker: null,
      headline: '县图书馆推出读书月活动',
      subtitle: null,
      byline: null,
      caption: null,
      paragraphs: [
        { text: '本报讯 县图书馆日前推出“书香青溪”读书月活动，包括名家讲座、亲子阅读等十余项内容。' },
      ],
    },
  ],
  columns: 2,
  seed: 1,
};

/** Every Document, Page and StructuredText made while `run` runs, to check they were destroyed. */
function madeDuring(run: () => void): { pointer: number }[] {
  const made: { pointer: number }[] = [];
  const open = mupdf.Document.openDocument.bind(mupdf.Document);
  vi.spyOn(mupdf.Document, 'openDocument').mockImplementation((...a) => {
    const doc = open(...(a as Parameters<typeof open>));
    made.push(doc);
    return doc;
  });
  const loadPage = mupdf.PDFDocument.prototype.loadPage;
  vi.spyOn(mupdf.PDFDocument.prototype, 'loadPage').mockImplementation(function (this: mupdf.PDFDocument, i) {
    const page = loadPage.call(this, i);
    made.push(page);
    return page;
  });
  const toText = mupdf.Page.prototype.toStructuredText;
  vi.spyOn(mupdf.Page.prototype, 'toStructuredText').mockImplementation(function (this: mupdf.Page, o) {
    const stext = toText.call(this, o);
    made.push(stext);
    return stext;
  });
  try {
    run();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
  }
  return made;
}

afterEach(() => vi.restoreAllMocks());

describe('extractPdf', () => {
  const { pdf } = writePdf([PAGE, PAGE, PAGE], new FontSet());

  it('destroys the document, each page and its text once read', () => {
    const made = madeDuring(() => expect(extractPdf(pdf, 'x.pdf')).toHaveLength(3));
    expect(made.length).toBe(1 + 3 + 3);
    expect(made.filter((m) => m.pointer !== 0)).toEqual([]);
  });

  it('gives back the font wrapper of every character the walk hands over', () => {
    // each holds a reference to its font; collection would give it back, but its finalizers do
    // not run while a build reads file after file (a one-year archive ran out of wasm heap)
    const handed: { pointer: number }[] = [];
    const walk = mupdf.StructuredText.prototype.walk;
    vi.spyOn(mupdf.StructuredText.prototype, 'walk').mockImplementation(function (
      this: mupdf.StructuredText,
      walker,
    ) {
      return walk.call(this, {
        ...walker,
        onChar: (...a: Parameters<NonNullable<typeof walker.onChar>>) => {
          handed.push(a[2]);
          walker.onChar?.(...a);
        },
        onImageBlock: (...a: Parameters<NonNullable<typeof walker.onImageBlock>>) => {
          handed.push(a[2]);
          walker.onImageBlock?.(...a);
        },
      });
    });
    extractPdf(pdf, 'x.pdf');
    expect(handed.length).toBeGreaterThan(50);
    expect(handed.filter((h) => h.pointer !== 0)).toEqual([]);
  });

  it('destroys the document when the PDF is refused', () => {
    const blank = writePdf([{ ...PAGE, header: [], footer: [], articles: [] }], new FontSet()).pdf;
    const made = madeDuring(() => extractPdf(blank, 'blank.pdf'));
    expect(made.length).toBeGreaterThan(0);
    expect(made.filter((m) => m.pointer !== 0)).toEqual([]);
  });
});
