/**
 * Browser tests of search on the built site (dist/, or E2E_DIST): Debian's Chromium through
 * playwright-core, the site served by a tiny local server. Prints measurements and ends with
 * 'N passed, N failed'. Last, Lighthouse on home, an issue, a 版, an article and search (the median of
 * E2E_LIGHTHOUSE_RUNS runs, 3 by default, 0 to skip; floors in scripts/lighthouse/floors.ts).
 *
 *   npm run build && npm run test:e2e
 *   BAOKAN_BASE=/archive/ npx astro build --outDir /tmp/site && E2E_DIST=/tmp/site BAOKAN_BASE=/archive/ npm run test:e2e
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serve, type StaticServer } from './server.ts';
import { shardBundles } from '../search/pagefind-node.ts';
import { formatRecall, loadQueries, measureRecall } from '../search/recall.ts';
import { seedArticles } from '../search/seed-articles.ts';
import { containing, truthTerms } from '../search/truth.ts';
import { classicScript } from '../../src/lib/search/inline.ts';
import { SHARDS_FILE, type ShardManifest } from '../../src/lib/search/shards.ts';
import { check, finish, test } from './harness.ts';
import { auditHeader, auditLine, auditSite } from '../../scripts/lighthouse/audit.ts';
import { lighthouseFloors, shortfalls } from '../../scripts/lighthouse/floors.ts';

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(process.env.E2E_DIST ?? join(root, 'dist'));
/** the base path the site was built for (BAOKAN_BASE at build time) */
const base = process.env.E2E_BASE ?? process.env.BAOKAN_BASE ?? '/';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** the search's own functions, for measuring in the browser as the page searches */
const exactSource = await classicScript('tests/e2e/exact-probe.ts', root);
const seeds = seedArticles();

const measurements: string[] = [];

// ---------------------------------------------------------------- site facts

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'pagefind') out.push(...htmlFiles(full));
    } else if (e.name.endsWith('.html')) out.push(full);
  }
  return out;
}

function folderBytes(dir: string, filter: (rel: string) => boolean): number {
  let n = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (filter(relative(dir, full))) n += statSync(full).size;
    }
  };
  walk(dir);
  return n;
}

const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

// ---------------------------------------------------------------- page instrumentation

interface Watched {
  page: Page;
  requests: string[];
  consoleErrors: string[];
  /** pagefind: bytes as decoded; pagefindGzip: as a server that compresses text sends them */
  bytes: { total: number; pagefind: number; pagefindGzip: number };
}

async function watch(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const w: Watched = {
    page,
    requests: [],
    consoleErrors: [],
    bytes: { total: 0, pagefind: 0, pagefindGzip: 0 },
  };
  page.on('request', (r) => w.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') w.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => w.consoleErrors.push(`pageerror: ${e.message}`));
  page.on('response', async (r) => {
    try {
      const size = (await r.body()).length;
      w.bytes.total += size;
      if (/\/pagefind\//.test(r.url())) {
        w.bytes.pagefind += size;
        // Pagefind's index, fragments and wasm are compressed already; its scripts and JSON are
        // sent compressed by any static host (GitHub Pages, Netlify, nginx with gzip on).
        w.bytes.pagefindGzip += /\.(js|json)(\?|$)/.test(r.url()) ? gzipSync(await r.body()).length : size;
      }
    } catch {
      /* redirects and aborted requests have no body */
    }
  });
  return w;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown[] }> } })
      .axe;
    return axe.run({ resultTypes: ['violations'] });
  });
  return (result.violations as { id: string; help: string; nodes: { target: string[] }[] }[]).map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

const RESULT = '.search-result';

async function resultTitles(page: Page): Promise<string[]> {
  return page.$$eval(`${RESULT} .search-result-title a`, (els) =>
    els.map((e) => e.textContent?.trim() ?? ''),
  );
}

/** Wait until the result list shows `expected` (or any) results and the search message is final. */
async function waitForResults(page: Page): Promise<void> {
  await page.waitForSelector(`${RESULT} .search-result-title a`, { timeout: 15000 });
  await page.waitForFunction(
    () => document.getElementById('search-app')?.getAttribute('data-state') === 'ready',
    undefined,
    { timeout: 15000 },
  );
}

// ---------------------------------------------------------------- the tests

async function main(): Promise<void> {
  if (!existsSync(join(dist, 'search/index.html')) || !existsSync(join(dist, 'pagefind/shards.json'))) {
    console.error(`no built site with a search index in ${dist}: run npm run build first`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  if (!existsSync(chromiumPath)) {
    console.error(`${chromiumPath} is missing: apt-get install -y chromium`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const articles = htmlFiles(dist).filter((f) => readFileSync(f, 'utf8').includes('data-pagefind-body'));
  const shards = (JSON.parse(readFileSync(join(dist, 'pagefind', SHARDS_FILE), 'utf8')) as ShardManifest)
    .shards;
  const sharded = shards.length > 1;
  /** The search page for a query; on a site split into shards, over all of them unless told. */
  const searchUrl = (q: string, extra = '', scope = sharded ? 'all' : '') =>
    `${server.url}search/?q=${encodeURIComponent(q)}${scope ? `&scope=${scope}` : ''}${extra}`;
  measurements.push(
    `search shards: ${shards.length} (${shards.map((s) => `${s.id}: ${s.articles}`).join(', ')})`,
  );
  /** The article page whose headline (h1) is `headline`. */
  const articlePath = (headline: string): string | undefined =>
    articles.find((f) => new RegExp(`<h1[^>]*>${headline}</h1>`).test(readFileSync(f, 'utf8')));

  measurements.push(
    `index on disk: ${kib(folderBytes(join(dist, 'pagefind'), (r) => /(^|\/)(index|fragment|filter)\//.test(r) || r.endsWith('.pf_meta')))} ` +
      `(index chunks, fragments, filters, metadata) for ${articles.length} article pages; ` +
      `Pagefind scripts and wasm ${kib(folderBytes(join(dist, 'pagefind'), (r) => !/(^|\/)(index|fragment|filter)\//.test(r) && !r.endsWith('.pf_meta') && r !== 'shards.json'))}`,
  );

  const server: StaticServer = await serve(dist, base.endsWith('/') ? base : `${base}/`);
  const origin = new URL(server.url).origin;
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const allRequests: string[] = [];
  const allConsoleErrors: string[] = [];
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1200, height: 900 } });
  const open = async (): Promise<Watched> => {
    const w = await watch(context);
    w.page.on('request', (r) => allRequests.push(r.url()));
    w.page.on('console', (m) => {
      if (m.type() === 'error') allConsoleErrors.push(`${w.page.url()}: ${m.text()}`);
    });
    w.page.on('pageerror', (e) => allConsoleErrors.push(`${w.page.url()}: ${e.message}`));
    w.page.on('response', (r) => {
      if (r.status() >= 400) allConsoleErrors.push(`${w.page.url()}: HTTP ${r.status()} for ${r.url()}`);
    });
    return w;
  };

  try {
    await test('a shared link (?q=何恩广) shows the article with headline, paper, date, page and a marked excerpt', async () => {
      const w = await open();
      const started = Date.now();
      await w.page.goto(searchUrl('何恩广'));
      await waitForResults(w.page);
      const elapsed = Date.now() - started;
      measurements.push(
        `time to first results (page load + Pagefind + first query “何恩广”): ${elapsed} ms; ` +
          `bytes downloaded: ${kib(w.bytes.total)} in all, of which ${kib(w.bytes.pagefind)} from pagefind/ ` +
          `(${kib(w.bytes.pagefindGzip)} transferred with gzip) ` +
          `(search script, wasm, metadata, index chunk, fragments): ` +
          w.requests
            .filter((u) => u.includes('/pagefind/'))
            .map((u) => u.replace(/.*\/pagefind\//, ''))
            .join(' '),
      );
      // the first query on the newest shard (on a site split into shards this link searches all)
      check(
        sharded || w.bytes.pagefindGzip <= 150 * 1000,
        `first query transfers ${kib(w.bytes.pagefindGzip)} from pagefind/ (${kib(w.bytes.pagefind)} decoded)`,
      );
      const titles = await resultTitles(w.page);
      check(titles.includes('衡阳青少年助力垃圾分类'), `results: ${titles.join(' | ')}`);
      const first = w.page.locator(RESULT).filter({ hasText: '衡阳青少年助力垃圾分类' }).first();
      const tags = (await first.locator('.search-result-tag').allTextContents()).join(' ');
      for (const t of ['衡阳日报', '2021年3月6日', '第一版'])
        check(tags.includes(t), `tags “${tags}” lack ${t}`);
      check(!/terms|kicker|subtitle/.test(tags), `internal metadata shown: ${tags}`);
      const marked = await first.locator('.search-result-excerpt mark').allTextContents();
      check(
        marked.length > 0 && marked.every((m) => m === '何恩广'),
        `marks in the excerpt: ${marked.join(' ')}`,
      );
      const input = await w.page.inputValue('#search-q');
      check(input === '何恩广', `input holds “${input}”`);
      await w.page.close();
    });

    await test('typing a query shows results and puts it in the URL (?q=)', async () => {
      const w = await open();
      await w.page.goto(`${server.url}search/${sharded ? '?scope=all' : ''}`);
      await w.page.waitForSelector('#search-q');
      await w.page.fill('#search-q', '垃圾分类');
      await waitForResults(w.page);
      const titles = await resultTitles(w.page);
      check(titles[0] === '衡阳青少年助力垃圾分类', `first result: ${titles[0]}`);
      await w.page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '垃圾分类');
      check(/[?&]q=/.test(w.page.url()), w.page.url());
      await w.page.close();
    });

    await test('a query crossing word boundaries (康衡阳贡) finds its headline', async () => {
      const w = await open();
      await w.page.goto(searchUrl('康衡阳贡'));
      await waitForResults(w.page);
      const titles = await resultTitles(w.page);
      check(titles.includes('为“一体两翼”和健康衡阳贡献医保力量'), `results: ${titles.join(' | ')}`);
      await w.page.close();
    });

    await test('filters are visible, and choosing one narrows the results', async () => {
      const w = await open();
      await w.page.goto(searchUrl('衡阳'));
      await waitForResults(w.page);
      const names = await w.page.$$eval('.search-filter-name', (els) =>
        els.map((e) => e.textContent?.trim()),
      );
      for (const n of ['报纸', '年份', '月份', '版面', '体裁'])
        check(names.includes(n), `filters: ${names.join(' ')}`);
      const before = (await w.page.textContent('#search-message')) ?? '';
      const box = w.page.locator('input.search-filter-checkbox[name="报纸"][value="衡阳晚报"]');
      check((await box.count()) === 1, 'no 报纸=衡阳晚报 checkbox');
      if (!(await box.isVisible())) await w.page.click('.search-filter:has(input[name="报纸"]) summary');
      await box.check();
      await w.page.waitForFunction(
        (b) => (document.querySelector('#search-message')?.textContent ?? '') !== b,
        before,
      );
      await waitForResults(w.page);
      const tags = await w.page.$$eval(`${RESULT} .search-result-tags`, (els) =>
        els.map((e) => e.textContent),
      );
      check(
        tags.length > 0 && tags.every((t) => t?.includes('衡阳晚报')),
        `tags after filter: ${tags.join(' | ')}`,
      );
      await w.page.close();
    });

    await test('sorting by date orders the results by date', async () => {
      const w = await open();
      await w.page.goto(searchUrl('衡阳', '&sort=date-asc'));
      await waitForResults(w.page);
      const sel = await w.page.inputValue('#search-sort');
      check(sel === 'date-asc', `sort select shows ${sel}`);
      const dates = await w.page.$$eval(`${RESULT} .search-result-tags`, (els) =>
        els.map(
          (e) =>
            /(\d{4})年(\d+)月(\d+)日/
              .exec(e.textContent ?? '')
              ?.slice(1)
              .map(Number) ?? [],
        ),
      );
      const keys = dates.map((d) => d[0]! * 10000 + d[1]! * 100 + d[2]!);
      check(keys.length >= 3, `only ${keys.length} dated results`);
      check(
        keys.every((k, i) => i === 0 || keys[i - 1]! <= k),
        `not ascending: ${keys.join(' ')}`,
      );
      await w.page.selectOption('#search-sort', 'date-desc');
      await w.page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'date-desc');
      await waitForResults(w.page);
      const desc = await w.page.$$eval(`${RESULT} .search-result-tags`, (els) =>
        els.map(
          (e) =>
            /(\d{4})年(\d+)月(\d+)日/
              .exec(e.textContent ?? '')
              ?.slice(1)
              .join('-') ?? '',
        ),
      );
      check(desc[0]?.startsWith('2023'), `newest first expected, got ${desc.join(' ')}`);
      await w.page.close();
    });

    await test('opening a result shows the article with the search terms highlighted', async () => {
      const w = await open();
      await w.page.goto(searchUrl('垃圾分类'));
      await waitForResults(w.page);
      await Promise.all([
        w.page.waitForURL(/highlight=/),
        w.page.click(`${RESULT} .search-result-title a >> text=衡阳青少年助力垃圾分类`),
      ]);
      await w.page.waitForSelector('[data-pagefind-body] mark.search-hit', { timeout: 10000 });
      const hits = await w.page.$$eval('[data-pagefind-body] mark.search-hit', (els) =>
        els.map((e) => e.textContent),
      );
      check(hits.length > 0 && hits.every((h) => h === '垃圾分类'), `marks: ${hits.join(' ')}`);
      const ignored = await w.page.$$eval('[data-pagefind-ignore] mark.search-hit', (els) => els.length);
      check(ignored === 0, 'marks inside ignored elements');
      await w.page.close();
    });

    await test('an article opened without ?highlight= loads no search script and has no marks', async () => {
      const file = articlePath('衡阳青少年助力垃圾分类');
      check(file, 'article page not found in dist');
      const w = await open();
      await w.page.goto(`${server.url}${relative(dist, file).replace(/index\.html$/, '')}`);
      await w.page.waitForLoadState('networkidle');
      check(!w.requests.some((u) => u.includes('/pagefind/')), `requests: ${w.requests.join(' ')}`);
      check((await w.page.locator('mark.search-hit').count()) === 0, 'marks present');
      await w.page.close();
    });

    await test('the range: the newest shard is searched first, the others are merged on request', async () => {
      const w = await open();
      await w.page.goto(searchUrl('衡阳', '', ''));
      await waitForResults(w.page);
      const select = w.page.locator('#search-scope');
      const note = w.page.locator('#search-scope-note');
      const shardOf = (u: string) => /\/pagefind\/([^/]+)\//.exec(u)?.[1] ?? null;
      const loaded = () => new Set(w.requests.map(shardOf).filter((x) => x && x !== 'shards.json'));
      if (!sharded) {
        check(await select.isHidden(), 'the range switch is shown for a site with one index');
        check(await note.isHidden(), 'the range note is shown for a site with one index');
        check(loaded().size === 1, `bundles loaded: ${[...loaded()].join(', ')}`);
      } else {
        const text = (await note.textContent()) ?? '';
        check(text.includes(shards[0]!.label), `note: ${text}`);
        check(
          [...loaded()].join() === shards[0]!.id,
          `first query loaded ${[...loaded()].join(', ')}, not only the newest shard ${shards[0]!.id}`,
        );
        const count = async () =>
          Number(/(\d+)\s*篇/.exec((await w.page.textContent('#search-message')) ?? '')?.[1] ?? 0);
        measurements.push(
          `first query “衡阳” on the newest shard: ${kib(w.bytes.pagefindGzip)} transferred with gzip from pagefind/ (${kib(w.bytes.pagefind)} decoded)`,
        );
        const before = await count();
        await select.selectOption('all');
        await w.page.waitForFunction(() => new URL(location.href).searchParams.get('scope') === 'all');
        await waitForResults(w.page);
        const after = await count();
        check(after > before, `all shards found ${after}, the newest alone ${before}`);
        check(loaded().size === shards.length, `bundles loaded: ${loaded().size} of ${shards.length}`);
        measurements.push(
          `range: “衡阳” in the newest shard ${before}, in all ${shards.length} shards ${after}`,
        );
      }
      await w.page.close();
    });

    /** The count the page shows (找到 N 篇…), 0 for none. */
    const shownCount = async (page: Page): Promise<number> => {
      const text = (await page.textContent('#search-message')) ?? '';
      return /没有找到/.test(text)
        ? 0
        : Number(/找到\s*([\d,]+)\s*篇/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
    };
    /** Wait until the page has answered (results or none). */
    const settled = async (page: Page): Promise<void> => {
      await page.waitForFunction(
        () =>
          document.getElementById('search-app')?.getAttribute('data-state') === 'ready' &&
          /找到|没有找到/.test(document.getElementById('search-message')?.textContent ?? ''),
        undefined,
        { timeout: 15000 },
      );
    };
    const monthOfPath = (p: string): string => p.split('/').slice(1, 3).join('-');

    await test('exact counts: the number shown is the number of articles that contain the query', async () => {
      const w = await open();
      const seen: string[] = [];
      for (const q of [
        '医保',
        '衡阳',
        '医疗保障',
        '医保帮扶',
        '刘越高 抗疫',
        'DRG',
        '2021年',
        '5G',
        '康衡阳贡',
      ]) {
        await w.page.goto(searchUrl(q));
        await settled(w.page);
        const want = containing(seeds, q).length;
        const got = await shownCount(w.page);
        seen.push(`${q} ${got}`);
        check(got === want, `${q}: shows ${got}, ${want} articles contain it`);
        const n = await w.page.locator(RESULT).count();
        check(n === Math.min(10, want), `${q}: ${n} results listed`);
      }
      measurements.push(`counts: ${seen.join(', ')}`);
      await w.page.close();
    });

    await test('quoted queries mean the same exact match', async () => {
      const w = await open();
      for (const [quoted, plain] of [
        ['"医保"', '医保'],
        ['“衡阳”', '衡阳'],
        ['"刘越高" "抗疫"', '刘越高 抗疫'],
      ] as const) {
        await w.page.goto(searchUrl(quoted));
        await settled(w.page);
        const got = await shownCount(w.page);
        const want = containing(seeds, plain).length;
        check(got === want && want > 0, `${quoted}: shows ${got}, ${want} articles contain ${plain}`);
      }
      await w.page.close();
    });

    await test('a date range (from/to month) keeps only articles of those months, and lives in the URL', async () => {
      const w = await open();
      await w.page.goto(searchUrl('衡阳', '&from=2021-03&to=2021-12'));
      await settled(w.page);
      const want = containing(seeds, '衡阳').filter((p) => {
        const m = monthOfPath(p);
        return m >= '2021-03' && m <= '2021-12';
      }).length;
      const got = await shownCount(w.page);
      check(got === want && want > 0, `shows ${got}, want ${want}`);
      check((await w.page.inputValue('#search-from')) === '2021-03', 'from select');
      check((await w.page.inputValue('#search-to')) === '2021-12', 'to select');
      const years = await w.page.$$eval(`${RESULT} .search-result-tags`, (els) =>
        els.map((e) => e.textContent ?? ''),
      );
      check(
        years.every((t) => t.includes('2021年')),
        `dates: ${years.join(' | ')}`,
      );
      await w.page.selectOption('#search-to', '2021-03');
      await w.page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2021-03');
      await settled(w.page);
      const march = containing(seeds, '衡阳').filter((p) => monthOfPath(p) === '2021-03').length;
      check((await shownCount(w.page)) === march, `March: ${await shownCount(w.page)}, want ${march}`);
      await w.page.close();
    });

    await test('headline only (标题): only articles whose headline, kicker or subtitle contain the query', async () => {
      const w = await open();
      await w.page.goto(searchUrl('衡阳', '&in=title'));
      await settled(w.page);
      const want = seeds.filter((a) =>
        truthTerms('衡阳').every((t) => [a.title, ...a.heads].some((h) => h.includes(t))),
      ).length;
      const got = await shownCount(w.page);
      check(got === want && want > 0, `shows ${got}, want ${want}`);
      check(await w.page.isChecked('#search-head'), 'the 标题 box is not checked');
      await w.page.uncheck('#search-head');
      await w.page.waitForFunction(() => !new URL(location.href).searchParams.has('in'));
      await settled(w.page);
      check((await shownCount(w.page)) === containing(seeds, '衡阳').length, 'unchecking gives all matches');
      await w.page.close();
    });

    await test('relevance: headline matches first; excerpts are whole sentences without the headline', async () => {
      const w = await open();
      await w.page.goto(searchUrl('医保'));
      await settled(w.page);
      const titles = await resultTitles(w.page);
      check(titles[0]?.includes('医保') === true, `first: ${titles.join(' | ')}`);
      const items = await w.page.$$eval(RESULT, (els) =>
        els.map((e) => ({
          title: e.querySelector('.search-result-title')?.textContent ?? '',
          excerpt: e.querySelector('.search-result-excerpt')?.textContent ?? '',
          marks: [...e.querySelectorAll('.search-result-excerpt mark')].map((m) => m.textContent),
        })),
      );
      for (const it of items) {
        check(!it.excerpt.startsWith(it.title), `excerpt repeats the headline: ${it.excerpt}`);
        check(!/[a-z]\. |[\u4e00-\u9fff]\. /.test(it.excerpt), `excerpt joined with ". ": ${it.excerpt}`);
        check(!/^[，。、；：,.]/.test(it.excerpt), `excerpt starts with punctuation: ${it.excerpt}`);
        check(
          it.marks.every((m) => m === '医保'),
          `marks: ${it.marks.join(' ')}`,
        );
      }
      await w.page.close();
    });

    await test('an opened article marks the whole matched string (医保帮扶), not single characters', async () => {
      const w = await open();
      await w.page.goto(searchUrl('医保帮扶'));
      await settled(w.page);
      await Promise.all([w.page.waitForURL(/highlight=/), w.page.click(`${RESULT} .search-result-title a`)]);
      await w.page.waitForSelector('[data-pagefind-body] mark.search-hit', { timeout: 10000 });
      const hits = await w.page.$$eval('mark.search-hit', (els) => els.map((e) => e.textContent));
      check(hits.length > 0 && hits.every((h) => h === '医保帮扶'), `marks: ${hits.join(' ')}`);
      await w.page.close();
    });

    await test('one search box on a phone: the header box is hidden on the search page', async () => {
      const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 740 } });
      const page = await phone.newPage();
      page.on('request', (r) => allRequests.push(r.url()));
      await page.goto(searchUrl('医保'));
      await settled(page);
      const visible = await page.$$eval('input[type="search"]', (els) =>
        els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.id),
      );
      check(visible.length === 1 && visible[0] === 'search-q', `visible search boxes: ${visible.join(', ')}`);
      await phone.close();
    });

    await test('axe-core: no violations on the search page (with results)', async () => {
      const w = await open();
      await w.page.goto(searchUrl('何恩广'));
      await waitForResults(w.page);
      const v = await axeViolations(w.page);
      check(v.length === 0, v.join('\n'));
      await w.page.close();
    });

    await test('axe-core: no violations on an article page (highlighted)', async () => {
      const file = articlePath('衡阳青少年助力垃圾分类');
      check(file, 'article page not found in dist');
      const w = await open();
      const path = relative(dist, file).replace(/index\.html$/, '');
      await w.page.goto(`${server.url}${path}?highlight=${encodeURIComponent('垃圾分类')}`);
      await w.page.waitForSelector('mark.search-hit');
      const v = await axeViolations(w.page);
      check(v.length === 0, v.join('\n'));
      await w.page.close();
    });

    await test('字号: 大 enlarges the article text, is remembered, and the next article opens with it', async () => {
      const file = articlePath('衡阳青少年助力垃圾分类');
      check(file, 'article page not found in dist');
      const other = articles.find((f) => f !== file)!;
      const w = await open();
      await w.page.goto(`${server.url}${relative(dist, file).replace(/index\.html$/, '')}`);
      const size = () =>
        w.page
          .locator('.article-body')
          .first()
          .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      const before = await size();
      await w.page.locator('input[name="font-size"][value="l"]').check();
      const after = await size();
      check(after > before, `font size ${before}px → ${after}px`);
      const kept = await w.page.evaluate(() => localStorage.getItem('baokan-font-size'));
      check(kept === 'l', `localStorage holds ${kept}`);
      await w.page.goto(`${server.url}${relative(dist, other).replace(/index\.html$/, '')}`);
      check(
        await w.page.locator('input[name="font-size"][value="l"]').isChecked(),
        '大 not checked on the next article',
      );
      check((await size()) === after, 'the next article is not drawn at 大');
      await w.page.evaluate(() => localStorage.removeItem('baokan-font-size'));
      await w.page.close();
    });

    await test('往期 from file://: a day without an issue goes to the nearest day with one', async () => {
      const ctx = await browser.newContext({ locale: 'zh-CN' });
      const page = await ctx.newPage();
      await page.goto(pathToFileURL(join(dist, 'index.html')).href);
      const input = page.locator('.date-picker-form input[type="date"]').first();
      check(await input.isVisible(), 'the date form is hidden with JavaScript on');
      await input.fill('2021-12-10');
      await Promise.all([page.waitForURL(/date\/2021-12-09\/index\.html$/), input.press('Enter')]);
      await ctx.close();
      const noJs = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
      const plain = await noJs.newPage();
      await plain.goto(pathToFileURL(join(dist, 'index.html')).href);
      check(
        await plain.locator('.date-picker-link').first().isVisible(),
        'no calendar link without JavaScript',
      );
      check(
        !(await plain.locator('.date-picker-form').first().isVisible()),
        'the date form shows without JavaScript',
      );
      await noJs.close();
    });

    await test('纠错: a sentence selected in the article reaches the new issue, with the permalink and the seed lines', async () => {
      const withLink = articles.find((f) => readFileSync(f, 'utf8').includes('data-report'));
      if (!withLink) {
        // a build without BAOKAN_REPO (or package.json repository) has no 纠错 link to follow
        const any = readFileSync(articles[0]!, 'utf8');
        check(/about\/corrections\/index\.html#report/.test(any), 'no 纠错 link and no link to 纠错方法');
        measurements.push(
          '纠错 with a selection: not tested here (this build names no repository: BAOKAN_REPO)',
        );
        return;
      }
      const rel = relative(dist, withLink).replace(/index\.html$/, '');
      const ctx = await browser.newContext({ locale: 'zh-CN' });
      const page = await ctx.newPage();
      await page.goto(`${server.url}${rel}`);
      // select the first whole sentence of the article text, as a reader would with the mouse
      const sentence = await page.evaluate(() => {
        const body = document.querySelector('.article-body');
        if (!body) return null;
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          const end = text.indexOf('。');
          if (end < 8) continue;
          const range = document.createRange();
          range.setStart(node, 0);
          range.setEnd(node, end + 1);
          const sel = window.getSelection()!;
          sel.removeAllRanges();
          sel.addRange(range);
          return text.slice(0, end + 1).trim();
        }
        return null;
      });
      check(sentence, 'no sentence to select in the article');
      await page.waitForTimeout(50); // selectionchange is delivered asynchronously
      const opened = page.waitForRequest((r) => /\/issues\/new\?/.test(r.url()));
      await page.route(/\/issues\/new\?/, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<p>new issue</p>' }),
      );
      await page.locator('a[data-report]').first().click();
      const body = new URL((await opened).url()).searchParams.get('body') ?? '';
      check(body.includes(`有误的文字：${sentence}`), `selected text not in the body:\n${body}`);
      const permalink = /^永久链接：(.*)$/m.exec(body)?.[1] ?? '';
      check(
        permalink.endsWith(`${base.endsWith('/') ? base : `${base}/`}${rel}`),
        `permalink ${permalink} for ${rel}`,
      );
      // the seed file and lines named are where the sentence stands in the seed
      const where = /^原文：(\S+) 第(\d+)(?:–(\d+))?行$/m.exec(body);
      check(where, `no seed file and lines in the body:\n${body}`);
      const [, file, first, last = first] = where;
      const seedLines = readFileSync(join(root, 'seeds', file!), 'utf8').split(/\r?\n/);
      const start = sentence.replace(/\s+/g, '').slice(0, 6);
      const at = seedLines.findIndex((l) => l.replace(/\s+/g, '').includes(start)) + 1;
      check(at > 0, `"${start}" is not in seeds/${file}`);
      check(
        Number(first) <= at && at <= Number(last),
        `"${start}" is on line ${at}, the body names ${first}–${last}`,
      );
      await ctx.close();
    });

    await test('the header search box leads to search/index.html?q=… without JavaScript', async () => {
      const file = articlePath('衡阳青少年助力垃圾分类');
      check(file, 'article page not found in dist');
      const html = readFileSync(file, 'utf8');
      check(
        /<form[^>]*role="search"/.test(html),
        'no header search form (role="search") on the article page',
      );
      const noJs = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
      const page = await noJs.newPage();
      page.on('request', (r) => allRequests.push(r.url()));
      await page.goto(`${server.url}${relative(dist, file).replace(/index\.html$/, '')}`);
      const input = page.locator('form[role="search"] input[name="q"]').first();
      await input.fill('医保');
      await Promise.all([page.waitForURL(/search\/(index\.html)?\?q=/), input.press('Enter')]);
      const url = new URL(page.url());
      check(url.pathname.endsWith('/search/index.html') || url.pathname.endsWith('/search/'), url.pathname);
      check(url.searchParams.get('q') === '医保', page.url());
      check((await page.locator('noscript').count()) > 0, 'the search page has no <noscript> explanation');
      await noJs.close();
    });

    const diskIndex = existsSync(join(dist, 'search-disk/manifest.js'));
    const fileSearch = (query: string): string =>
      `${pathToFileURL(join(dist, 'search/index.html')).href}${query}`;
    /** A page in a context of its own, its requests and errors recorded. */
    const fileOpen = async () => {
      const ctx = await browser.newContext({ locale: 'zh-CN' });
      const page = await ctx.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => {
        requests.push(r.url());
        allRequests.push(r.url());
      });
      return { ctx, page, errors, requests };
    };

    if (!diskIndex)
      await test('from file:// without search-disk/ (BAOKAN_DISK_SEARCH=0) the search page says why search cannot work and what to do, without errors', async () => {
        const { ctx, page, errors, requests } = await fileOpen();
        await page.goto(fileSearch(`?q=${encodeURIComponent('医保')}`));
        const status = page.locator('#search-status');
        await status.waitFor({ state: 'visible', timeout: 5000 });
        const text = (await status.textContent()) ?? '';
        check(text.includes('file://') && text.includes('npx serve dist'), `status: ${text}`);
        check(errors.length === 0, `errors: ${errors.join(' | ')}`);
        check(!requests.some((u) => u.includes('pagefind')), `pagefind requested: ${requests.join(' ')}`);
        await ctx.close();
      });
    else {
      const diskBytes = folderBytes(join(dist, 'search-disk'), (r) => r.endsWith('.js'));
      measurements.push(
        `search-disk/ (search from file://): ${kib(diskBytes)} for ${articles.length} articles, ` +
          `${Math.round(diskBytes / articles.length)} bytes an article (.js files; precompressed siblings ` +
          `${kib(folderBytes(join(dist, 'search-disk'), (r) => /\.(br|gz)$/.test(r)))})`,
      );

      await test('from file:// the search page searches search-disk/: the same counts as the server search', async () => {
        const { ctx, page, errors, requests } = await fileOpen();
        const cases: [string, string][] = [
          ['医保', ''],
          ['衡阳', ''],
          ['DRG', ''],
          ['刘越高 抗疫', ''],
          ['"医保"', ''],
          ['"刘越高" "抗疫"', ''],
          ['衡阳', '&from=2021-03&to=2021-12'],
          ['衡阳', '&from=2021-03&to=2021-03'],
          ['衡阳', '&in=title'],
          ['衡阳', `&f=${encodeURIComponent('报纸:衡阳晚报')}`],
          ['衡阳', `&f=${encodeURIComponent('报纸:衡阳晚报')}&f=${encodeURIComponent('报纸:衡阳日报')}`],
          ['衡阳', `&f=${encodeURIComponent('体裁:消息')}&f=${encodeURIComponent('版面:第一版')}`],
        ];
        const server = await open();
        const seen: string[] = [];
        for (const [q, extra] of cases) {
          await server.page.goto(searchUrl(q, extra));
          await settled(server.page);
          const want = await shownCount(server.page);
          const scope = sharded ? '&scope=all' : '';
          await page.goto(fileSearch(`?q=${encodeURIComponent(q)}${scope}${extra}`));
          await settled(page);
          const got = await shownCount(page);
          seen.push(`${q}${extra ? ` ${decodeURIComponent(extra)}` : ''} ${got}`);
          check(got === want, `${q} ${extra}: ${got} from file://, ${want} from the server`);
          const n = await page.locator(RESULT).count();
          check(n === Math.min(10, want), `${q} ${extra}: ${n} results listed`);
          // the same filter counts
          const filters = async (p: Page) =>
            (await p.$$eval('.search-filter label', (els) => els.map((e) => e.textContent?.trim())))
              .sort()
              .join();
          check(
            (await filters(page)) === (await filters(server.page)),
            `${q} ${extra}: filter counts differ`,
          );
        }
        for (const [q, n] of [
          ['医保', 2],
          ['衡阳', 35],
        ] as const)
          check(seen.includes(`${q} ${n}`), `${q}: expected ${n} (seed site), got ${seen.join(', ')}`);
        measurements.push(`counts from file://: ${seen.join(', ')}`);
        await server.page.close();
        const foreign = requests.filter((u) => !u.startsWith('file:'));
        check(foreign.length === 0, `requests left file://: ${foreign.join(' ')}`);
        check(!requests.some((u) => u.includes('/pagefind/')), 'Pagefind requested from file://');
        check(errors.length === 0, `errors: ${errors.join(' | ')}`);
        await ctx.close();
      });

      await test('from file:// the same result list: headline, tags, marked excerpt, date order, links to the article', async () => {
        const { ctx, page, errors, requests } = await fileOpen();
        await page.goto(fileSearch(`?q=${encodeURIComponent('何恩广')}${sharded ? '&scope=all' : ''}`));
        await waitForResults(page);
        const first = page.locator(RESULT).filter({ hasText: '衡阳青少年助力垃圾分类' }).first();
        const tags = (await first.locator('.search-result-tag').allTextContents()).join(' ');
        for (const t of ['衡阳日报', '2021年3月6日', '第一版'])
          check(tags.includes(t), `tags “${tags}” lack ${t}`);
        const marked = await first.locator('.search-result-excerpt mark').allTextContents();
        check(marked.length > 0 && marked.every((m) => m === '何恩广'), `marks: ${marked.join(' ')}`);
        await page.goto(
          fileSearch(`?q=${encodeURIComponent('衡阳')}&sort=date-desc${sharded ? '&scope=all' : ''}`),
        );
        await waitForResults(page);
        const dates = await page.$$eval(`${RESULT} .search-result-tags`, (els) =>
          els.map((e) => {
            const m = /(\d{4})年(\d+)月(\d+)日/.exec(e.textContent ?? '');
            return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : 0;
          }),
        );
        check(
          dates.length > 3 && dates.every((d, i) => i === 0 || dates[i - 1]! >= d),
          `not newest first: ${dates.join(' ')}`,
        );
        // the query typed goes into the address (search string, or # where the browser refuses)
        await page.fill('#search-q', '垃圾分类');
        await page.waitForFunction(() => /q=%E5%9E%83%E5%9C%BE%E5%88%86%E7%B1%BB/.test(location.href));
        await waitForResults(page);
        const href = (await page.getAttribute(`${RESULT} .search-result-title a`, 'href')) ?? '';
        check(/index\.html\?highlight=/.test(href), `link: ${href}`);
        await Promise.all([page.waitForURL(/highlight=/), page.click(`${RESULT} .search-result-title a`)]);
        check(page.url().startsWith('file:') && existsSync(new URL(page.url()).pathname), page.url());
        await page.waitForSelector('[data-pagefind-body] mark.search-hit', { timeout: 10000 });
        const hits = await page.$$eval('mark.search-hit', (els) => els.map((e) => e.textContent));
        check(hits.length > 0 && hits.every((h) => h === '垃圾分类'), `marks: ${hits.join(' ')}`);
        // a query after # (#q=…) is read as well
        await page.goto(fileSearch(`#q=${encodeURIComponent('医保')}${sharded ? '&scope=all' : ''}`));
        await settled(page);
        check(
          (await shownCount(page)) === containing(seeds, '医保').length,
          'the query after # was not searched',
        );
        const foreign = requests.filter((u) => !u.startsWith('file:'));
        check(foreign.length === 0, `requests left file://: ${foreign.join(' ')}`);
        check(errors.length === 0, `errors: ${errors.join(' | ')}`);
        await ctx.close();
      });

      await test('from file:// the range: the newest shard’s months load first, the rest on request', async () => {
        const { ctx, page, errors, requests } = await fileOpen();
        const months = (): string[] =>
          requests
            .map((u) => /\/search-disk\/([^/]+)\.js$/.exec(u)?.[1])
            .filter((m): m is string => !!m && m !== 'manifest');
        await page.goto(fileSearch(`?q=${encodeURIComponent('衡阳')}`));
        await settled(page);
        const newest = shards[0]!;
        const firstLoad = months();
        check(
          firstLoad.length > 0 && firstLoad.every((m) => newest.from! <= m && m <= newest.to!),
          `first query loaded ${firstLoad.join(' ')}, not only the months of ${newest.id}`,
        );
        const before = await shownCount(page);
        const server = await open();
        await server.page.goto(searchUrl('衡阳', '', ''));
        await settled(server.page);
        check(
          before === (await shownCount(server.page)),
          `default range: ${before} from file://, ${await shownCount(server.page)} from the server`,
        );
        await server.page.close();
        if (sharded) {
          const note = (await page.textContent('#search-scope-note')) ?? '';
          check(note.includes(newest.label), `note: ${note}`);
          await page.selectOption('#search-scope', 'all');
          await page.waitForFunction(() => new URL(location.href).searchParams.get('scope') === 'all');
          await settled(page);
          const after = await shownCount(page);
          check(after === containing(seeds, '衡阳').length, `all shards: ${after}`);
          const all = new Set(months());
          const listed = readdirSync(join(dist, 'search-disk')).filter(
            (f) => /^[^.]+\.js$/.test(f) && f !== 'manifest.js',
          );
          check(all.size === listed.length, `loaded ${all.size} of ${listed.length} months`);
          measurements.push(
            `range from file://: “衡阳” in the newest shard ${before} (${firstLoad.length} months loaded), in all ${after}`,
          );
        }
        check(errors.length === 0, `errors: ${errors.join(' | ')}`);
        await ctx.close();
      });
    }

    await test('search quality in Chromium (its own segmenter, all queries of queries.json, checked as the page does)', async () => {
      const w = await open();
      await w.page.goto(`${server.url}search/`);
      await w.page.addScriptTag({ content: exactSource });
      const queries = loadQueries();
      const found = await w.page.evaluate(
        async ({ qs, bundles }) => {
          type X = {
            parseQuery(q: string): string[];
            candidateQuery(t: string[]): string;
            candidateOf(d: object, score: number): object;
            verify(i: object, t: string[]): { item: { url: string } } | null;
            rank(v: object[], s: string, n: number): { item: { url: string } }[];
          };
          const x = (window as unknown as { __exact: X }).__exact;
          const [first, ...rest] = bundles.map((b) => new URL(b, location.href).href);
          const pf = await import(`${first}pagefind.js`);
          await pf.options({ baseUrl: '/', noWorker: true });
          for (const b of rest) await pf.mergeIndex(b, { baseUrl: '/' });
          const out: string[][] = [];
          for (const q of qs) {
            const terms = x.parseQuery(q);
            const r = await pf.search(x.candidateQuery(terms));
            const kept: object[] = [];
            for (const c of r.results) {
              const v = x.verify(x.candidateOf(await c.data(), c.score), terms);
              if (v) kept.push(v);
            }
            out.push(x.rank(kept, '', terms.length).map((v) => v.item.url));
          }
          return out;
        },
        { qs: queries.map((q) => q.q), bundles: shards.map((s) => `../pagefind/${s.id}/`) },
      );
      const base = new URL(server.url).pathname;
      let hit = 0;
      let total = 0;
      let returned = 0;
      let relevant = 0;
      const misses: string[] = [];
      queries.forEach((q, i) => {
        const ranked = found[i]!.map((u) =>
          u
            .replace(base, '')
            .replace(/^\//, '')
            .replace(/index\.html$/, ''),
        );
        returned += ranked.length;
        relevant += ranked.filter((p) => q.expect.includes(p)).length;
        for (const p of q.expect) {
          total++;
          if (ranked.includes(p)) hit++;
          else misses.push(`${q.q} → ${p}`);
        }
      });
      measurements.push(
        `search in Chromium (query set, ${queries.length} queries): recall ${hit}/${total}, precision ${relevant}/${returned}`,
      );
      for (const m of misses) measurements.push(`  missed in Chromium: ${m}`);
      check(hit / total >= 0.99, `recall ${hit}/${total}`);
      check(relevant === returned, `precision ${relevant}/${returned}`);
      await w.page.close();
    });

    await test('without the index (pagefind/ missing) the search page says so and what to do', async () => {
      const ctx = await browser.newContext({ locale: 'zh-CN' });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto(searchUrl('医保'));
      const status = page.locator('#search-status');
      await status.waitFor({ state: 'visible', timeout: 5000 });
      const text = (await status.textContent()) ?? '';
      check(text.includes('npm run build'), `status: ${text}`);
      check(errors.length === 0, `errors: ${errors.join(' | ')}`);
      await ctx.close();
    });

    await test('no request left the local origin', async () => {
      const foreign = allRequests.filter(
        (u) => !u.startsWith(origin) && !u.startsWith('file:') && !u.startsWith('data:'),
      );
      check(allRequests.length > 0, 'no requests recorded');
      check(foreign.length === 0, foreign.join('\n'));
    });

    await test('no console errors on any page', async () => {
      check(allConsoleErrors.length === 0, allConsoleErrors.join('\n'));
    });
  } finally {
    await browser.close();
    await server.close();
  }

  // Lighthouse on the five page kinds of the requirement, the median of E2E_LIGHTHOUSE_RUNS runs
  // (3; 0 skips it): accessibility, best practices and SEO at 95 strictly, performance (which a
  // busy machine lowers) at a lower floor (scripts/lighthouse/floors.ts), what is under 95 printed.
  // Before the search in Node below, which replaces the global fetch that Lighthouse needs.
  const lighthouseRuns = Number.parseInt(process.env.E2E_LIGHTHOUSE_RUNS ?? '3', 10);
  if (lighthouseRuns > 0) {
    const floors = lighthouseFloors();
    await test(`Lighthouse on home, issue, 版, article and search: accessibility, best practices, SEO ≥ 95, performance ≥ ${floors.performance} (median of ${lighthouseRuns})`, async () => {
      const audits = await auditSite({
        dist,
        base,
        runs: lighthouseRuns,
        only: new Set(['home', 'issue', '版', 'article', 'search']),
      });
      measurements.push(
        'Lighthouse:',
        ...[auditHeader(lighthouseRuns), ...audits.map(auditLine)].map((l) => `  ${l}`),
      );
      check(audits.length === 5, `audited ${audits.map((a) => a.name).join(', ')}`);
      const { failures, under } = shortfalls(audits, floors);
      for (const u of under) measurements.push(`  under the target of 95: ${u}`);
      check(failures.length === 0, failures.join('\n'));
    });
  }

  await test('search quality in Node: recall@10 ≥ 0.99, precision ≥ 0.99, MRR ≥ 0.95', async () => {
    const report = await measureRecall(shardBundles(join(dist, 'pagefind')));
    measurements.push(...formatRecall(report).split('\n'));
    const r = report.search;
    check(r.recallAt10 >= 0.99, `recall@10 ${r.recallAt10}`);
    check(r.relevant / r.returned >= 0.99, `precision ${r.relevant}/${r.returned}`);
    check(r.mrr >= 0.95, `MRR ${r.mrr}`);
    check(
      report.sample.found / report.sample.total >= 0.95,
      `sample ${report.sample.found}/${report.sample.total}`,
    );
  });

  console.log('\nmeasurements:');
  for (const m of measurements) console.log(`  ${m}`);
  finish();
}

await main();
