import { describe, expect, it } from 'vitest';
import { articleCitation, creditRole, datelineOf, type CiteArticle, type CitePlace } from './article-cite.ts';

const article: CiteArticle = {
  id: 'hengyang-daily-2021-03-06-a003',
  title: '衡阳推进乡村振兴',
  kicker: '聚焦两会',
  subtitle: null,
  paper: { id: 'hengyang-daily', name: '衡阳日报' },
  date: '2021-03-06',
  byline: {
    source: '本报讯',
    place: null,
    dateline: null,
    staff: [
      { name: '许珂', role: 'reporter', roleText: '记者', photos: false },
      { name: '付星婷', role: 'intern', roleText: '实习生', photos: false },
      { name: '许珂', role: 'reporter', roleText: '记者', photos: false },
      { name: '王明', role: 'photographer', roleText: '摄', photos: true },
    ],
  },
  opening: '3月5日，……',
};
const place: CitePlace = {
  page: { number: 1, numberKnown: true, header: '要闻' },
  pageLabel: '第一版',
  issueNumber: '18021',
  articlePath: 'hengyang-daily/2021/03/06/1/a003/',
  issuePath: 'hengyang-daily/2021/03/06/',
  paperPath: 'hengyang-daily/',
};

describe('articleCitation', () => {
  it('makes an absolute permalink under origin and base', () => {
    const c = articleCitation(article, place, 'https://example.org', '/baokan/');
    expect(c.permalink).toEqual({
      href: 'https://example.org/baokan/hengyang-daily/2021/03/06/1/a003/',
      absolute: true,
    });
    expect(c.citation.url).toBe(c.permalink.href);
    expect(c.meta.issueUrl.href).toBe('https://example.org/baokan/hengyang-daily/2021/03/06/');
    expect(c.meta.paperUrl.href).toBe('https://example.org/baokan/hengyang-daily/');
  });

  it('makes a base-absolute path without an origin', () => {
    const c = articleCitation(article, place, null, '/');
    expect(c.permalink).toEqual({ href: '/hengyang-daily/2021/03/06/1/a003/', absolute: false });
  });

  it('cites the writers once each, with their roles, and leaves the photographer out', () => {
    const c = articleCitation(article, place, null, '/');
    expect(c.citation.authors).toEqual(['许珂', '付星婷']);
    expect(c.meta.authors).toEqual([
      { name: '许珂', role: '记者' },
      { name: '付星婷', role: '实习生' },
    ]);
  });

  it('carries the print position and the title with paper, date and 版', () => {
    const c = articleCitation(article, place, null, '/');
    expect(c.citation).toMatchObject({ paper: '衡阳日报', date: '2021-03-06', page: 1, pageKnown: true });
    expect(c.meta).toMatchObject({
      pageLabel: '第一版',
      pageHeader: '要闻',
      issueNumber: '18021',
      dateline: '本报讯',
      description: '3月5日，……',
    });
    expect(c.title).toBe('衡阳推进乡村振兴 — 衡阳日报 2021年3月6日 第一版');
  });

  it('titles an article of an unknown paper and date', () => {
    const c = articleCitation(
      { ...article, paper: { id: 'unknown', name: null }, date: null },
      place,
      null,
      '/',
    );
    expect(c.title).toBe('衡阳推进乡村振兴 — 未知报纸 日期不详 第一版');
  });
});

describe('credits and datelines', () => {
  it('implies 记者 from the byline form when no role word is printed', () => {
    expect(creditRole({ role: 'contributor', roleText: null }, '本报记者')).toBe('记者');
    expect(creditRole({ role: 'contributor', roleText: null }, '本报讯')).toBe('');
    expect(creditRole({ role: 'correspondent', roleText: null }, null)).toBe('通讯员');
  });

  it.each([
    [{ source: '本报讯', place: null, dateline: null }, '本报讯'],
    [{ source: '新华社', place: '北京', dateline: { m: 3, d: 5 } }, '新华社北京3月5日电'],
    [{ source: '本报记者', place: null, dateline: null }, null],
    [null, null],
  ])('datelineOf(%j) = %j', (byline, want) => {
    expect(datelineOf(byline)).toBe(want);
  });
});
