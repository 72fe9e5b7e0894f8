import { describe, expect, it } from 'vitest';
import { absoluteUrl, basePath, normaliseBase, pathFromPathname } from './address.ts';

describe('site address', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['baokan', '/baokan/'],
    ['/baokan', '/baokan/'],
    ['/baokan/', '/baokan/'],
    ['//a/b//', '/a/b/'],
  ])('normaliseBase(%j) = %j', (base, want) => {
    expect(normaliseBase(base)).toBe(want);
  });

  it('puts a site path under the base', () => {
    expect(basePath('/', 'hengyang-daily/2021/03/06/')).toBe('/hengyang-daily/2021/03/06/');
    expect(basePath('/baokan', '/about/')).toBe('/baokan/about/');
    expect(basePath('/baokan/', '')).toBe('/baokan/');
  });

  it('makes absolute URLs from the origin alone, none without one', () => {
    expect(absoluteUrl('https://example.org', '/baokan/', 'about/')).toBe(
      'https://example.org/baokan/about/',
    );
    expect(absoluteUrl('https://example.org/ignored/path/', '/', 'about/')).toBe(
      'https://example.org/about/',
    );
    expect(absoluteUrl(null, '/', 'about/')).toBeNull();
    expect(absoluteUrl('https://example.org', '/', '报纸/a b/', true)).toBe(
      'https://example.org/%E6%8A%A5%E7%BA%B8/a%20b/',
    );
  });

  it('reads a page’s site path back from its pathname', () => {
    expect(pathFromPathname('/baokan/hengyang-daily/2021/03/06/', '/baokan')).toBe(
      'hengyang-daily/2021/03/06/',
    );
    expect(pathFromPathname('/about/index.html', '/')).toBe('about/');
    expect(pathFromPathname('/', '/')).toBe('');
  });
});
