/**
 * A daily build's search starts early (src/integrations/pagefind-early.ts): on a kept output folder
 * the last build's newest shard is indexed on a thread of its own while the pages render, and the
 * shard that gains the new issue takes that index. Shards of up to 100 articles here, so that the
 * seeds' 43 articles are one shard and the newest issue (衡阳晚报 2023-01-05, whose URLs sort after
 * every other page's) joins it. Its 5 pages are guessed once the pages have rendered (guessedRest:
 * the pages this build wrote), and the bundle built then is taken. The search written must be a
 * clean build's, byte for byte.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, hashes, projectCopy, seeds, temp } from './harness.ts';

describe('the early search index of a daily build', () => {
  const newest = '003_535e0761a6686cfc.txt';
  const dir = temp('baokan-early-seeds-');
  for (const f of readdirSync(seeds))
    if (f.endsWith('.txt') && f !== newest) cpSync(join(seeds, f), join(dir, f));
  const project = projectCopy();
  const env = { BAOKAN_CACHE_DIR: temp('baokan-early-cache-'), BAOKAN_SEARCH_SHARD: '100' };
  mkdirSync(join(project, '.cache'), { recursive: true });
  const kept = join(mkdtempSync(join(project, '.cache', 'kept-')), 'dist');
  const before = build(dir, env, project, kept);
  cpSync(join(seeds, newest), join(dir, newest));
  const added = build(dir, env, project, kept);
  const addedSearch = hashes(join(kept, 'pagefind'));
  const clean = build(dir, { BAOKAN_SEARCH_SHARD: '100' }, project);

  it('builds', () => {
    for (const b of [before, added, clean]) expect(b.status, b.log.slice(-2000)).toBe(0);
  });

  it("indexes the last build's newest shard while the pages render, and the day's shard takes it, as guessed", () => {
    expect(before.log).not.toMatch(/early index|added while the site rendered/);
    expect(added.log).toMatch(
      /shard 1\/1 2020-11_2023-01 .*: 43 pages indexed in [\d.]+ s \(38 of them added while the site rendered, the rest once it had, as guessed then\)/,
    );
  });

  it("writes a clean build's search, byte for byte", () => {
    expect(addedSearch).toEqual(hashes(join(clean.dist, 'pagefind')));
  });
});
