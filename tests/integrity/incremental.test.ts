/**
 * Daily builds reuse the build cache (kept parses, search shards, share cards, compressed files,
 * and the pages Astro's incremental build keeps): what they publish must be what a clean build of
 * the same seeds publishes, byte for byte — with an issue added, and with an issue removed.
 */
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
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
  const env = { BAOKAN_CACHE_DIR: cache };

  const before = build(dir, env);
  cpSync(join(seeds, newest), join(dir, newest));
  const added = build(dir, env);
  const clean = build(dir);
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
});
