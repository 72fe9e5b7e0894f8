/**
 * A changed template re-renders every page that uses it: Astro's incremental build keeps a page
 * only when its cacheKey (src/data/page-keys.ts: the data it shows) AND the hash of its code match
 * the last build. Built on a copy of the project (the test edits the layout it builds), two seeds,
 * lists cut 2 a page so that every kind of list page exists.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, projectCopy, seeds, temp } from './harness.ts';

describe('a build on a kept cache after a template changed', () => {
  const project = projectCopy();
  const dir = temp('baokan-template-seeds-');
  // the last two seeds (004 has a correction in content/corrections.yaml, which needs its seed)
  const two = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(-2);
  for (const f of two) cpSync(join(seeds, f), join(dir, f));
  // every page listed in the log, those Astro copies from its cache too (src/integrations/kept-log.ts)
  const env = {
    BAOKAN_CACHE_DIR: temp('baokan-template-cache-'),
    BAOKAN_LIST_SIZE: '2',
    BAOKAN_LOG_PAGES: '1',
  };

  const first = build(dir, env, project);
  const again = build(dir, env, project);
  const layout = join(project, 'src/layouts/Base.astro');
  writeFileSync(
    layout,
    readFileSync(layout, 'utf8').replace('<html lang="zh-Hans">', '<html lang="zh-Hans" data-v="2">'),
  );
  const changed = build(dir, env, project);

  /** The HTML pages a build's log names as copied from Astro's cache. */
  const restored = (log: string) => log.split('\n').filter((l) => /[├└]─ \/\S+\.html \(restored\)/.test(l));
  const pages = (dist: string) =>
    (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));

  it('builds', () => {
    for (const b of [first, again, changed]) expect(b.status, b.log.slice(-2000)).toBe(0);
  });

  it('copies the pages of an unchanged build from the cache', () => {
    expect(restored(again.log).length).toBeGreaterThan(10);
  });

  it('renders every page again when the layout changed, and each shows the change', () => {
    expect(restored(changed.log)).toEqual([]);
    const html = pages(changed.dist);
    expect(html.length).toBeGreaterThan(10);
    const stale = html.filter((f) => !readFileSync(join(changed.dist, f), 'utf8').includes('data-v="2"'));
    expect(stale).toEqual([]);
  });
});
