import { mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesDigest } from './parse-cache.ts';
import { RACY_MS, seedDigests } from './seed-digests.ts';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** A seed folder with one file and the record's path. */
function folder() {
  dir = mkdtempSync(join(tmpdir(), 'seed-digests-'));
  const seed = { path: join(dir, 'a.txt'), name: 'a.txt' };
  write(seed.path, '衡阳日报 2021年3月6日');
  return { seed, record: join(dir, 'record.json') };
}

/** A fixed modification time (2020-09-13): a rewrite to the same length looks the same but for its change time. */
const MTIME = 1_600_000_000;

/**
 * Write `text` with the fixed modification time; the change time is now, a little after the last
 * write's (file times advance with the kernel's clock tick, a few milliseconds).
 */
function write(path: string, text: string) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
  writeFileSync(path, text);
  utimesSync(path, MTIME, MTIME);
}

/** The build after this one: a clock far enough on that nothing just written is racy. */
const later = () => Date.now() + 10 * RACY_MS;

describe('seedDigests', () => {
  it('reads a file once; a later build takes its digest from the record', () => {
    const { seed, record } = folder();
    const first = seedDigests(record, later);
    expect(first.digest(seed)).toBe(bytesDigest(new TextEncoder().encode('衡阳日报 2021年3月6日')));
    expect(first.counts()).toEqual({ read: 1, kept: 0 });
    first.save();
    const second = seedDigests(record, later);
    expect(second.digest(seed)).toBe(first.digest(seed));
    expect(second.counts()).toEqual({ read: 0, kept: 1 });
  });

  it('reads a file again when it changed, even to the same size and time', () => {
    const { seed, record } = folder();
    const first = seedDigests(record, later);
    const old = first.digest(seed);
    first.save();
    // same length, same modification time: the change time gives it away
    write(seed.path, '衡阳晚报 2021年3月6日');
    const second = seedDigests(record, later);
    const now = second.digest(seed);
    expect(now).not.toBe(old);
    expect(now).toBe(bytesDigest(new TextEncoder().encode('衡阳晚报 2021年3月6日')));
    expect(second.counts()).toEqual({ read: 1, kept: 0 });
  });

  it('reads a file replaced by another (a new inode)', () => {
    const { seed, record } = folder();
    const first = seedDigests(record, later);
    first.digest(seed);
    first.save();
    write(join(dir, 'b.txt'), '衡阳晚报 2021年3月7日');
    renameSync(join(dir, 'b.txt'), seed.path);
    const second = seedDigests(record, later);
    expect(second.digest(seed)).toBe(bytesDigest(new TextEncoder().encode('衡阳晚报 2021年3月7日')));
    expect(second.counts().read).toBe(1);
  });

  it('does not record a file changed just before it was read', () => {
    const { seed, record } = folder();
    const first = seedDigests(record); // the real clock: the file changed (its change time) just now
    first.digest(seed);
    first.save();
    const second = seedDigests(record, later);
    second.digest(seed);
    expect(second.counts()).toEqual({ read: 1, kept: 0 });
  });

  it('throws the one-line error of a file it cannot read, and reads every file without a record', () => {
    const { seed, record } = folder();
    writeFileSync(record, '{ not json');
    const d = seedDigests(record, later);
    expect(() => d.digest({ path: join(dir, 'gone.txt'), name: 'gone.txt' })).toThrow(/gone\.txt/);
    d.digest(seed);
    expect(d.counts()).toEqual({ read: 1, kept: 0 });
  });
});
