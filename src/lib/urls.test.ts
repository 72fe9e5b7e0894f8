import { describe, expect, it } from 'vitest';
import { articlePath, issuePath, pagePath, pathFromPathname, relativeHref } from './urls.ts';

describe('permalinks', () => {
  it('builds issue, page and article paths', () => {
    const issue = {
      id: 'hengyang-daily-2021-03-06',
      paper: { id: 'hengyang-daily' },
      date: { value: '2021-03-06' },
    };
    const ip = issuePath(issue);
    expect(ip).toBe('hengyang-daily/2021/03/06/');
    expect(pagePath(ip, 2)).toBe('hengyang-daily/2021/03/06/2/');
    expect(articlePath(pagePath(ip, 2), 'hengyang-daily-2021-03-06-a009')).toBe(
      'hengyang-daily/2021/03/06/2/a009/',
    );
    expect(issuePath({ ...issue, id: 'unknown-x', paper: { id: 'unknown' }, date: null })).toBe(
      'unknown/undated/unknown-x/',
    );
  });
  it('strips the base from a pathname', () => {
    expect(pathFromPathname('/baokan/hengyang-daily/2021/03/06/', '/baokan/')).toBe(
      'hengyang-daily/2021/03/06/',
    );
    expect(pathFromPathname('/', '/')).toBe('');
    expect(pathFromPathname('/about/index.html', '/')).toBe('about/');
  });
});

describe('relative links', () => {
  it('links between directory pages with an explicit index.html', () => {
    expect(relativeHref('hengyang-daily/2021/03/06/', 'hengyang-daily/2021/03/06/1/')).toBe('1/index.html');
    expect(relativeHref('hengyang-daily/2021/03/06/1/a001/', 'hengyang-daily/2021/03/06/1/')).toBe(
      '../index.html',
    );
    expect(relativeHref('hengyang-daily/2021/03/06/1/a001/', '')).toBe('../../../../../../index.html');
    expect(relativeHref('', 'about/')).toBe('about/index.html');
    expect(relativeHref('archive/2021/', 'hengyang-evening-news/2023/01/05/')).toBe(
      '../../hengyang-evening-news/2023/01/05/index.html',
    );
  });
  it('links to files and anchors', () => {
    expect(relativeHref('hengyang-daily/2021/03/06/', 'hengyang-daily/2021/03/06/issue.json')).toBe(
      'issue.json',
    );
    expect(relativeHref('about/', 'about/', '#top')).toBe('index.html#top');
    expect(relativeHref('search/', 'pagefind/pagefind-ui.js')).toBe('../pagefind/pagefind-ui.js');
  });
});
