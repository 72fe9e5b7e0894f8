import { describe, expect, it } from 'vitest';
import { chunk, pageUrl, sitemapFiles, sitemapPaths, xmlEscape } from './sitemap.ts';

describe('sitemap', () => {
  it('makes absolute URLs under site and base', () => {
    expect(pageUrl('https://example.org', '/', 'hengyang-daily/2021/03/06/')).toBe(
      'https://example.org/hengyang-daily/2021/03/06/',
    );
    expect(pageUrl('https://example.org/', '/archive', '/about/')).toBe('https://example.org/archive/about/');
    expect(pageUrl('https://example.org', '/archive/', '')).toBe('https://example.org/archive/');
  });

  it('leaves out the error page and duplicates, sorted', () => {
    expect(sitemapPaths(['b/', '404/', '', 'a/', '/a/', '404.html'])).toEqual(['', 'a/', 'b/']);
  });

  it('escapes XML', () => {
    expect(xmlEscape(`a&b<c>"d'`)).toBe('a&amp;b&lt;c&gt;&quot;d&apos;');
  });

  it('splits into files of at most the limit, listed by the index', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    const paths = Array.from({ length: 5 }, (_, i) => `p/${i}/`);
    const files = sitemapFiles(paths, 'https://example.org', '/base/', 2);
    expect([...files.keys()]).toEqual([
      'sitemap-1.xml',
      'sitemap-2.xml',
      'sitemap-3.xml',
      'sitemap-index.xml',
    ]);
    const urls = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(urls(files.get('sitemap-1.xml')!)).toEqual([
      'https://example.org/base/p/0/',
      'https://example.org/base/p/1/',
    ]);
    expect(urls(files.get('sitemap-3.xml')!)).toEqual(['https://example.org/base/p/4/']);
    expect(urls(files.get('sitemap-index.xml')!)).toEqual([
      'https://example.org/base/sitemap-1.xml',
      'https://example.org/base/sitemap-2.xml',
      'https://example.org/base/sitemap-3.xml',
    ]);
    expect(files.get('sitemap-index.xml')).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    );
  });

  it('uses 50,000 URLs a file by default', () => {
    const paths = Array.from({ length: 120_001 }, (_, i) => `a/${i}/`);
    const files = sitemapFiles(paths, 'https://example.org', '/');
    expect(files.size).toBe(4);
    const count = (xml: string) => xml.split('<url>').length - 1;
    expect(count(files.get('sitemap-1.xml')!)).toBe(50_000);
    expect(count(files.get('sitemap-3.xml')!)).toBe(20_001);
  });
});
