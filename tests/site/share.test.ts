/**
 * Share cards, Open Graph meta and Atom feeds on the built site (the root build of the global
 * setup, without an origin), plus one build with an origin (absolute og:image and feed ids) and
 * one with BAOKAN_CARDS=0 (no cards, no og:image).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { build } from './build.ts';
import { elements, htmlFiles, tree } from './html.ts';

const dir = inject('siteRoot');
const files = htmlFiles(dir);
const articlePages = files.filter((f) => /\/a\d{3}\/index\.html$/u.test(f));
const issuePages = files.filter((f) => /^[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}(?:-\d+)?\/index\.html$/u.test(f));
const pagePages = files.filter((f) =>
  /^[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}(?:-\d+)?\/[\d-]+\/index\.html$/u.test(f),
);

const meta = (file: string, key: string): string | null => {
  const m = elements(
    tree(file),
    (e) => e.tagName === 'meta' && (e.properties.property === key || e.properties.name === key),
  );
  return m.length ? String(m[0]!.properties.content) : null;
};
const alternates = (file: string) =>
  elements(tree(file), (e) => e.tagName === 'link' && e.properties.type === 'application/atom+xml').map((e) =>
    String(e.properties.href),
  );
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (n) => n === 'entry' || n === 'link',
});

describe('share cards', () => {
  it('finds the pages', () => {
    expect(articlePages.length).toBeGreaterThanOrEqual(43);
    expect(issuePages.length).toBeGreaterThanOrEqual(5);
    expect(pagePages.length).toBeGreaterThanOrEqual(7);
  });

  it('gives every article, issue and 版 a 1200×630 PNG card that its og:image points to', async () => {
    for (const rel of [...articlePages, ...issuePages, ...pagePages]) {
      const file = join(dir, rel);
      const image = meta(file, 'og:image');
      expect(image, rel).toBe('card.png');
      const png = join(dirname(file), image!);
      const m = await sharp(png).metadata();
      expect([m.format, m.width, m.height], rel).toEqual(['png', 1200, 630]);
      expect(meta(file, 'twitter:card'), rel).toBe('summary_large_image');
      expect(meta(file, 'twitter:image'), rel).toBe(image);
      expect(meta(file, 'og:title'), rel).toBeTruthy();
      expect(meta(file, 'og:description'), rel).toBeTruthy();
    }
    expect(meta(join(dir, articlePages[0]!), 'og:type')).toBe('article');
  });

  it('leaves the internal card list out of the site', () => {
    expect(existsSync(join(dir, 'cards.json'))).toBe(false);
  });
});

describe('Atom feeds', () => {
  const feedOf = (page: string) => {
    const [href] = alternates(join(dir, page));
    expect(href, page).toBeTruthy();
    const file = posix.join(posix.dirname(page), href!);
    expect(existsSync(join(dir, file)), file).toBe(true);
    return { file, feed: parser.parse(readFileSync(join(dir, file), 'utf8')).feed };
  };

  it('has a feed per paper, linked from the paper and its issues, with the latest issues', () => {
    for (const paper of ['hengyang-daily', 'hengyang-evening-news']) {
      const { file, feed } = feedOf(`${paper}/index.html`);
      expect(file).toBe(`${paper}/feed.xml`);
      expect(feed.id).toMatch(/^urn:uuid:/u);
      expect(feed.title).toBeTruthy();
      expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/u);
      expect(feed.author.name).toBeTruthy();
      const issues = issuePages.filter((p) => p.startsWith(`${paper}/`));
      expect(feed.entry).toHaveLength(issues.length);
      for (const e of feed.entry) {
        expect(e.id).toMatch(/^urn:uuid:/u);
        expect(e.title).toBeTruthy();
        expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/u);
        expect(e.summary).toMatch(/^头版：/u);
        const target = posix.join(paper, e.link[0]['@href']);
        expect(issues, target).toContain(target);
      }
      expect(feedOf(issues[0]!).file).toBe(file);
    }
  });

  it('has a feed per topic, linked from the topic page, with at most 30 articles, newest first', () => {
    const topics = readdirSync(join(dir, 'topics')).filter((t) =>
      existsSync(join(dir, 'topics', t, 'index.html')),
    );
    expect(topics.length).toBeGreaterThan(3);
    for (const t of topics) {
      const { file, feed } = feedOf(`topics/${t}/index.html`);
      expect(file).toBe(`topics/${t}/feed.xml`);
      expect(feed.entry.length).toBeGreaterThan(0);
      expect(feed.entry.length).toBeLessThanOrEqual(30);
      const dates = feed.entry.map((e: { updated: string }) => e.updated);
      expect([...dates].sort().reverse()).toEqual(dates);
      for (const e of feed.entry)
        expect(existsSync(join(dir, 'topics', t, e.link[0]['@href'])), e.title).toBe(true);
    }
  });
});

describe('with an origin, and with BAOKAN_CARDS=0', () => {
  let withOrigin = '';
  let noCards = '';
  beforeAll(() => {
    // Vitest sets BASE_URL (and MODE, DEV …) in a test worker's environment; a build started from
    // here inherits it, and Astro would take it for import.meta.env.BASE_URL (the base path).
    for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[k];
    withOrigin = build('/baokan/', { BAOKAN_SITE: 'https://news.example' });
    noCards = build('/', { BAOKAN_CARDS: '0' });
  }, 300000);
  afterAll(() => {
    for (const d of [withOrigin, noCards]) if (d) rmSync(dirname(d), { recursive: true, force: true });
  });

  it('makes og:image, feed links and feed ids absolute', () => {
    const rel = 'hengyang-daily/2021/03/06/1/a001/';
    const file = join(withOrigin, rel, 'index.html');
    expect(meta(file, 'og:image')).toBe(`https://news.example/baokan/${rel}card.png`);
    expect(meta(file, 'og:url')).toBe(`https://news.example/baokan/${rel}`);
    expect(existsSync(join(withOrigin, rel, 'card.png'))).toBe(true);
    expect(alternates(file)).toEqual(['https://news.example/baokan/hengyang-daily/feed.xml']);
    const feed = parser.parse(readFileSync(join(withOrigin, 'hengyang-daily/feed.xml'), 'utf8')).feed;
    expect(feed.id).toBe('https://news.example/baokan/hengyang-daily/');
    for (const e of feed.entry) {
      expect(e.id).toMatch(/^https:\/\/news\.example\/baokan\/hengyang-daily\/\d{4}\/\d{2}\/\d{2}\/$/u);
      expect(e.link[0]['@href']).toBe(e.id);
    }
  });

  it('draws no cards and names no og:image when BAOKAN_CARDS=0', () => {
    const rel = 'hengyang-daily/2021/03/06/1/a001/';
    expect(existsSync(join(noCards, rel, 'card.png'))).toBe(false);
    expect(meta(join(noCards, rel, 'index.html'), 'og:image')).toBeNull();
    expect(meta(join(noCards, rel, 'index.html'), 'twitter:card')).toBe('summary');
    expect(existsSync(join(noCards, 'cards.json'))).toBe(false);
  });
});

describe('downloads for researchers', () => {
  const md = (file: string) => readFileSync(join(dir, file), 'utf8');

  it('writes article.md beside every article, linked from it, headline as its one # heading', () => {
    for (const rel of articlePages) {
      const folder = dirname(rel);
      const links = elements(tree(join(dir, rel)), (e) => e.tagName === 'a').map((e) =>
        String(e.properties.href),
      );
      expect(links, rel).toContain('article.md');
      const text = md(`${folder}/article.md`);
      const h1 = text.split('\n').filter((l) => l.startsWith('# '));
      const title = elements(tree(join(dir, rel)), (e) => e.tagName === 'h1')[0]!;
      expect(h1, rel).toHaveLength(1);
      expect(h1[0]!.slice(2).replace(/\\/gu, ''), rel).toBe(
        (title.children as { type: string; value?: string }[])
          .map((c) => c.value ?? '')
          .join('')
          .trim(),
      );
      expect(text, rel).toContain('\n---\n');
    }
  });

  it('writes issue.md for every issue, linked from the issue page, with every article', () => {
    for (const rel of issuePages) {
      const folder = dirname(rel);
      const links = elements(tree(join(dir, rel)), (e) => e.tagName === 'a').map((e) =>
        String(e.properties.href),
      );
      expect(links, rel).toContain('issue.md');
      const articles = articlePages.filter((a) => a.startsWith(`${folder}/`)).length;
      expect(
        md(`${folder}/issue.md`)
          .split('\n')
          .filter((l) => l.startsWith('### ')),
        rel,
      ).toHaveLength(articles);
    }
  });

  it('writes per year one gzip JSON Lines file, one line per article, listed on the 数据 page', async () => {
    const { gunzipSync } = await import('node:zlib');
    const files = readdirSync(join(dir, 'data')).filter((f) => f.endsWith('.jsonl.gz'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    let lines = 0;
    const page = readFileSync(join(dir, 'data/index.html'), 'utf8');
    for (const f of files) {
      const text = gunzipSync(readFileSync(join(dir, 'data', f))).toString('utf8');
      const records = text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { date: string; title: string; paragraphs: unknown[] });
      for (const r of records) {
        expect(r.date.slice(0, 4)).toBe(f.slice(0, 4));
        expect(r.title).toBeTruthy();
      }
      lines += records.length;
      expect(page).toContain(`href="${f}"`);
    }
    expect(lines).toBe(articlePages.length);
    expect(page).toContain('著作权');
  });
});
