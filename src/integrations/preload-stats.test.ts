import fs, { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { existsFromLookups, preloadStats } from './preload-stats.ts';

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
    expect(done).toMatchObject({ found: 2, missing: 1, absent: ['paper/2024/02/01/index.html'] });
    expect(done!.ms).toBeGreaterThanOrEqual(0);
  });

  it('answers at once for no paths, and counts a missing folder as missing, not an error', async () => {
    expect(await preloadStats('/nonexistent-baokan-folder', [])).toEqual({
      found: 0,
      missing: 0,
      absent: [],
      ms: 0,
    });
    expect(await preloadStats('/nonexistent-baokan-folder', ['a/index.html'])).toMatchObject({
      found: 0,
      missing: 1,
    });
  });

  it('answers existsSync for the files it found from memory until told to stop, and asks the kernel for the rest', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'baokan-preload-'));
    folders.push(folder);
    mkdirSync(join(folder, 'a'), { recursive: true });
    for (const p of ['a/index.html', 'b.html', 'c.html']) writeFileSync(join(folder, p), 'x');
    const paths = ['a/index.html', 'b.html', 'missing.html'];
    const done = (await preloadStats(folder, paths))!;
    const url = (p: string) => pathToFileURL(join(folder, p));
    const stop = existsFromLookups(folder, paths, done.absent);
    // gone since the lookups: still answered as there, which is why this is for a folder the build
    // alone writes to, and only until the pages are generated
    rmSync(join(folder, 'b.html'));
    expect(fs.existsSync(url('a/index.html'))).toBe(true);
    expect(fs.existsSync(url('b.html'))).toBe(true);
    // not found by the lookups, not among the paths, or not a URL: the kernel's answer
    expect(fs.existsSync(url('missing.html'))).toBe(false);
    writeFileSync(join(folder, 'missing.html'), 'x');
    expect(fs.existsSync(url('missing.html'))).toBe(true);
    expect(fs.existsSync(url('c.html'))).toBe(true);
    rmSync(join(folder, 'c.html'));
    expect(fs.existsSync(url('c.html'))).toBe(false);
    expect(fs.existsSync(join(folder, 'b.html'))).toBe(false);
    expect(stop()).toBe(2);
    expect(fs.existsSync(url('b.html'))).toBe(false);
  });
});
