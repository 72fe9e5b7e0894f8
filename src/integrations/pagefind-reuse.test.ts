/**
 * The search integration keeps each shard's bundle in the build cache under a key of its pages'
 * URLs and bytes (buildSearch with `cache`): a later build whose shard holds the same pages copies
 * the bundle instead of indexing it again, and a shard whose pages changed is indexed afresh. The
 * output must be what a build without the cache writes, byte for byte.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARD_MONTH_ATTRIBUTE } from '../lib/search/shards.ts';
import { digests, logger } from '../../tests/support/folders.ts';
import { buildSearch, pageFacts } from './pagefind.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baokan-pagefind-reuse-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** An article page of `month` as the site builds it: a search body that declares its month. */
function page(month: string, n: number, words = '报纸 文章 检索'): string {
  return (
    `<!doctype html><html lang="zh-Hans"><head><title>${month} 第${n}篇</title></head><body>` +
    `<main data-pagefind-body ${SHARD_MONTH_ATTRIBUTE}="${month}"><h1>${month} 第${n}篇</h1>` +
    `<p>${words.repeat(10)} ${n}</p></main></body></html>`
  );
}

async function writeSite(site: string, months: Record<string, string>): Promise<void> {
  for (const [month, words] of Object.entries(months))
    for (let n = 0; n < 3; n++) {
      await mkdir(join(site, month), { recursive: true });
      await writeFile(join(site, month, `a${n}.html`), page(month, n, words));
    }
}

describe('search shards kept in the build cache', () => {
  it(
    'copies unchanged shards, re-indexes changed ones, and writes what a build without the cache writes',
    { timeout: 120_000 },
    async () => {
      const site = join(dir, 'site');
      const cache = join(dir, 'cache');
      // Shards of at most 3 articles: one shard a month.
      await writeSite(site, { '2021-01': '报纸 文章 检索', '2021-02': '新闻 记者 编辑' });
      const first = logger();
      await buildSearch(site, join(site, 'pagefind'), { language: 'zh', limit: 3, logger: first, cache });
      expect(first.lines.filter((l) => l.includes('copied from the build cache'))).toEqual([]);
      const built = await digests(join(site, 'pagefind'));

      const second = logger();
      await buildSearch(site, join(site, 'pagefind'), { language: 'zh', limit: 3, logger: second, cache });
      expect(second.lines.filter((l) => l.includes('copied from the build cache'))).toHaveLength(2);
      expect(await digests(join(site, 'pagefind'))).toEqual(built);

      // One month changes: its shard is indexed again, the other copied.
      await writeSite(site, { '2021-02': '报刊 版面 标题' });
      const third = logger();
      const asked: number[] = [];
      const jobs = (toIndex: number) => (asked.push(toIndex), 1);
      await buildSearch(site, join(site, 'pagefind'), {
        language: 'zh',
        limit: 3,
        logger: third,
        cache,
        jobs,
      });
      // the pool's size is asked with the number of shards to index: the changed one
      expect(asked).toEqual([1]);
      const copied = third.lines.filter((l) => l.includes('copied from the build cache'));
      expect(copied).toHaveLength(1);
      expect(copied[0]).toContain('2021-01');
      const fresh = join(dir, 'fresh');
      await buildSearch(site, fresh, { language: 'zh', limit: 3, logger: logger() });
      expect(await digests(join(site, 'pagefind'))).toEqual(await digests(fresh));
      // Only the bundles this build used stay in the cache (beside its record of the pages).
      expect((await readdir(cache)).filter((n) => !/\.(?:json|txt)$/.test(n))).toHaveLength(2);

      // Two shards at a time, each in a Pagefind process of its own: the same files, byte for byte.
      const paired = join(dir, 'paired');
      await buildSearch(site, paired, { language: 'zh', limit: 3, logger: logger(), jobs: 2 });
      expect(await digests(paired)).toEqual(await digests(fresh));

      // Pages this build did not write (Astro left them in place) keep their records, unlooked at...
      await writeSite(site, { '2021-01': '改动 文字 页面' });
      const fourth = logger();
      const untouched = new Set(['2021-01/a0.html', '2021-01/a1.html', '2021-01/a2.html']);
      await buildSearch(site, join(site, 'pagefind'), {
        language: 'zh',
        limit: 3,
        logger: fourth,
        cache,
        untouched,
      });
      expect(fourth.lines.filter((l) => l.includes('copied from the build cache'))).toHaveLength(2);
      // ...and without that word from the build they are looked at, and their shard indexed again
      const fifth = logger();
      await buildSearch(site, join(site, 'pagefind'), { language: 'zh', limit: 3, logger: fifth, cache });
      expect(fifth.lines.filter((l) => l.includes('copied from the build cache'))).toHaveLength(1);
      expect(fifth.lines.filter((l) => /2021-01.*indexed in/.test(l))).toHaveLength(1);
    },
  );

  it(
    "in the last build's kept folder, leaves unchanged shards where they are and says which files stay",
    { timeout: 120_000 },
    async () => {
      const site = join(dir, 'kept-site');
      const cache = join(dir, 'kept-cache');
      const root = join(site, 'pagefind');
      await writeSite(site, { '2021-01': '报纸 文章 检索', '2021-02': '新闻 记者 编辑' });
      const left: string[][] = [];
      const options = (log: ReturnType<typeof logger>) => ({
        language: 'zh',
        limit: 3,
        logger: log,
        cache,
        inPlace: { kept: true, keep: (paths: string[]) => left.push(paths) },
      });
      // the first build into a new folder: nothing to keep, but the next build may keep its shards
      await buildSearch(site, root, { ...options(logger()), inPlace: { kept: false, keep: () => {} } });
      const entry = join(root, '2021-01', 'pagefind-entry.json');
      const before = (await stat(entry)).mtimeMs;

      // One month changes: the other shard stays, untouched, and is named; the output is a fresh build's.
      await writeSite(site, { '2021-02': '报刊 版面 标题' });
      const second = logger();
      await buildSearch(site, root, options(second));
      expect(second.lines.filter((l) => l.includes('left where it was'))).toHaveLength(1);
      expect((await stat(entry)).mtimeMs).toBe(before);
      expect(left).toHaveLength(1);
      expect(left[0]!.length).toBeGreaterThan(0);
      expect(left[0]!.every((p) => p.startsWith('pagefind/2021-01/'))).toBe(true);
      const fresh = join(dir, 'kept-fresh');
      await buildSearch(site, fresh, { language: 'zh', limit: 3, logger: logger() });
      expect(await digests(root)).toEqual(await digests(fresh));

      // A folder the record does not name (another output folder) gets every shard written anew.
      const other = join(dir, 'kept-other');
      await cp(root, other, { recursive: true });
      const third = logger();
      await buildSearch(site, other, options(third));
      expect(third.lines.filter((l) => l.includes('left where it was'))).toEqual([]);
      expect(await digests(other)).toEqual(await digests(fresh));
    },
  );

  it(
    'takes a page this build wrote from what it was told of its bytes, unread, unless its size is not the one told',
    { timeout: 120_000 },
    async () => {
      const site = join(dir, 'told');
      await writeSite(site, { '2021-01': '报纸 文章 检索' });
      const root = join(site, 'pagefind');
      const shardIds = async () =>
        (
          JSON.parse(await readFile(join(root, 'shards.json'), 'utf8')) as { shards: { id: string }[] }
        ).shards.map((s) => s.id);
      // told that each page declares March: bytes of the same size, so the files are not read
      const told = (words: string) =>
        new Map(
          [0, 1, 2].map((n) => [`2021-01/a${n}.html`, pageFacts(Buffer.from(page('2021-03', n, words)))]),
        );
      await buildSearch(site, root, {
        language: 'zh',
        limit: 3,
        logger: logger(),
        written: told('报纸 文章 检索'),
      });
      expect(await shardIds()).toEqual(['2021-03']);
      // told of bytes of another size: the files are read, and declare January
      await buildSearch(site, root, { language: 'zh', limit: 3, logger: logger(), written: told('报纸') });
      expect(await shardIds()).toEqual(['2021-01']);
    },
  );

  it(
    'takes a page whose size and time are as recorded from the record, unread',
    { timeout: 120_000 },
    async () => {
      const site = join(dir, 'recorded');
      const cache = join(dir, 'recorded-cache');
      await writeSite(site, { '2021-01': '报纸 文章 检索', '2021-02': '新闻 记者 编辑' });
      // a whole second, which utimes can put back exactly
      const then = new Date('2024-01-01T00:00:00Z');
      const file = join(site, '2021-02', 'a1.html');
      await utimes(file, then, then);
      const options = { language: 'zh', limit: 3, logger: logger(), cache };
      await buildSearch(site, join(site, 'pagefind'), options);
      const lines = (await readFile(join(cache, 'pages.txt'), 'utf8')).split('\n');
      expect(lines[0]).toBe(JSON.stringify({ site }));
      expect(lines.slice(1).map((l) => l.split('\t')[0])).toEqual(
        [
          '2021-01/a0.html',
          '2021-01/a1.html',
          '2021-01/a2.html',
          '2021-02/a0.html',
          '2021-02/a1.html',
          '2021-02/a2.html',
        ].map((p) => p.split('/').join(sep)),
      );
      // a page's bytes swapped for others of the same size, its time put back: the record vouches for it
      await writeFile(file, page('2021-02', 2, '新闻 记者 编辑'));
      await utimes(file, then, then);
      const second = logger();
      await buildSearch(site, join(site, 'pagefind'), { ...options, logger: second });
      expect(second.lines.filter((l) => l.includes('copied from the build cache'))).toHaveLength(2);
      // its time changed too: read again, and its shard indexed again
      await writeFile(file, page('2021-02', 2, '新闻 记者 编辑'));
      const third = logger();
      await buildSearch(site, join(site, 'pagefind'), { ...options, logger: third });
      expect(third.lines.filter((l) => l.includes('copied from the build cache'))).toHaveLength(1);
    },
  );

  it(
    "reads the pages from Astro's route outputs when given them, and writes what the walk writes",
    { timeout: 120_000 },
    async () => {
      const walked = join(dir, 'walked');
      const listed = join(dir, 'listed');
      for (const site of [walked, listed])
        await writeSite(site, { '2021-01': '报纸 文章 检索', '2021-02': '新闻 记者 编辑' });
      await buildSearch(walked, join(walked, 'pagefind'), { language: 'zh', limit: 3, logger: logger() });
      const html = (month: string) => [0, 1, 2].map((n) => `${month}/a${n}.html`);
      // route outputs (site paths) in Astro's order, a download among them, one page listed twice
      const routes = [...html('2021-02'), ...html('2021-01'), '2021-01/a0.html'];
      await writeFile(join(listed, 'issue.json'), '{}');
      routes.push('issue.json');
      const log = logger();
      await buildSearch(listed, join(listed, 'pagefind'), { language: 'zh', limit: 3, logger: log, routes });
      expect(await digests(join(listed, 'pagefind'))).toEqual(await digests(join(walked, 'pagefind')));
      // a page that is no route output is not looked at
      const fewer = logger();
      await buildSearch(listed, join(listed, 'pagefind'), {
        language: 'zh',
        limit: 3,
        logger: fewer,
        routes: html('2021-01'),
      });
      expect(fewer.lines.join('\n')).toContain('3 article pages in 1 search shard(s)');
    },
  );
});
