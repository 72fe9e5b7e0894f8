import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskKeptRecords, headOf, loaderFingerprint, type KeptEntry } from './kept-records.ts';

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
    // the digest of salt, id and keys, as kept caches were made (the salt's state is copied, not hashed again)
    expect(k).toBe(createHash('sha256').update('salt\0i\0k1\0k2').digest('hex').slice(0, 40));
  });

  // a digest that depends on the whole record, as Astro's does
  const digestOf = (data: unknown) => JSON.stringify(data).length.toString(16);

  it('gives back what was kept, and prunes what no build asked for', () => {
    const dir = temp();
    const first = diskKeptRecords(dir, 's');
    first.put(first.key('a', ['1']), entry, headOf(entry, digestOf));
    const other = { ...entry, namesKey: 'm' };
    first.put(first.key('b', ['2']), other, headOf(other, digestOf));
    const second = diskKeptRecords(dir, 's');
    expect(second.head(second.key('a', ['1']))).toEqual(headOf(entry, digestOf));
    expect(second.get(second.key('a', ['1']))).toEqual(entry);
    expect(second.head(second.key('c', ['3']))).toBeUndefined();
    expect(second.counts()).toEqual({ kept: 1, made: 0 });
    expect(second.prune()).toBe(1);
    const third = diskKeptRecords(dir, 's');
    expect(third.get(second.key('b', ['2']))).toBeUndefined();
    expect(third.head(second.key('b', ['2']))).toBeUndefined();
    expect(third.head(second.key('a', ['1']))).toBeDefined(); // the head outlived the prune too
  });

  it("a head holds each record's id and digest and the issue's files, not the records' data", () => {
    const withSources = {
      ...entry,
      issue: {
        ...entry.issue,
        data: { ...entry.issue.data, sources: [{ file: 'a.txt' }, { file: 'b.txt' }] },
      },
    };
    const head = headOf(withSources, digestOf);
    expect(head.stored).toEqual({
      issues: [['p-2020-01-01', digestOf(withSources.issue.data)]],
      pages: [['p-2020-01-01-1', digestOf({})]],
      articles: [['p-2020-01-01-a001', digestOf({ title: '标题' })]],
    });
    expect(head.files).toEqual(['a.txt', 'b.txt']);
    expect(JSON.stringify(head)).not.toContain('标题');
    expect(head).toMatchObject({ share: entry.share, lost: [], log: entry.log, namesKey: 'n' });
  });

  it('has no head for an entry whose records are gone (the issue is made again)', () => {
    const dir = temp();
    const kept = diskKeptRecords(dir, 's');
    const key = kept.key('a', ['1']);
    kept.put(key, entry, headOf(entry, digestOf));
    rmSync(join(dir, key.slice(0, 2), `${key}.json`));
    expect(diskKeptRecords(dir, 's').head(key)).toBeUndefined();
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
