/**
 * A daily build's early index (pagefind-early.ts): started with the last build's newest shard while
 * the pages render, it is taken by the shard whose pages begin with those, byte for byte, and the
 * bundle is the one a build from scratch writes; a page changed after it was read, or a shard
 * planned otherwise, leaves it untaken and the shard is indexed from scratch.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARD_MONTH_ATTRIBUTE } from '../lib/search/shards.ts';
import { digests, logger } from '../../tests/support/folders.ts';
import { buildSearch, pageFacts } from './pagefind.ts';
import { guessedRest, lastNewestShard, startEarly } from './pagefind-early.ts';
import { PAGES_RECORD, readPageRecords } from './page-records.ts';

/** The page records a build left in the search's cache. */
const recordsIn = (site: string, cache: string) => readPageRecords(join(cache, PAGES_RECORD), site);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baokan-pagefind-early-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** An article page of `day` (YYYY-MM-DD) as the site builds it: a search body that declares its month. */
function page(day: string, n: number, words: string): string {
  const month = day.slice(0, 7);
  return (
    `<!doctype html><html lang="zh-Hans"><head><title>${day} 第${n}篇</title></head><body>` +
    `<main data-pagefind-body ${SHARD_MONTH_ATTRIBUTE}="${month}"><h1>${day} 第${n}篇</h1>` +
    `<p>${words.repeat(8)} ${day} ${n}</p></main></body></html>`
  );
}

/** Three pages of each day, at paper/YYYY/MM/DD/aN.html. */
async function writeDays(site: string, days: string[], words = '报纸 文章 检索 新闻'): Promise<void> {
  for (const day of days)
    for (let n = 0; n < 3; n++) {
      const folder = join(site, 'paper', ...day.split('-'));
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, `a${n}.html`), page(day, n, words));
    }
}

/** That the bundles below `root` are what indexing `site` from scratch writes (in `dir`/`name`), byte for byte. */
async function expectFromScratch(site: string, root: string, name: string): Promise<void> {
  const fresh = join(dir, name);
  await buildSearch(site, fresh, { language: 'zh', limit: 12, logger: logger() });
  expect(await digests(root)).toEqual(await digests(fresh));
}

describe('the early index of a daily build', () => {
  it(
    "is taken by the shard that begins with its pages, and writes a build from scratch's bundle",
    { timeout: 120_000 },
    async () => {
      const site = join(dir, 'site');
      const root = join(site, 'pagefind');
      const cache = join(dir, 'cache');
      const options = { language: 'zh', limit: 12, cache, inPlace: { kept: true, keep: () => {} } };
      // two months, the newest with two days: shards 2021-01 and 2021-02
      await writeDays(site, [
        '2021-01-05',
        '2021-01-06',
        '2021-01-07',
        '2021-01-08',
        '2021-02-01',
        '2021-02-02',
      ]);
      await buildSearch(site, root, {
        ...options,
        logger: logger(),
        inPlace: { kept: false, keep: () => {} },
      });
      const newest = lastNewestShard(site, root, recordsIn(site, cache));
      expect(newest.map((p) => p.url)).toEqual(
        ['01', '02'].flatMap((d) => [0, 1, 2].map((n) => `/paper/2021/02/${d}/a${n}.html`)),
      );

      // a day added: the newest shard begins with the early pages and takes them
      const early = startEarly(newest, 'zh')!;
      await writeDays(site, ['2021-02-03']);
      const day = logger();
      await buildSearch(site, root, { ...options, logger: day, early });
      expect(day.lines.filter((l) => l.includes('left where it was'))).toHaveLength(1);
      expect(
        day.lines.filter((l) => /2021-02.*indexed in .*\(6 of them added while the site rendered\)/.test(l)),
      ).toHaveLength(1);
      await expectFromScratch(site, root, 'fresh');

      // a page the early index read is not the shard's page at the end, byte for byte (written again
      // meanwhile: its digest as the build saw it is another): not taken, indexed from scratch
      const again = startEarly(lastNewestShard(site, root, recordsIn(site, cache)), 'zh')!;
      await writeDays(site, ['2021-02-04']);
      const rewritten = {
        ...again,
        take: (pages: Parameters<typeof again.take>[0]) =>
          again.take(pages.map((p, k) => (k === 3 ? { ...p, sha256: 'written again' } : p))),
      };
      const changed = logger();
      await buildSearch(site, root, { ...options, logger: changed, early: rewritten });
      expect(
        changed.lines.filter((l) => l.includes('the early index not taken (page 4 of the 9')),
      ).toHaveLength(1);
      expect(changed.lines.filter((l) => l.includes('added while the site rendered'))).toEqual([]);
      await expectFromScratch(site, root, 'fresh2');
    },
  );

  it(
    "builds the bundle once the pages have rendered, from the pages guessed then, taken when they are the shard's",
    { timeout: 120_000 },
    async () => {
      const site = join(dir, 'guess');
      const root = join(site, 'pagefind');
      const cache = join(dir, 'guess-cache');
      const options = { language: 'zh', limit: 12, cache, inPlace: { kept: true, keep: () => {} } };
      await writeDays(site, ['2021-01-05', '2021-01-06', '2021-01-07', '2021-01-08', '2021-02-01']);
      await buildSearch(site, root, {
        ...options,
        logger: logger(),
        inPlace: { kept: false, keep: () => {} },
      });
      /** what the render of `days` wrote, as the build's page watch tells it */
      const wrote = async (days: string[]) => {
        await writeDays(site, days);
        const facts = new Map<string, ReturnType<typeof pageFacts>>();
        for (const day of days)
          for (let n = 0; n < 3; n++) {
            const path = `paper/${day.replaceAll('-', '/')}/a${n}.html`;
            facts.set(path, pageFacts(await readFile(join(site, path))));
          }
        return facts;
      };

      // the day's pages guessed right: the bundle built then is taken, the one a build from scratch writes
      const early = startEarly(lastNewestShard(site, root, recordsIn(site, cache)), 'zh')!;
      const rest = guessedRest(site, early.urls, recordsIn(site, cache), await wrote(['2021-02-02']));
      expect(rest?.map((p) => p.url)).toEqual([0, 1, 2].map((n) => `/paper/2021/02/02/a${n}.html`));
      early.guess(rest!);
      const day = logger();
      await buildSearch(site, root, { ...options, logger: day, early });
      expect(
        day.lines.filter((l) =>
          /2021-02.*\(3 of them added while the site rendered, the rest once it had, as guessed then\)/.test(
            l,
          ),
        ),
      ).toHaveLength(1);
      await expectFromScratch(site, root, 'guess-fresh');

      // a guess that is not the shard (a page written again after it): not taken, indexed from scratch
      const again = startEarly(lastNewestShard(site, root, recordsIn(site, cache)), 'zh')!;
      const rest2 = guessedRest(site, again.urls, recordsIn(site, cache), await wrote(['2021-02-03']))!;
      again.guess(rest2);
      await writeFile(join(site, 'paper/2021/02/03/a2.html'), page('2021-02-03', 2, '改过 的 文字'));
      const changed = logger();
      await buildSearch(site, root, { ...options, logger: changed, early: again });
      expect(
        changed.lines.filter((l) =>
          l.includes("the early index not taken (the pages guessed after the render are not the shard's)"),
        ),
      ).toHaveLength(1);
      expect(changed.lines.filter((l) => l.includes('added while the site rendered'))).toEqual([]);
      await expectFromScratch(site, root, 'guess-fresh2');
    },
  );

  it("guesses the shard's pages after the early ones from the last build's records and what the render wrote", () => {
    const seen = (month: string | null, sha256 = `d-${month}`) => ({ month, sha256 });
    const records = new Map([
      ['p/2021/01/31/a.html', seen('2021-01')],
      ['p/2021/02/01/a.html', seen('2021-02')],
      ['p/2021/02/01/b.html', seen('2021-02', 'old')],
      ['p/undated/a.html', seen('undated')],
      ['p/2021/02/01/index.html', seen(null)],
      ['q/2021/02/01/a.html', seen('2021-02', 'q')],
    ]);
    const early = ['/p/2021/02/01/a.html', '/p/2021/02/01/b.html'];
    const wrote = new Map([
      ['p/2021/02/01/b.html', seen('2021-02', 'new')],
      ['p/2021/02/02/a.html', seen('2021-02', 'day')],
      ['p/2021/03/01/a.html', seen('2021-03', 'march')],
    ]);
    // older months, undated pages and pages without a search body left out; the written digest wins
    // for the rest, the early pages themselves are checked when the shard is taken
    expect(guessedRest('/site', early, records, wrote)).toEqual([
      { file: '/site/p/2021/02/02/a.html', url: '/p/2021/02/02/a.html', sha256: 'day' },
      { file: '/site/p/2021/03/01/a.html', url: '/p/2021/03/01/a.html', sha256: 'march' },
      { file: '/site/q/2021/02/01/a.html', url: '/q/2021/02/01/a.html', sha256: 'q' },
    ]);
    // the early pages no longer first (a page before them written): no guess
    const before = new Map([...wrote, ['p/2021/02/01/0.html', seen('2021-02')]]);
    expect(guessedRest('/site', early, records, before)).toBeNull();
    // an early page the records do not know: no guess
    expect(guessedRest('/site', ['/p/gone.html'], records, wrote)).toBeNull();
  });

  it("adds early only the first paper's pages: a day of that paper comes before the next paper's", async () => {
    const site = join(dir, 'papers');
    const root = join(site, 'pagefind');
    const cache = join(dir, 'papers-cache');
    await writeDays(site, ['2021-05-01', '2021-05-02']);
    for (const n of [0, 1]) {
      await mkdir(join(site, 'second', '2021', '05', '01'), { recursive: true });
      await writeFile(
        join(site, 'second', '2021', '05', '01', `a${n}.html`),
        page('2021-05-01', n, '晚报 新闻'),
      );
    }
    await buildSearch(site, root, { language: 'zh', limit: 100, logger: logger(), cache });
    expect(lastNewestShard(site, root, recordsIn(site, cache)).map((p) => p.url)).toEqual(
      ['01', '02'].flatMap((d) => [0, 1, 2].map((n) => `/paper/2021/05/${d}/a${n}.html`)),
    );
  });

  it('is closed untaken when no shard begins with its pages', { timeout: 60_000 }, async () => {
    const site = join(dir, 'site3');
    const root = join(site, 'pagefind');
    const cache = join(dir, 'cache3');
    const options = { language: 'zh', limit: 6, cache, inPlace: { kept: true, keep: () => {} } };
    await writeDays(site, ['2021-03-01', '2021-03-02', '2021-04-01']);
    await buildSearch(site, root, { ...options, logger: logger(), inPlace: { kept: false, keep: () => {} } });
    const early = startEarly(lastNewestShard(site, root, recordsIn(site, cache)), 'zh')!;
    // April fills: the shards are planned anew, and no shard to index begins with April's first day
    await writeDays(site, ['2021-04-02']);
    await rm(join(site, 'paper', '2021', '04', '01'), { recursive: true });
    const log = logger();
    await buildSearch(site, root, { ...options, logger: log, early });
    expect(log.lines.filter((l) => l.includes('added while the site rendered'))).toEqual([]);
    // closed: taking it now says so, and nothing waits for its thread
    await expect(early.take([])).resolves.toEqual({ skipped: 'asked already' });
  });
});
