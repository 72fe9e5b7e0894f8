import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskKeptRecords, loaderFingerprint, type KeptEntry } from './kept-records.ts';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'baokan-kept-records-'));
  made.push(d);
  return d;
};
const entry: KeptEntry = {
  issue: { id: 'p-2020-01-01', data: { pages: ['p-2020-01-01-1'] } },
  pages: [{ id: 'p-2020-01-01-1', data: {} }],
  articles: [{ id: 'p-2020-01-01-a001', data: { title: '标题' } }],
  share: {
    parsed: 1,
    pages: 1,
    articles: 1,
    warnings: ['w'],
    published: { issue: 'p/2020/01/01/', pages: [{ path: 'p/2020/01/01/1/', articles: ['a001'] }] },
  },
  lost: [],
  log: ['a.txt:3: a warning'],
  namesKey: 'n',
};

describe('issues kept whole between builds', () => {
  it('keys an issue by the salt, its id and its parse keys', () => {
    const a = diskKeptRecords(temp(), 'salt');
    const k = a.key('i', ['k1', 'k2']);
    expect(a.key('i', ['k1', 'k2'])).toBe(k);
    expect(a.key('j', ['k1', 'k2'])).not.toBe(k);
    expect(a.key('i', ['k2', 'k1'])).not.toBe(k);
    expect(a.key('i', ['k1'])).not.toBe(k);
    expect(diskKeptRecords(temp(), 'other').key('i', ['k1', 'k2'])).not.toBe(k);
  });

  it('gives back what was kept, and prunes what no build asked for', () => {
    const dir = temp();
    const first = diskKeptRecords(dir, 's');
    first.put(first.key('a', ['1']), entry);
    first.put(first.key('b', ['2']), { ...entry, namesKey: 'm' });
    const second = diskKeptRecords(dir, 's');
    expect(second.get(second.key('a', ['1']))).toEqual(entry);
    expect(second.get(second.key('c', ['3']))).toBeUndefined();
    expect(second.counts()).toEqual({ kept: 1, made: 0 });
    expect(second.prune()).toBe(1);
    expect(diskKeptRecords(dir, 's').get(second.key('b', ['2']))).toBeUndefined();
  });

  it("fingerprints the loaders' code, not their tests", () => {
    const dir = temp();
    writeFileSync(join(dir, 'a.ts'), 'export const a = 1;');
    const f = loaderFingerprint(dir);
    writeFileSync(join(dir, 'a.test.ts'), 'test');
    expect(loaderFingerprint(dir)).toBe(f);
    writeFileSync(join(dir, 'a.ts'), 'export const a = 2;');
    expect(loaderFingerprint(dir)).not.toBe(f);
  });
});
