/**
 * Layout of the built site in Chromium (Debian's, driven by playwright-core), at a phone's width
 * (390 px), a desktop's (1280 px) and printed: what the HTML alone cannot show (issue #13).
 * Skipped, with a note, where /usr/bin/chromium is missing (CI installs it).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) console.warn(`layout checks skipped: no ${CHROMIUM} (apt-get install chromium)`);

describe.skipIf(!existsSync(CHROMIUM))('built site: layout in Chromium', () => {
  let browser: Browser;
  let dir = '';
  const open = async (path: string, width: number, print = false): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    if (print) await page.emulateMedia({ media: 'print' });
    await page.goto(`file://${join(dir, path)}index.html`);
    return page;
  };
  beforeAll(async () => {
    dir = inject('siteRoot');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('never gives the ¶ anchor a line of its own', async () => {
    for (const width of [390, 1280]) {
      for (const path of [
        'hengyang-daily/2021/12/09/1/a001/',
        'hengyang-daily/2021/03/06/1/a001/',
        'hengyang-daily/2022/04/01/1/a001/',
      ]) {
        const page = await open(path, width);
        // each paragraph's height with the anchor and without it
        const grown = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.article-body :is(p, h3)')]
            .filter((p) => p.querySelector(':scope > .anchor'))
            .map((p) => {
              const a = p.querySelector<HTMLElement>(':scope > .anchor')!;
              const h = p.getBoundingClientRect().height;
              a.style.display = 'none';
              const without = p.getBoundingClientRect().height;
              a.style.display = '';
              return { id: p.id, extra: h - without };
            })
            .filter((x) => x.extra > 0.5),
        );
        expect(grown, `${path} at ${width}px`).toEqual([]);
        await page.close();
      }
    }
  });

  it('keeps the wide table’s first column in view while it scrolls, and prints every column', async () => {
    const path = 'hengyang-daily/2022/04/01/1/a002/';
    for (const width of [390, 1280]) {
      const page = await open(path, width);
      const r = await page.evaluate(() => {
        const wrap = document.querySelector<HTMLElement>('.article-body .table-wrap')!;
        wrap.scrollLeft = wrap.scrollWidth;
        const cell = wrap.querySelector('tr:last-child > :first-child')!;
        return {
          overflows: wrap.scrollWidth > wrap.clientWidth,
          scrolled: wrap.scrollLeft,
          wrapLeft: wrap.getBoundingClientRect().left,
          cellLeft: cell.getBoundingClientRect().left,
          pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      expect(r.overflows, `${width}px`).toBe(true);
      expect(r.scrolled).toBeGreaterThan(0);
      expect(Math.abs(r.cellLeft - r.wrapLeft), `${width}px`).toBeLessThan(2);
      expect(r.pageOverflow, `${width}px`).toBeLessThanOrEqual(0);
      await page.close();
    }
    // A4 portrait: about 718 CSS px of text width
    const printed = await open(path, 718, true);
    const fits = await printed.evaluate(() => {
      const wrap = document.querySelector<HTMLElement>('.article-body .table-wrap')!;
      const table = wrap.querySelector('table')!;
      return table.getBoundingClientRect().right <= document.documentElement.clientWidth + 1;
    });
    expect(fits).toBe(true);
    await printed.close();
  });

  it('fits phones: the year × month grid shows 12月, a year page is short, a 版 lists its articles before the map', async () => {
    const archive = await open('archive/', 390);
    const grid = await archive.evaluate(() => {
      const table = document.querySelector('.archive-months')!;
      const last = table.querySelector('thead th:last-child')!;
      return {
        right: last.getBoundingClientRect().right,
        text: last.textContent?.trim(),
        width: window.innerWidth,
      };
    });
    expect(grid.text).toBe('12');
    expect(grid.right).toBeLessThanOrEqual(grid.width);
    await archive.close();

    const year = await open('archive/2021/', 390);
    expect(await year.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2000);
    await year.close();

    const topics = await open('topics/', 390);
    expect(await topics.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2500);
    await topics.close();

    const ban = await open('hengyang-daily/2021/12/09/1/', 390);
    const order = await ban.evaluate(() => ({
      list: document.querySelector('.article-cards')!.getBoundingClientRect().top,
      map: document.querySelector('.page-map')!.getBoundingClientRect().top,
    }));
    expect(order.list).toBeLessThan(order.map);
    await ban.close();
  });

  it('sets an article’s 版 headline list beside the text on a wide screen and after it on a phone', async () => {
    const path = 'hengyang-daily/2021/12/09/1/a001/';
    const wide = await open(path, 1280);
    const w = await wide.evaluate(() => ({
      list: document.querySelector('.page-list')!.getBoundingClientRect(),
      text: document.querySelector('.article')!.getBoundingClientRect(),
    }));
    expect(w.list.left).toBeGreaterThan(w.text.right);
    expect(w.list.top).toBeLessThan(w.text.bottom);
    await wide.close();
    const phone = await open(path, 390);
    const p = await phone.evaluate(() => ({
      bar: document.querySelector('.page-bar')!.getBoundingClientRect().top,
      text: document.querySelector('.article')!.getBoundingClientRect(),
      pager: document.querySelector('.article-pager')!.getBoundingClientRect().top,
      cite: document.querySelector('.cite')!.getBoundingClientRect().top,
      list: document.querySelector('.page-list')!.getBoundingClientRect().top,
    }));
    expect(p.bar).toBeLessThan(p.text.top);
    expect(p.pager).toBeGreaterThanOrEqual(p.text.bottom);
    expect(p.pager).toBeLessThan(p.cite);
    expect(p.list).toBeGreaterThan(p.text.bottom);
    await phone.close();
  });

  it('fills in the access date and shows a copy button for each format when scripts run', async () => {
    const page = await open('hengyang-daily/2021/03/06/1/a001/', 1280);
    const r = await page.evaluate(() => ({
      dates: [...document.querySelectorAll('.cite .access-date')].map((e) => e.textContent),
      buttons: [...document.querySelectorAll<HTMLButtonElement>('.cite button.copy')].filter((b) => !b.hidden)
        .length,
      online: document.getElementById('cite-gbt-ol')!.textContent,
      nojs: document.querySelector<HTMLElement>('.cite .nojs')!.hidden,
    }));
    expect(r.dates.length).toBeGreaterThanOrEqual(3);
    for (const d of r.dates) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.buttons).toBe(5);
    expect(r.online).toMatch(/\[\d{4}-\d{2}-\d{2}\]\. \/hengyang-daily\/2021\/03\/06\/1\/a001\/\.$/);
    expect(r.nojs).toBe(true);
    await page.close();
  });
});
