/**
 * Daily builds reuse the build cache (kept parses, search shards, share cards, compressed files,
 * and the pages Astro's incremental build keeps): what they publish must be what a clean build of
 * the same seeds publishes, byte for byte — with an issue added, and with an issue removed. Lists
 * are cut 2 items a page here (BAOKAN_LIST_SIZE) so that topics and reporters have older pages,
 * and adding the newest issue must render none of them but the ones the rule names
 * (src/lib/site/listing.ts chunksFromOldest), and no page of the other issues but its neighbour.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, hashes, root, seeds, temp } from './harness.ts';

describe('a build on a kept cache', () => {
  const all = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
  const newest = '003_535e0761a6686cfc.txt'; // 衡阳晚报 2023-01-05, the newest issue
  const dir = temp('baokan-incremental-seeds-');
  for (const f of all) if (f !== newest) cpSync(join(seeds, f), join(dir, f));
  mkdirSync(join(root, '.cache'), { recursive: true });
  const cache = temp('baokan-incremental-cache-');
  const lists = { BAOKAN_LIST_SIZE: '2' };
  const env = { BAOKAN_CACHE_DIR: cache, ...lists };

  const before = build(dir, env);
  cpSync(join(seeds, newest), join(dir, newest));
  const added = build(dir, env);
  const clean = build(dir, lists);
  rmSync(join(dir, newest));
  const removed = build(dir, env);

  it('builds', () => {
    for (const b of [before, added, clean, removed]) expect(b.status, b.log.slice(-2000)).toBe(0);
  });

  it("parses only the new file and renders none of the other issues' article pages", () => {
    expect(added.log).toMatch(/\(1 file\(s\) parsed, 4 unchanged since a kept build\)/);
    expect(removed.log).toMatch(/\(0 file\(s\) parsed, 4 unchanged since a kept build\)/);
    // Astro logs a page copied from its cache as "(restored)": the 38 articles of the four issues
    // already built (and their article.md) at least.
    const restored = (log: string) => log.split('\n').filter((l) => l.includes('(restored)')).length;
    expect(restored(before.log)).toBe(0);
    expect(restored(added.log)).toBeGreaterThanOrEqual(2 * 38);
    expect(restored(removed.log)).toBeGreaterThanOrEqual(2 * 38);
  });

  it('publishes with an issue added what a clean build publishes', () => {
    expect(hashes(added.dist)).toEqual(hashes(clean.dist));
  });

  it('publishes with the issue removed again what it published before it came', () => {
    const after = hashes(removed.dist);
    expect(Object.keys(after).some((f) => f.includes('2023/01/05'))).toBe(false);
    expect(after).toEqual(hashes(before.dist));
  });

  // what the build that added the newest issue rendered rather than copied from the cache
  const renderedPages = rendered(added.log);
  const day = '2023/01/05/';
  const existed = (p: string) => existsSync(join(before.dist, p));

  it('names in its log what it rendered', () => {
    expect(renderedPages).toContain('index.html');
    expect(renderedPages.some((p) => p.includes(day))).toBe(true);
  });

  it("renders no 版 page of another issue, no issue page but its paper's previous one, and an old article page only when it changed", () => {
    const others = renderedPages.filter(
      (p) => /^[a-z-]+\/\d{4}\/\d{2}\/\d{2}\/(.*\/)?index\.html$/.test(p) && !p.includes(day),
    );
    const issuePages = others.filter((p) => /^[a-z-]+\/\d{4}\/\d{2}\/\d{2}\/index\.html$/.test(p));
    const pagePages = others.filter((p) => /^[a-z-]+\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(p));
    const articlePages = others.filter((p) => /\/a\d{3,}\/index\.html$/.test(p));
    // the days of the 往期 date picker are in days.js, not in the pages: the 版 pages stay
    expect(pagePages).toEqual([]);
    // the evening paper's issue before 2023-01-05 gains a 下一期 link
    expect(issuePages.length).toBeLessThanOrEqual(1);
    // an article page is rendered again only when what it shows changed (its 相关文章, say)
    const was = hashes(before.dist);
    const now = hashes(added.dist);
    const unchanged = articlePages.filter((p) => was[p] === now[p]);
    expect(unchanged).toEqual([]);
  });

  it('renders only the first page of a topic or reporter list, and the pages the rule moves', () => {
    const numbered = (p: string) => /^(topics|reporters)\/[^/]+\/(\d+)\/index\.html$/.exec(p);
    // older pages there were to keep: the test can see a list page restored
    const older = Object.keys(hashes(before.dist)).filter((p) => numbered(p));
    expect(older.length).toBeGreaterThan(0);
    for (const p of renderedPages.filter((p) => numbered(p))) {
      const [, kind, , n] = /^(topics|reporters)\/([^/]+)\/(\d+)\//.exec(p)!;
      const list = p.slice(0, p.indexOf(`/${n}/`));
      // a page set aside by this build, or the one before it (its 较新 link moves off the head)
      const next = `${list}/${Number(n) + 1}/index.html`;
      expect(!existed(p) || (!existed(next) && renderedPages.includes(next)), `${kind}: ${p}`).toBe(true);
    }
    const kept = older.filter((p) => !renderedPages.includes(p));
    expect(kept.length).toBeGreaterThan(0);
  });
});

/** The pages a build's log names as rendered (not restored from the cache), as paths in dist/. */
function rendered(log: string): string[] {
  return log
    .split('\n')
    .map((l) => /[├└]─ \/(\S+) \(\+[\d.]+m?s\)/.exec(l)?.[1])
    .filter((p): p is string => !!p);
}
