import { describe, expect, it } from 'vitest';
import {
  archivePath,
  articlePath,
  articleSlug,
  datePath,
  issuePath,
  pagePath,
  paperPath,
  pathFromPathname,
  relativeHref,
  topicPath,
} from './urls.ts';

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
    expect(issuePath({ ...issue, date: '2021-03-06' })).toBe('hengyang-daily/2021/03/06/');
  });
  it('builds archive, date, topic and paper paths', () => {
    expect(archivePath()).toBe('archive/');
    expect(archivePath(2021)).toBe('archive/2021/');
    expect(archivePath(2021, 3)).toBe('archive/2021/03/');
    expect(datePath('2021-03-06')).toBe('date/2021-03-06/');
    expect(topicPath('politics')).toBe('topics/politics/');
    expect(topicPath('politics', 1)).toBe('topics/politics/');
    expect(topicPath('politics', 2)).toBe('topics/politics/2/');
    expect(paperPath('hengyang-daily')).toBe('hengyang-daily/');
  });
  it('refuses an article id without the -aNNN suffix', () => {
    expect(articleSlug('hengyang-daily-2021-03-06-a012')).toBe('a012');
    expect(() => articleSlug('hengyang-daily-2021-03-06')).toThrow();
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
  it('links a page to itself and to the home page', () => {
    expect(relativeHref('', '')).toBe('index.html');
    expect(relativeHref('topics/politics/', 'topics/politics/')).toBe('index.html');
    expect(relativeHref('topics/politics/2/', 'topics/politics/')).toBe('../index.html');
    expect(relativeHref('date/2021-03-06/', '')).toBe('../../index.html');
  });
  it('links from a file path (not a directory) relative to its folder', () => {
    expect(relativeHref('404.html', 'about/')).toBe('about/index.html');
    expect(relativeHref('hengyang-daily/2021/03/06/issue.json', 'hengyang-daily/2021/03/06/1/')).toBe(
      '1/index.html',
    );
  });
  it('walks up only as far as the paths differ', () => {
    expect(relativeHref('hengyang-daily/2021/03/06/1/a001/', 'hengyang-daily/2021/03/06/2/a008/')).toBe(
      '../../2/a008/index.html',
    );
    expect(relativeHref('hengyang-daily/2021/03/06/', 'hengyang-daily/2021/12/09/')).toBe(
      '../../12/09/index.html',
    );
    expect(relativeHref('hengyang-daily/2021/03/06/', 'hengyang-evening-news/2023/01/05/')).toBe(
      '../../../../hengyang-evening-news/2023/01/05/index.html',
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
