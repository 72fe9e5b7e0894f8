import { describe, expect, it } from 'vitest';
import { searchBodyOnly } from './body.ts';

const page = (before: string, searchBody: string, after: string) =>
  `<!DOCTYPE html><html lang="zh-Hans"><head><title>标题</title></head><body class="x">${before}${searchBody}${after}</body></html>`;

describe('searchBodyOnly', () => {
  it('keeps the element marked data-pagefind-body, with the divs inside it, and drops the rest of the body', () => {
    const searchBody =
      '<div data-pagefind-body><header><h1 data-pagefind-weight="10">标题</h1>' +
      '<span data-pagefind-filter="报纸[data-value]" data-value="衡阳日报"></span></header>' +
      '<div class="article-body"><div class="figure"><img src="a.png" alt="图"></div><p>正文</p></div></div>';
    const html = page(
      '<nav data-pagefind-ignore><div><a href="/">首页</a></div></nav>',
      searchBody,
      '<nav class="page-list" data-pagefind-ignore="all"><div>本版</div></nav><script>x()</script>',
    );
    expect(searchBodyOnly(html)).toBe(
      `<!DOCTYPE html><html lang="zh-Hans"><head><title>标题</title></head><body class="x">${searchBody}</body></html>`,
    );
  });

  it('reads past quoted attribute values, comments and scripts that hold tag-like text', () => {
    const searchBody =
      '<main data-pagefind-body><span data-meta-title="a </main> <main> b"></span><!-- </main> -->' +
      "<script>if (a </main>) {}</script><main class='inner'><p>文</p></main><p>尾</p></main>";
    expect(searchBodyOnly(page('<p>前</p>', searchBody, '<footer>后</footer>'))).toBe(
      `<!DOCTYPE html><html lang="zh-Hans"><head><title>标题</title></head><body class="x">${searchBody}</body></html>`,
    );
  });

  it('leaves whole a page whose other parts carry what Pagefind reads outside the search body', () => {
    const body = '<div data-pagefind-body><p>文</p></div>';
    for (const outside of [
      '<span data-pagefind-filter="年份">2020</span>',
      '<span data-pagefind-meta="image:x.png"></span>',
      '<span data-pagefind-sort="date:2020-01-01"></span>',
      '<div data-pagefind-body><p>另一篇</p></div>',
    ]) {
      const before = page(outside, body, '');
      expect(searchBodyOnly(before)).toBe(before);
      const after = page('', body, outside);
      expect(searchBodyOnly(after)).toBe(after);
    }
    const ignored = page(
      '<nav data-pagefind-ignore="all">导航</nav>',
      body,
      '<p data-pagefind-ignore>尾</p>',
    );
    expect(searchBodyOnly(ignored)).not.toBe(ignored);
  });

  it('leaves whole a page without a search body, without a body tag, or whose search body does not end', () => {
    for (const html of [
      '<html><body><main><p>文</p></main></body></html>',
      '<div data-pagefind-body><p>文</p></div>',
      page('', '<div data-pagefind-body><div><p>文</p></div>', ''),
      page('', '<div data-pagefind-body><p>文</p><!-- 未完', ''),
      page('<p title="data-pagefind-body">前</p>', '<div><p>文</p></div>', ''),
    ])
      expect(searchBodyOnly(html)).toBe(html);
  });
});
