import { describe, expect, it } from 'vitest';
import { resultView } from './result-view.ts';
import type { Fragment } from './results.ts';

const page = 'http://127.0.0.1:3000/search/?q=何恩广';
const d: Fragment = {
  url: '/hengyang-daily/2021/03/06/1/a001/',
  content: '衡阳青少年助力垃圾分类. 3月5日，副市长何恩广出席活动。活动很热闹。何恩广讲话。',
  meta: {
    title: '衡阳青少年助力垃圾分类',
    subtitle: '何恩广出席',
    date: '2021-03-06',
    paper: '衡阳日报',
    page: '第一版',
  },
  filters: {},
};

describe('resultView', () => {
  const view = resultView(d, ['何恩广'], page);
  it('links to the article with the terms to highlight', () => {
    expect(decodeURIComponent(view.href)).toBe('/hengyang-daily/2021/03/06/1/a001/?highlight=何恩广');
  });
  it('shows the headline, and kicker · subtitle with the terms marked', () => {
    expect(view.title).toEqual([{ text: '衡阳青少年助力垃圾分类', hit: false }]);
    expect(view.sub).toEqual([
      { text: '何恩广', hit: true },
      { text: '出席', hit: false },
    ]);
  });
  it('tags the paper, the date as printed and the page', () => {
    expect(view.tags).toEqual(['衡阳日报', '2021年3月6日', '第一版']);
  });
  it('excerpts the sentences with the hits, without the headline', () => {
    const text = view.excerpt.map((p) => p.text).join('');
    expect(text.startsWith('3月5日，副市长')).toBe(true);
    expect(text).not.toContain('垃圾分类');
    expect(view.excerpt.filter((p) => p.hit).map((p) => p.text)).toEqual(['何恩广', '何恩广']);
  });
  it('titles an article without a headline by its URL, and leaves out what it lacks', () => {
    const bare = resultView({ url: '/x/', content: '正文。', meta: {}, filters: {} }, ['正文'], page);
    expect(bare.title).toEqual([{ text: '/x/', hit: false }]);
    expect(bare.sub).toBeNull();
    expect(bare.tags).toEqual([]);
  });
  it('joins kicker and subtitle with ·', () => {
    const both = resultView({ ...d, meta: { ...d.meta, kicker: '引题' } }, ['副'], page);
    expect(both.sub?.map((p) => p.text).join('')).toBe('引题 · 何恩广出席');
  });
});
