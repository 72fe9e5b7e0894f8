import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { outputSettings } from '../lib/site/kept-output.ts';
import { parseFolderRecord } from './files-below.ts';
import {
  finishFolderRecord,
  folderRecordAfterSweep,
  keptOutput,
  keptOutputSweep,
  madeAfterSweep,
  siblingsAfterSweep,
  writeSiteFile,
} from './kept-output.ts';

const site = mkdtempSync(join(tmpdir(), 'baokan-site-file-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('a site file written again only when its bytes change (a kept output folder)', () => {
  const path = 'archive/2024/01/offline.json';
  const file = join(site, path);
  const old = new Date('2024-01-01T00:00:00Z');

  it('writes a new file, folders included', async () => {
    expect(await writeSiteFile(site, path, '{"a":1}\n', true)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n');
  });

  it('leaves a file with the same bytes where it is, untouched', async () => {
    utimesSync(file, old, old);
    expect(await writeSiteFile(site, path, Buffer.from('{"a":1}\n'), true)).toBe(false);
    expect(statSync(file).mtimeMs).toBe(old.getTime());
  });

  it('writes a file whose bytes differ, and always when the folder is not kept', async () => {
    expect(await writeSiteFile(site, path, '{"a":2}\n', true)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"a":2}\n');
    utimesSync(file, old, old);
    expect(await writeSiteFile(site, path, '{"a":2}\n', false)).toBe(true);
    expect(statSync(file).mtimeMs).not.toBe(old.getTime());
    writeFileSync(file, 'edited by hand');
    expect(await writeSiteFile(site, path, '{"a":2}\n', true)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"a":2}\n');
  });
});

describe('the ledger of a kept output folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'baokan-kept-ledger-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const outDir = join(root, 'dist') + '/';
  const ledgerFile = join(root, 'cache', 'baokan-output.json');
  const hooks = keptOutput().hooks as Record<string, (p: unknown) => unknown>;
  const setup = () => {
    const updates: unknown[] = [];
    hooks['astro:config:setup']!({
      command: 'build',
      config: {
        outDir: pathToFileURL(outDir),
        cacheDir: pathToFileURL(join(root, 'cache') + '/'),
        experimental: { incrementalBuild: true },
      },
      updateConfig: (u: unknown) => updates.push(u),
      logger: { info: () => {} },
    });
    return updates;
  };
  const ledger = () => JSON.parse(readFileSync(ledgerFile, 'utf8')) as { done: boolean };

  it('stays vouched for until Astro starts building: a build stopped while it reads the content leaves it kept', () => {
    mkdirSync(outDir, { recursive: true });
    mkdirSync(join(root, 'cache'), { recursive: true });
    writeFileSync(join(outDir, 'index.html'), '<!doctype html>');
    const home = statSync(join(outDir, 'index.html'));
    const settings = outputSettings(process.env);
    writeFileSync(
      ledgerFile,
      JSON.stringify({
        outDir,
        done: true,
        home: { size: home.size, mtimeMs: home.mtimeMs },
        settings,
        routes: [],
      }),
    );
    // set-up: the folder is kept, and the ledger still vouches for it (the build may stop here)
    expect(setup()).toEqual([{ vite: { build: { emptyOutDir: false } } }]);
    expect(ledger().done).toBe(true);
    // a second build after one stopped before building keeps the folder too
    expect(setup()).toHaveLength(1);
    // once Astro starts building, not until the build is done
    hooks['astro:build:start']!({});
    expect(ledger().done).toBe(false);
    expect(setup()).toEqual([]);
  });
});

describe('the record of the folders, taken after the compressor', () => {
  const root = mkdtempSync(join(tmpdir(), 'baokan-kept-folders-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const outDir = join(root, 'dist') + '/';
  const cacheDir = join(root, 'cache');
  const recordFile = join(cacheDir, 'baokan-output-folders.txt');
  const old = new Date('2024-01-01T00:00:00Z');
  const settle = () => {
    for (const d of ['', 'a']) utimesSync(join(outDir, d), old, old);
  };
  const kept = keptOutput().hooks as Record<string, (p: unknown) => Promise<unknown> | unknown>;
  const sweep = keptOutputSweep().hooks as Record<string, (p: unknown) => Promise<unknown> | unknown>;
  const logger = { info: () => {} };
  const build = async (compressor: boolean) => {
    await kept['astro:config:setup']!({
      command: 'build',
      config: {
        outDir: pathToFileURL(outDir),
        cacheDir: pathToFileURL(cacheDir + '/'),
        experimental: { incrementalBuild: true },
      },
      updateConfig: () => {},
      logger,
    });
    if (compressor) folderRecordAfterSweep();
    await kept['astro:build:start']!({});
    const assets = new Map([['/a', [pathToFileURL(join(outDir, 'a/index.html'))]]]);
    await kept['astro:build:done']!({ dir: pathToFileURL(outDir), assets, logger });
    await sweep['astro:build:done']!({ dir: pathToFileURL(outDir), logger });
  };

  const record = () => parseFolderRecord(readFileSync(recordFile, 'utf8'))!;
  const top = outDir.slice(0, -1);

  it('holds every folder of a clean build as it leaves them, compressor or none', async () => {
    mkdirSync(join(outDir, 'a'), { recursive: true });
    writeFileSync(join(outDir, 'a/index.html'), '<p>a</p>');
    writeFileSync(join(outDir, 'index.html'), '<p>home</p>');
    settle();
    await build(false); // no ledger: a clean build; no compressor: the sweep writes the record
    expect([...record().keys()].sort()).toEqual([top, join(outDir, 'a')]);

    rmSync(recordFile);
    rmSync(join(cacheDir, 'baokan-output.json'));
    await build(true); // a clean build whose compressor then adds a sibling in a/
    expect(existsSync(recordFile)).toBe(false);
    writeFileSync(join(outDir, 'a/index.html.br'), 'br');
    settle();
    // a clean build's walks did not cover the site: it is walked, both folders read
    expect(await finishFolderRecord(outDir, ['a'])).toMatchObject({ read: 2 });
    expect(record().get(join(outDir, 'a'))).toEqual([old.getTime(), ['index.html', 'index.html.br'], []]);
    expect(record().get(top)?.[0]).toBe(old.getTime());
  });

  it('holds the names and times the compressor left in a kept build', async () => {
    await build(true); // the folder is kept now: the sweep walks it, and leaves the record to the compressor
    expect(existsSync(recordFile)).toBe(false);
    writeFileSync(join(outDir, 'a/index.html.gz'), 'gz');
    settle();
    expect(await finishFolderRecord(outDir, ['a'])).toMatchObject({ read: 1 }); // a/ alone
    expect(record().get(join(outDir, 'a'))?.[1]).toEqual(['index.html', 'index.html.br', 'index.html.gz']);
    expect(record().get(top)?.[0]).toBe(old.getTime());
  });
});

/**
 * One kept-output build of `outDir` (its cache beside it in `root`) as Astro runs the two parts:
 * set-up, then `setUp` (what other integrations say at theirs), the start, `writes` (what the build
 * writes), and the end with `route` as the one route output (a site path).
 */
async function keptBuild(
  root: string,
  outDir: string,
  route: string,
  {
    setUp,
    writes,
    logger = { info: () => {} },
  }: { setUp?: () => void; writes?: () => void; logger?: { info(m: string): void } },
): Promise<void> {
  const kept = keptOutput().hooks as Record<string, (p: unknown) => Promise<unknown> | unknown>;
  const sweep = keptOutputSweep().hooks as Record<string, (p: unknown) => Promise<unknown> | unknown>;
  await kept['astro:config:setup']!({
    command: 'build',
    config: {
      outDir: pathToFileURL(outDir),
      cacheDir: pathToFileURL(join(root, 'cache') + '/'),
      experimental: { incrementalBuild: true },
    },
    updateConfig: () => {},
    logger,
  });
  setUp?.();
  await kept['astro:build:start']!({});
  writes?.();
  const assets = new Map([['/', [pathToFileURL(join(outDir, route))]]]);
  await kept['astro:build:done']!({ dir: pathToFileURL(outDir), assets, logger });
  await sweep['astro:build:done']!({ dir: pathToFileURL(outDir), logger });
}

describe('the siblings a step after the sweep looks after', () => {
  const root = mkdtempSync(join(tmpdir(), 'baokan-kept-siblings-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const outDir = join(root, 'dist') + '/';
  const old = new Date('2024-01-01T00:00:00Z');
  const build = (owns: ((base: string) => boolean) | null, writes?: () => void) =>
    keptBuild(root, outDir, 'a/index.html', { setUp: () => owns && siblingsAfterSweep(owns), writes });
  const put = (path: string, text: string, at?: Date) => {
    mkdirSync(join(outDir, path, '..'), { recursive: true });
    writeFileSync(join(outDir, path), text);
    if (at) utimesSync(join(outDir, path), at, at);
  };
  // a kept folder: a page (a route), an article.md written again by this build with the siblings
  // of its last version, the siblings of a file gone, and the sibling of a file no one compresses
  const lastBuild = () => {
    put('index.html', '<p>home</p>');
    put('a/index.html', '<p>a</p>');
    for (const f of ['x/article.md.br', 'x/article.md.gz', 'x/gone.json.gz', 'y/photo.png.br'])
      put(f, 'z', old);
    put('y/photo.png', 'png', old);
  };
  const thisBuild = () => put('x/article.md', '# 标题', new Date(Date.now() + 5000));
  const present = (f: string) => existsSync(join(outDir, f));
  const siblings = ['x/article.md.br', 'x/article.md.gz', 'x/gone.json.gz', 'y/photo.png.br'];

  it('leaves the siblings of the files the compressor compresses to it, and sweeps the others', async () => {
    lastBuild();
    await build(null); // no ledger: a clean build, which vouches for the folder
    await build((base) => /\.(?:md|json|html)$/.test(base), thisBuild);
    expect(siblings.map(present)).toEqual([true, true, true, false]);
    expect(present('y/photo.png')).toBe(false); // not this build's: swept
  });

  it('sweeps them itself when no step after it looks after them', async () => {
    lastBuild();
    await build(null);
    await build(null, thisBuild);
    // older than their file written again, or their file gone: removed
    expect(siblings.map(present)).toEqual([false, false, false, false]);
  });
});

describe('a file a step after the sweep writes every build', () => {
  const root = mkdtempSync(join(tmpdir(), 'baokan-kept-after-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const outDir = join(root, 'dist') + '/';
  const old = new Date('2024-01-01T00:00:00Z');
  const build = (later: string | null, lines: string[] = []) =>
    keptBuild(root, outDir, 'index.html', {
      setUp: () => later && madeAfterSweep(later),
      logger: { info: (m: string) => lines.push(m) },
    });
  const put = (path: string, at: Date) => {
    writeFileSync(join(outDir, path), path);
    utimesSync(join(outDir, path), at, at);
  };

  it('is left for it to write over, not removed first and reported as a file the build no longer makes', async () => {
    mkdirSync(outDir, { recursive: true });
    put('index.html', new Date());
    put('_headers', old);
    put('stray.txt', old);
    await build(null); // a clean build: no ledger yet
    const lines: string[] = [];
    await build('_headers', lines);
    expect(existsSync(join(outDir, '_headers'))).toBe(true);
    expect(existsSync(join(outDir, 'stray.txt'))).toBe(false);
    expect(lines.filter((l) => l.includes('no longer makes removed'))).toEqual([
      expect.stringMatching(/^1 file\(s\) .*: stray\.txt$/),
    ]);
    // not said: the sweep removes it like any other file this build did not write
    await build(null);
    expect(existsSync(join(outDir, '_headers'))).toBe(false);
  });
});
