import { describe, expect, it } from 'vitest';
import { articleSearchData, articleTexts, pageName, type SearchArticle } from './fields.ts';

const article: SearchArticle = {
  paper: { id: 'hengyang-daily', name: '衡阳日报' },
  date: '2021-03-06',
  kind: 'news',
  kicker: null,
  headline: '衡阳青少年助力垃圾分类',
  subtitle: '何恩广出席活动',
  title: '衡阳青少年助力垃圾分类',
  byline: { text: '本报记者（谢小青）' },
  paragraphs: [{ text: '副市长何恩广出席活动。' }],
  captions: [],
  tables: [],
};

describe('pageName', () => {
  it('names pages the way the paper prints them', () => {
    expect(pageName(1)).toBe('第一版');
    expect(pageName(12)).toBe('第十二版');
  });
});

describe('articleSearchData', () => {
  it('gives metadata, filters and the date sort', () => {
    const d = articleSearchData(article, 1, ['志愿服务', '志愿服务', '生态环保']);
    expect(d.meta).toMatchObject({
      title: '衡阳青少年助力垃圾分类',
      paper: '衡阳日报',
      page: '第一版',
      date: '2021-03-06',
      subtitle: '何恩广出席活动',
    });
    expect(d.meta.kicker).toBeUndefined();
    expect(d.filters).toEqual({
      报纸: ['衡阳日报'],
      版面: ['第一版'],
      体裁: ['消息'],
      年份: ['2021年'],
      月份: ['2021年03月'],
      专题: ['志愿服务', '生态环保'],
    });
    expect(d.sort).toEqual({ date: '2021-03-06' });
  });

  it('adds no hidden search tokens (Pagefind 1.6 segments the index as the browser does)', () => {
    expect(articleSearchData(article, 1, []).meta.terms).toBeUndefined();
  });

  it('leaves out date filters and sort for an undated article, and falls back to the paper id', () => {
    const d = articleSearchData(
      { ...article, date: null, paper: { id: 'unknown-paper', name: null } },
      2,
      [],
    );
    expect(d.meta.date).toBeUndefined();
    expect(d.sort).toEqual({});
    expect(d.filters).toEqual({ 报纸: ['unknown-paper'], 版面: ['第二版'], 体裁: ['消息'] });
  });

  it('uses the display title when there is no headline', () => {
    const d = articleSearchData({ ...article, headline: '', title: '（续）常宁市委…' }, 2, []);
    expect(d.meta.title).toBe('（续）常宁市委…');
  });
});

describe('articleTexts', () => {
  it('lists every shown text, table cells included', () => {
    expect(
      articleTexts({
        ...article,
        captions: [{ text: '志愿者为老人理发' }],
        tables: [{ rows: [['姓名', '职务']] }],
      }),
    ).toEqual([
      '衡阳青少年助力垃圾分类',
      '何恩广出席活动',
      '本报记者（谢小青）',
      '副市长何恩广出席活动。',
      '志愿者为老人理发',
      '姓名',
      '职务',
    ]);
  });
});
