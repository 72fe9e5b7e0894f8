/**
 * The PDF path on PDFs typeset for the test (typeset.ts, pdf-writer.ts): what the reader finds is
 * checked against what was set — the articles' texts and title roles as written below, and the
 * boxes the typesetter gave each article.
 */
import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountedStrings, checkConservation } from '../parse/conservation.ts';
import { InputError } from '../parse/read.ts';
import type { PaperCatalog } from '../parse/paper.ts';
import { FontSet } from './fonts.ts';
import { writePdf } from './pdf-writer.ts';
import { parsePdf, type PdfParse } from './read-pdf.ts';
import type { PlacedPage, TypesetArticle, TypesetPage } from './typeset.ts';
import { overlapArea, type Rect } from './geometry.ts';

const catalog: PaperCatalog = { papers: [] };
const squash = (s: string) => s.replace(/\s+/gu, '');

const LEAD: TypesetArticle = {
  kicker: '春耕备耕正当时',
  headline: '青溪县多措并举保障农资供应',
  subtitle: '——全县储备化肥两万余吨',
  byline: null,
  caption: null,
  paragraphs: [
    {
      text: '本报讯（记者 王晓明 通讯员 李华）3月5日，记者从县农业农村局获悉，今年以来，全县提前谋划春耕备耕工作，农资储备充足，价格总体平稳。',
    },
    {
      text: '在城关镇农资超市，前来选购化肥、种子的农户络绎不绝。“今年的种子品种多，技术员还现场讲解，买得放心。”村民张大伯说。',
    },
    { text: '技术服务进田间', subhead: true },
    {
      text: '县农业农村局组织农技人员深入田间地头，开展技术指导一百余场次，发放明白纸三千余份，帮助农户解决生产难题。',
    },
    { text: '下一步，该县将继续加强农资市场监管，严厉打击假冒伪劣农资，确保春耕生产顺利进行。' },
  ],
};
const PHOTO: TypesetArticle = {
  kicker: null,
  headline: '志愿服务暖人心',
  subtitle: null,
  byline: '■本报记者 陈静',
  caption: '志愿者为社区老人义务理发。■通讯员 王勤 摄',
  paragraphs: [
    { text: '3月5日，青溪县各志愿服务队走进社区、敬老院，开展学雷锋志愿服务活动，为群众送去温暖。' },
    { text: '活动现场，志愿者们为老人理发、测量血压，并耐心讲解健康知识，受到群众欢迎。' },
  ],
};
const BRIEF: TypesetArticle = {
  kicker: null,
  headline: '县图书馆推出读书月活动',
  subtitle: null,
  byline: null,
  caption: null,
  paragraphs: [
    { text: '本报讯 县图书馆日前推出“书香青溪”读书月活动，包括名家讲座、亲子阅读、图书漂流等十余项内容。' },
  ],
};

const PAGE: TypesetPage = {
  masthead: [],
  header: ['青溪报  2025年3月6日  星期四  第2版  综合'],
  footer: ['责任编辑：周红  版式：吴刚'],
  articles: [LEAD, PHOTO, BRIEF],
  columns: 4,
  seed: 3,
};

let pdf: Uint8Array;
let placed: PlacedPage[];
let read: PdfParse;
beforeAll(() => {
  ({ pdf, placed } = writePdf([PAGE], new FontSet()));
  read = parsePdf(pdf, 'qxb-2025-03-06-p2.pdf', { catalog });
});

const bodyOf = (a: TypesetArticle) => a.paragraphs.map((p) => p.text);

describe('the PDF path on a typeset page', () => {
  it('finds the three articles in reading order with their title roles', () => {
    const { articles } = read.issue;
    expect(articles.map((a) => [a.kicker, a.headline, a.subtitle])).toEqual([
      [LEAD.kicker, LEAD.headline, LEAD.subtitle],
      [null, PHOTO.headline, null],
      [null, BRIEF.headline, null],
    ]);
  });

  it('reads the paragraphs of a multi-column article in order, subhead included', () => {
    const lead = read.issue.articles[0]!;
    expect(lead.byline?.text).toBe('本报讯（记者 王晓明 通讯员 李华）');
    const texts = lead.paragraphs.map((p) => squash(p.text));
    const expected = bodyOf(LEAD).map(squash);
    expected[0] = expected[0]!.replace(squash('本报讯（记者 王晓明 通讯员 李华）'), '');
    expect(texts).toEqual(expected);
    expect(lead.paragraphs.map((p) => p.role)).toEqual(['text', 'text', 'subhead', 'text', 'text']);
  });

  it('reads the caption under the picture with its photo credit, and a byline line', () => {
    const photo = read.issue.articles[1]!;
    expect(photo.byline?.text).toBe('■本报记者 陈静');
    expect(photo.captions.map((c) => [c.text, c.credit])).toEqual([
      ['志愿者为社区老人义务理发。', '■通讯员 王勤 摄'],
    ]);
    expect(photo.paragraphs.map((p) => squash(p.text))).toEqual(bodyOf(PHOTO).map(squash));
  });

  it('gives each article a region inside the box it was set in, and no two regions overlap', () => {
    const boxes = placed[0]!.articles;
    // MuPDF's line boxes reach the font's ascender, a few points above the line the typesetter placed.
    const inside = (r: Rect, box: Rect) =>
      r.x0 >= box.x0 - 1 && r.y0 >= box.y0 - 8 && r.x1 <= box.x1 + 1 && r.y1 <= box.y1 + 1;
    read.regions.forEach((region, k) => {
      expect(region.page).toBe(0);
      expect(inside(region.bbox, boxes[k]!)).toBe(true);
      // The region covers most of what was set (the box's white space at the foot aside).
      expect(region.bbox.x1 - region.bbox.x0).toBeGreaterThan((boxes[k]!.x1 - boxes[k]!.x0) * 0.8);
    });
    for (let i = 0; i < read.regions.length; i++)
      for (let j = i + 1; j < read.regions.length; j++)
        expect(overlapArea(read.regions[i]!.bbox, read.regions[j]!.bbox)).toBe(0);
  });

  it('reads the page header and the credits at the foot', () => {
    const [page] = read.issue.pages;
    expect(page!.header).toBe('青溪报  2025年3月6日  星期四  第2版  综合');
    expect(page!.number).toBe(2);
    expect(page!.credits.map((c) => c.text)).toEqual(['责任编辑：周红  版式：吴刚']);
    expect(read.issue.date.value).toBe('2025-03-06');
  });

  it('accounts for every character of the text layer', () => {
    const report = checkConservation(read.lines.join('\n'), accountedStrings(read.issue));
    expect(report.ok).toBe(true);
    const set = [
      PAGE.header,
      PAGE.footer,
      ...PAGE.articles.flatMap((a) => [a.kicker, a.headline, a.subtitle, a.byline, a.caption, ...bodyOf(a)]),
    ]
      .flat()
      .filter((s): s is string => !!s);
    expect(squash(read.lines.join('')).length).toBe(squash(set.join('')).length);
  });
});

describe('PDFs the reader refuses', () => {
  function imageOnlyPdf(): Uint8Array {
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

  it('names a scanned PDF (no text layer) in one line', () => {
    expect(() => parsePdf(imageOnlyPdf(), 'scan.pdf', { catalog })).toThrow(InputError);
    expect(() => parsePdf(imageOnlyPdf(), 'scan.pdf', { catalog })).toThrow(
      /^scan\.pdf: the PDF has no text layer[^\n]*$/u,
    );
  });

  it('names a file that is not a PDF', () => {
    expect(() => parsePdf(new TextEncoder().encode('not a pdf'), 'bad.pdf', { catalog })).toThrow(
      /^bad\.pdf: /u,
    );
  });
});
