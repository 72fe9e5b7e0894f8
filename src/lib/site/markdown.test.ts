import type { Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { articleMdast, issueMdast, toMarkdown, type MarkdownArticle } from './markdown.ts';
import { seedArticles } from '../../../tests/support/seed-articles.ts';

const seeds = [
  '000_846a23c3b34aff37.txt',
  '001_3b959c98e2937adc.txt',
  '002_387b9c43cd86da72.txt',
  '003_535e0761a6686cfc.txt',
  '004_0d7d69333001dc5b.txt',
];
// the seed articles carry every field of the parsed article (ProvenanceArticle names a few)
const articlesOf = (seed: string) => [...seedArticles(seed).values()] as unknown as MarkdownArticle[];
const all = seeds.flatMap(articlesOf);
/** The text of an mdast node (mdast-util-to-string is not a dependency of the project). */
const toString = (n: RootContent | Root): string =>
  'value' in n && typeof n.value === 'string'
    ? n.value
    : 'children' in n
      ? (n.children as RootContent[]).map(toString).join('')
      : '';
const place = { printed: '衡阳日报 2021年3月6日 第一版', url: 'https://news.example/a/' };
const parse = (md: string) => unified().use(remarkParse).parse(md) as Root;
const md = (a: MarkdownArticle) => toMarkdown(articleMdast(a, place));
const after = (tree: Root): RootContent[] => {
  const k = tree.children.findIndex((n) => n.type === 'thematicBreak');
  return tree.children.slice(k + 1);
};

describe('article.md', () => {
  it('covers the seeds', () => expect(all.length).toBeGreaterThanOrEqual(40));

  it('round-trips every seed article’s headline, paragraphs, subheads and captions', () => {
    for (const a of all) {
      const tree = parse(md(a));
      const h1 = tree.children.filter((n) => n.type === 'heading' && n.depth === 1);
      expect(
        h1.map((h) => toString(h)),
        a.id,
      ).toEqual([a.title]);
      const body = after(tree);
      const paragraphs = body.filter((n) => n.type === 'paragraph' && !toString(n).startsWith('|'));
      const expected =
        a.paragraphs.filter((p) => p.role === 'text').length +
        a.references.length +
        (a.signature?.text.trim() ? 1 : 0);
      expect(paragraphs.length, a.id).toBe(expected);
      const texts = a.paragraphs.filter((p) => p.role === 'text').map((p) => p.text);
      for (const t of texts)
        expect(
          paragraphs.map((p) => toString(p)),
          a.id,
        ).toContain(t);
      const subheads = body.filter((n) => n.type === 'heading' && n.depth === 3).map((n) => toString(n));
      expect(subheads, a.id).toEqual(a.paragraphs.filter((p) => p.role === 'subhead').map((p) => p.text));
      expect(body.filter((n) => n.type === 'blockquote').length, a.id).toBe(a.captions.length);
    }
  });

  it('writes the header: kicker, headline, subtitle, byline and where it was printed', () => {
    const a = all.find((x) => x.kicker && x.byline)!;
    const text = md(a);
    expect(text).toContain(`*${a.kicker}*`);
    expect(text).toContain(`# ${a.title}`);
    expect(text).toContain(a.byline!.text);
    expect(text).toContain('> 衡阳日报 2021年3月6日 第一版 · <https://news.example/a/>');
  });

  it('writes tables as GFM pipe tables (seed 001 list of nominees)', () => {
    const a = all.find((x) => x.id === 'hengyang-daily-2022-04-01-a002')!;
    const lines = md(a)
      .split('\n')
      .filter((l) => l.startsWith('|'));
    expect(lines[0]).toMatch(/^\| 姓名 \|/u);
    expect(lines[1]).toMatch(/^\| --- \| --- \|/u);
    expect(lines).toHaveLength(a.tables[0]!.rows.length + 1);
  });

  it('escapes text that looks like Markdown', () => {
    const evil = '# 不是标题 *不是强调* [x](y) <b>';
    const a: MarkdownArticle = {
      ...all[0]!,
      title: evil,
      kicker: null,
      subtitle: null,
      column: null,
      byline: null,
      captions: [],
      tables: [],
      references: [],
      signature: null,
      paragraphs: [{ role: 'text', text: evil, lines: [] }],
    };
    const tree = parse(md(a));
    expect(toString(tree.children.find((n) => n.type === 'heading')!)).toBe(evil);
    const body = after(tree);
    expect(body).toHaveLength(1);
    expect(body[0]!.type).toBe('paragraph');
    expect(toString(body[0]!)).toBe(evil);
  });
});

describe('issue.md', () => {
  it('holds every article under its 版, headline as ###', () => {
    const list = articlesOf(seeds[0]!);
    const tree = parse(
      toMarkdown(
        issueMdast(
          '衡阳日报 2021年3月6日',
          ['星期六'],
          [{ label: '第一版', articles: list.map((article) => ({ article, place })) }],
        ),
      ),
    );
    expect(toString(tree.children[0]!)).toBe('衡阳日报 2021年3月6日');
    const h3 = tree.children.filter((n) => n.type === 'heading' && n.depth === 3).map((n) => toString(n));
    expect(h3).toEqual(list.map((a) => a.title));
  });
});
