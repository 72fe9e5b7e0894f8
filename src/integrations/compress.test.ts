import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  brotliBytes,
  brotliWindow,
  CompressionCache,
  compressEarly,
  compressInWorker,
  compressionOn,
  compressSite,
  compressWritten,
  gzipBytes,
  qualityOf,
  readDoneRecord,
  startCompressor,
  untouchedFiles,
  writeLines,
} from './compress.ts';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baokan-compress-'));
  made.push(dir);
  const page = `<!doctype html><html lang="zh-Hans"><body>${'<p>衡阳日报 数字版 文章正文。</p>'.repeat(200)}</body></html>`;
  mkdirSync(join(dir, 'a/b'), { recursive: true });
  mkdirSync(join(dir, 'pagefind/s/index'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, 'a/b/index.html'), page.replace('衡阳', '湖南'));
  writeFileSync(join(dir, 'site.css'), 'body { margin: 0; }\n'.repeat(50));
  writeFileSync(join(dir, 'tiny.json'), '{}');
  writeFileSync(join(dir, 'pagefind/s/index/zh_1.pf_index'), gzipSync(Buffer.from(page)));
  writeFileSync(join(dir, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  return dir;
}

const list = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe('pre-compressed siblings', () => {
  it('writes .br and .gz that decompress to the file, and none for what does not shrink by 10 %', async () => {
    const dir = site();
    const t = await compressSite(dir);
    expect(list(dir)).toEqual([
      'a/b/index.html',
      'a/b/index.html.br',
      'a/b/index.html.gz',
      'icon.png',
      'index.html',
      'index.html.br',
      'index.html.gz',
      'pagefind/s/index/zh_1.pf_index',
      'site.css',
      'site.css.br',
      'site.css.gz',
      'tiny.json',
    ]);
    for (const f of ['index.html', 'site.css']) {
      const original = readFileSync(join(dir, f));
      expect(brotliDecompressSync(readFileSync(join(dir, `${f}.br`)))).toEqual(original);
      expect(gunzipSync(readFileSync(join(dir, `${f}.gz`)))).toEqual(original);
    }
    expect(t).toMatchObject({ files: 5, br: 3, gz: 3, skipped: 2 });
    expect(t.brTo).toBeLessThan(t.brFrom * 0.5);
  });

  it('gives the same bytes every time: fixed parameters, no time or name in the gzip header', async () => {
    const a = site();
    const b = site();
    await compressSite(a);
    await new Promise((r) => setTimeout(r, 1100)); // a second later: a timestamp would differ
    await compressSite(b);
    await compressSite(b); // and again over its own output
    expect(list(b)).toEqual(list(a));
    for (const f of list(a)) expect(readFileSync(join(b, f)), f).toEqual(readFileSync(join(a, f)));
    const gz = await gzipBytes(Buffer.from('x'.repeat(100)));
    expect([...gz.subarray(4, 8)]).toEqual([0, 0, 0, 0]); // MTIME
    expect(gz[3]).toBe(0); // FLG: no name, comment or extra field
    const data = Buffer.from('报刊'.repeat(500));
    expect(await brotliBytes(data, 11)).toEqual(await brotliBytes(data, 11));
  });

  it('takes unchanged files from the build cache, writing what compressing writes, and prunes the rest', async () => {
    const plain = site();
    await compressSite(plain);
    const kept = mkdtempSync(join(tmpdir(), 'baokan-compress-cache-'));
    made.push(kept);
    const first = site();
    const cold = await compressSite(first, new CompressionCache(kept));
    expect(cold.cached).toBe(0);
    const second = site();
    writeFileSync(join(second, 'a/b/index.html'), 'changed '.repeat(400));
    const cache = new CompressionCache(kept);
    const warm = await compressSite(second, cache);
    // index.html and site.css unchanged (tiny.json too: its "no sibling" is kept); a/b changed
    expect(warm.cached).toBe(3);
    for (const f of list(plain).filter((f) => !f.startsWith('a/b/')))
      expect(readFileSync(join(second, f)), f).toEqual(readFileSync(join(plain, f)));
    expect(brotliDecompressSync(readFileSync(join(second, 'a/b/index.html.br'))).toString()).toBe(
      'changed '.repeat(400),
    );
    expect(await cache.prune()).toBe(1); // the old a/b/index.html's entry (its .br and .gz)
  });

  it('compresses in a thread of its own what it compresses in the build, and passes a failure on', async () => {
    const here = site();
    const cacheHere = new CompressionCache(`${here}-cache`);
    made.push(`${here}-cache`);
    const local = await compressSite(here, cacheHere);
    await cacheHere.prune();
    const there = site();
    made.push(`${there}-cache`);
    const job = {
      site: there,
      cacheDir: `${there}-cache`,
      listed: null,
      pagesInPlace: new Set<string>(),
      filesInPlace: new Set<string>(),
    };
    const { totals, folders, removed } = await compressInWorker(job);
    expect(totals).toEqual(local);
    expect(removed).toBe(0);
    // the folders whose names it changed: index.html's and site.css's (the top), a/b/index.html's
    expect(folders.sort()).toEqual(['', 'a/b']);
    expect(list(there)).toEqual(list(here));
    for (const f of list(here)) expect(readFileSync(join(there, f)), f).toEqual(readFileSync(join(here, f)));
    // the record and the cache it left are a kept build's: the next build takes them
    const again = await compressInWorker(job);
    expect(again.totals.cached).toBe(3);
    expect(again.folders).toEqual([]);
    // what the thread was told it left in place is taken at its word (the pages' stat is not made)
    writeFileSync(join(there, 'index.html'), 'changed '.repeat(400));
    const told = await compressInWorker({ ...job, filesInPlace: new Set(['index.html']) });
    expect(told.totals.cached).toBe(3);
    expect(told.folders).toEqual([]);
    // a page gone (its siblings removed) and one changed (its siblings made again)
    rmSync(join(there, 'a/b/index.html'));
    expect((await compressInWorker(job)).folders.sort()).toEqual(['', 'a/b']);
    await expect(compressInWorker({ ...job, site: join(there, 'missing') })).rejects.toThrow(/ENOENT/);
  });

  it('compresses the files the build wrote as it writes them, and does not look at them again', async () => {
    const plain = site();
    const alone = await compressSite(plain, new CompressionCache(`${plain}-cache`));
    made.push(`${plain}-cache`);
    const dir = site();
    const cache = new CompressionCache(`${dir}-cache`);
    made.push(`${dir}-cache`);
    const rows = new Map<string, string>();
    const touched = new Set<string>();
    // a page, one in a folder, a file that is not compressible, one that is gone, one refused
    const wrote = ['index.html', 'a/b/index.html', 'icon.png', 'gone/index.html', 'site.css'];
    const n = await compressWritten(dir, wrote, cache, rows, touched, (p) => p !== 'site.css');
    expect(n).toBe(2);
    expect([...rows.keys()]).toEqual(['index.html', 'a/b/index.html']);
    expect([...touched].sort()).toEqual(['', 'a/b']);
    expect(list(dir)).toContain('a/b/index.html.br');
    const t = await compressSite(dir, cache, { early: rows });
    // the two pages taken from their rows, not compressed again nor counted as a kept build's
    expect(t).toEqual({ ...alone, early: 2 });
    expect(list(dir)).toEqual(list(plain));
    for (const f of list(plain)) expect(readFileSync(join(dir, f)), f).toEqual(readFileSync(join(plain, f)));
    // and its record is the record a build without it writes
    expect(
      readFileSync(`${dir}-cache/done.tsv`, 'utf8')
        .split('\n')
        .slice(1)
        .map((r) => r.split('\t').slice(3)),
    ).toEqual(
      readFileSync(`${plain}-cache/done.tsv`, 'utf8')
        .split('\n')
        .slice(1)
        .map((r) => r.split('\t').slice(3)),
    );
  });

  it('leaves no half-written sibling when it cannot write one, and says why', async () => {
    const dir = site();
    mkdirSync(join(dir, 'index.html.gz')); // the .gz cannot be written: a folder holds its name
    await expect(compressWritten(dir, ['index.html'], undefined, new Map(), new Set())).rejects.toThrow(
      /EISDIR/,
    );
    expect(existsSync(join(dir, 'index.html.br'))).toBe(false);
  });

  it('looks again at a file written again after it was compressed as it was written', async () => {
    const dir = site();
    const cache = new CompressionCache(`${dir}-cache`);
    made.push(`${dir}-cache`);
    const rows = new Map<string, string>();
    await compressWritten(dir, ['index.html'], cache, rows, new Set());
    writeFileSync(join(dir, 'index.html'), '<p>written again</p>'.repeat(100));
    const t = await compressSite(dir, cache, { early: rows });
    expect(t.early).toBe(0);
    expect(brotliDecompressSync(readFileSync(join(dir, 'index.html.br'))).toString()).toBe(
      '<p>written again</p>'.repeat(100),
    );
    expect(gunzipSync(readFileSync(join(dir, 'index.html.gz'))).toString()).toBe(
      '<p>written again</p>'.repeat(100),
    );
  });

  it('compresses in its thread the pages it is told of while the build goes on, then the rest, as compressSite alone does', async () => {
    const many = (dir: string) => {
      for (let k = 0; k < 40; k++) {
        mkdirSync(join(dir, `p/${k}`), { recursive: true });
        writeFileSync(
          join(dir, `p/${k}/index.html`),
          `<p>第${k}版 衡阳日报 数字版 文章正文。</p>`.repeat(50 + k),
        );
      }
      return dir;
    };
    const plain = many(site());
    const alone = await compressSite(plain, new CompressionCache(`${plain}-cache`));
    made.push(`${plain}-cache`);
    const dir = many(site());
    made.push(`${dir}-cache`);
    const compressor = startCompressor(dir, `${dir}-cache`);
    for (let k = 0; k < 40; k++) compressor.written(`p/${k}/index.html`);
    // the pages go to the thread sixteen at a time: the first 32 are compressed while "the build goes on"
    const deadline = Date.now() + 10_000;
    while (!existsSync(join(dir, 'p/31/index.html.br')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const { compressed, error } = await compressor.stop();
    expect(error).toBeNull();
    expect(compressed).toBe(32);
    compressor.written('p/39/index.html'); // told after it stopped: left to the end
    const { totals } = await compressor.finish({
      site: dir,
      cacheDir: `${dir}-cache`,
      listed: null,
      pagesInPlace: new Set(),
      filesInPlace: new Set(),
    });
    expect(totals).toEqual({ ...alone, early: 32 });
    expect(list(dir)).toEqual(list(plain));
    for (const f of list(plain)) expect(readFileSync(join(dir, f)), f).toEqual(readFileSync(join(plain, f)));
    expect(compressEarly(undefined)).toBe(true);
    expect(compressEarly('0')).toBe(false);
  });

  it("leaves Astro's prerender chunks alone: Astro removes their folder while the thread may be at work", async () => {
    const dir = site();
    made.push(`${dir}-cache`);
    mkdirSync(join(dir, '.prerender/chunks'), { recursive: true });
    writeFileSync(join(dir, '.prerender/chunks/pages.mjs'), 'export const page = "衡阳日报";\n'.repeat(400));
    for (let k = 0; k < 31; k++) {
      mkdirSync(join(dir, `p/${k}`), { recursive: true });
      writeFileSync(join(dir, `p/${k}/index.html`), `<p>第${k}版 衡阳日报 数字版。</p>`.repeat(60));
    }
    const compressor = startCompressor(dir, `${dir}-cache`);
    // told first, as Astro writes the chunks before the pages
    compressor.written('.prerender/chunks/pages.mjs');
    // sixteen at a time: the chunk and 15 pages (unless the chunk is left out), then 16 pages
    for (let k = 0; k < 31; k++) compressor.written(`p/${k}/index.html`);
    const deadline = Date.now() + 10_000;
    while (!existsSync(join(dir, 'p/15/index.html.br')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await compressor.stop();
    expect(readdirSync(join(dir, '.prerender/chunks'))).toEqual(['pages.mjs']);
    rmSync(join(dir, '.prerender'), { recursive: true });
    await compressor.finish({
      site: dir,
      cacheDir: `${dir}-cache`,
      listed: null,
      pagesInPlace: new Set(),
      filesInPlace: new Set(),
    });
  });

  it('lists the cache to prune it only when it may hold results the build did not ask for', async () => {
    const kept = mkdtempSync(join(tmpdir(), 'baokan-compress-cache-'));
    made.push(kept);
    const dir = site();
    const first = new CompressionCache(kept);
    await compressSite(dir, first);
    expect(await first.prune()).toBe(0);
    // a result nobody asked for, put there behind the cache's back
    mkdirSync(join(kept, 'zz'), { recursive: true });
    writeFileSync(join(kept, 'zz', 'zz-stray'), 'x');
    // the same site again: nothing added, as many asked for as the last prune left: no listing
    const same = new CompressionCache(kept);
    await compressSite(dir, same);
    expect(await same.prune()).toBe(0);
    expect(readdirSync(join(kept, 'zz'))).toEqual(['zz-stray']);
    // a changed page adds a result and leaves its old one unasked for: that one goes by name
    const results = () =>
      readdirSync(kept).flatMap((sub) => (sub.length === 2 ? readdirSync(join(kept, sub)) : []));
    const before = results();
    writeFileSync(join(dir, 'a/b/index.html'), 'changed '.repeat(400));
    const changed = new CompressionCache(kept);
    await compressSite(dir, changed);
    expect(await changed.prune()).toBe(1);
    const after = results();
    expect(after.filter((k) => !before.includes(k))).toHaveLength(1);
    expect(before.filter((k) => !after.includes(k))).toHaveLength(1);
    expect(readdirSync(join(kept, 'zz'))).toEqual(['zz-stray']);
    // a count that does not add up: listed, and the stray result goes too
    writeFileSync(join(kept, 'pruned-count.txt'), '1');
    const recount = new CompressionCache(kept);
    await compressSite(dir, recount);
    expect(await recount.prune()).toBe(1);
    expect(readdirSync(join(kept, 'zz'))).toEqual([]);
  });

  it("takes the last build's record read ahead as the one it would read: the thread reads it while the pages render", async () => {
    // two copies of a site a daily build finds: one page changed, one new, one gone since the last build
    const twin = async (inThread = false) => {
      const dir = site();
      const kept = `${dir}-cache`;
      made.push(kept);
      // the record's rules are the code's text, which the test's transform changes: a thread's
      // record is written by a thread
      if (inThread) await compressInWorker(job(dir, kept));
      else await compressSite(dir, new CompressionCache(kept));
      writeFileSync(join(dir, 'a/b/index.html'), '<p>rendered again</p>'.repeat(100));
      writeFileSync(join(dir, 'new.html'), '<p>a new page</p>'.repeat(100));
      rmSync(join(dir, 'site.css'));
      return { dir, kept };
    };
    const job = (dir: string, cacheDir: string) => ({
      site: dir,
      cacheDir,
      listed: null,
      pagesInPlace: new Set<string>(),
      filesInPlace: new Set<string>(),
    });
    const files = (dir: string) => list(dir).map((f) => [f, readFileSync(join(dir, f))] as const);
    const plain = await twin();
    const alone = await compressSite(plain.dir, new CompressionCache(plain.kept));
    const ahead = await twin();
    const record = await readDoneRecord(ahead.kept, ahead.dir);
    expect(record.rows.map((r) => r.path)).toEqual([
      'a/b/index.html',
      'index.html',
      'pagefind/s/index/zh_1.pf_index',
      'site.css',
      'tiny.json',
    ]);
    // gone once read: the build takes the rows it was given
    rmSync(join(ahead.kept, 'done.tsv'));
    const given = await compressSite(ahead.dir, new CompressionCache(ahead.kept), { record });
    expect(given).toEqual(alone);
    expect(files(ahead.dir).map(([f]) => f)).toEqual(files(plain.dir).map(([f]) => f));
    expect(files(ahead.dir)).toEqual(files(plain.dir));
    const rowsOf = (kept: string) => readFileSync(join(kept, 'done.tsv'), 'utf8').split('\n').slice(1);
    const noTimes = (rows: string[]) => rows.map((r) => r.split('\t').toSpliced(2, 1).join('\t'));
    expect(noTimes(rowsOf(ahead.kept))).toEqual(noTimes(rowsOf(plain.kept)));
    // a record of another site is not taken
    expect((await readDoneRecord(ahead.kept, plain.dir)).rows).toEqual([]);
    // the compressor's thread, told to read ahead, gives what compressSite alone gives
    const thread = await twin(true);
    const { totals } = await startCompressor(thread.dir, thread.kept, true).finish(
      job(thread.dir, thread.kept),
    );
    expect(totals).toEqual(alone);
    expect(noTimes(rowsOf(thread.kept))).toEqual(noTimes(rowsOf(plain.kept)));
  });

  it('looks again at a file it left without siblings once the file changes', async () => {
    const dir = site();
    const kept = mkdtempSync(join(tmpdir(), 'baokan-compress-cache-'));
    made.push(kept);
    const first = await compressSite(dir, new CompressionCache(kept));
    // the same folder again: the files left alone (the gzip index, tiny.json) are not looked into
    const again = await compressSite(dir, new CompressionCache(kept));
    expect(again.skipped).toBe(first.skipped);
    expect(again.bytes).toBe(first.bytes);
    // tiny.json grows into something worth compressing: it gets its siblings
    writeFileSync(join(dir, 'tiny.json'), JSON.stringify({ text: '衡阳日报 数字版 '.repeat(200) }));
    const changed = await compressSite(dir, new CompressionCache(kept));
    expect(changed.skipped).toBe(first.skipped - 1);
    expect(list(dir)).toContain('tiny.json.br');
    expect(gunzipSync(readFileSync(join(dir, 'tiny.json.gz'))).toString()).toContain('衡阳日报');
    // another folder with the same paths is looked at afresh
    const other = site();
    expect((await compressSite(other, new CompressionCache(kept))).skipped).toBe(first.skipped);
  });

  it('keeps the cached result of a file left in place with its siblings, and looks again when a sibling is gone', async () => {
    const dir = site();
    const kept = mkdtempSync(join(tmpdir(), 'baokan-compress-cache-'));
    made.push(kept);
    const first = await compressSite(dir, new CompressionCache(kept));
    const before = list(dir).map((f) => [f, readFileSync(join(dir, f))] as const);
    // a daily build over the same folder: nothing changed, nothing of the cache is pruned
    const cache = new CompressionCache(kept);
    const again = await compressSite(dir, cache);
    expect(again).toEqual({ ...first, cached: 3 });
    expect(await cache.prune()).toBe(0);
    // a sibling removed by hand: the file is looked at again and the sibling comes back, the same bytes
    rmSync(join(dir, 'site.css.br'));
    await compressSite(dir, new CompressionCache(kept));
    expect(list(dir).map((f) => [f, readFileSync(join(dir, f))])).toEqual(before);
  });

  it('takes the record of a file this build did not write without a look at it, and looks at the others', async () => {
    const dir = site();
    const kept = mkdtempSync(join(tmpdir(), 'baokan-compress-cache-'));
    made.push(kept);
    await compressSite(dir, new CompressionCache(kept));
    const brBefore = readFileSync(join(dir, 'index.html.br'));
    // both pages change on disk; the build says it did not write index.html (Astro left it in place)
    writeFileSync(join(dir, 'index.html'), '<p>changed outside the build</p>'.repeat(100));
    writeFileSync(join(dir, 'a/b/index.html'), '<p>rendered again</p>'.repeat(100));
    const again = await compressSite(dir, new CompressionCache(kept), { untouched: new Set(['index.html']) });
    // index.html's record stands, unlooked at: its siblings are the ones written before
    expect(readFileSync(join(dir, 'index.html.br'))).toEqual(brBefore);
    // a/b/index.html was looked at and compressed again
    expect(brotliDecompressSync(readFileSync(join(dir, 'a/b/index.html.br'))).toString()).toContain(
      'rendered again',
    );
    expect(again.cached).toBe(2); // index.html and site.css
  });

  it('takes the files the integrations left in place at their word too, as it does the pages Astro left', async () => {
    const dir = site();
    const kept = mkdtempSync(join(tmpdir(), 'baokan-compress-cache-'));
    made.push(kept);
    await compressSite(dir, new CompressionCache(kept));
    const before = ['index.html', 'site.css'].map((f) => readFileSync(join(dir, `${f}.br`)));
    for (const f of ['index.html', 'site.css', 'a/b/index.html'])
      writeFileSync(join(dir, f), `/* ${f} written again */`.repeat(100));
    const untouched = untouchedFiles(new Set(['index.html']), new Set(['site.css']));
    expect(['index.html', 'site.css', 'a/b/index.html'].map((f) => untouched.has(f))).toEqual([
      true,
      true,
      false,
    ]);
    const again = await compressSite(dir, new CompressionCache(kept), { untouched });
    expect(['index.html', 'site.css'].map((f) => readFileSync(join(dir, `${f}.br`)))).toEqual(before);
    expect(brotliDecompressSync(readFileSync(join(dir, 'a/b/index.html.br'))).toString()).toContain(
      'a/b/index.html written again',
    );
    expect(again.cached).toBe(2);
  });

  it('gives the search from file:// the bulk quality, and makes again a file whose kept result another quality made', async () => {
    const dir = site();
    const kept = mkdtempSync(join(tmpdir(), 'baokan-compress-cache-'));
    made.push(kept);
    const script = 'window.__month({"rows":["衡阳日报 数字版 文章正文"]});\n'.repeat(300);
    mkdirSync(join(dir, 'search-disk'), { recursive: true });
    writeFileSync(join(dir, 'search-disk/2024-01.js'), script);
    writeFileSync(join(dir, 'reader.js'), script);
    expect([
      qualityOf('search-disk/2024-01.js'),
      qualityOf('reader.js'),
      qualityOf('a/b/index.html'),
    ]).toEqual([7, 11, 7]);
    await compressSite(dir, new CompressionCache(kept));
    const q7 = await brotliBytes(Buffer.from(script), 7);
    expect(readFileSync(join(dir, 'search-disk/2024-01.js.br'))).toEqual(q7);
    expect(readFileSync(join(dir, 'reader.js.br'))).toEqual(await brotliBytes(Buffer.from(script), 11));
    // the record as a build under another rule left it: the month file's result made at 11
    const record = join(kept, 'done.tsv');
    const rows = readFileSync(record, 'utf8').split('\n');
    const k = rows.findIndex((r) => r.startsWith('search-disk/2024-01.js\t'));
    rows[k] = rows[k]!.replace('-q7-', '-q11-');
    writeFileSync(record, rows.join('\n'));
    writeFileSync(join(dir, 'search-disk/2024-01.js.br'), await brotliBytes(Buffer.from(script), 11));
    const again = await compressSite(dir, new CompressionCache(kept));
    expect(readFileSync(join(dir, 'search-disk/2024-01.js.br'))).toEqual(q7);
    expect(readFileSync(record, 'utf8').split('\n')[k]).toContain('-q7-');
    // the four other files with siblings carried over, and the month file's result at 7 taken
    // from the cache, where the first build left it
    expect(again.cached).toBe(5);
  });

  it('reads its record of the last build as lines, and a record it cannot use as none', async () => {
    const dir = site();
    const kept = mkdtempSync(join(tmpdir(), 'baokan-compress-cache-'));
    made.push(kept);
    const first = await compressSite(dir, new CompressionCache(kept));
    const record = readFileSync(join(kept, 'done.tsv'), 'utf8').split('\n');
    // a line of JSON, then one line a file looked at, in sorted order
    expect(record.slice(1).map((l) => l.split('\t')[0])).toEqual([
      'a/b/index.html',
      'index.html',
      'pagefind/s/index/zh_1.pf_index',
      'site.css',
      'tiny.json',
    ]);
    const listing = list(dir);
    for (const broken of [record.slice(0, 1).concat(record.slice(1).reverse()), ['{', ...record.slice(1)]]) {
      writeFileSync(join(kept, 'done.tsv'), broken.join('\n'));
      const cache = new CompressionCache(kept);
      // the siblings in place are kept as they are (not newer than their files), not made again;
      // tiny.json, which has none, is read and its "not worth it" found in the cache
      expect(await compressSite(dir, cache)).toEqual({ ...first, cached: 4 });
      expect(list(dir)).toEqual(listing);
    }
    // and the record is whole again
    expect(readFileSync(join(kept, 'done.tsv'), 'utf8').split('\n')).toHaveLength(record.length);
  });

  it('writes its record a chunk at a time, the same lines as one string joined', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baokan-compress-lines-'));
    made.push(dir);
    const rows = ['a\t1', undefined, '衡阳/index.html\t2', 'b\t3', undefined, 'c'.repeat(40)];
    for (const chunk of [1, 5, 12, 1 << 20]) {
      await writeLines(join(dir, 'done.tsv'), '{"head":1}', rows, chunk);
      expect(readFileSync(join(dir, 'done.tsv'), 'utf8')).toBe(
        ['{"head":1}', ...rows.filter((r) => r !== undefined)].join('\n'),
      );
    }
  });

  it("fits brotli's window to the file: the smallest power of two that holds it, 2^16 to 2^22", () => {
    expect(brotliWindow(0)).toBe(16);
    expect(brotliWindow(25_000)).toBe(16);
    expect(brotliWindow(65_537)).toBe(17);
    expect(brotliWindow(237_219)).toBe(18);
    expect(brotliWindow(50_000_000)).toBe(22);
  });

  it('is on unless BAOKAN_COMPRESS says 0', () => {
    expect(compressionOn(undefined)).toBe(true);
    expect(compressionOn('1')).toBe(true);
    for (const off of ['0', 'false', 'off', 'no']) expect(compressionOn(off)).toBe(false);
  });
});
