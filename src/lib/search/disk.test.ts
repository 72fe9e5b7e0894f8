import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import {
  DISK_CALLBACK,
  DISK_MANIFEST,
  diskFiles,
  diskSearchEnabled,
  encodeMonth,
  fragmentRecord,
  manifestFile,
  monthFiles,
  recordMonth,
  type DiskManifest,
  type DiskRecord,
} from './disk.ts';
import { decodeMonth, type DiskMonth } from './disk-read.ts';
import { planShards, SHARDS_FILE } from './shards.ts';
import { readFragment, writeDiskSearch } from '../../integrations/disk-search.ts';

function record(url: string, date: string | null, over: Partial<DiskRecord> = {}): DiskRecord {
  const meta: Record<string, string> = { title: `标题${url}`, paper: '衡阳日报', page: '第一版' };
  const filters: Record<string, string[]> = { 报纸: ['衡阳日报'], 版面: ['第一版'], 体裁: ['消息'] };
  if (date) {
    meta.date = date;
    filters['年份'] = [`${date.slice(0, 4)}年`];
    filters['月份'] = [`${date.slice(0, 4)}年${date.slice(5, 7)}月`];
  }
  return { url, content: `${meta.title}. 正文${url}。`, meta, filters, ...over };
}

/** Run a file of search-disk/ as the browser would, returning what it hands the page. */
function run(content: string): unknown {
  const calls: unknown[] = [];
  runInNewContext(content, { [DISK_CALLBACK]: (d: unknown) => calls.push(d) });
  expect(calls).toHaveLength(1);
  return calls[0];
}

describe('fragmentRecord', () => {
  it('takes the text as Pagefind’s search code gives it, and the folder relative to the site', () => {
    const r = fragmentRecord({
      url: '/hengyang-daily/2021/12/09/1/a007/index.html',
      content: '李​克强​向​朔​尔​茨​致​贺​电​. ​>​>​>',
      meta: { title: '李克强向朔尔茨致贺电', date: '2021-12-09' },
      filters: { 专题: ['时政'] },
    });
    expect(r).toEqual({
      url: 'hengyang-daily/2021/12/09/1/a007/',
      content: '李克强向朔尔茨致贺电. >>>',
      meta: { title: '李克强向朔尔茨致贺电', date: '2021-12-09' },
      filters: { 专题: ['时政'] },
    });
    expect(recordMonth(r)).toBe('2021-12');
  });

  it('reads a fragment file as Pagefind writes it (gzip, signature, JSON)', () => {
    const f = { url: '/a/index.html', content: 'x', meta: { title: 't' }, filters: {} };
    expect(readFragment(gzipSync(Buffer.from('pagefind_dcd' + JSON.stringify(f))))).toEqual(f);
    expect(() => readFragment(gzipSync(Buffer.from('{}')))).toThrow(/signature/);
  });
});

describe('encodeMonth / decodeMonth', () => {
  it('reads back every field, with shared folders, filters and metadata stored once', () => {
    const a = record('p/2023/01/05/1/a002/', '2023-01-05', {
      meta: {
        title: '乙',
        kicker: '引题',
        subtitle: '副题',
        date: '2023-01-05',
        paper: '衡阳晚报',
        page: '第一版',
      },
      content: '引题. 乙. 副题. 正文里又说乙和副题。',
      filters: { 专题: ['交通', '城市建设'], 报纸: ['衡阳晚报'], 月份: ['2023年01月'] },
    });
    const b = record('p/2023/01/05/1/a001/', '2023-01-05');
    const data = encodeMonth('2023-01', [a, b]);
    expect(data.articles.map((r) => [r[0], r[1], r[2]])).toEqual([
      [0, 'p/2023/01/05/1/a001/', 5],
      [18, '2/', 5],
    ]);
    // the headline, kicker and subtitle are not stored twice
    expect(data.articles[1]![8]).toBe('\u0002. \u0001. \u0003. 正文里又说乙和副题。');
    expect(new Set(data.meta.map((m) => m.join())).size).toBe(data.meta.length);
    expect(data.meta.some(([k]) => k === 'title' || k === 'date')).toBe(false);
    const back = decodeMonth(JSON.parse(JSON.stringify(data)) as DiskMonth);
    expect(back).toEqual([b, a]);
  });

  it('keeps $ patterns in headings literal and an undated month without dates', () => {
    const r = record('p/undated/x/1/a001/', null, {
      meta: { title: '价格$&上涨', paper: 'P', page: '第一版' },
      content: '价格$&上涨. 正文。',
    });
    const back = decodeMonth(encodeMonth('undated', [r]));
    expect(back).toEqual([r]);
    expect(back[0]!.meta.date).toBeUndefined();
  });

  it('refuses an article outside its month, and a text with a placeholder character', () => {
    expect(() => encodeMonth('2023-02', [record('a/', '2023-01-05')])).toThrow(/not in the month/);
    expect(() => encodeMonth('2023-01', [record('a/', null)])).toThrow(/no date/);
    expect(() => encodeMonth('2023-01', [record('a/', '2023-01-05', { content: 'x\u0001' })])).toThrow(
      /control character/,
    );
  });
});

describe('diskFiles', () => {
  const records = [
    record('p/2021/03/06/1/a001/', '2021-03-06'),
    record('p/2023/01/05/1/a001/', '2023-01-05'),
    record('p/undated/x/1/a001/', null),
    record('p/2023/01/05/2/a001/', '2023-01-05'),
  ];
  const perMonth = new Map([
    ['2021-03', 1],
    ['2023-01', 2],
    ['undated', 1],
  ]);
  const shards = planShards(perMonth, 2);

  it('writes a script per month, newest first, undated last, and a manifest with their sizes', () => {
    const files = diskFiles(records, shards);
    expect(files.map((f) => f.path)).toEqual(['2023-01.js', '2021-03.js', 'undated.js', DISK_MANIFEST]);
    const manifest = run(files.at(-1)!.content) as DiskManifest;
    expect(manifest.kind).toBe('manifest');
    expect(manifest.shards).toEqual(shards);
    expect(manifest.months).toEqual(
      files.slice(0, -1).map((f, i) => ({
        month: ['2023-01', '2021-03', 'undated'][i],
        file: f.path,
        articles: [2, 1, 1][i],
        bytes: Buffer.byteLength(f.content),
      })),
    );
    const all = files.slice(0, -1).flatMap((f) => decodeMonth(run(f.content) as DiskMonth));
    const byUrl = (x: DiskRecord, y: DiskRecord) => (x.url < y.url ? -1 : 1);
    expect(all.sort(byUrl)).toEqual([...records].sort(byUrl));
  });

  it('gives the same bytes whatever order the records come in', () => {
    const one = diskFiles(records, shards);
    const two = diskFiles([...records].reverse(), shards);
    expect(two).toEqual(one);
  });

  it('is empty but for the manifest without articles', () => {
    const files = diskFiles([], []);
    expect(files.map((f) => f.path)).toEqual([DISK_MANIFEST]);
    expect((run(files[0]!.content) as DiskManifest).months).toEqual([]);
  });
});

describe('a shard at a time', () => {
  it('gives the files of the whole, and refuses a month split between calls', () => {
    const a = record('p/2023/01/05/1/a001/', '2023-01-05');
    const b = record('p/2021/03/06/1/a001/', '2021-03-06');
    const one = monthFiles([b]);
    const two = monthFiles([a]);
    const whole = diskFiles([a, b], []);
    expect([...two.files, ...one.files, manifestFile([], [...one.months, ...two.months])]).toEqual(whole);
    expect(() => manifestFile([], [...two.months, ...two.months])).toThrow(/twice/);
  });

  it('writes search-disk/ from Pagefind bundles, and fails when a shard’s fragments are missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baokan-disk-'));
    try {
      const records = [
        record('p/2023/01/05/1/a001/', '2023-01-05'),
        record('p/2021/03/06/1/a001/', '2021-03-06'),
      ];
      const shards = planShards(
        new Map([
          ['2023-01', 1],
          ['2021-03', 1],
        ]),
        1,
      );
      const bundles = join(dir, 'pagefind');
      shards.forEach((s, i) => {
        mkdirSync(join(bundles, s.id, 'fragment'), { recursive: true });
        const r = records[i]!;
        const f = { ...r, url: `/${r.url}index.html`, content: r.content.split('').join('\u200B') };
        writeFileSync(
          join(bundles, s.id, 'fragment', `zh_${i}.pf_fragment`),
          gzipSync(Buffer.from('pagefind_dcd' + JSON.stringify(f))),
        );
      });
      writeFileSync(join(bundles, SHARDS_FILE), JSON.stringify({ schema: 'baokan/search-shards@1', shards }));
      const out = join(dir, 'search-disk');
      const got = await writeDiskSearch(bundles, out);
      expect(got.articles).toBe(2);
      expect(got.months).toBe(2);
      expect(readdirSync(out).sort()).toEqual(['2021-03.js', '2023-01.js', DISK_MANIFEST]);
      const want = diskFiles(records, shards);
      for (const f of want) expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.content);
      rmSync(join(bundles, shards[1]!.id, 'fragment', 'zh_1.pf_fragment'));
      await expect(writeDiskSearch(bundles, out)).rejects.toThrow(/0 fragments, the shard 1 articles/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('diskSearchEnabled', () => {
  it('is on unless BAOKAN_DISK_SEARCH=0', () => {
    expect(diskSearchEnabled(undefined)).toBe(true);
    expect(diskSearchEnabled('1')).toBe(true);
    expect(diskSearchEnabled('0')).toBe(false);
    expect(() => diskSearchEnabled('no')).toThrow(/BAOKAN_DISK_SEARCH/);
  });
});
