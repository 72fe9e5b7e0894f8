import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderTimes } from './folder-times.ts';
import {
  filesBelow,
  folderRecordText,
  parseFolderRecord,
  shareFolderTimes,
  takeFolderRecord,
  useFolderRecord,
} from './files-below.ts';

const roots: string[] = [];
afterEach(() => {
  useFolderRecord(null);
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A site of `n` folders (f0 … f<n-1>, one file each), its folders' times an hour back. */
function site(n: number): { root: string; dirs: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'baokan-times-'));
  roots.push(root);
  const dirs: string[] = [];
  for (let k = 0; k < n; k++) {
    const dir = join(root, `f${k}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), `${k}`);
    dirs.push(dir);
  }
  return { root, dirs };
}

describe('folderTimes', () => {
  it("takes every folder's time on its thread, passing over those the caller claimed first", async () => {
    const { dirs } = site(300);
    const gone = join(dirs[0]!, '..', 'gone');
    const times = folderTimes([...dirs, gone]);
    // claimed before the thread has started: the caller takes these itself
    const own = [0, 1, 2].map((k) => times.take(k));
    expect(own.every(Number.isNaN)).toBe(true);
    expect(await times.done).toBe(298);
    for (let k = 3; k < 300; k++) expect(times.take(k)).toBe(statSync(dirs[k]!).mtimeMs);
    // still the caller's; a folder that is not there has no time
    expect(Number.isNaN(times.take(1))).toBe(true);
    expect(Number.isNaN(times.take(300))).toBe(true);
    expect(await times.stop()).toBe(298);
  });
});

describe('walks sharing the folder times with a helper thread', () => {
  it('find what a walk alone finds, a folder changed since the record read again', async () => {
    const { root, dirs } = site(2100);
    // the folders' times an hour back, so that the record vouches for them
    const past = new Date(Date.now() - 3_600_000);
    for (const dir of [root, ...dirs]) utimesSync(dir, past, past);
    useFolderRecord(null);
    await filesBelow(root);
    const real = parseFolderRecord(folderRecordText(takeFolderRecord().record))!;
    expect(real.size).toBe(2101);
    writeFileSync(join(dirs[5]!, 'new.html'), 'added');
    writeFileSync(join(dirs[2000]!, 'new.html'), 'added');

    useFolderRecord(real);
    const alone = await filesBelow(root);
    const aloneCounts = takeFolderRecord();

    // racing the helper, and once it has taken every folder's time
    useFolderRecord(real);
    const racing = shareFolderTimes();
    const raced = await filesBelow(root);
    await racing.stop();
    const racedCounts = takeFolderRecord();
    useFolderRecord(real);
    const waited = shareFolderTimes();
    expect(await waited.done).toBe(2101);
    const shared = await filesBelow(root);
    const helped = await waited.stop();
    const sharedCounts = takeFolderRecord();

    expect(raced).toEqual(alone);
    expect({ read: racedCounts.read, kept: racedCounts.kept }).toEqual({
      read: aloneCounts.read,
      kept: aloneCounts.kept,
    });
    expect(shared).toEqual(alone);
    expect(shared).toContain(join(dirs[5]!, 'new.html'));
    expect(shared).toContain(join(dirs[2000]!, 'new.html'));
    expect({ read: sharedCounts.read, kept: sharedCounts.kept }).toEqual({
      read: aloneCounts.read,
      kept: aloneCounts.kept,
    });
    expect(aloneCounts.read).toBe(2);
    expect(helped).toBe(2101);
  });

  it('has no helper without a record read from its text, or for a small one', async () => {
    const { root } = site(10);
    useFolderRecord(null);
    await filesBelow(root);
    expect(await shareFolderTimes().stop()).toBe(0);
    useFolderRecord(parseFolderRecord(folderRecordText(takeFolderRecord().record)));
    expect(await shareFolderTimes().stop()).toBe(0);
  });
});
