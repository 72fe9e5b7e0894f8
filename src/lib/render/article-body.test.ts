import { describe, expect, it } from 'vitest';
import { renderArticleBody, type BodyArticle } from './article-body.ts';
import { seedArticles } from '../../../tests/support/seed-articles.ts';

const seed000 = seedArticles('000_846a23c3b34aff37.txt');
const seed001 = seedArticles('001_3b959c98e2937adc.txt');
const seed002 = seedArticles('002_387b9c43cd86da72.txt');
const seed004 = seedArticles('004_0d7d69333001dc5b.txt');
const get = (m: Map<string, BodyArticle>, id: string): BodyArticle => {
  const a = m.get(id);
  if (!a) throw new Error(`no article ${id}`);
  return a;
};

const noPages = { pageHref: () => null };
const page1Only = { pageHref: (n: number) => (n === 1 ? '../1/index.html' : null) };

const article = (over: Partial<BodyArticle>): BodyArticle => ({
  id: 'test-2021-01-01-a001',
  title: '标题',
  headline: '标题',
  kind: 'news',
  paragraphs: [],
  captions: [],
  tables: [],
  references: [],
  signature: null,
  ...over,
});
const para = (id: string, text: string, lines: number[] = []) => ({ id, role: 'text' as const, text, lines });
const anchor = (id: string, what = '本段') =>
  ` <a class="anchor" href="#${id}" aria-label="${what}链接（${id}）" title="${what}链接（${id}）" data-pagefind-ignore="">¶</a>`;

const EVIL = '<script>alert(1)</script> **bold** [x](y) <b>&amp;</b>';
const EVIL_HTML = '&#x3C;script>alert(1)&#x3C;/script> **bold** [x](y) &#x3C;b>&#x26;amp;&#x3C;/b>';

describe('renderArticleBody: text can never become markup', () => {
  const html = renderArticleBody(
    article({
      paragraphs: [para('p1', EVIL, [5]), { id: 'p2', role: 'subhead', text: EVIL, lines: [6] }],
      captions: [{ id: 'f1', text: EVIL, credit: EVIL, lines: [7], afterParagraph: 2 }],
      tables: [
        {
          id: 't1',
          rows: [
            [EVIL, 'b'],
            ['c', EVIL],
          ],
          header: true,
        },
      ],
      references: [{ kind: 'see', text: EVIL, page: 3, mark: null, line: 9 }],
      signature: { text: `${EVIL}\n2021年1月1日`, lines: [10, 11] },
    }),
    { pageHref: () => '../3/index.html' },
  );

  it('escapes markup-like text everywhere it appears', () => {
    expect(html).not.toMatch(/<script|<b>|<strong|<em>|href="y"/u);
    // paragraph, subhead, caption, credit, two cells, reference, signature
    expect(html.split(EVIL_HTML).length - 1).toBe(8);
    expect(html).toContain(`<p id="p1">${EVIL_HTML}${anchor('p1')}</p>`);
    expect(html).toContain(`<h3 id="p2">${EVIL_HTML}${anchor('p2', '本节')}</h3>`);
  });
});

describe('renderArticleBody: paragraphs and subheads', () => {
  it('renders seed 000 article 1 as four anchored paragraphs in order', () => {
    const html = renderArticleBody(get(seed000, 'hengyang-daily-2021-03-06-a001'), noPages);
    expect(html.match(/<p id="p\d">/gu)).toEqual([
      '<p id="p1">',
      '<p id="p2">',
      '<p id="p3">',
      '<p id="p4">',
    ]);
    // seed line 7, after the byline 本报讯（记者 许珂 实习生付星婷）
    expect(html).toMatch(/^<p id="p1">“唱支山歌给党听，我把党来比母亲……”伴随着悠扬动听的歌声，3月5日/u);
    // seed line 17
    expect(html).toContain(`<p id="p4">市领导张霞参加活动。${anchor('p4')}</p>`);
    expect(html).not.toContain('本报讯');
  });

  it('renders subheads as h3 with their paragraph ids', () => {
    const html = renderArticleBody(get(seed000, 'hengyang-daily-2021-03-06-a008'), noPages);
    expect(html).toContain(
      `<h3 id="p2">三是标准不高、担当不够、机制不顺的现象仍然存在${anchor('p2', '本节')}</h3>`,
    );
    expect(html).toContain(`<h3 id="p4">四是突出生态环境问题整改不严${anchor('p4', '本节')}</h3>`);
    expect(html.match(/<h3 /gu)).toHaveLength(3);
  });

  it('numbers paragraphs without ids p1, p2 … in order', () => {
    const html = renderArticleBody(
      article({
        paragraphs: [
          { role: 'text', text: '一', lines: [] },
          { role: 'subhead', text: '二', lines: [] },
        ],
      }),
      noPages,
    );
    expect(html).toBe(`<p id="p1">一${anchor('p1')}</p>\n<h3 id="p2">二${anchor('p2', '本节')}</h3>`);
  });

  it('gives the same bytes every time and leaves no internal markers', () => {
    for (const m of [seed000, seed001, seed002, seed004]) {
      for (const a of m.values()) {
        const html = renderArticleBody(a, page1Only);
        expect(renderArticleBody(a, page1Only)).toBe(html);
        expect(html).not.toMatch(/data-bk|data-ref|data-header|data-label/u);
        const ids = [...html.matchAll(/ id="([^"]+)"/gu)].map((x) => x[1]);
        expect(new Set(ids).size, a.id).toBe(ids.length);
      }
    }
  });

  it('renders nothing for an empty article', () => {
    expect(renderArticleBody(article({}), noPages)).toBe('');
  });
});

describe('renderArticleBody: caption figures', () => {
  const figure = (id: string, text: string, credit?: string) =>
    `<figure id="${id}" class="caption-figure"><p class="figure-missing" data-pagefind-ignore="">图片未收录</p>` +
    `<figcaption>${text}${credit ? ` <span class="credit">${credit}</span>` : ''}</figcaption></figure>`;

  it('places a caption before paragraph afterParagraph, with its credit', () => {
    const html = renderArticleBody(
      article({
        paragraphs: [para('p1', '甲'), para('p2', '乙'), para('p3', '丙')],
        captions: [
          { id: 'f1', text: '志愿者为老人理发', credit: '■通讯员 王勤 摄', lines: [4], afterParagraph: 1 },
        ],
      }),
      noPages,
    );
    expect(html).toBe(
      [
        `<p id="p1">甲${anchor('p1')}</p>`,
        figure('f1', '志愿者为老人理发', '■通讯员 王勤 摄'),
        `<p id="p2">乙${anchor('p2')}</p>`,
        `<p id="p3">丙${anchor('p3')}</p>`,
      ].join('\n'),
    );
  });

  it('puts captions past the last paragraph at the end and numbers figures without ids', () => {
    const html = renderArticleBody(
      article({
        paragraphs: [para('p1', '甲')],
        captions: [
          { text: '甲图', credit: null, lines: [], afterParagraph: 0 },
          { text: '乙图', credit: null, lines: [], afterParagraph: 9 },
        ],
      }),
      noPages,
    );
    expect(html).toBe(
      [figure('f1', '甲图'), `<p id="p1">甲${anchor('p1')}</p>`, figure('f2', '乙图')].join('\n'),
    );
  });

  it('renders the photo of seed 004 (caption only) with the printed credit', () => {
    const html = renderArticleBody(get(seed004, 'hengyang-daily-2021-12-09-a003'), noPages);
    expect(html).toMatch(
      /^<figure id="f1" class="caption-figure"><p class="figure-missing"[^>]*>图片未收录<\/p>/u,
    );
    expect(html).toContain('近日，衡阳县学习贯彻党的十九届六中全会');
    expect(html).toMatch(/ <span class="credit">■通讯员 王勤 摄<\/span><\/figcaption><\/figure>$/u);
  });

  it('keeps the seed 000 caption 志愿者为老人理发 after the paragraph it interrupted', () => {
    const html = renderArticleBody(get(seed000, 'hengyang-daily-2021-03-06-a007'), noPages);
    expect(html.indexOf('<p id="p2">')).toBeGreaterThan(-1);
    expect(html.indexOf('<figure id="f1"')).toBeGreaterThan(html.indexOf('<p id="p2">'));
    expect(html).toContain('<figcaption>志愿者为老人理发</figcaption>');
  });
});

describe('renderArticleBody: tables', () => {
  it('gives a header row th scope=col inside a scrollable labelled region', () => {
    const html = renderArticleBody(
      article({
        tables: [
          {
            id: 't1',
            rows: [
              ['姓名', '性别'],
              ['昌曙光', '男'],
            ],
            header: true,
          },
        ],
      }),
      noPages,
    );
    expect(html).toBe(
      '<div class="table-wrap" tabindex="0" role="region" aria-label="表格" id="t1"><table>' +
        '<thead><tr>\n<th scope="col">姓名</th>\n<th scope="col">性别</th>\n</tr></thead>' +
        '<tbody><tr>\n<td>昌曙光</td>\n<td>男</td>\n</tr></tbody></table></div>',
    );
  });

  it('keeps a table without header as body rows only', () => {
    const html = renderArticleBody(
      article({
        tables: [
          {
            rows: [
              ['甲', '1'],
              ['乙', '2'],
            ],
            header: false,
          },
          { rows: [['丙']], header: false },
        ],
      }),
      noPages,
    );
    expect(html).not.toMatch(/<th|<thead/u);
    expect(html).toContain(
      '<div class="table-wrap" tabindex="0" role="region" aria-label="表格 1" id="t1"><table><tbody><tr>\n<td>甲</td>',
    );
    expect(html).toContain('aria-label="表格 2" id="t2"><table><tbody><tr>\n<td>丙</td>\n</tr></tbody>');
  });

  it('renders the seed 001 list of nominees between the lead paragraph and the reporting details', () => {
    const html = renderArticleBody(get(seed001, 'hengyang-daily-2022-04-01-a002'), noPages);
    // seed 001 line 25 is the header row: 8 columns; lines 26–34 are nine people
    expect(html.match(/<th scope="col">/gu)).toHaveLength(8);
    expect(html).toContain('<th scope="col">姓名</th>');
    expect(html.match(/<tr>/gu)).toHaveLength(10);
    expect(html).toContain('<td>昌曙光</td>');
    const table = html.indexOf('<div class="table-wrap"');
    expect(table).toBeGreaterThan(html.indexOf('<p id="p1">'));
    expect(table).toBeLessThan(html.indexOf('<p id="p2">'));
  });
});

describe('renderArticleBody: reference markers', () => {
  it('links a continued-from marker to a page the edition holds, first in the body', () => {
    const html = renderArticleBody(get(seed000, 'hengyang-daily-2021-03-06-a008'), page1Only);
    expect(html).toMatch(
      /^<p class="reference reference-continued-from"><a href="\.\.\/1\/index\.html">（上接第一版①）<\/a><\/p>\n<p id="p1">/u,
    );
  });

  it('leaves a marker to a page the edition lacks as text with a note', () => {
    const html = renderArticleBody(get(seed004, 'hengyang-daily-2021-12-09-a005'), page1Only);
    expect(html).toBe(
      '<p class="reference reference-see">>>>详见第七版>>>' +
        '<span class="reference-note" data-pagefind-ignore="">（该版未收录）</span></p>',
    );
  });

  it('asks pageHref about the printed page and adds no note when no page is printed', () => {
    const asked: number[] = [];
    const html = renderArticleBody(
      article({
        paragraphs: [para('p1', '甲', [10]), para('p2', '乙', [12])],
        references: [
          { kind: 'continued-on', text: '（下转第三版）', page: 3, mark: null, line: 11 },
          { kind: 'see', text: '（详见另版）', page: null, mark: null, line: 13 },
        ],
      }),
      {
        pageHref: (n) => {
          asked.push(n);
          return `../${n}/index.html`;
        },
      },
    );
    expect(asked).toEqual([3]);
    expect(html).toBe(
      [
        `<p id="p1">甲${anchor('p1')}</p>`,
        '<p class="reference reference-continued-on"><a href="../3/index.html">（下转第三版）</a></p>',
        `<p id="p2">乙${anchor('p2')}</p>`,
        '<p class="reference reference-see">（详见另版）</p>',
      ].join('\n'),
    );
  });
});

describe('renderArticleBody: notice signatures', () => {
  it('puts each printed signature line on its own line (seed 001, lines 17–19)', () => {
    const html = renderArticleBody(get(seed001, 'hengyang-daily-2022-04-01-a001'), noPages);
    expect(html).toMatch(
      /\n<div class="signature"><p>中共衡阳市委<\/p><p>衡阳市人民政府<\/p><p>2022年3月31日<\/p><\/div>$/u,
    );
  });

  it('moves a date printed after the organisation to its own line (seed 002, line 175)', () => {
    const html = renderArticleBody(get(seed002, 'hengyang-daily-2020-11-21-a009'), noPages);
    expect(html).toMatch(
      /<div class="signature"><p>中共湖南省纪委监委驻省应急厅纪检监察组<\/p><p>2020年11月17日<\/p><\/div>$/u,
    );
  });
});
