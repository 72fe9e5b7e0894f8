/**
 * PDF seeds in the seed folder: listed beside text files, read through the PDF path (src/lib/pdf/),
 * grouped into issues by paper and date like text files, corrected by file and line, kept in the
 * parse cache by their bytes; a scanned PDF (no text layer) is one line naming the file.
 */
import * as mupdf from 'mupdf';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountedStrings, checkConservation } from '../parse/conservation.ts';
import type { Correction } from '../editorial/corrections.ts';
import { writePdf } from '../pdf/pdf-writer.ts';
import { pdfSourceLines } from '../pdf/seed.ts';
import type { TypesetArticle, TypesetPage } from '../pdf/typeset.ts';
import { listSeedFiles } from './files.ts';
import { loadCatalog, loadEdition, parseFile } from './load-folder.ts';
import { diskParseCache } from './parse-cache.ts';

const catalog = loadCatalog(resolve(import.meta.dirname, '../../../content/papers.json'));
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'baokan-pdf-seeds-'));
  made.push(d);
  return d;
};

const article = (headline: string, text: string): TypesetArticle => ({
  kicker: null,
  headline,
  subtitle: null,
  byline: null,
  caption: null,
  paragraphs: [{ text }],
});
const page = (n: number, articles: TypesetArticle[]): TypesetPage => ({
  masthead: [],
  header: [`衡阳日报  2025年3月6日  星期四  第${n}版  综合`],
  footer: [],
  articles,
  columns: 3,
  seed: n,
});
const P1 = page(1, [
  article(
    '城区新增口袋公园十二处',
    '本报讯 记者从市城管局获悉，今年城区将新建口袋公园十二处，方便市民就近休闲。',
  ),
  article(
    '县图书馆推出读书月活动',
    '本报讯 县图书馆日前推出读书月活动，包括名家讲座、亲子阅读、图书漂流等十余项内容。',
  ),
]);
const P2 = page(2, [
  article('春耕备耕正当时', '本报讯 全县提前谋划春耕备耕工作，农资储备充足，价格总体平稳，农户买得放心。'),
]);

/** A PDF whose one page is a picture and no text: what a scanner gives. */
function scannedPdf(): Uint8Array {
  const buffer = new mupdf.Buffer();
  const writer = new mupdf.DocumentWriter(buffer, 'pdf', '');
  const dev = writer.beginPage([0, 0, 200, 200]);
  const pix = new mupdf.Pixmap(mupdf.ColorSpace.DeviceGray, [0, 0, 4, 4], false);
  pix.clear(128);
  dev.fillImage(new mupdf.Image(pix), [100, 0, 0, 100, 50, 50], 1);
  writer.endPage();
  writer.close();
  return buffer.asUint8Array().slice();
}

let p1: Uint8Array;
let p2: Uint8Array;
let dir: string;
beforeAll(() => {
  p1 = writePdf([P1]).pdf;
  p2 = writePdf([P2]).pdf;
  dir = temp();
  writeFileSync(join(dir, 'hyrb-0306-p1.pdf'), p1);
  writeFileSync(join(dir, 'hyrb-0306-p2.PDF'), p2);
  writeFileSync(join(dir, 'scan.pdf'), scannedPdf());
  writeFileSync(join(dir, 'notes.md'), '# not a seed');
});

describe('PDF seeds in the seed folder', () => {
  it('lists PDFs (any case) as seeds beside text files, and other files still as problems', () => {
    const listing = listSeedFiles(dir);
    expect(listing.seeds.map((s) => s.name)).toEqual(['hyrb-0306-p1.pdf', 'hyrb-0306-p2.PDF', 'scan.pdf']);
    expect(listing.problems.map((p) => p.message)).toEqual([
      'notes.md: not a seed: only .txt and .pdf files (and .yaml hints beside them) are read',
    ]);
  });

  it('makes one issue of the two 版 PDFs of one paper and day, each page knowing its PDF page', () => {
    const { issues } = loadEdition(dir, catalog);
    expect(issues).toHaveLength(1);
    const [{ issue }] = issues as [{ issue: (typeof issues)[number]['issue'] }];
    expect(issue.id).toBe('hengyang-daily-2025-03-06');
    expect(issue.sources.map((s) => [s.file, s.encoding])).toEqual([
      ['hyrb-0306-p1.pdf', 'pdf'],
      ['hyrb-0306-p2.PDF', 'pdf'],
    ]);
    expect(issue.pages.map((p) => [p.number, p.source, p.pdf?.index])).toEqual([
      [1, 0, 0],
      [2, 1, 0],
    ]);
    // the typesetter's page: A4 width, at least A4 height (typeset.ts)
    expect(issue.pages[0]!.pdf!.width).toBe(842);
    expect(issue.pages[0]!.pdf!.height).toBeGreaterThanOrEqual(1191);
    expect(issue.articles.map((a) => [a.page, a.headline])).toEqual([
      [0, P1.articles[0]!.headline],
      [0, P1.articles[1]!.headline],
      [1, P2.articles[0]!.headline],
    ]);
    for (const a of issue.articles) {
      const box = a.regions![0]!.box;
      expect(box.x1).toBeGreaterThan(box.x0);
      expect(box.y1).toBeGreaterThan(box.y0);
      expect(box.x1).toBeLessThanOrEqual(842);
    }
  });

  it('reports a scanned PDF by name in one line (OCR is not supported), the others still build', () => {
    const { errors } = loadEdition(dir, catalog);
    expect(errors.map((e) => e.message)).toEqual([
      'notes.md: not a seed: only .txt and .pdf files (and .yaml hints beside them) are read',
      'scan.pdf: the PDF has no text layer (a scanned page?); OCR is not supported',
    ]);
  });

  it('accounts for every character of the PDF text layer', () => {
    const r = parseFile(join(dir, 'hyrb-0306-p1.pdf'), catalog);
    if (!('issue' in r)) throw new Error(r.message);
    expect(r.source.lines).toEqual(pdfSourceLines(p1, 'hyrb-0306-p1.pdf'));
    expect(checkConservation(r.source.text, accountedStrings(r.issue)).ok).toBe(true);
    expect(r.issue.warnings.map((w) => w.code)).not.toContain('conservation-failed');
  });

  it('applies a correction by file and line to the PDF text line, as for text', () => {
    const lines = pdfSourceLines(p1, 'hyrb-0306-p1.pdf');
    const no = lines.findIndex((l) => l.includes('口袋公园十二处')) + 1;
    expect(no).toBeGreaterThan(0);
    const fix: Correction = {
      file: 'hyrb-0306-p1.pdf',
      line: no,
      from: '十二处',
      to: '十三处',
      note: '处数误',
      authority: '市城管局通报',
      by: null,
      date: null,
    };
    const wrong: Correction = { ...fix, from: '不在此行', line: 1 };
    const r = parseFile(join(dir, 'hyrb-0306-p1.pdf'), catalog, [fix, wrong]);
    if (!('issue' in r)) throw new Error(r.message);
    expect(r.source.lines[no - 1]).toBe(lines[no - 1]!.replace('十二处', '十三处'));
    expect(r.issue.articles[0]!.headline).toBe('城区新增口袋公园十三处');
    // as the text parser lists them: the entry without its YAML line
    expect(r.issue.corrections).toEqual([fix]);
    expect(r.issue.warnings.filter((w) => w.code === 'correction-not-applied')).toEqual([
      {
        code: 'correction-not-applied',
        message: 'correction not applied: “不在此行” occurs 0 times in line 1',
        line: 1,
      },
    ]);
    // the site shows the corrected line beside the article (src/data/sources.ts)
    expect(pdfSourceLines(p1, 'hyrb-0306-p1.pdf', [fix])[no - 1]).toBe(r.source.lines[no - 1]);
    expect(checkConservation(r.source.text, accountedStrings(r.issue)).ok).toBe(true);
  });

  it('reads a hints file beside a PDF', () => {
    const d = temp();
    writeFileSync(join(d, 'x.pdf'), p2);
    writeFileSync(join(d, 'x.yaml'), 'date: 2025-03-07\n');
    const { issues } = loadEdition(d, catalog);
    expect(issues[0]!.issue.date.value).toBe('2025-03-07');
  });

  it('keeps a PDF parse in the parse cache under its bytes', () => {
    const d = temp();
    writeFileSync(join(d, 'p1.pdf'), readFileSync(join(dir, 'hyrb-0306-p1.pdf')));
    const cache = diskParseCache(temp(), 'code', catalog);
    const cold = loadEdition(d, catalog, { parseCache: cache });
    expect(cache.counts()).toEqual({ reused: 0, parsed: 1 });
    const warm = loadEdition(d, catalog, { parseCache: cache });
    expect(cache.counts()).toEqual({ reused: 1, parsed: 1 });
    expect(warm.issues[0]!.issue).toEqual(cold.issues[0]!.issue);
    writeFileSync(join(d, 'p1.pdf'), p2);
    loadEdition(d, catalog, { parseCache: cache });
    expect(cache.counts()).toEqual({ reused: 1, parsed: 2 });
  });
});
