import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillValues, readProse, renderProse } from './prose.ts';

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
});
