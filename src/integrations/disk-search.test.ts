import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { diskFiles, type DiskRecord } from '../lib/search/disk.ts';
import { planShards, SHARDS_FILE } from '../lib/search/shards.ts';
import { PLACED, writeDiskSearch } from './disk-search.ts';

/** A kept copy spoiled: its size kept, its bytes not (only a record can vouch for the file in place). */
const spoil = (file: string) => writeFileSync(file, 'x'.repeat(statSync(file).size));

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function record(url: string, date: string, title: string): DiskRecord {
  return {
    url,
    content: `${title}. 正文${url}。`,
    meta: { title, paper: '衡阳日报', page: '第一版', date },
    filters: {
      报纸: ['衡阳日报'],
      年份: [`${date.slice(0, 4)}年`],
      月份: [`${date.slice(0, 4)}年${date.slice(5, 7)}月`],
    },
  };
}

/** Pagefind bundles of one article a shard; a fragment's name stands for its content, as Pagefind's do. */
function bundles(
  records: DiskRecord[],
  name: (i: number) => string,
): { root: string; shards: ReturnType<typeof planShards> } {
  const root = join(mkdtempSync(join(tmpdir(), 'baokan-disk-cache-')), 'pagefind');
  made.push(join(root, '..'));
  const shards = planShards(new Map(records.map((r) => [r.meta.date!.slice(0, 7), 1])), 1);
  shards.forEach((s) => {
    const i = records.findIndex((r) => r.meta.date!.startsWith(s.from!));
    const r = records[i]!;
    mkdirSync(join(root, s.id, 'fragment'), { recursive: true });
    writeFileSync(
      join(root, s.id, 'fragment', name(i)),
      gzipSync(Buffer.from('pagefind_dcd' + JSON.stringify({ ...r, url: `/${r.url}index.html` }))),
    );
  });
  writeFileSync(join(root, SHARDS_FILE), JSON.stringify({ schema: 'baokan/search-shards@1', shards }));
  return { root, shards };
}

describe('search-disk/ on a kept cache', () => {
  const records = [
    record('p/2023/01/05/1/a001/', '2023-01-05', '甲'),
    record('p/2021/03/06/1/a001/', '2021-03-06', '乙'),
  ];

  it('writes the same files from kept shards, and reads a shard again when its fragments change', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'baokan-disk-kept-'));
    made.push(cache);
    const first = bundles(records, (i) => `zh_${i}.pf_fragment`);
    const out1 = join(first.root, '..', 'search-disk');
    expect((await writeDiskSearch(first.root, out1, cache)).kept).toBe(0);
    // a kept folder per shard, and the record of what the build left in place (a clean build's too)
    expect(readdirSync(cache).filter((f) => f !== PLACED)).toHaveLength(2);
    expect(existsSync(join(cache, PLACED))).toBe(true);
    for (const f of diskFiles(records, first.shards))
      expect(readFileSync(join(out1, f.path), 'utf8'), f.path).toBe(f.content);

    // the same bundles again: both shards from the cache, the same files
    const again = bundles(records, (i) => `zh_${i}.pf_fragment`);
    const out2 = join(again.root, '..', 'search-disk');
    expect((await writeDiskSearch(again.root, out2, cache)).kept).toBe(2);
    for (const f of readdirSync(out1))
      expect(readFileSync(join(out2, f), 'utf8')).toBe(readFileSync(join(out1, f), 'utf8'));

    // the 2023 article changed (its fragment has another name): that shard is read again, the old entry goes
    const changed = [record('p/2023/01/05/1/a001/', '2023-01-05', '丙'), records[1]!];
    const third = bundles(changed, (i) => (i === 0 ? 'zh_changed.pf_fragment' : `zh_${i}.pf_fragment`));
    const out3 = join(third.root, '..', 'search-disk');
    expect((await writeDiskSearch(third.root, out3, cache)).kept).toBe(1);
    for (const f of diskFiles(changed, third.shards))
      expect(readFileSync(join(out3, f.path), 'utf8'), f.path).toBe(f.content);
    expect(readdirSync(cache).filter((f) => f !== PLACED)).toHaveLength(2);
  });

  it('in a kept folder, leaves the month files that are the same where they are', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'baokan-disk-kept-'));
    made.push(cache);
    const first = bundles(records, (i) => `zh_${i}.pf_fragment`);
    const out = join(first.root, '..', 'search-disk');
    await writeDiskSearch(first.root, out, cache);
    const before = new Map(readdirSync(out).map((f) => [f, statSync(join(out, f)).mtimeMs]));
    writeFileSync(join(out, 'stale.js'), 'left for the sweep');

    // the 2023 article changed: its month is written again, the 2021 month stays, nothing is emptied
    const changed = [record('p/2023/01/05/1/a001/', '2023-01-05', '丙'), records[1]!];
    const again = bundles(changed, (i) => (i === 0 ? 'zh_changed.pf_fragment' : `zh_${i}.pf_fragment`));
    const told: string[] = [];
    const got = await writeDiskSearch(again.root, out, cache, { inPlace: (p) => told.push(...p) });
    expect(got).toMatchObject({ kept: 1, inPlace: 1 });
    expect(told).toEqual(['2021-03.js']);
    expect(statSync(join(out, '2021-03.js')).mtimeMs).toBe(before.get('2021-03.js'));
    expect(existsSync(join(out, 'stale.js'))).toBe(true);
    for (const f of diskFiles(changed, again.shards))
      expect(readFileSync(join(out, f.path), 'utf8'), f.path).toBe(f.content);

    // a month file changed by hand is written again
    writeFileSync(join(out, '2021-03.js'), 'edited');
    const third = bundles(changed, (i) => (i === 0 ? 'zh_changed.pf_fragment' : `zh_${i}.pf_fragment`));
    const told3: string[] = [];
    await writeDiskSearch(third.root, out, cache, { inPlace: (p) => told3.push(...p) });
    expect(told3).toEqual(['2023-01.js']);
    for (const f of diskFiles(changed, third.shards))
      expect(readFileSync(join(out, f.path), 'utf8'), f.path).toBe(f.content);
  });

  it('passes over a month file left as the last build recorded it, with a stat, not a read', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'baokan-disk-kept-'));
    made.push(cache);
    const first = bundles(records, (i) => `zh_${i}.pf_fragment`);
    const out = join(first.root, '..', 'search-disk');
    await writeDiskSearch(first.root, out, cache);
    // written a while ago: settled, so the next build records them
    const old = new Date('2024-01-01T00:00:00Z');
    for (const f of readdirSync(out)) utimesSync(join(out, f), old, old);
    const told: string[] = [];
    await writeDiskSearch(first.root, out, cache, { inPlace: (p) => told.push(...p) });
    expect(told.sort()).toEqual(['2021-03.js', '2023-01.js']);

    // the kept copy of 2021-03 now differs, the file in place does not: the record vouches for it unread
    const [key] = readdirSync(cache).filter((k) => existsSync(join(cache, k, '2021-03.js')));
    spoil(join(cache, key!, '2021-03.js'));
    // 2023-01 edited by hand since (its time changed): compared with its kept copy and written again
    writeFileSync(join(out, '2023-01.js'), 'edited');
    const told2: string[] = [];
    await writeDiskSearch(first.root, out, cache, { inPlace: (p) => told2.push(...p) });
    expect(told2).toEqual(['2021-03.js']);
    expect(readFileSync(join(out, '2023-01.js'), 'utf8')).not.toBe('edited');
  });

  it('records what a clean build (not in place) wrote, so the first kept build after it needs no read', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'baokan-disk-clean-'));
    made.push(cache);
    const first = bundles(records, (i) => `zh_${i}.pf_fragment`);
    const out = join(first.root, '..', 'search-disk');
    // the clean build ends a few seconds after it wrote the files: they are settled
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 5000);
    try {
      await writeDiskSearch(first.root, out, cache);
    } finally {
      vi.useRealTimers();
    }
    // the kept copies no longer match the files in place: only the record can vouch for them
    for (const key of readdirSync(cache))
      for (const f of ['2021-03.js', '2023-01.js'])
        if (existsSync(join(cache, key, f))) spoil(join(cache, key, f));
    const told: string[] = [];
    await writeDiskSearch(first.root, out, cache, { inPlace: (p) => told.push(...p) });
    expect(told.sort()).toEqual(['2021-03.js', '2023-01.js']);
  });

  it('still fails when a kept shard has lost a fragment', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'baokan-disk-kept-'));
    made.push(cache);
    const b = bundles(records, (i) => `zh_${i}.pf_fragment`);
    await writeDiskSearch(b.root, join(b.root, '..', 'search-disk'), cache);
    rmSync(join(b.root, b.shards[1]!.id, 'fragment', 'zh_1.pf_fragment'));
    await expect(writeDiskSearch(b.root, join(b.root, '..', 'search-disk'), cache)).rejects.toThrow(
      /0 fragments, the shard 1 articles/,
    );
  });
});
