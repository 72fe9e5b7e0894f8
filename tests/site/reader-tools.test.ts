/**
 * Reader tools on the built site (issue #13): the 字号 switch on every article (applied from
 * <head> before drawing; radios that work without JavaScript), the 往期 date picker (limited to
 * the archive's range, its day code holding exactly the days with issues, its link template
 * reaching the date pages), the 纠错 link's fallback without a repository, and the prose pages
 * read from content/pages/*.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { byClass, byTag, elements, htmlFiles, ids, text, tree } from './html.ts';
import { seedEdition } from '../support/seed-edition.ts';
import { issueDayRange, nearestIssueDay } from '../../src/lib/site/date-picker.ts';
import { FONT_SIZE_HEAD } from '../../src/lib/site/font-size.ts';

const dates = [
  ...new Set(
    seedEdition()
      .issues.map((f) => f.issue.date.value)
      .filter((d): d is string => !!d),
  ),
].sort();

describe('built site: reader tools', () => {
  let dir = '';
  let files: string[] = [];
  const page = (f: string) => tree(join(dir, f));
  const articleFiles = () => files.filter((f) => /\/a\d{3,}\/index\.html$/.test(f));
  beforeAll(() => {
    dir = inject('siteRoot');
    files = htmlFiles(dir);
  });

  it('offers 字号 小/中/大 on every article, 中 checked, and applies a kept size from <head>', () => {
    expect(articleFiles().length).toBeGreaterThan(40);
    for (const f of articleFiles()) {
      const t = page(f);
      const radios = byTag(byClass(t, 'font-size')[0]!, 'input');
      expect(
        radios.map((r) => r.properties.value),
        f,
      ).toEqual(['s', 'm', 'l']);
      expect(
        radios
          .filter((r) => r.properties.checked !== undefined && r.properties.checked !== false)
          .map((r) => r.properties.value),
        f,
      ).toEqual(['m']);
      const head = byTag(byTag(t, 'head')[0]!, 'script');
      expect(head.map(text), f).toContain(FONT_SIZE_HEAD);
      // the tools' script: one relative, deferred file that exists
      const src = head.map((s) => String(s.properties.src ?? '')).filter(Boolean);
      expect(src.length, f).toBe(1);
      expect(existsSync(normalize(join(dir, dirname(f), src[0]!.split('?')[0]!))), f).toBe(true);
    }
  });

  it('sizes the article text from the checked radio and from <html data-font-size>', () => {
    const css = readCss();
    expect(css).toMatch(/\.date-picker-form \{\s*display: none;/);
    expect(css).toMatch(/\.js \.date-picker-form \{\s*display: flex;/);
    for (const size of ['s', 'l']) {
      expect(css).toContain(`:root[data-font-size='${size}'] .article-body`);
      expect(css).toContain(`.reading:has(.font-size input[value='${size}']:checked) .article-body`);
    }
  });

  it('puts a 往期 date picker on issue, date and archive pages, limited to the archive’s range', () => {
    const withPicker = files.filter(
      (f) =>
        /^(index|archive\/.*index|date\/.*index)\.html$/.test(f) ||
        /^[a-z-]+\/\d{4}\/\d{2}\/\d{2}\/index\.html$/.test(f),
    );
    expect(withPicker.length).toBeGreaterThan(10);
    for (const f of withPicker) {
      const form = byClass(page(f), 'date-picker-form')[0];
      expect(form, f).toBeDefined();
      const input = byTag(form!, 'input')[0]!;
      // the range is not in the page (a new day would change it): reader.js takes it from days.js
      expect([input.properties.type, input.properties.min, input.properties.max], f).toEqual([
        'date',
        undefined,
        undefined,
      ]);
      // the calendar link is there without JavaScript (the form shows only under <html class="js">)
      expect(byClass(page(f), 'date-picker-link'), f).toHaveLength(1);
      // every day with issues is found as itself, and each date page the template names exists
      const daysJs = readFileSync(
        normalize(join(dir, dirname(f), String(form!.properties.dataDaysSrc))),
        'utf8',
      );
      const code = String((/"([^"]*)"/.exec(daysJs) ?? [])[1]);
      expect(issueDayRange(code), f).toEqual([dates[0], dates[dates.length - 1]]);
      for (const d of dates) expect(nearestIssueDay(code, d), `${f} ${d}`).toBe(d);
      const template = String(form!.properties.dataHref);
      for (const d of dates)
        expect(existsSync(normalize(join(dir, dirname(f), template.replace('0000-00-00', d)))), f).toBe(true);
    }
  });

  it('links 纠错 to how errors are reported when no repository is configured', () => {
    const t = page(articleFiles()[0]!);
    const link = byTag(byClass(t, 'report-error')[0]!, 'a')[0]!;
    expect(String(link.properties.href)).toMatch(/about\/corrections\/index\.html#report$/);
    expect(ids(page('about/corrections/index.html')).has('report')).toBe(true);
  });

  it('renders the prose pages from content/pages/*.md, with the edition’s numbers and relative links', () => {
    for (const [f, heading] of [
      ['about/index.html', '关于本数字版'],
      ['about/cite/index.html', '如何引用'],
      ['about/corrections/index.html', '更正与反馈'],
    ] as const) {
      const t = page(f);
      expect(text(byTag(t, 'h1')[0]!), f).toBe(heading);
      const body = text(byClass(t, 'prose')[0]!);
      expect(body, f).not.toMatch(/\{\{|site:/);
      for (const a of byTag(byClass(t, 'prose')[0]!, 'a')) {
        const href = String(a.properties.href);
        if (/^(https?:|#)/.test(href)) continue;
        expect(existsSync(normalize(join(dir, dirname(f), href.split('#')[0]!))), `${f} → ${href}`).toBe(
          true,
        );
      }
    }
    expect(text(page('about/index.html'))).toMatch(/共接续 \d+ 处/);
    const english = elements(page('about/index.html'), (e) => e.properties.lang === 'en');
    expect(english.map((e) => e.tagName)).toEqual(['h2', 'p']);
  });

  function readCss(): string {
    return readFileSync(
      join(
        dir,
        readdirSync(dir).find((f) => /^site\.[0-9a-f]{10}\.css$/.test(f))!,
      ),
      'utf8',
    );
  }
});
