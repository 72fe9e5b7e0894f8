import { describe, expect, it } from 'vitest';
import { slimHead } from './head.ts';

describe('slimHead', () => {
  it('keeps the title of the head and drops the rest, the body byte for byte', () => {
    const body = '<body><main data-pagefind-body><h1>标题</h1><p>正文</p></main><script>x()</script></body>';
    const html =
      '<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><title>标题 — 衡阳日报</title>' +
      '<link rel="stylesheet" href="site.css"><script type="application/ld+json">{"a":1}</script>' +
      `<style>p{margin:0}</style><meta name="citation_title" content="标题"></head>${body}</html>`;
    expect(slimHead(html)).toBe(
      `<!DOCTYPE html><html lang="zh-Hans"><head><title>标题 — 衡阳日报</title></head>${body}</html>`,
    );
  });

  it('leaves a head that carries Pagefind attributes, and a page without a head, as they are', () => {
    const meta =
      '<html><head><title>t</title><meta data-pagefind-meta="image:x.png"></head><body><p>t</p></body></html>';
    expect(slimHead(meta)).toBe(meta);
    const none = '<html><body><main data-pagefind-body>文</main></body></html>';
    expect(slimHead(none)).toBe(none);
  });

  it('keeps a title that carries a Pagefind attribute', () => {
    expect(
      slimHead('<head><title data-pagefind-meta="title">t</title><script>s</script></head><body>b</body>'),
    ).toBe('<head><title data-pagefind-meta="title">t</title></head><body>b</body>');
  });
});
