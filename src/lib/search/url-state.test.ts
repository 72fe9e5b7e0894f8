import { describe, expect, it } from 'vitest';
import {
  highlightLink,
  highlightTerms,
  readState,
  searchString,
  searchTitle,
  sortOrder,
  stateAddress,
  writeState,
  type SearchState,
} from './url-state.ts';

const empty: SearchState = { q: '', sort: '', scope: '', from: '', to: '', head: false, filters: {} };

describe('readState', () => {
  it('reads the query, range, months, headline only, sort and filters', () => {
    const s = readState(
      '?q=%20医保%20&scope=2021&from=2021-03&to=2021-12&in=title&sort=date-asc&f=报纸:衡阳日报&f=报纸:衡阳晚报&f=体裁:消息',
    );
    expect(s).toEqual({
      q: '医保',
      sort: 'date-asc',
      scope: '2021',
      from: '2021-03',
      to: '2021-12',
      head: true,
      filters: { 报纸: ['衡阳日报', '衡阳晚报'], 体裁: ['消息'] },
    });
  });
  it('drops what it cannot read: months not YYYY-MM, an unknown sort, a filter without a name', () => {
    expect(readState('from=2021-3&to=March&sort=random&in=all&f=:衡阳&f=衡阳')).toEqual(empty);
  });
  it('keeps a colon inside a filter value', () => {
    expect(readState('f=专题:抗疫:2020').filters).toEqual({ 专题: ['抗疫:2020'] });
  });
});

describe('sortOrder', () => {
  it.each([
    ['date-desc', 'date-desc'],
    ['date-asc', 'date-asc'],
    ['', ''],
    ['relevance', ''],
    [null, ''],
  ])('%s → %s', (value, order) => {
    expect(sortOrder(value)).toBe(order);
  });
});

describe('searchString', () => {
  it.each([
    ['?q=a', '#q=b', '?q=a'],
    ['', '#q=医保&scope=all', 'q=医保&scope=all'],
    ['', '#?q=医保', 'q=医保'],
    ['', '#scope=all&q=医保', 'scope=all&q=医保'],
    ['', '#main', ''],
  ])('search %j, hash %j → %j', (search, hash, out) => {
    expect(searchString(search, hash)).toBe(out);
  });
});

describe('writeState', () => {
  it('writes only what is set, in a fixed order, and reads back the same', () => {
    const s: SearchState = {
      q: '刘越高 抗疫',
      sort: 'date-desc',
      scope: 'all',
      from: '2021-03',
      to: '',
      head: true,
      filters: { 报纸: ['衡阳日报'], 版面: ['第一版', '第二版'] },
    };
    const text = writeState(s);
    expect(decodeURIComponent(text.replace(/\+/g, ' '))).toBe(
      'q=刘越高 抗疫&scope=all&from=2021-03&in=title&sort=date-desc&f=报纸:衡阳日报&f=版面:第一版&f=版面:第二版',
    );
    expect(readState(text)).toEqual(s);
    expect(writeState(empty)).toBe('');
  });
});

describe('stateAddress', () => {
  const s = { ...empty, q: '医保' };
  it('is the path with the search, keeping a hash that holds no search', () => {
    expect(stateAddress('/search/', '#top', s)).toBe('/search/?q=%E5%8C%BB%E4%BF%9D#top');
    expect(stateAddress('/search/', '', empty)).toBe('/search/');
  });
  it('drops a hash that held the search (it moves to the search string)', () => {
    expect(stateAddress('/search/index.html', '#q=医保', s)).toBe('/search/index.html?q=%E5%8C%BB%E4%BF%9D');
    expect(stateAddress('/search/index.html', '#scope=all&q=x', s)).toBe(
      '/search/index.html?q=%E5%8C%BB%E4%BF%9D',
    );
  });
});

describe('searchTitle', () => {
  it('puts the query before the page title', () => {
    expect(searchTitle('医保', '全文检索')).toBe('“医保”的搜索结果 · 全文检索');
    expect(searchTitle('', '全文检索')).toBe('全文检索');
  });
});

describe('highlight links', () => {
  it('link to the article with each term, replacing any highlight it had', () => {
    const href = highlightLink('../a/1/index.html?highlight=old#p2', 'http://x.org/base/search/?q=1', [
      '衡阳 日报',
      'DRG',
    ]);
    expect(decodeURIComponent(href.replace(/\+/g, ' '))).toBe(
      '/base/a/1/index.html?highlight=“衡阳 日报”&highlight=DRG#p2',
    );
    expect(highlightTerms(href.slice(href.indexOf('?'), href.indexOf('#')))).toEqual(['衡阳 日报', 'DRG']);
  });
  it('read every ?highlight= as a query (quotes and spaces split as typed)', () => {
    expect(highlightTerms('?highlight=医保&highlight=%22刘越高%22%20抗疫&q=x')).toEqual([
      '医保',
      '刘越高',
      '抗疫',
    ]);
    expect(highlightTerms('')).toEqual([]);
  });
});
