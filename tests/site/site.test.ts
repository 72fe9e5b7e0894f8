/**
 * Checks on the built site: every page type exists, every internal link and #anchor resolves (at
 * the domain root and under a base path), the HTML validates, and every parsed article has
 * exactly one article page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { seedEdition } from '../support/seed-edition.ts';
import { RESERVED_SEGMENTS } from '../../src/lib/site/urls.ts';
import { elements, htmlFiles, ids, text, tree } from './html.ts';

const root = resolve(import.meta.dirname, '../..');
// the seeds as the build parses them (corrections applied)
const edition = seedEdition();
const articles = edition.issues.flatMap((f) => f.issue.articles);

function links(file: string) {
  return elements(tree(file), (e) => ['a', 'link', 'script', 'img', 'form'].includes(e.tagName)).flatMap(
    (e) => {
      const v = e.properties.href ?? e.properties.src ?? e.properties.action;
      return typeof v === 'string' ? [v] : [];
    },
  );
}

/** Broken internal links of a built site: [page, link, reason]. */
function brokenLinks(dir: string, skip: (file: string) => boolean): string[][] {
  const broken: string[][] = [];
  for (const rel of htmlFiles(dir)) {
    if (skip(rel)) continue;
    const file = join(dir, rel);
    for (const link of links(file)) {
      if (/^(?:[a-z]+:|\/\/)/i.test(link)) continue;
      const [pathPart, hash] = link.split('#') as [string, string | undefined];
      const clean = pathPart.split('?')[0]!;
      if (clean.startsWith('/')) {
        broken.push([rel, link, 'absolute link (breaks file:// and base paths)']);
        continue;
      }
      let target = clean === '' ? file : normalize(join(dirname(file), clean));
      if (clean.endsWith('/')) {
        broken.push([rel, link, 'directory link without index.html (breaks file://)']);
        target = join(target, 'index.html');
      }
      if (!target.startsWith(dir) || !existsSync(target)) {
        broken.push([rel, link, 'missing']);
        continue;
      }
      if (hash && target.endsWith('.html') && !ids(tree(target)).has(decodeURIComponent(hash))) {
        broken.push([rel, link, `no #${hash}`]);
      }
    }
  }
  return broken;
}

describe('built site', () => {
  let dir = '';
  let files: string[] = [];
  beforeAll(() => {
    dir = inject('siteRoot');
    files = htmlFiles(dir);
  });

  it('writes nothing at the top but paper folders and the reserved names papers may not take', () => {
    const papers = new Set(edition.issues.map((f) => f.issue.paper.id));
    const own = readdirSync(dir).filter((f) => !papers.has(f));
    // names a paper id could take (a lowercase slug: no dots) must be reserved
    const slugLike = own.filter((f) => /^[a-z0-9][a-z0-9-]*$/.test(f));
    expect(slugLike.filter((f) => !RESERVED_SEGMENTS.has(f))).toEqual([]);
    const pages = readdirSync(join(root, 'src/pages')).map((f) => f.replace(/\.(astro|ts)$/, ''));
    const folders = pages.filter((f) => !f.startsWith('[') && f !== 'index' && !/\.(css|js)$/.test(f));
    for (const f of folders) expect(RESERVED_SEGMENTS.has(f), f).toBe(true);
  });

  it('has every page type', () => {
    const expected = [
      'index.html',
      '404.html',
      'about/index.html',
      'about/cite/index.html',
      'about/corrections/index.html',
      'search/index.html',
      'archive/index.html',
      'archive/2021/index.html',
      'archive/2021/03/index.html',
      'date/2021-03-06/index.html',
      'contents/index.html',
      'contents/2021-03/index.html',
      'topics/index.html',
      'hengyang-daily/index.html',
      'hengyang-daily/2021/03/06/index.html',
      'hengyang-daily/2021/03/06/2/index.html',
      'hengyang-daily/2021/03/06/2/a009/index.html',
      'hengyang-evening-news/2023/01/05/1/a001/index.html',
    ];
    for (const f of expected) expect(files, f).toContain(f);
    expect(files.some((f) => /^topics\/[a-z0-9-]+\/index\.html$/.test(f))).toBe(true);
    expect(existsSync(join(dir, 'hengyang-daily/2021/12/09/issue.json'))).toBe(true);
    expect(readFileSync(join(dir, 'hengyang-daily/2021/12/09/source.txt'), 'utf8')).toContain('第18021号');
  });

  it('publishes the parsed issue as issue.json', () => {
    const json = JSON.parse(readFileSync(join(dir, 'hengyang-daily/2021/12/09/issue.json'), 'utf8'));
    const parsed = edition.issues.find((f) => f.issue.id === 'hengyang-daily-2021-12-09')!.issue;
    expect(json).toEqual(JSON.parse(JSON.stringify(parsed)));
  });

  it('has exactly one article page per parsed article, each with its headline and a search body', () => {
    const pages = files.filter((f) => /\/a\d{3,}\/index\.html$/.test(f));
    expect(pages).toHaveLength(articles.length);
    const bodies = files.filter(
      (f) => elements(tree(join(dir, f)), (e) => 'dataPagefindBody' in e.properties).length > 0,
    );
    expect(bodies.sort()).toEqual(pages.sort());
    for (const a of articles.filter((x) => x.headline)) {
      const matches = pages.filter(
        (p) => text(elements(tree(join(dir, p)), (e) => e.tagName === 'h1')[0]!) === a.title,
      );
      expect(matches.length, a.title).toBeGreaterThanOrEqual(1);
    }
  });

  it('resolves every internal link and anchor', () => {
    expect(brokenLinks(dir, (f) => f === '404.html')).toEqual([]);
  });

  it('resolves every link under a base path too', () => {
    const base = inject('siteBase');
    expect(brokenLinks(base, (f) => f === '404.html')).toEqual([]);
    // The 404 page is served at any depth, so it links base-absolute.
    const hrefs = links(join(base, '404.html')).filter((l) => l.startsWith('/'));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h.startsWith('/baokan/'), h).toBe(true);
  });

  it('shows the source lines of each article (as corrected) beside what the parser made of them', () => {
    const t = tree(join(dir, 'hengyang-daily/2021/03/06/1/a005/index.html'));
    const lines = elements(
      t,
      (e) => typeof e.properties.id === 'string' && /^L\d+$/.test(String(e.properties.id)),
    );
    expect(lines.map((e) => e.properties.id)).toEqual(['L63', 'L65', 'L67', 'L69', 'L71', 'L73']);
    expect(text(lines[1]!)).toContain('本报讯');
    const corrected = tree(join(dir, 'hengyang-daily/2021/12/09/1/a008/index.html'));
    const l94 = elements(corrected, (e) => e.properties.id === 'L94')[0]!;
    expect(text(l94)).toContain('研究市人大政协两会有关事宜');
    expect(text(corrected)).toContain('标题中“有”字重复印出');
  });

  it('renders seed text as text, never as markup', () => {
    const t = tree(join(dir, 'hengyang-daily/2022/04/01/1/a002/index.html'));
    const tables = elements(t, (e) => e.tagName === 'table');
    expect(tables).toHaveLength(1);
    expect(
      elements(tables[0]!, (e) => e.tagName === 'th')
        .map(text)
        .slice(0, 3),
    ).toEqual(['姓名', '性别', '民族']);
  });

  it('validates as HTML (a sample of each page type)', async () => {
    // The built files sit in a temporary folder, so the repository's configuration is passed in.
    // .htmlvalidate.json relaxes one rule of html-validate:recommended: prefer-native-element for
    // role="region". Wide tables sit in <div class="table-wrap" tabindex="0" role="region" aria-label="表格">
    // (src/lib/render/rehype-tables.ts), the pattern for a keyboard-scrollable table; the suggested
    // <section> would add a sectioning element (and an outline entry) inside the article body.
    const validator = new HtmlValidate(JSON.parse(readFileSync(join(root, '.htmlvalidate.json'), 'utf8')));
    const sample = [
      'index.html',
      'about/index.html',
      'about/corrections/index.html',
      'archive/index.html',
      'archive/2021/index.html',
      'archive/2021/03/index.html',
      'date/2021-03-06/index.html',
      'contents/index.html',
      'contents/2021-03/index.html',
      'topics/index.html',
      'hengyang-daily/index.html',
      'hengyang-daily/2021/03/06/index.html',
      'hengyang-daily/2021/03/06/2/index.html',
      'hengyang-daily/2021/03/06/2/a008/index.html',
      'hengyang-daily/2021/12/09/index.html',
      'hengyang-daily/2021/12/09/1/index.html',
      'hengyang-daily/2021/03/06/1/a007/index.html',
      'hengyang-daily/2022/04/01/1/a002/index.html',
      'search/index.html',
      '404.html',
      ...files.filter((f) => f.startsWith('topics/') && f !== 'topics/index.html').slice(0, 1),
    ];
    const problems: string[] = [];
    for (const f of sample) {
      const report = await validator.validateFile(join(dir, f));
      for (const r of report.results) {
        for (const m of r.messages)
          if (m.severity === 2) problems.push(`${f}:${m.line}: ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
