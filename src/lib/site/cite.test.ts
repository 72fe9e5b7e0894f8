import { describe, expect, it } from 'vitest';
import {
  bibtexEscape,
  bibtexKey,
  citationAuthors,
  citeBibtex,
  citeGbt7714,
  citeRis,
  type CitationInput,
} from './cite.ts';
import { seedArticles } from '../../../tests/support/seed-articles.ts';

const seed000 = seedArticles('000_846a23c3b34aff37.txt');
const staffOf = (id: string) => {
  const a = seed000.get(id) as unknown as {
    byline: { staff: { name: string; role: string; photos: boolean }[] } | null;
  };
  return a.byline?.staff ?? [];
};

// Seed 000, first article: 本报讯（记者 许珂 实习生付星婷）, 衡阳日报 of 2021-03-06, first page (number inferred).
const first: CitationInput = {
  title: '以更加饱满的热情擦亮“衡阳群众”品牌',
  authors: ['许珂', '付星婷'],
  paper: '衡阳日报',
  date: '2021-03-06',
  page: 1,
  pageKnown: false,
  url: 'https://example.org/hengyang-daily/2021/03/06/1/a001/',
  id: 'hengyang-daily-2021-03-06-a001',
};

describe('citationAuthors', () => {
  it('takes the credited staff in byline order (seed 000)', () => {
    expect(citationAuthors(staffOf('hengyang-daily-2021-03-06-a001'))).toEqual(['许珂', '付星婷']);
    // 本报讯（李建平 见习记者 刘紫叶）
    expect(citationAuthors(staffOf('hengyang-daily-2021-03-06-a002'))).toEqual(['李建平', '刘紫叶']);
    // 本报记者（通讯员 尹骏彰 记者 莫雄飞）: correspondents count, in printed order
    expect(citationAuthors(staffOf('hengyang-daily-2021-03-06-a004'))).toEqual(['尹骏彰', '莫雄飞']);
    // 本报记者（文/图 记者 金明达）: the writer also took the photos
    expect(citationAuthors(staffOf('hengyang-daily-2021-03-06-a006'))).toEqual(['金明达']);
  });

  it('leaves photographers out when a writer is credited, and uses them when no one else is', () => {
    expect(
      citationAuthors([
        { name: '张三', role: 'reporter', photos: false },
        { name: '李四', role: 'photographer', photos: true },
        { name: '王五', role: 'intern', photos: false },
      ]),
    ).toEqual(['张三', '王五']);
    expect(citationAuthors([{ name: '王勤', role: 'correspondent', photos: true }])).toEqual(['王勤']);
    expect(citationAuthors([{ name: '李四', role: 'photographer', photos: true }])).toEqual(['李四']);
  });

  it('lists a name once and gives no authors for no staff', () => {
    expect(
      citationAuthors([
        { name: '许珂', role: 'reporter', photos: false },
        { name: '许珂', role: 'reporter', photos: false },
      ]),
    ).toEqual(['许珂']);
    expect(citationAuthors([])).toEqual([]);
  });
});

describe('citeGbt7714', () => {
  it('follows the standard example for newspapers', () => {
    expect(
      citeGbt7714({
        title: '数字革命与竞争国际化',
        authors: ['丁文祥'],
        paper: '中国青年报',
        date: '2000-11-20',
        page: 15,
        pageKnown: true,
        url: 'https://example.org/x/',
        id: 'x',
      }),
    ).toBe('丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).');
  });

  it('cites the first article of seed 000 in print and online form', () => {
    expect(citeGbt7714(first)).toBe(
      '许珂, 付星婷. 以更加饱满的热情擦亮“衡阳群众”品牌[N]. 衡阳日报, 2021-03-06(1).',
    );
    expect(citeGbt7714({ ...first, accessed: '2026-11-23' })).toBe(
      '许珂, 付星婷. 以更加饱满的热情擦亮“衡阳群众”品牌[N/OL]. 衡阳日报, 2021-03-06(1)[2026-11-23]. ' +
        'https://example.org/hengyang-daily/2021/03/06/1/a001/.',
    );
  });

  it('starts with the title when no author is credited', () => {
    expect(citeGbt7714({ ...first, authors: [], title: '公示' })).toBe('公示[N]. 衡阳日报, 2021-03-06(1).');
  });

  it('cuts more than three authors to three and 等', () => {
    expect(citeGbt7714({ ...first, authors: ['周琪', '袁成龙', '卢健', '胡建军'] })).toMatch(
      /^周琪, 袁成龙, 卢健, 等\. 以更加/u,
    );
    expect(citeGbt7714({ ...first, authors: ['周琪', '袁成龙', '卢健'] })).toMatch(
      /^周琪, 袁成龙, 卢健\. 以更加/u,
    );
  });

  it('leaves out what is unknown: date, page, paper', () => {
    expect(citeGbt7714({ ...first, date: null })).toBe(
      '许珂, 付星婷. 以更加饱满的热情擦亮“衡阳群众”品牌[N]. 衡阳日报(1).',
    );
    expect(citeGbt7714({ ...first, page: null })).toBe(
      '许珂, 付星婷. 以更加饱满的热情擦亮“衡阳群众”品牌[N]. 衡阳日报, 2021-03-06.',
    );
    expect(
      citeGbt7714({ ...first, paper: null, date: null, accessed: '2026-11-23', url: 'https://e.org/a/' }),
    ).toBe('许珂, 付星婷. 以更加饱满的热情擦亮“衡阳群众”品牌[N/OL]. [2026-11-23]. https://e.org/a/.');
  });

  it('prints an inferred page number as it is', () => {
    expect(citeGbt7714({ ...first, pageKnown: true })).toBe(citeGbt7714(first));
  });

  it('keeps markup-like titles as plain text on one line', () => {
    expect(citeGbt7714({ ...first, authors: [], title: '<b>标题</b>\n第二行' })).toBe(
      '<b>标题</b> 第二行[N]. 衡阳日报, 2021-03-06(1).',
    );
  });
});

describe('citeBibtex', () => {
  it('gives an @article entry for the first article of seed 000', () => {
    expect(citeBibtex({ ...first, accessed: '2026-11-23' })).toBe(
      [
        '@article{hengyang-daily-2021-03-06-a001,',
        '  title    = {以更加饱满的热情擦亮“衡阳群众”品牌},',
        '  author   = {许珂 and 付星婷},',
        '  journal  = {衡阳日报},',
        '  date     = {2021-03-06},',
        '  year     = {2021},',
        '  month    = mar,',
        '  pages    = {1},',
        '  url      = {https://example.org/hengyang-daily/2021/03/06/1/a001/},',
        '  urldate  = {2026-11-23},',
        '  note     = {版次推定},',
        '  language = {chinese}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('leaves out the note for a printed page and the fields that are unknown', () => {
    expect(
      citeBibtex({ ...first, authors: [], date: null, paper: null, page: 3, pageKnown: true, id: 'a' }),
    ).toBe(
      [
        '@article{a,',
        '  title    = {以更加饱满的热情擦亮“衡阳群众”品牌},',
        '  pages    = {3},',
        '  url      = {https://example.org/hengyang-daily/2021/03/06/1/a001/},',
        '  language = {chinese}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes special characters in values, but not in the url', () => {
    expect(bibtexEscape('50% & $5 #1 a_b {x} \\ ^ ~')).toBe(
      '50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textbackslash{} \\^{} \\~{}',
    );
    const entry = citeBibtex({
      ...first,
      title: '收入增长 10% & 利润 {翻番}',
      authors: ['Smith, J', 'Tom and Jerry'],
      url: 'https://e.org/a b/{x}?q=1%20&r=#f',
    });
    expect(entry).toContain('  title    = {收入增长 10\\% \\& 利润 \\{翻番\\}},');
    expect(entry).toContain('  author   = {{Smith, J} and {Tom and Jerry}},');
    expect(entry).toContain('  url      = {https://e.org/a%20b/%7Bx%7D?q=1%20&r=#f},');
  });

  it('makes an ASCII key from the id', () => {
    expect(bibtexKey('hengyang-daily-2021-03-06-a001')).toBe('hengyang-daily-2021-03-06-a001');
    expect(bibtexKey('unknown-衡阳 日报,a1')).toBe('unknown-a1');
    expect(bibtexKey('衡阳')).toBe('baokan-article');
  });
});

describe('citeRis', () => {
  it('gives a NEWS record Zotero imports, for the first article of seed 000', () => {
    expect(citeRis({ ...first, accessed: '2026-11-23' })).toBe(
      [
        'TY  - NEWS',
        'TI  - 以更加饱满的热情擦亮“衡阳群众”品牌',
        'AU  - 许珂',
        'AU  - 付星婷',
        'T2  - 衡阳日报',
        'PY  - 2021',
        'DA  - 2021/03/06/',
        'SP  - 1',
        'UR  - https://example.org/hengyang-daily/2021/03/06/1/a001/',
        'Y2  - 2026-11-23',
        'LA  - zh',
        'N1  - 版次推定',
        'ID  - hengyang-daily-2021-03-06-a001',
        'ER  - ',
        '',
      ].join('\n'),
    );
  });

  it('leaves out unknown fields and keeps values on one line', () => {
    const ris = citeRis({
      ...first,
      title: '两行\n标题',
      authors: [],
      date: null,
      paper: null,
      page: null,
      url: '',
    });
    expect(ris).toBe(
      ['TY  - NEWS', 'TI  - 两行 标题', 'LA  - zh', `ID  - ${first.id}`, 'ER  - ', ''].join('\n'),
    );
  });
});
