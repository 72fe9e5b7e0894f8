import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillValues, readProse, renderMarkdown, renderProse } from './prose.ts';

const page = (body: string, front = 'title: 关于本数字版\ndescription: 说明') =>
  `---\n${front}\n---\n\n${body}\n`;

describe('prose pages', () => {
  it('reads the title and description, and renders Markdown through remark', () => {
    const p = renderProse(page('## 整理方法\n\n- 接续 **{{n}}** 处\n- 图注'), 'about.md', 'about/', {
      n: 12,
    });
    expect(p.title).toBe('关于本数字版');
    expect(p.description).toBe('说明');
    expect(p.html).toBe(
      '<h2>整理方法</h2>\n<ul>\n<li>接续 <strong>12</strong> 处</li>\n<li>图注</li>\n</ul>',
    );
  });

  it('makes site: links relative to the page, with index.html for file://', () => {
    const p = renderProse(
      page('[总目](site:contents/) [纠错](site:about/corrections/#report) [外](https://x.org/)'),
      'a.md',
      'about/',
    );
    expect(p.html).toContain('<a href="../contents/index.html">总目</a>');
    expect(p.html).toContain('<a href="corrections/index.html#report">纠错</a>');
    expect(p.html).toContain('<a href="https://x.org/">外</a>');
  });

  it('marks a section written in another language', () => {
    const p = renderProse(
      page('## 中文\n\n甲\n\n## In English {lang=en}\n\nText\n\n- item\n\n## 又中文\n\n乙'),
      'a.md',
      'about/',
    );
    expect(p.html).toContain('<h2 lang="en">In English</h2>\n<p lang="en">Text</p>\n<ul lang="en">');
    expect(p.html).toContain('<h2>又中文</h2>\n<p>乙</p>');
  });

  it('cuts the body at the places the page fills, in order', () => {
    const p = renderProse(
      page('## 按年\n\n每行一篇。\n\n{{> years}}\n\n读取示例。\n\n{{> samples }}'),
      'data.md',
      'data/',
      {},
      ['years', 'samples'],
    );
    expect(p.parts).toEqual([
      { html: '<h2>按年</h2>\n<p>每行一篇。</p>' },
      { place: 'years' },
      { html: '<p>读取示例。</p>' },
      { place: 'samples' },
    ]);
    expect(p.html).not.toContain('{{');
  });

  it.each([
    [
      'a place the page does not fill',
      '{{> table}}',
      ['years'],
      /data\.md: unknown place \{\{> table\}\} \(known: years\)/u,
    ],
    [
      'a place given twice',
      '{{> years}}\n\n{{> years}}',
      ['years'],
      /data\.md: the place \{\{> years\}\} is given twice/u,
    ],
    ['a place left out', '正文', ['years'], /data\.md: \{\{> years\}\} missing/u],
  ])('fails with one line naming the file: %s', (_, body, places, message) => {
    expect(() => renderProse(page(body), 'data.md', 'data/', {}, places)).toThrow(message);
  });

  it('leaves a place marker inside a sentence as text (a place is a paragraph of its own)', () => {
    const p = renderProse(page('见 {{> years}} 表'), 'a.md', '', {}, []);
    expect(p.parts).toEqual([{ html: '<p>见 {{> years}} 表</p>' }]);
  });

  it('renders a description without front matter the same way', () => {
    expect(
      renderMarkdown('**{{name}}**是[本站](site:about/)收录的报纸。', 'x.md', 'x/', { name: '某报' }),
    ).toBe('<p><strong>某报</strong>是<a href="../about/index.html">本站</a>收录的报纸。</p>');
    expect(() => renderMarkdown('{{nope}}', 'x.md', '')).toThrow(/x\.md: unknown value/u);
  });

  it('never passes raw HTML through', () => {
    expect(renderProse(page('<script>alert(1)</script>\n\n文字'), 'a.md', '').html).not.toContain('<script');
  });

  it.each([
    ['no front matter', '# 标题', /a\.md: no front matter/u],
    ['no title', page('正文', 'description: x'), /a\.md: front matter needs a "title"/u],
    ['bad YAML', page('正文', 'title: [unclosed'), /a\.md: front matter is not valid YAML/u],
    ['unknown value', page('{{missing}}'), /a\.md: unknown value \{\{missing\}\}/u],
  ])('fails with one line naming the file: %s', (_, text, message) => {
    expect(() => renderProse(text, 'a.md', '', { n: 1 })).toThrow(message);
  });

  it('fills values, and names the file of a missing page', () => {
    expect(fillValues('{{a}} 与 {{ b }}', { a: 1, b: '二' }, 'f.md')).toBe('1 与 二');
    const dir = mkdtempSync(join(tmpdir(), 'prose-'));
    try {
      mkdirSync(join(dir, 'pages'));
      writeFileSync(join(dir, 'pages', 'cite.md'), page('引用', 'title: 如何引用'));
      expect(readProse(dir, 'cite', 'about/cite/').title).toBe('如何引用');
      expect(() => readProse(dir, 'nothing', '')).toThrow(
        /pages\/nothing\.md: the prose page "nothing" is missing/u,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the project’s own prose pages', () => {
    const root = join(import.meta.dirname, '../../../content');
    for (const name of ['about', 'cite', 'corrections']) {
      const p = readProse(root, name, 'about/', {
        rejoined: 1,
        captions: 1,
        duplicates: 1,
        inferredDates: 1,
        pages: 1,
        inferredPages: 1,
        corrections: 1,
      });
      expect(p.title.length, name).toBeGreaterThan(0);
      expect(p.html, name).not.toMatch(/site:|\{\{/u);
    }
  });

  it('reads the 数据 page: its prose around the place of the generated table', () => {
    const root = join(import.meta.dirname, '../../../content');
    const p = readProse(
      root,
      'data',
      'data/',
      {
        issues: 5,
        articles: 43,
        sampleIssue: 'x/2021/03/06/issue.md',
        sampleArticle: 'x/2021/03/06/1/a001/article.md',
      },
      ['years'],
    );
    expect(p.title).toBe('数据下载');
    expect(p.parts.filter((x) => 'place' in x)).toEqual([{ place: 'years' }]);
    // the table comes under its heading, after what a line of the file holds
    const before = p.parts[p.parts.findIndex((x) => 'place' in x) - 1] as { html: string };
    expect(before.html).toMatch(/<h2>按年：JSON Lines（gzip 压缩）<\/h2>\n<p>每行一篇文章/u);
    expect(p.html).toContain('<a href="../x/2021/03/06/issue.md">x/2021/03/06/issue.md</a>');
    expect(p.html).toContain('本数字版收录的 5 期、43 篇文章');
    expect(p.html).not.toMatch(/site:|\{\{/u);
  });
});
