/**
 * The name index on the built site: an entry page for a name a seed prints, its paragraph links
 * landing on paragraphs that print the name, the article page's 文中人物 links, 相关文章 (at most
 * five, each resolving), the 人物 search filter, and the sitemap's /names/ pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { sitemapFiles } from '../../src/integrations/sitemap.ts';
import { byClass, byTag, elements, hrefOf, htmlFiles, text, tree } from './html.ts';

const root = resolve(import.meta.dirname, '../..');
// Seed 004 (衡阳日报 2021-12-09) prints 市委书记秦国文 in its first article's lead (line 33).
const SEED = readFileSync(join(root, 'seeds/004_0d7d69333001dc5b.txt'), 'utf8');
const NAME = '秦国文';
const ENTRY = 'names/person/qinguowen/index.html'; // 秦 qín 国 guó 文 wén

const target = (from: string, href: string) => {
  const [path, hash] = href.split('#') as [string, string | undefined];
  return { file: normalize(join(dirname(from), path)), hash };
};

describe('name index on the built site', () => {
  let dir = '';
  beforeAll(() => {
    dir = inject('siteRoot');
  });

  it('has an entry page for a name the seed prints after a title', () => {
    expect(SEED).toContain(`市委书记${NAME}`);
    const file = join(dir, ENTRY);
    expect(existsSync(file)).toBe(true);
    expect(text(byTag(tree(file), 'h1')[0]!)).toContain(NAME);
  });

  it('links each article to the paragraphs that print the name, and those anchors exist', () => {
    const file = join(dir, ENTRY);
    const links = elements(tree(file), (e) => e.tagName === 'a' && /#p\d+$/.test(hrefOf(e)));
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      const { file: article, hash } = target(file, hrefOf(a));
      expect(existsSync(article), hrefOf(a)).toBe(true);
      const para = elements(tree(article), (e) => e.properties.id === hash);
      expect(para, `#${hash} in ${article}`).toHaveLength(1);
      expect(text(para[0]!)).toContain(NAME);
    }
  });

  it('lists the name on the article page (文中人物), with a ≤ 5 相关文章 list whose links resolve', () => {
    const file = join(dir, ENTRY);
    const first = elements(tree(file), (e) => e.tagName === 'a' && /#p\d+$/.test(hrefOf(e)))[0]!;
    const article = target(file, hrefOf(first)).file;
    const names = byClass(tree(article), 'article-names')[0]!;
    expect(text(names)).toContain('文中人物');
    const link = byTag(names, 'a').find((a) => text(a) === NAME)!;
    expect(target(article, hrefOf(link)).file).toBe(normalize(file));
    const related = byClass(tree(article), 'related-articles');
    expect(related).toHaveLength(1);
    const items = byTag(related[0]!, 'a');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    for (const a of items) {
      expect(existsSync(target(article, hrefOf(a)).file)).toBe(true);
      expect(target(article, hrefOf(a)).file).not.toBe(article);
    }
    // the search filter 人物 carries the name
    const filters = elements(tree(article), (e) => e.properties.dataPagefindFilter === '人物[data-value]');
    expect(filters.map((e) => e.properties.dataValue)).toContain(NAME);
  });

  it('has an index in three sections whose counts are the entry pages built', () => {
    const index = tree(join(dir, 'names/index.html'));
    const files = htmlFiles(join(dir, 'names'));
    for (const [kind, title] of [
      ['person', '人物'],
      ['place', '地名'],
      ['organisation', '机构'],
    ] as const) {
      const h2 = elements(index, (e) => e.tagName === 'h2' && e.properties.id === kind)[0]!;
      expect(text(h2)).toContain(title);
      const pages = files.filter((f) => new RegExp(`^${kind}/[^/]+/index\\.html$`).test(f)).length;
      expect(pages).toBeGreaterThan(0);
      expect(text(h2)).toContain(`${pages} 条`);
    }
  });

  it('lists the /names/ pages in the sitemap', () => {
    const built = htmlFiles(dir).map((f) => f.replace(/index\.html$/, ''));
    const sitemap = existsSync(join(dir, 'sitemap-1.xml'))
      ? readFileSync(join(dir, 'sitemap-1.xml'), 'utf8')
      : // built without an origin (no sitemap written): the sitemap these pages would get
        sitemapFiles(built, 'https://example.org', '/').get('sitemap-1.xml')!;
    expect(sitemap).toContain('/names/</loc>');
    expect(sitemap).toContain('/names/person/qinguowen/</loc>');
  });

  it('validates as HTML (the index, an entry, an article with names)', async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(join(root, '.htmlvalidate.json'), 'utf8')));
    for (const f of ['names/index.html', ENTRY]) {
      const report = await validator.validateFile(join(dir, f));
      expect(
        report.results.flatMap((r) => r.messages.map((m) => m.message)),
        f,
      ).toEqual([]);
    }
  });
});
