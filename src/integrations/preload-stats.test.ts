import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { preloadStats } from './preload-stats.ts';

describe('preloadStats', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
  });

  it('looks up each path below the folder on its own thread and counts those there', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'baokan-preload-'));
    folders.push(folder);
    mkdirSync(join(folder, 'paper/2024/01/31'), { recursive: true });
    writeFileSync(join(folder, 'paper/2024/01/31/index.html'), '<p>x</p>');
    writeFileSync(join(folder, 'days.js'), '[]');
    const done = await preloadStats(folder, [
      'paper/2024/01/31/index.html',
      'days.js',
      'paper/2024/02/01/index.html',
    ]);
    expect(done).toMatchObject({ found: 2, missing: 1 });
    expect(done!.ms).toBeGreaterThanOrEqual(0);
  });

  it('answers at once for no paths, and counts a missing folder as missing, not an error', async () => {
    expect(await preloadStats('/nonexistent-baokan-folder', [])).toEqual({ found: 0, missing: 0, ms: 0 });
    expect(await preloadStats('/nonexistent-baokan-folder', ['a/index.html'])).toMatchObject({
      found: 0,
      missing: 1,
    });
  });
});
