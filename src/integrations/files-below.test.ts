import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  filesBelow,
  folderRecordJson,
  parseFolderRecord,
  sitePathsBelow,
  takeFolderRecord,
  useFolderRecord,
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
    const record = parseFolderRecord(folderRecordJson(takeFolderRecord().record))!;
    useFolderRecord(record);
    const before = await filesBelow(root);
    expect(takeFolderRecord()).toMatchObject({ read: 0, kept: 4 });

    // a name added in one folder, a name removed in another, a file written again in a third
    put('a/1/article.md');
    rmSync(join(root, 'b/x.json'));
    writeFileSync(join(root, 'a/index.html'), 'written again');
    useFolderRecord(parseFolderRecord(folderRecordJson(takeFolderRecord().record)));
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
    const json = JSON.parse(folderRecordJson(record)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual([root, join(root, 'a')].sort());
    useFolderRecord(parseFolderRecord(folderRecordJson(record)));
    await filesBelow(root);
    expect(takeFolderRecord()).toMatchObject({ read: 2, kept: 2 });
  });

  it('reads a record it cannot parse as none', () => {
    expect(parseFolderRecord('{not json')).toBeNull();
    expect(parseFolderRecord(null)).toBeNull();
    const names = parseFolderRecord(JSON.stringify({ '/x': [1, 'a\u0000b', ''] }))!;
    expect(names.get('/x')).toEqual([1, ['a', 'b'], []]);
  });
});
