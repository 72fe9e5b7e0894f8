/**
 * What each page type of the built site shows, checked on the parsed HTML against the seeds:
 * the chrome every page shares (lang, skip link, landmarks, the plain search form), the issue,
 * page (版) and article pages, the calendars, topics and the complete contents listing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import type { Element } from 'hast';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { seedEdition } from '../support/seed-edition.ts';
import { articlePath, issuePath, pagePath } from '../../src/lib/site/urls.ts';
import { byClass, byTag, classes, elements, hrefOf, htmlFiles, text, tree } from './html.ts';

const root = resolve(import.meta.dirname, '../..');
// the seeds as the build parses them (corrections applied)
const edition = seedEdition();
const issues = edition.issues.map((f) => f.issue);
type ParsedIssue = (typeof issues)[number];
/** ids of the articles on the page at `index`, in reading order */
const pageArticles = (issue: ParsedIssue, index: number) =>
  issue.articles.filter((a) => a.page === index).map((a) => a.id);

const cls = classes;
/** Where a relative link on the page `file` (path inside dist) points, as a path inside dist. */
const target = (file: string, href: string) => normalize(join(dirname(file), href.split('#')[0]!));

describe('built site: pages', () => {
  let dir = '';
  let files: string[] = [];
  const page = (f: string) => tree(join(dir, f));
  beforeAll(() => {
    dir = inject('siteRoot');
    files = htmlFiles(dir);
  });

  it('gives every page the shared chrome: lang, skip link, landmarks, a search form that needs no script', () => {
    for (const f of files.filter((x) => x !== '404.html')) {
      const t = page(f);
      const html = byTag(t, 'html')[0]!;
      expect(html.properties.lang, f).toBe('zh-Hans');
      expect(
        byTag(t, 'main').map((m) => m.properties.id),
        f,
      ).toEqual(['main']);
      expect(
        elements(t, (e) => e.tagName === 'a' && hrefOf(e) === '#main'),
        f,
      ).toHaveLength(1);
      expect(
        byTag(t, 'header').some((h) => cls(h).includes('site-header')),
        f,
      ).toBe(true);
      expect(byTag(t, 'footer').length, f).toBeGreaterThan(0);
      const forms = elements(t, (e) => e.tagName === 'form' && e.properties.role === 'search');
      expect(forms.length, f).toBeGreaterThanOrEqual(1);
      const form = forms[0]!;
      expect(String(form.properties.method).toLowerCase(), f).toBe('get');
      expect(target(f, String(form.properties.action)), f).toBe('search/index.html');
      const q = elements(form, (e) => e.tagName === 'input' && e.properties.name === 'q');
      expect(
        q.map((e) => e.properties.type),
        f,
      ).toEqual(['search']);
    }
  });

  it('builds the same paths at the domain root and under a base path', () => {
    expect(htmlFiles(inject('siteBase'))).toEqual(files);
  });

  it('shows the masthead, both navigations and the downloads on an issue page', () => {
    const issue = issues.find((i) => i.id === 'hengyang-daily-2021-12-09')!;
    const f = `${issuePath(issue)}index.html`;
    const t = page(f);
    const masthead = text(byClass(t, 'masthead')[0]!);
    // printed in the seed's masthead: 2021年12月9日 星期四, 农历辛丑年十一月初六, 第18021号, 今日8版
    for (const s of ['衡阳日报', '2021年12月9日', '星期四', '十一月初六', '第18021号', '8版']) {
      expect(masthead).toContain(s);
    }
    const links = byTag(t, 'a').map((a) => [text(a), target(f, hrefOf(a))] as const);
    expect(links).toContainEqual(['issue.json', `${issuePath(issue)}issue.json`]);
    expect(links).toContainEqual(['source.txt', `${issuePath(issue)}source.txt`]);
    // 标题导航: every article headline, linked to its article page
    const paths = new Set(links.map(([, p]) => p));
    for (const a of issue.articles) {
      const p = issue.pages[a.page]!;
      expect(paths.has(`${articlePath(pagePath(issuePath(issue), p.number), a.id)}index.html`), a.id).toBe(
        true,
      );
    }
  });

  it('publishes every seed byte for byte as source.txt, with the checksum issue.json gives', () => {
    for (const f of edition.issues) {
      expect(f.issue.sources).toHaveLength(1);
      const source = f.issue.sources[0]!;
      const bytes = readFileSync(join(dir, `${issuePath(f.issue)}source.txt`));
      expect(bytes.equals(readFileSync(join(root, 'seeds', source.file))), f.issue.id).toBe(true);
      expect(createHash('sha256').update(bytes).digest('hex'), f.issue.id).toBe(source.sha256);
      const json = readFileSync(join(dir, `${issuePath(f.issue)}issue.json`), 'utf8');
      // as `npm run parse` prints it: two-space JSON and a final newline
      expect(json, f.issue.id).toBe(`${JSON.stringify(JSON.parse(JSON.stringify(f.issue)), null, 2)}\n`);
    }
  });

  it('links each issue to the previous and next issue of the same paper', () => {
    const daily = issues
      .filter((i) => i.paper.id === 'hengyang-daily')
      .sort((a, b) => a.date.value!.localeCompare(b.date.value!));
    expect(daily.map((i) => i.date.value)).toEqual(['2020-11-21', '2021-03-06', '2021-12-09', '2022-04-01']);
    const f = `${issuePath(daily[1]!)}index.html`;
    const rel = (r: string) =>
      elements(page(f), (e) => e.tagName === 'a' && String(e.properties.rel) === r).map((a) =>
        target(f, hrefOf(a)),
      );
    expect(rel('prev')).toEqual([`${issuePath(daily[0]!)}index.html`]);
    expect(rel('next')).toEqual([`${issuePath(daily[2]!)}index.html`]);
  });

  it('maps a page’s articles as focusable links with names, in reading order, and marks inferred numbers', () => {
    for (const issue of issues) {
      for (const [index, p] of issue.pages.entries()) {
        const f = `${pagePath(issuePath(issue), p.number)}index.html`;
        const t = page(f);
        const map = byClass(t, 'page-map')[0]!;
        expect(map.tagName).toBe('ol');
        const links = byTag(map, 'a');
        expect(
          links.map((a) => target(f, hrefOf(a))),
          f,
        ).toEqual(
          pageArticles(issue, index).map(
            (id) => `${articlePath(pagePath(issuePath(issue), p.number), id)}index.html`,
          ),
        );
        for (const a of links) expect(text(a).trim().length, f).toBeGreaterThan(3);
        // an inferred number: one marker in the heading, linked to its explanation
        const h1 = byTag(t, 'h1')[0]!;
        const marks = byClass(h1, 'inferred');
        expect(marks.length, f).toBe(p.numberKnown ? 0 : 1);
        if (marks[0])
          expect(text(byTag(t, 'p').find((e) => e.properties.id === 'page-inferred')!)).toContain('推定');
      }
    }
    // 2021-03-06 prints no page numbers; 2021-12-09 prints its masthead (第一版)
    expect(text(byTag(page('hengyang-daily/2021/03/06/2/index.html'), 'h1')[0]!).replace(/\s+/g, '')).toBe(
      '第二版推定',
    );
    expect(text(byTag(page('hengyang-daily/2021/12/09/1/index.html'), 'h1')[0]!)).not.toContain('推定');
  });

  it('shows an article’s headline group, credited staff with Chinese roles, and a citation', () => {
    const f = 'hengyang-daily/2021/03/06/1/a001/index.html';
    const t = page(f);
    const body = elements(t, (e) => 'dataPagefindBody' in e.properties);
    expect(body).toHaveLength(1);
    const h1 = byTag(body[0]!, 'h1');
    expect(h1.map(text)).toEqual(['以更加饱满的热情擦亮“衡阳群众”品牌']);
    expect(h1[0]!.properties.dataPagefindWeight).toBe('10');
    expect(text(byClass(body[0]!, 'subtitle')[0]!)).toBe(
      '我市举行相关主题活动启动仪式。赖馨正宣布活动启动并授旗',
    );
    // byline in the seed: 本报讯（记者 许珂 实习生付星婷）, shown once, as printed
    expect(byClass(t, 'byline').map(text)).toEqual(['本报讯（记者 许珂 实习生付星婷）']);
    expect(byClass(t, 'staff')).toEqual([]);
    // the body only: no site chrome, breadcrumbs, citation or source panel inside the indexed part
    for (const c of ['breadcrumbs', 'cite', 'provenance', 'pager', 'site-header']) {
      expect(byClass(body[0]!, c), c).toEqual([]);
    }
    const cite = text(byClass(t, 'cite')[0]!);
    expect(cite).toContain('许珂, 付星婷. 以更加饱满的热情擦亮“衡阳群众”品牌[N]. 衡阳日报, 2021-03-06(1).');
    // no BAOKAN_SITE and no homepage in the test builds: a path, marked relative, never a made-up host
    expect(cite).toContain('/hengyang-daily/2021/03/06/1/a001/');
    expect(cite).toContain('相对地址');
    expect(cite).not.toContain('example.org');
    expect(cite).toContain('@');
    expect(byTag(t, 'details').some((d) => cls(d).includes('provenance'))).toBe(true);
  });

  it('links a continuation to its page when the edition holds it, and a cross-reference to a missing page not at all', () => {
    // （上接第一版①） on page 2 of 2021-03-06: page 1 is in the edition
    const f = 'hengyang-daily/2021/03/06/2/a008/index.html';
    const refs = byClass(page(f), 'reference-continued-from');
    expect(refs.length).toBe(1);
    expect(byTag(refs[0]!, 'a').map((a) => target(f, hrefOf(a)))).toEqual([
      'hengyang-daily/2021/03/06/1/index.html',
    ]);
    // >>>详见第七版>>> on the front page of 2021-12-09: page 7 is not in the edition
    const g = 'hengyang-daily/2021/12/09/1/a005/index.html';
    const body = elements(page(g), (e) => 'dataPagefindBody' in e.properties)[0]!;
    expect(text(body)).toContain('详见第七版');
    for (const a of byTag(body, 'a')) expect(target(g, hrefOf(a))).not.toMatch(/\/7\/index\.html$/);
  });

  it('links every day with issues from the calendars, and lists every paper of that day', () => {
    for (const issue of issues.filter((i) => i.date.value)) {
      const [y, m] = issue.date.value!.split('-');
      for (const cal of [`archive/${y}/index.html`, `archive/${y}/${m}/index.html`]) {
        const days = byClass(page(cal), 'calendar')
          .flatMap((c) => byTag(c, 'a'))
          .map((a) => target(cal, hrefOf(a)));
        expect(days, cal).toContain(`date/${issue.date.value}/index.html`);
      }
      const day = `date/${issue.date.value}/index.html`;
      const links = byTag(page(day), 'a').map((a) => target(day, hrefOf(a)));
      expect(links).toContain(`${issuePath(issue)}index.html`);
    }
    // March 2021 holds one issue: exactly one linked day in its month grid
    const march = byTag(byClass(page('archive/2021/03/index.html'), 'calendar')[0]!, 'a');
    const ownText = (e: Element) =>
      e.children
        .map((c) => (c.type === 'text' ? c.value : ''))
        .join('')
        .trim();
    expect(march.map(ownText)).toEqual(['6']);
    expect(text(march[0]!)).toContain('衡阳日报');
  });

  it('lists every article under each of its topics, and the topic index counts them', () => {
    const topicFiles = files.filter((f) => /^topics\/[a-z0-9-]+\/(\d+\/)?index\.html$/.test(f));
    const listed = new Map<string, string[]>();
    for (const f of topicFiles) {
      const slug = f.split('/')[1]!;
      const arts = elements(page(f), (e) => e.tagName === 'a' && /\/a\d+\/index\.html$/.test(hrefOf(e)));
      listed.set(slug, [...(listed.get(slug) ?? []), ...arts.map((a) => target(f, hrefOf(a)))]);
    }
    const articlePages = files.filter((f) => /\/a\d{3,}\/index\.html$/.test(f));
    let withTopics = 0;
    for (const f of articlePages) {
      const topics = byClass(page(f), 'topics')
        .flatMap((p) => byTag(p, 'a'))
        .map((a) => target(f, hrefOf(a)));
      if (topics.length) withTopics++;
      for (const t of topics) {
        const slug = t.split('/')[1]!;
        expect(
          listed.get(slug)?.filter((x) => x === f),
          `${f} in ${slug}`,
        ).toHaveLength(1);
      }
    }
    expect(withTopics).toBe(articlePages.length);
    const index = page('topics/index.html');
    for (const [slug, list] of listed) {
      const card = byClass(index, 'card').find((c) =>
        byTag(c, 'a').some((a) => hrefOf(a) === `${slug}/index.html`),
      );
      expect(card && text(card), slug).toContain(`${list.length} 篇`);
    }
  });

  it('keeps a complete contents listing: every issue, page and article title', () => {
    const contents = files.filter((f) => f.startsWith('contents/') && f !== 'contents/index.html');
    const linked = new Set(contents.flatMap((f) => byTag(page(f), 'a').map((a) => target(f, hrefOf(a)))));
    for (const issue of issues) {
      expect(linked.has(`${issuePath(issue)}index.html`), issue.id).toBe(true);
      for (const [index, p] of issue.pages.entries()) {
        const pp = pagePath(issuePath(issue), p.number);
        expect(linked.has(`${pp}index.html`), pp).toBe(true);
        for (const id of pageArticles(issue, index))
          expect(linked.has(`${articlePath(pp, id)}index.html`), id).toBe(true);
      }
    }
    const index = byTag(page('contents/index.html'), 'a').map((a) =>
      target('contents/index.html', hrefOf(a)),
    );
    for (const f of contents) expect(index).toContain(f);
  });

  it('shows the permalink when printed and hides the navigation', () => {
    const t = page('hengyang-daily/2021/03/06/1/a001/index.html');
    expect(text(byClass(t, 'print-only')[0]!)).toContain('/hengyang-daily/2021/03/06/1/a001/');
    // One stylesheet for the site, linked relatively (so pages from file:// are styled), named by
    // a digest of its content (hosts cache it for a year).
    const links = byTag(t, 'link').filter((l) => String(l.properties.rel).includes('stylesheet'));
    expect(links.map(hrefOf)).toEqual([expect.stringMatching(/^(\.\.\/){6}site\.[0-9a-f]{10}\.css$/)]);
    const name = hrefOf(links[0]!).replace(/^(\.\.\/)+/, '');
    const css = readFileSync(join(dir, name), 'utf8');
    expect(css).toContain('@media print');
    expect(css).toMatch(/prefers-color-scheme:\s*dark/);
    expect(name).toBe(`site.${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`);
  });

  it('reads without JavaScript: issue, page and article pages load no script', () => {
    for (const f of [
      'index.html',
      'hengyang-daily/2021/03/06/index.html',
      'hengyang-daily/2021/03/06/1/index.html',
      'archive/2021/03/index.html',
    ]) {
      // (but for the offline app's, marked data-offline: registering the service worker and the
      // month page's save button, src/components/offline/; and the reader tools' enhancements,
      // marked data-enhance: a kept 字号, the 往期 date input, the 纠错 selection, whose no-JS
      // forms are on the page; the page reads the same without them)
      const scripts = byTag(page(f), 'script').filter(
        (s) => s.properties.dataOffline === undefined && s.properties.dataEnhance === undefined,
      );
      expect(scripts, f).toEqual([]);
    }
  });

  it('reads the 404 page from any depth: base-absolute links, the same chrome and search form', () => {
    const t = page('404.html');
    const hrefs = byTag(t, 'a').map(hrefOf);
    expect(hrefs).toContain('/');
    expect(hrefs).toContain('/archive/');
    expect(hrefs).toContain('#main');
    expect(hrefs.filter((h) => !h.startsWith('/') && !h.startsWith('#'))).toEqual([]);
    const form = elements(t, (e) => e.tagName === 'form' && e.properties.role === 'search')[0]!;
    expect(form.properties.action).toBe('/search/');
    expect(byTag(t, 'html')[0]!.properties.lang).toBe('zh-Hans');
    const base = tree(join(inject('siteBase'), '404.html'));
    expect(elements(base, (e) => e.tagName === 'form')[0]!.properties.action).toBe('/baokan/search/');
  });
});
