/**
 * Daily builds reuse the build cache (kept parses, search shards, share cards, compressed files,
 * and the pages Astro's incremental build keeps): what they publish must be what a clean build of
 * the same seeds publishes, byte for byte — with an issue added, and with an issue removed. Lists
 * are cut 2 items a page here (BAOKAN_LIST_SIZE) so that topics and reporters have older pages,
 * and adding the newest issue must render none of them but the ones the rule names
 * (src/lib/site/listing.ts chunksFromOldest), and no page of the other issues but its neighbour.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, hashes, projectCopy, seeds, snapshot, temp } from './harness.ts';

describe('a build on a kept cache', () => {
  const all = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
  const newest = '003_535e0761a6686cfc.txt'; // 衡阳晚报 2023-01-05, the newest issue
  const dir = temp('baokan-incremental-seeds-');
  for (const f of all) if (f !== newest) cpSync(join(seeds, f), join(dir, f));
  // built from a copy of the code, so that an edit made while the test runs cannot touch it
  const project = projectCopy();
  const cache = temp('baokan-incremental-cache-');
  // and search shards of at most 20 articles, so that the new issue's shard is not the only one
  const lists = { BAOKAN_LIST_SIZE: '2', BAOKAN_SEARCH_SHARD: '20' };
  const env = { BAOKAN_CACHE_DIR: cache, ...lists };
  // A daily build keeps its output folder (src/integrations/kept-output.ts): the three builds on the
  // kept cache write into one folder, looked at as it was after each (inside the project copy, where
  // Astro keeps its intermediate modules beside it).
  mkdirSync(join(project, '.cache'), { recursive: true });
  const kept = join(mkdtempSync(join(project, '.cache', 'kept-')), 'dist');

  const before = { ...build(dir, env, project, kept), dist: '' };
  before.dist = snapshot(kept);
  cpSync(join(seeds, newest), join(dir, newest));
  // the day's build puts the content store's write-back off (src/integrations/store-lag.ts) …
  const added = { ...build(dir, { ...env, BAOKAN_STORE_LAG: '100' }, project, kept), dist: '' };
  added.dist = snapshot(kept);
  // … so the next build reads a store without the day's records, and must store them again
  const again = { ...build(dir, env, project, kept), dist: '' };
  again.dist = snapshot(kept);
  const clean = build(dir, lists, project);
  rmSync(join(dir, newest));
  const removed = build(dir, env, project, kept);
  // and once more with the issue, into an empty folder on the kept cache: pages copied from Astro's cache
  cpSync(join(seeds, newest), join(dir, newest));
  const restored = build(dir, env, project);

  it('builds', () => {
    for (const b of [before, added, again, clean, removed, restored])
      expect(b.status, b.log.slice(-2000)).toBe(0);
  });

  it("parses only the new file and renders none of the other issues' article pages", () => {
    // the four issues already built are kept whole: their parses are not even read
    expect(added.log).toMatch(/; 1 parsed, 0 parse\(s\) read from a kept build, 4 issue\(s\) kept whole\)/);
    // the new file is read; the others are read only if they were too new to record at the first build
    const seen = /\((\d+) file\(s\) read, (\d+) unchanged;/.exec(added.log);
    expect(Number(seen?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(seen?.[1]) + Number(seen?.[2])).toBe(5);
    // by the third build the four files are recorded: none is read for its parse key
    expect(removed.log).toMatch(
      /\(0 file\(s\) read, 4 unchanged; 0 parsed, 0 parse\(s\) read from a kept build, 4 issue\(s\) kept whole\)/,
    );
    // related lists look back: the older days' lists are kept, the new day's computed
    const related = (log: string) =>
      /related articles: \d+ list\(s\), (\d+) day\(s\) kept from a build before, (\d+) computed/
        .exec(log)
        ?.slice(1)
        .map(Number);
    expect(related(added.log)?.[0]).toBeGreaterThanOrEqual(1);
    expect(related(added.log)?.[1]).toBe(1);
    expect(related(removed.log)?.[1]).toBe(0);
    // the search shards of the other months stay where they are in the kept folder
    expect(added.log).toMatch(/unchanged, left where it was/);
    // and the content store keeps their records as they are: the 38 articles of the four issues
    const stored = /articles: (\d+) record\(s\) stored, (\d+) unchanged/.exec(added.log);
    expect(stored?.slice(1).map(Number)).toEqual([expect.any(Number), 38]);
    expect(Number(stored![1])).toBeGreaterThan(0);
    // Astro leaves a page in the kept folder ("(cached)") or copies it from its cache into an empty
    // folder ("(restored)"): the 38 articles of the four issues already built at least. baokan-kept-log
    // counts them on one line instead of a line each.
    const kept = (log: string) => {
      const m = /page\(s\) rendered; (\d+) left in place \(cached\), (\d+) copied back/.exec(log);
      expect(log.split('\n').filter((l) => /\((?:cached|restored)\)\s*$/.test(l))).toEqual([]);
      return { cached: Number(m?.[1]), restored: Number(m?.[2]) };
    };
    expect(kept(before.log)).toEqual({ cached: 0, restored: 0 });
    for (const b of [added, removed]) {
      expect(b.log).toMatch(/keeping .*: unchanged pages stay where they are/);
      expect(kept(b.log).cached).toBeGreaterThanOrEqual(38);
      expect(kept(b.log).restored).toBe(0);
    }
    expect(kept(restored.log).restored).toBeGreaterThanOrEqual(38);
    // the numbered list pages of the kept days keep their keys (src/lib/site/kept-list-keys.ts),
    // which the byte-for-byte comparison below holds to what their pages print
    const keyed = (log: string, list: string) =>
      new RegExp(
        `${list} pages' keys: (\\d+) numbered page\\(s\\) kept theirs from the last build, (\\d+) keyed anew`,
      )
        .exec(log)
        ?.slice(1)
        .map(Number);
    for (const list of ['names', 'topics', 'reporters']) {
      expect(keyed(before.log, list)?.[0], list).toBe(0);
      expect(keyed(added.log, list)?.[0], list).toBeGreaterThan(0);
    }
    // the name index counts only the issues after those the tally a build before kept counted
    // (src/data/name-tally.ts): the new one; and when an issue it counted is gone, all of them
    const tallied = (log: string) =>
      /name index: (\d+) issue\(s\) taken from the tally a build before kept, (\d+) counted/
        .exec(log)
        ?.slice(1)
        .map(Number);
    expect(tallied(before.log)).toEqual([0, 4]);
    expect(tallied(added.log)).toEqual([4, 1]);
    expect(tallied(again.log)).toEqual([4, 1]);
    expect(tallied(removed.log)).toEqual([4, 0]);
    // and the cards of the kept days stay where they were placed
    const cards = (log: string) =>
      Number(/share cards in \d+ ms: .*, (\d+) left where they were/.exec(log)?.[1]);
    expect(cards(before.log)).toBe(0);
    expect(cards(added.log)).toBeGreaterThan(0);
    // their article.md files (not a route: src/integrations/article-downloads.ts) stay where they
    // are too; only the new issue's are written, and in the empty folder every issue's
    const md = (log: string) =>
      /article\.md: (\d+) written \((\d+) issue\(s\)\), (\d+) left in place, (\d+) removed/
        .exec(log)
        ?.slice(1)
        .map(Number);
    expect(md(before.log)).toEqual([38, 4, 0, 0]);
    expect(md(added.log)?.slice(1)).toEqual([1, 38, 0]);
    expect(md(added.log)?.[0]).toBeGreaterThan(0);
    expect(md(removed.log)?.slice(1, 3)).toEqual([0, 38]);
    expect(md(removed.log)?.[3]).toBe(md(added.log)?.[0]);
    expect(md(restored.log)?.slice(1, 3)).toEqual([5, 0]);
  });

  it('removes from the kept folder the pages and files of the issue taken away', () => {
    expect(removed.log).toMatch(/\d+ page\(s\) and download\(s\) the edition no longer has removed/);
    expect(removed.log).toMatch(/[1-9]\d* file\(s\) this build no longer makes removed/);
  });

  it('publishes from an empty folder on the kept cache what a clean build publishes', () => {
    expect(hashes(restored.dist)).toEqual(hashes(clean.dist));
  });

  it('publishes with an issue added what a clean build publishes', () => {
    expect(hashes(added.dist)).toEqual(hashes(clean.dist));
  });

  it("publishes the same after a build that put the store's write-back off, storing its records again", () => {
    expect(added.log).toMatch(
      /content store: \d+ of \d+ record\(s\) changed since it was read; write-back put off/,
    );
    // the store read from the file lacks the day's articles: stored again, the others unchanged
    const stored = /articles: (\d+) record\(s\) stored, (\d+) unchanged/.exec(again.log);
    expect(stored?.slice(1).map(Number)).toEqual([expect.any(Number), 38]);
    expect(Number(stored![1])).toBeGreaterThan(0);
    expect(again.log).toMatch(
      /content store: \d+ of \d+ record\(s\) changed since it was read; written back/,
    );
    expect(hashes(again.dist)).toEqual(hashes(clean.dist));
  });

  it('publishes with the issue removed again what it published before it came', () => {
    const after = hashes(kept);
    expect(Object.keys(after).some((f) => f.includes('2023/01/05'))).toBe(false);
    expect(after).toEqual(hashes(before.dist));
  });

  // what the build that added the newest issue rendered rather than copied from the cache
  const renderedPages = rendered(added.log);
  const day = '2023/01/05/';
  const existed = (p: string) => existsSync(join(before.dist, p));
  // an issue page of the evening paper before the new one (its 下一期 link), if it has one
  const previousIssue = (p: string) => /^hengyang-evening-news\/\d{4}\/\d{2}\/\d{2}\/index\.html$/.test(p);
  // the date page before the new day (its 后一日 link)
  const dayBefore = () =>
    readdirSync(join(before.dist, 'date'))
      .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
      .sort()
      .at(-1);
  /**
   * What a new day legitimately changes: its own pages and downloads; the home page, the paper's
   * page and feed, the calendars and month contents, its date page and the date before it, the
   * statistics and data pages and its year's data download; the lists it joins (their first pages, index pages and feeds;
   * numbered pages as the chunk rule says, tested below); the date picker's days.js, the offline
   * app (sw.js, month lists), the search index, and _headers (it names the search shard).
   */
  const mayChange = (p: string) =>
    p.includes(day) ||
    previousIssue(p) ||
    /^(index\.html|_headers|days\.js|sw\.js|about\/index\.html|data\/index\.html|data\/2023\.jsonl\.gz)$/.test(
      p,
    ) ||
    /^hengyang-evening-news\/(index\.html|feed\.xml)$/.test(p) ||
    /^(archive|contents|search-disk|pagefind)\//.test(p) ||
    p === 'date/2023-01-05/index.html' ||
    p === `date/${dayBefore()}/index.html` ||
    /^(topics|reporters|names)\/index\.html$/.test(p) ||
    /^(topics|reporters|names\/[a-z]+)\/[^/]+\/(index\.html|feed\.xml|\d+\/index\.html)$/.test(p);

  it('names in its log what it rendered', () => {
    expect(renderedPages).toContain('index.html');
    expect(renderedPages.some((p) => p.includes(day))).toBe(true);
  });

  it("renders no page or download of another issue but its paper's previous issue page", () => {
    const others = renderedPages.filter((p) => /^[a-z-]+\/\d{4}\/\d{2}\/\d{2}\//.test(p) && !p.includes(day));
    // the evening paper's issue before 2023-01-05 gains a 下一期 link; the days of the 往期 date
    // picker are in days.js, and related articles look back only (src/lib/people/related.ts), so
    // no 版 page, article page or download of an older day is rendered again
    expect(others.filter((p) => !previousIssue(p))).toEqual([]);
    expect(others.length).toBeLessThanOrEqual(1);
  });

  it('changes the bytes of only the files a new day must change', () => {
    const was = hashes(before.dist);
    const now = hashes(added.dist);
    // a compressed sibling changes with its file; a download that is gzip itself (data/<year>.jsonl.gz) counts
    const sibling = (p: string) => /\.(br|gz)$/.test(p) && p.slice(0, -3) in now;
    const changed = Object.keys(now).filter((p) => was[p] !== now[p] && !sibling(p));
    expect(changed.filter((p) => !mayChange(p))).toEqual([]);
    // the test sees old pages kept: list pages, and the other days' pages and downloads
    const kept = Object.keys(was).filter((p) => was[p] === now[p]);
    expect(
      kept.filter((p) => /^(topics|reporters|names)\/.+\/\d+\/index\.html$/.test(p)).length,
    ).toBeGreaterThan(0);
    expect(kept.filter((p) => /\/a\d{3,}\/(index\.html|article\.md)$/.test(p)).length).toBeGreaterThanOrEqual(
      2 * 38,
    );
  });

  it('renders again no page that has a key but did not change (keys are not too broad)', () => {
    const was = hashes(before.dist);
    const now = hashes(added.dist);
    const idle = renderedPages.filter((p) => was[p] === now[p] && !KEYLESS.test(p));
    expect(idle).toEqual([]);
  });

  it('serves days.js, which every page loads under a fixed name, with the short lifetime of the pages', () => {
    const headers = readFileSync(join(added.dist, '_headers'), 'utf8');
    expect(headers).toMatch(/\/days\.js\n {2}Cache-Control: public, max-age=600\n/);
  });

  it('renders only the first page of a topic, reporter or name list, and the pages the rule moves', () => {
    const numbered = (p: string) => /^(topics|reporters|names\/[a-z]+)\/[^/]+\/(\d+)\/index\.html$/.exec(p);
    // older pages there were to keep: the test can see a list page restored
    const older = Object.keys(hashes(before.dist)).filter((p) => numbered(p));
    expect(older.length).toBeGreaterThan(0);
    for (const p of renderedPages.filter((p) => numbered(p))) {
      const [, kind, , n] = /^(topics|reporters|names\/[a-z]+)\/([^/]+)\/(\d+)\//.exec(p)!;
      const list = p.slice(0, p.indexOf(`/${n}/`));
      // a page set aside by this build, or the one before it (its 较新 link moves off the head)
      const next = `${list}/${Number(n) + 1}/index.html`;
      expect(!existed(p) || (!existed(next) && renderedPages.includes(next)), `${kind}: ${p}`).toBe(true);
    }
    const kept = older.filter((p) => !renderedPages.includes(p));
    expect(kept.length).toBeGreaterThan(0);
  });
});

/**
 * Routes without a cacheKey (a page with no getStaticPaths, or files made whole every build): Astro
 * renders them every time, whatever changed.
 */
const KEYLESS =
  /^(404\.html|about\/.*|cards\.json|data\/index\.html|facsimile\.json|reader\.[0-9a-f]+\.js|search\/.*|site\.[0-9a-f]+\.css)$/;

/**
 * The pages a build's log names as rendered (not restored from the cache), as paths in dist/: a path
 * line with its time, or on its own when pages render at once (baokan-kept-log leaves the times out).
 */
function rendered(log: string): string[] {
  return log
    .split('\n')
    .map((l) => /[├└]─ \/(\S+)(?: \(\+[\d.]+m?s\))?\s*$/.exec(l)?.[1])
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/\/$/, '')); // a file route (article.md) is logged with a trailing slash
}
