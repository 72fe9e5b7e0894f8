/** A PDF seed in the loader's shape: its text lines are the source the issue's line numbers point into. */
import { describe, expect, it } from 'vitest';
import { writePdf } from './pdf-writer.ts';
import { isPdfName, parsePdfSeed, pdfSourceLines } from './seed.ts';

const PAGE = {
  masthead: [],
  header: ['临江日报  2025年3月1日  星期六  第3版  城事'],
  footer: [],
  columns: 3,
  seed: 0,
  articles: [
    {
      kicker: null,
      headline: '城区新增口袋公园十二处',
      subtitle: null,
      byline: null,
      caption: null,
      paragraphs: [
        { text: '本报讯（记者 刘洋）记者从市城管局获悉，今年城区将新建口袋公园十二处，方便市民就近休闲。' },
      ],
    },
  ],
};

describe('parsePdfSeed', () => {
  it('gives the issue and its text lines as the source, line numbers pointing into them', () => {
    const { pdf } = writePdf([PAGE]);
    const { issue, source } = parsePdfSeed(pdf, '/seeds/ljrb-p3.pdf', {
      catalog: { papers: [] },
      name: 'ljrb-p3.pdf',
    });
    expect(source.file).toBe('ljrb-p3.pdf');
    expect(source.bytes).toBe(pdf.length);
    expect(issue.sources[0]!.sha256).toBe(source.sha256);
    expect(source.lines[0]).toBe(PAGE.header[0]);
    const [article] = issue.articles;
    expect(source.lines[article!.paragraphs[0]!.lines[0]! - 1]).toContain('记者从市城管局获悉');
    expect(pdfSourceLines(pdf, 'ljrb-p3.pdf')).toEqual(source.lines);
  });

  it('typesets the same page to the same bytes (test PDFs need not be stored)', () => {
    expect(Buffer.from(writePdf([PAGE]).pdf).equals(Buffer.from(writePdf([PAGE]).pdf))).toBe(true);
  });

  it('knows a PDF by its name', () => {
    expect([isPdfName('a/b.PDF'), isPdfName('b.pdf'), isPdfName('b.txt')]).toEqual([true, true, false]);
  });
});
