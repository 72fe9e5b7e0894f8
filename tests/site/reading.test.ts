/**
 * Reading and citing, checked on the built site (issue #13): the metadata reference managers
 * capture (Highwire citation_* tags and schema.org JSON-LD, read with a real HTML parser), the
 * citation panel (formats, copy buttons, no literal placeholder, no made-up host), the 版
 * navigation around an article, pages the edition does not hold (未收录), one marker for inferred
 * page numbers, compact calendars, the wide table's CSS, and the settings for the site's origin
 * and the repository (a third build with BAOKAN_SITE and BAOKAN_REPO).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { Element, Root } from 'hast';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { build } from './build.ts';
import { byClass, byTag, classes, elements, hrefOf, htmlFiles, text, tree } from './html.ts';
import { seedEdition } from '../support/seed-edition.ts';
import { articlePath, issuePath, pagePath } from '../../src/lib/site/urls.ts';

// the seeds as the build parses them (corrections applied)
const edition = seedEdition();
const issues = edition.issues.map((f) => f.issue);

const cls = classes;
const target = (file: string, href: string) => normalize(join(dirname(file), href.split('#')[0]!));
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The citation_* tags of a page, in document order. */
const metaTags = (t: Root) =>
  byTag(byTag(t, 'head')[0]!, 'meta')
    .filter((m) => String(m.properties.name ?? '').startsWith('citation_'))
    .map((m) => [String(m.properties.name), String(m.properties.content)] as const);
const metaOf = (t: Root, name: string) =>
  metaTags(t)
    .filter(([n]) => n === name)
    .map(([, c]) => c);
/** Every JSON-LD block of a page, parsed. */
const jsonLd = (t: Root) =>
  elements(t, (e) => e.tagName === 'script' && e.properties.type === 'application/ld+json').map(
    (s) => JSON.parse(text(s)) as Record<string, unknown>,
  );

describe('built site: reading and citing', () => {
  let dir = '';
  let files: string[] = [];
  const page = (f: string) => tree(join(dir, f));
  const articleFiles = () => files.filter((f) => /\/a\d{3,}\/index\.html$/.test(f));
  beforeAll(() => {
    dir = inject('siteRoot');
    files = htmlFiles(dir);
  });

  it('gives every article citation_* meta and a NewsArticle in its issue and periodical', () => {
    for (const issue of issues) {
      for (const a of issue.articles) {
        const p = issue.pages[a.page]!;
        const f = `${articlePath(pagePath(issuePath(issue), p.slug ?? p.number), a.id)}index.html`;
        const t = page(f);
        expect(metaOf(t, 'citation_title'), f).toEqual([a.title]);
        expect(metaOf(t, 'citation_journal_title'), f).toEqual([issue.paper.name]);
        expect(metaOf(t, 'citation_publication_date'), f).toEqual([issue.date.value!.replace(/-/g, '/')]);
        expect(metaOf(t, 'citation_firstpage'), f).toEqual([String(p.number)]);
        const ld = jsonLd(t);
        expect(ld, f).toHaveLength(1);
        const art = ld[0]!;
        expect(art['@context']).toBe('https://schema.org');
        expect(art['@type']).toBe('NewsArticle');
        expect(art.headline).toBe(a.title);
        expect(art.datePublished).toBe(issue.date.value);
        expect(art.printPage).toBe(String(p.number));
        expect(String(art.printSection)).toMatch(/^第.+版/);
        expect(art.printEdition).toBeTruthy();
        const part = art.isPartOf as Record<string, unknown>;
        expect(part['@type']).toBe('PublicationIssue');
        expect((part.isPartOf as Record<string, unknown>)['@type']).toBe('Periodical');
        expect((part.isPartOf as Record<string, unknown>).name).toBe(issue.paper.name);
        // no origin configured: no relative or made-up URL in machine-read metadata
        expect(JSON.stringify(art)).not.toContain('"url"');
        // the <title> carries the paper and the date
        const title = text(byTag(t, 'title')[0]!);
        expect(title, f).toContain(issue.paper.name!);
        expect(title, f).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      }
    }
    // seed 000: 本报讯（记者 许珂 实习生付星婷）; seed 004: 本报讯（记者 陈润）, dateline and role
    const first = page('hengyang-daily/2021/03/06/1/a001/index.html');
    expect(metaOf(first, 'citation_author')).toEqual(['许珂', '付星婷']);
    const chen = jsonLd(page('hengyang-daily/2021/12/09/1/a001/index.html'))[0]!;
    expect(chen.author).toEqual([{ '@type': 'Person', name: '陈润', jobTitle: '记者' }]);
    expect(chen.dateline).toBe('本报讯');
    expect(chen.printEdition).toBe('第18021号');
    // 本报记者（谢小青）: the role the byline form implies
    const xie = jsonLd(page('hengyang-daily/2021/03/06/1/a003/index.html'))[0]!;
    expect(xie.author).toEqual([{ '@type': 'Person', name: '谢小青', jobTitle: '记者' }]);
  });

  it('offers GB/T 7714, BibTeX and RIS with a copy button each, and no literal placeholder or made-up host', () => {
    for (const f of files) {
      const html = readFileSync(join(dir, f), 'utf8');
      expect(html, f).not.toContain('[引用日期]');
      expect(html, f).not.toContain('example.org');
    }
    for (const f of articleFiles()) {
      const t = page(f);
      const cite = byClass(t, 'cite')[0]!;
      const ids = ['cite-url', 'cite-gbt', 'cite-gbt-ol', 'cite-bibtex', 'cite-ris'];
      const buttons = byTag(cite, 'button').map((b) => String(b.properties.dataCopy));
      expect(buttons, f).toEqual(ids);
      for (const id of ids)
        expect(
          elements(cite, (e) => e.properties.id === id),
          `${f} ${id}`,
        ).toHaveLength(1);
      const ris = text(elements(cite, (e) => e.properties.id === 'cite-ris')[0]!);
      expect(ris.startsWith('TY  - NEWS\n'), f).toBe(true);
      expect(ris.endsWith('ER  - \n'), f).toBe(true);
      // the access date waits for the script; without it a sentence says where it goes
      for (const slot of byClass(cite, 'access-date')) expect(text(slot)).toBe('');
      expect(text(byClass(cite, 'nojs')[0]!)).toContain('查阅日期');
    }
  });

  it('shows the article’s 版 beside or above the text and 上一篇/下一篇 right after it, marked across a 版', () => {
    for (const issue of issues) {
      for (const [index, p] of issue.pages.entries()) {
        const onPage = issue.articles.filter((a) => a.page === index);
        for (const a of onPage) {
          const f = `${articlePath(pagePath(issuePath(issue), p.number), a.id)}index.html`;
          const t = page(f);
          const layout = byClass(t, 'article-layout')[0]!;
          const kids = layout.children.filter((c): c is Element => c.type === 'element');
          // breadcrumbs, the 版 bar, the reading column, the 版's headline list
          expect(
            kids.map((k) => cls(k)[0]),
            f,
          ).toEqual(['breadcrumbs', 'page-bar', 'reading', 'page-list']);
          const list = byTag(byTag(byClass(t, 'page-list')[0]!, 'ol')[0]!, 'a');
          expect(
            list.map((x) => target(f, hrefOf(x))),
            f,
          ).toEqual(
            onPage.map((b) => `${articlePath(pagePath(issuePath(issue), p.number), b.id)}index.html`),
          );
          expect(
            list.filter((x) => x.properties.ariaCurrent === 'page').map((x) => target(f, hrefOf(x))),
          ).toEqual([f]);
          // the pager follows the article directly
          const reading = kids[2]!.children.filter((c): c is Element => c.type === 'element');
          expect(reading[0]!.tagName, f).toBe('article');
          const k = issue.articles.indexOf(a);
          if (k > 0 || k < issue.articles.length - 1) expect(cls(reading[1]!), f).toContain('pager');
        }
      }
    }
    // 2021-03-06: the last article of 第一版 leads into 第二版, and back
    const daily = issues.find((i) => i.id === 'hengyang-daily-2021-03-06')!;
    const lastOn1 = daily.articles.filter((a) => a.page === 0).at(-1)!;
    const firstOn2 = daily.articles.find((a) => a.page === 1)!;
    const pager = (id: string, pageNo: number) =>
      byClass(page(`${articlePath(pagePath(issuePath(daily), pageNo), id)}index.html`), 'article-pager')[0]!;
    expect(flat(text(byClass(pager(lastOn1.id, 1), 'next')[0]!))).toContain('（转第二版）');
    expect(flat(text(byClass(pager(firstOn2.id, 2), 'prev')[0]!))).toContain('（转第一版）');
    expect(flat(text(byClass(pager(firstOn2.id, 2), 'next')[0]!))).not.toContain('转');
  });

  it('lists the pages the issue printed but the edition does not hold, greyed, with 未收录', () => {
    // 2021-12-09: the masthead says 今日8版; the seed holds 第一版
    const f = 'hengyang-daily/2021/12/09/index.html';
    const tabs = byTag(byClass(page(f), 'page-tabs')[0]!, 'li');
    expect(tabs).toHaveLength(8);
    expect(
      tabs.filter((li) => cls(li).includes('missing')).map((li) => text(li).replace(/\s+/g, '')),
    ).toEqual(['二', '三', '四', '五', '六', '七', '八'].map((n) => `第${n}版未收录`));
    expect(byTag(tabs[0]!, 'a')).toHaveLength(1);
    for (const li of tabs.slice(1)) expect(byTag(li, 'a')).toEqual([]);
    const day = page('date/2021-12-09/index.html');
    expect(flat(text(byClass(day, 'card')[0]!))).toContain('本期8版，收录1版');
    expect(byClass(day, 'missing')).toHaveLength(7);
    // and on the 版 page itself
    expect(byClass(page('hengyang-daily/2021/12/09/1/index.html'), 'missing')).toHaveLength(7);
  });

  it('keeps （推定） out of titles, breadcrumbs and lists: one marker on the 版 and article pages', () => {
    for (const f of files) {
      const t = page(f);
      expect(text(byTag(t, 'title')[0]!), f).not.toContain('推定');
      for (const nav of byTag(t, 'nav')) expect(text(nav), f).not.toContain('（推定）');
    }
    for (const f of articleFiles()) {
      const t = page(f);
      const marks = byClass(byClass(t, 'dateline')[0]!, 'inferred');
      expect(marks.length).toBeLessThanOrEqual(1);
      if (marks.length) {
        expect(hrefOf(marks[0]!)).toBe('#page-inferred');
        expect(elements(t, (e) => e.properties.id === 'page-inferred')).toHaveLength(1);
      }
    }
  });

  it('puts the 版 page’s article list before its schematic map', () => {
    const t = page('hengyang-daily/2021/03/06/1/index.html');
    const layout = byClass(t, 'page-layout')[0]!;
    const sections = layout.children.filter((c): c is Element => c.type === 'element');
    expect(byClass(sections[0]!, 'article-cards')).toHaveLength(1);
    expect(cls(sections[1]!)).toContain('page-map-wrap');
    // the heading is spaced: 版 name in the h1, paper and date on their own line
    expect(flat(text(byClass(t, 'page-title-line')[0]!))).toBe('衡阳日报 · 2021年3月6日 星期六');
  });

  it('draws a year’s calendars only for months with issues and names the empty months on one line', () => {
    const t = page('archive/2021/index.html');
    const captions = byClass(t, 'calendar').map((c) => flat(text(byTag(c, 'caption')[0]!)));
    expect(captions).toEqual(['2021年3月', '2021年12月']);
    expect(text(byClass(t, 'empty-months')[0]!)).toContain('1月、2月、4月');
  });

  it('styles the wide table: first column sticky, a scroll hint, every column printed; ¶ takes no room', () => {
    const css = readFileSync(
      join(
        dir,
        readdirSync(dir).find((f) => /^site\.[0-9a-f]{10}\.css$/.test(f))!,
      ),
      'utf8',
    ).replace(/\s+/g, ' ');
    expect(css).toMatch(
      /\.article-body \.table-wrap :is\(th, td\):first-child \{ position: sticky; inset-inline-start: 0;/,
    );
    expect(css).toContain('scroll-state(scrollable: inline)');
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(
      /\.article-body \.table-wrap :is\(th, td\) \{ white-space: normal; position: static;/,
    );
    expect(css).toMatch(/\.anchor \{[^}]*position: absolute;/);
    // the table article has its table inside a labelled, focusable region
    const t = page('hengyang-daily/2022/04/01/1/a002/index.html');
    const wrap = byClass(t, 'table-wrap')[0]!;
    expect(wrap.properties.tabIndex).toBe(0);
    expect(byTag(wrap, 'table')).toHaveLength(1);
  });

  it('says on the corrections page how errors are reported when no repository is configured', () => {
    const t = page('about/corrections/index.html');
    const report = byClass(t, 'report')[0]!;
    expect(text(report)).toContain('BAOKAN_REPO');
    expect(byTag(report, 'a')).toEqual([]);
  });
});

describe('built site with BAOKAN_SITE and BAOKAN_REPO', () => {
  let dir = '';
  beforeAll(() => {
    // vitest puts Vite's import.meta.env (BASE_URL, MODE …) into this worker's process.env; the
    // build must not inherit them (Astro would take BASE_URL=/ over BAOKAN_BASE)
    const vite = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'] as const;
    const saved = vite.map((k) => [k, process.env[k]] as const);
    for (const k of vite) delete process.env[k];
    try {
      dir = build('/baokan/', {
        BAOKAN_SITE: 'https://news.example',
        BAOKAN_REPO: 'https://github.com/example/baokan',
      });
    } finally {
      for (const [k, v] of saved) if (v !== undefined) process.env[k] = v;
    }
  });
  afterAll(() => rmSync(dirname(dir), { recursive: true, force: true }));

  it('prints absolute permalinks, canonical links and JSON-LD URLs', () => {
    const t = tree(join(dir, 'hengyang-daily/2021/03/06/1/a001/index.html'));
    const url = 'https://news.example/baokan/hengyang-daily/2021/03/06/1/a001/';
    const canonical = byTag(t, 'link').filter((l) => String(l.properties.rel) === 'canonical');
    expect(canonical.map(hrefOf)).toEqual([url]);
    expect(text(elements(t, (e) => e.properties.id === 'cite-url')[0]!).trim()).toBe(url);
    expect(text(byClass(t, 'cite')[0]!)).not.toContain('相对地址');
    expect(metaOf(t, 'citation_public_url')).toEqual([url]);
    const ld = jsonLd(t)[0]!;
    expect(ld.url).toBe(url);
    expect((ld.isPartOf as Record<string, unknown>).url).toBe(
      'https://news.example/baokan/hengyang-daily/2021/03/06/',
    );
  });

  it('links the corrections page to a pre-filled new issue on the repository', () => {
    const t = tree(join(dir, 'about/corrections/index.html'));
    const links = byTag(byClass(t, 'report')[0]!, 'a').map(hrefOf);
    const issue = new URL(links[0]!);
    expect(`${issue.origin}${issue.pathname}`).toBe('https://github.com/example/baokan/issues/new');
    expect(issue.searchParams.get('body')).toContain('原文行号');
    expect(links[1]).toBe('https://github.com/example/baokan/blob/HEAD/content/corrections.yaml');
  });

  it('gives every article a 纠错 link: a new issue naming its permalink, seed file and source lines', () => {
    for (const issue of issues) {
      for (const a of issue.articles) {
        const p = issue.pages[a.page]!;
        const file = issue.sources[p.source]!.file;
        const path = articlePath(pagePath(issuePath(issue), p.slug ?? p.number), a.id);
        const links = elements(
          tree(join(dir, `${path}index.html`)),
          (e) => e.properties.dataReport !== undefined,
        );
        expect(links, path).toHaveLength(1);
        const url = new URL(hrefOf(links[0]!));
        expect(`${url.origin}${url.pathname}`).toBe('https://github.com/example/baokan/issues/new');
        expect(url.searchParams.get('title')).toBe(`纠错：${a.title}`);
        const body = url.searchParams.get('body')!;
        expect(body).toContain(`永久链接：https://news.example/baokan/${path}`);
        const lines =
          a.lines.start === a.lines.end ? `第${a.lines.start}行` : `第${a.lines.start}–${a.lines.end}行`;
        expect(body).toContain(`原文：${file} ${lines}`);
      }
    }
  });
});
