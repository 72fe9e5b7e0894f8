import { describe, expect, it } from 'vitest';
import { withoutAnchors } from './anchors.ts';

describe('withoutAnchors', () => {
  it('drops the id attribute of every start tag, and nothing else', () => {
    expect(
      withoutAnchors(
        '<main id="main" data-pagefind-body><h1 id="headline">标题</h1><p id="p1">正文</p></main>',
      ),
    ).toBe('<main data-pagefind-body><h1>标题</h1><p>正文</p></main>');
    expect(withoutAnchors(`<p class="a" ID='x' data-id="y" hidden>t</p>`)).toBe(
      '<p class="a" data-id="y" hidden>t</p>',
    );
    expect(withoutAnchors('<li id=L5>一</li><br id="b"/>')).toBe('<li>一</li><br/>');
  });

  it('leaves text and attribute values alone, even when they read like an id', () => {
    const html = '<p title="a id=&quot;x&quot; b" data-x=\'id="z"\'>写作 id="p1" 与 &lt;p id="p2"&gt;</p>';
    expect(withoutAnchors(html)).toBe(html);
  });

  it('keeps a page without ids byte for byte', () => {
    const html = '<!doctype html><html lang="zh-Hans"><body><main data-pagefind-body>文</main></body></html>';
    expect(withoutAnchors(html)).toBe(html);
  });
});
