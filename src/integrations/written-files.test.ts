import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import nodeFs from 'node:fs';
import fsp, { writeFile as importedWriteFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { watchWrittenFiles } from './written-files.ts';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'written-'));
  dirs.push(d);
  return d;
};
const unwatch: (() => void)[] = [];
afterEach(() => {
  for (const u of unwatch.splice(0)) u();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the files written below a folder', () => {
  it('names each file Astro’s way of writing writes below the folder, once it is whole', async () => {
    const site = temp();
    const other = temp();
    mkdirSync(join(site, 'a/b'), { recursive: true });
    const told: [string, string][] = [];
    unwatch.push(watchWrittenFiles(site, (p) => told.push([p, readFileSync(join(site, p), 'utf8')])));
    // as astro/dist/core/build/generate.js writes a page: nodeFs.promises.writeFile(URL, body)
    const pages = Array.from({ length: 8 }, (_, k) => `a/b/p${k}.html`);
    await Promise.all(
      pages.map((p, k) => nodeFs.promises.writeFile(pathToFileURL(join(site, p)), `page ${k}`.repeat(1000))),
    );
    await fsp.writeFile(join(site, 'index.html'), 'home');
    await fsp.writeFile(join(other, 'elsewhere.html'), 'not below the folder');
    await expect(fsp.writeFile(join(site, 'no/such/folder.html'), 'x')).rejects.toThrow(/ENOENT/);
    expect(told.map(([p]) => p).sort()).toEqual([...pages, 'index.html'].sort());
    // each was whole when it was named
    for (const [p, text] of told) expect(text).toBe(readFileSync(join(site, p), 'utf8'));
    expect(told.find(([p]) => p === 'a/b/p3.html')?.[1]).toBe('page 3'.repeat(1000));
  });

  it('passes every call through, and stops naming files when the watch ends', async () => {
    const site = temp();
    const before = fsp.writeFile;
    const told: string[] = [];
    const stop = watchWrittenFiles(site, (p) => told.push(p));
    expect(fsp.writeFile).not.toBe(before);
    await fsp.writeFile(join(site, 'one.txt'), new Uint8Array([104, 105]), { flag: 'w' });
    expect(readFileSync(join(site, 'one.txt'), 'utf8')).toBe('hi');
    stop();
    expect(fsp.writeFile).toBe(before);
    expect(importedWriteFile).toBe(before);
    await fsp.writeFile(join(site, 'two.txt'), 'after');
    expect(told).toEqual(['one.txt']);
  });

  it('tells each of two watches of its own folder’s files, with the data written, and puts the original back when both end', async () => {
    const site = temp();
    mkdirSync(join(site, 'sub'));
    const before = fsp.writeFile;
    const whole: [string, string][] = [];
    const sub: string[] = [];
    const stopWhole = watchWrittenFiles(site, (p, data) =>
      whole.push([p, Buffer.from(data as Buffer).toString()]),
    );
    const stopSub = watchWrittenFiles(join(site, 'sub'), (p) => sub.push(p));
    await fsp.writeFile(join(site, 'x.txt'), Buffer.from('ex'));
    await fsp.writeFile(join(site, 'sub/y.txt'), Buffer.from('why'));
    expect(whole).toEqual([
      ['x.txt', 'ex'],
      ['sub/y.txt', 'why'],
    ]);
    expect(sub).toEqual(['y.txt']);
    stopWhole();
    expect(fsp.writeFile).not.toBe(before);
    await fsp.writeFile(join(site, 'sub/z.txt'), 'zed');
    expect([whole.length, sub]).toEqual([2, ['y.txt', 'z.txt']]);
    stopSub();
    expect(fsp.writeFile).toBe(before);
  });
});
