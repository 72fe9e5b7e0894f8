import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  filesBelow,
  folderRecordText,
  inSite,
  FolderRecordParse,
  parseFolderRecord,
  readFoldersAgain,
  routeOutputs,
  sitePathsBelow,
  takeFolderRecord,
  toSitePath,
  type FolderRecord,
  inSorted,
  sortedHas,
  useFolderRecord,
  withPath,
} from './files-below.ts';

const root = mkdtempSync(join(tmpdir(), 'baokan-files-below-'));
afterAll(() => {
  useFolderRecord(null);
  rmSync(root, { recursive: true, force: true });
});

const put = (path: string, text = path) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
/** Every folder below the root given a time long past, as the last build left them. */
const settle = (folders: string[]) => {
  const old = new Date('2024-01-01T00:00:00Z');
  for (const f of folders) utimesSync(join(root, f), old, old);
};

describe('walks that take unchanged folders from the last build', () => {
  const folders = ['', 'a', 'a/1', 'b'];

  it('lists every file, and records the folders it read', async () => {
    for (const p of ['index.html', 'a/index.html', 'a/1/index.html', 'a/1/index.html.br', 'b/x.json']) put(p);
    settle(folders);
    useFolderRecord(null);
    expect(await sitePathsBelow(root)).toEqual([
      'a/1/index.html',
      'a/1/index.html.br',
      'a/index.html',
      'b/x.json',
      'index.html',
    ]);
    const { record, read, kept } = takeFolderRecord();
    expect({ read, kept }).toEqual({ read: 4, kept: 0 });
    expect(record.get(join(root, 'a'))?.[1]).toEqual(['index.html']);
  });

  it('given the record, reads only the folders whose time changed, and finds the same files', async () => {
    const record = parseFolderRecord(folderRecordText(takeFolderRecord().record))!;
    useFolderRecord(record);
    const before = await filesBelow(root);
    expect(takeFolderRecord()).toMatchObject({ read: 0, kept: 4 });

    // a name added in one folder, a name removed in another, a file written again in a third
    put('a/1/article.md');
    rmSync(join(root, 'b/x.json'));
    writeFileSync(join(root, 'a/index.html'), 'written again');
    useFolderRecord(parseFolderRecord(folderRecordText(takeFolderRecord().record)));
    const after = await filesBelow(root);
    expect(after).toEqual(
      [...before.filter((f) => !f.endsWith('x.json')), join(root, 'a/1/article.md')].sort(),
    );
    expect(takeFolderRecord()).toMatchObject({ read: 2, kept: 2 });
  });

  it('does not vouch for a folder changed within the last second: it is read again next time', async () => {
    // a/1 and b were just changed: recorded as too recent
    const record = takeFolderRecord().record;
    expect(record.get(join(root, 'a/1'))?.[0]).toBe(-1);
    const lines = folderRecordText(record).split('\n').slice(1);
    expect(lines.map((l) => l.split('\t')[0]).sort()).toEqual([root, join(root, 'a')].sort());
    useFolderRecord(parseFolderRecord(folderRecordText(record)));
    await filesBelow(root);
    expect(takeFolderRecord()).toMatchObject({ read: 2, kept: 2 });
  });

  it('reads again the recorded folders a later step changed: the next walk takes them from the record', async () => {
    settle(folders);
    useFolderRecord(null);
    await filesBelow(root);
    // a later step (the compressor) adds a sibling in a/1 and at the top, and b/ goes
    put('a/1/index.html.gz');
    put('index.html.br');
    rmSync(join(root, 'b'), { recursive: true });
    settle(['', 'a/1']);
    // b is recorded and gone; nowhere was never recorded
    expect(readFoldersAgain(root, ['a/1', '', 'b', 'nowhere'])).toBe(3);
    useFolderRecord(parseFolderRecord(folderRecordText(takeFolderRecord().record)));
    const files = await sitePathsBelow(root);
    expect(files).toContain('a/1/index.html.gz');
    expect(files).toContain('index.html.br');
    expect(takeFolderRecord()).toMatchObject({ read: 0, kept: 3 });
  });

  it('reads a record it cannot parse as none', () => {
    expect(parseFolderRecord('{not json')).toBeNull();
    expect(parseFolderRecord(null)).toBeNull();
    expect(parseFolderRecord(JSON.stringify({ '/x': [1, 'a\u0000b', ''] }))).toBeNull(); // the earlier form
    const record: FolderRecord = new Map([
      ['/x', [1, ['a', 'b'], []]],
      ['/x/new', [-1, ['c'], []]], // too recent: left out
      ['/y', [2, ['tab\tname'], []]], // a name with a tab: left out
    ]);
    const names = parseFolderRecord(folderRecordText(record))!;
    expect([...names]).toEqual([['/x', [1, ['a', 'b'], []]]]);
    expect(parseFolderRecord(folderRecordText(record) + '\n/z\tnot a time\t\t')).toBeNull();
  });
});

describe('a folder record parsed some lines at a time', () => {
  const record: FolderRecord = new Map(
    Array.from({ length: 10 }, (_, k) => [
      `/s/${k}`,
      [1000 + k, [`f${k}.html`, 'index.html'], k ? [] : ['sub']],
    ]),
  );
  const text = folderRecordText(record);

  it('gives in steps what it gives at once, and nothing more once done', () => {
    const parse = new FolderRecordParse(text);
    const steps: boolean[] = [];
    for (let k = 0; k < 5; k++) steps.push(parse.step(3));
    // ten lines three at a time: done at the fourth step
    expect(steps).toEqual([false, false, false, true, true]);
    expect(parse.result()).toEqual(parseFolderRecord(text));
    expect([...parse.result()!.keys()]).toEqual([...record.keys()]);
  });

  it('gives none for a line it cannot read, found halfway or at the end', () => {
    const lines = text.split('\n');
    const broken = [...lines.slice(0, 6), '/s/bad\tnot a time\t\t', ...lines.slice(6)].join('\n');
    const parse = new FolderRecordParse(broken);
    expect(parse.step(3)).toBe(false);
    expect(parse.step(3)).toBe(true);
    expect(parse.result()).toBeNull();
    expect(new FolderRecordParse(broken).result()).toBeNull();
    expect(new FolderRecordParse(null).step(1)).toBe(true);
  });

  it('is parsed when the first walk asks for it, not before', async () => {
    let asked = 0;
    useFolderRecord(() => {
      asked++;
      return null;
    });
    expect(asked).toBe(0);
    await sitePathsBelow(root);
    await sitePathsBelow(root);
    expect(asked).toBe(1);
  });
});

describe('site paths joined and sliced by hand', () => {
  it('gives what path.join and path.relative give, with a trailing slash or without', async () => {
    useFolderRecord(null);
    const withSlash = `${root}${sep}`;
    const byPath = (await filesBelow(root)).map((f) => relative(root, f).split(sep).join('/'));
    expect(await sitePathsBelow(withSlash)).toEqual(byPath);
    expect(await filesBelow(withSlash)).toEqual(await filesBelow(root));
    for (const p of byPath) {
      expect(inSite(root, p)).toBe(join(root, p));
      expect(inSite(withSlash, p)).toBe(join(root, p));
      expect(toSitePath(withSlash, join(root, p))).toBe(p);
    }
    // a folder left out by its absolute path
    expect(await sitePathsBelow(root, new Set([join(root, 'a')]))).toEqual(
      byPath.filter((p) => !p.startsWith('a/')),
    );
  });

  it("reads Astro's route outputs as site paths, percent-encoded names included, once per build", () => {
    const dir = pathToFileURL(`${root}/`);
    const names = ['a/index.html', '2024/01/02/issue.json', '名字/index.html', 'with space/x%y.html'];
    const assets = new Map([['/[...path]', names.map((n) => new URL(encodeURI(n), dir))]]);
    const paths = routeOutputs(dir, assets);
    expect(paths).toEqual(names);
    expect(paths.map((p) => inSite(root, p))).toEqual(assets.get('/[...path]')!.map((u) => fileURLToPath(u)));
    expect(routeOutputs(dir, assets)).toBe(paths);
  });
});

describe('the order of a walk', () => {
  it('comes out in the order a sort of the paths gives, whatever the names (a folder beside a file that shares its start)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baokan-walk-order-'));
    try {
      const names = [
        'a.txt',
        'a/b',
        'a-b/c',
        'ab',
        'a/b.txt',
        'a b/x',
        'Z/z',
        '中/文',
        '中文',
        'a/-/x',
        'a/.x',
      ];
      for (const n of names) {
        mkdirSync(join(dir, n, '..'), { recursive: true });
        writeFileSync(join(dir, n), n);
      }
      useFolderRecord(null);
      const found = await sitePathsBelow(dir);
      expect(found).toEqual([...names].sort());
      const absolute = await filesBelow(dir);
      expect(absolute).toEqual([...absolute].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a path added to a sorted list', () => {
  it('goes where a sort puts it, at the start, between or at the end, and only once', () => {
    const list = ['a/index.html', 'b.css', 'z/x', '中'];
    for (const p of ['_headers', 'A', 'a', 'b.css.br', 'zz', '中文', '']) {
      expect(withPath(list, p)).toEqual([...list, p].sort());
    }
    expect(withPath(list, 'b.css')).toBe(list);
    expect(withPath([], '_headers')).toEqual(['_headers']);
    expect(list).toEqual(['a/index.html', 'b.css', 'z/x', '中']);
  });
});

describe('a path looked for in a sorted list from a place near it', () => {
  it('answers as a set would, from any starting place, near or far, in a list long enough for the binary search', () => {
    const names = ['a', 'a-1', 'a.br', 'a.gz', 'b', 'index.html', 'index.html-x', 'index.html.br', '中'];
    const sorted = [
      ...names,
      ...Array.from({ length: 40 }, (_, k) => `p/${String(k).padStart(2, '0')}`),
    ].sort();
    const set = new Set(sorted);
    const asked = [
      ...sorted,
      ...sorted.map((p) => `${p}.gz`),
      '',
      '0',
      'a.b',
      'index.html.gz',
      'p/205',
      'zz',
      '中文',
    ];
    for (const path of asked) {
      for (let near = -2; near < sorted.length + 2; near++)
        expect(sortedHas(sorted, path, near)).toBe(set.has(path));
      expect(inSorted(sorted, path)).toBe(set.has(path));
    }
    expect(sortedHas([], 'a', 0)).toBe(false);
    expect(inSorted([], 'a')).toBe(false);
  });
});
