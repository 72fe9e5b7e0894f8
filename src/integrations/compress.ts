/**
 * Astro integration: light on the wire. At astro:build:done, after the search index, the sitemap
 * and the offline app are written (it is registered after them, before the account):
 *
 * - `_headers` (Netlify / Cloudflare Pages style): a year, immutable, for hashed names (`_astro/`,
 *   Pagefind's index, fragment and filter chunks); ten minutes for pages and other unhashed files;
 *   the service worker and the manifest revalidated every time (src/lib/site/wire.ts).
 * - Pre-compressed siblings, `<file>.br` (brotli) and `<file>.gz` (gzip), for HTML, CSS, JS, JSON,
 *   XML, text, Markdown, SVG, the manifest and the Pagefind index files, for hosts that serve them
 *   (nginx `gzip_static` / `brotli_static`, Caddy `precompressed`, Apache rewrites). A sibling is
 *   written only when it is at least 10 % smaller than the file; files that are gzip already
 *   (Pagefind's `.pf_*` chunks and wasm: their first bytes say so) are left alone. Both use fixed
 *   parameters and gzip's header carries no time or name, so two builds of the same input give the
 *   same bytes. `BAOKAN_COMPRESS=0` turns this off (the GitHub Pages workflow does: Pages
 *   compresses on the fly and never serves siblings).
 *
 * The compression runs in a worker thread of its own (compress-worker.ts: away from the build's
 * heap, whose collections doubled its time at ten years). It starts with the build: Astro's log
 * names each page once it is written (kept-log.ts), and the thread compresses it then, on the
 * second core at the lowest priority, while the pages render and the search is indexed. After the
 * other integrations it compresses the rest (the search index, lists, pages it did not reach) on
 * zlib's thread pool, a few files at a time, passing over what it did already. Each result is kept
 * in the build cache (`<cacheDir>/baokan-compress/`) under a digest of the file's bytes and the
 * parameters, so a daily build compresses only the files that changed; kept results no build used
 * are removed. A record of what the last build did with each file (`done.tsv` there: size, time,
 * the siblings' key and sizes) lets a daily build pass over a file that is unchanged and has the
 * siblings it had with one `stat`, without reading it, and keep its cached result.
 */
import type { AstroIntegration } from 'astro';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import { inSite, sitePathsBelow, sortedHas, withPath } from './files-below.ts';
import { pagesLeftInPlace } from './kept-log.ts';
import { watchWrittenFiles } from './written-files.ts';
import {
  filesLeftInPlace,
  finishFolderRecord,
  folderRecordAfterSweep,
  madeAfterSweep,
  outputKept,
  siblingsAfterSweep,
  sweptFiles,
} from './kept-output.ts';
import { isWhole, PARTITION_DIR, readPartition } from '../lib/site/partition.ts';
import { DISK_DIR } from '../lib/search/disk.ts';
import { brotliQuality, compressible, headersFile, isGzip, worthKeeping } from '../lib/site/wire.ts';
import { switchedOn } from '../lib/util/switch-setting.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Files compressed at a time (zlib works on libuv's thread pool, four threads by default). */
const AT_ONCE = Number(process.env.BAOKAN_COMPRESS_AT_ONCE) || 4;

/**
 * Brotli's window for a file of `size` bytes: the smallest power of two that holds it, between 2^16
 * and 2^22. A page of 25 KB gains nothing from a 4 MB window and pays for setting it up: on a
 * year's article pages a window fitted to the file compressed a quarter faster to the same size.
 */
export const brotliWindow = (size: number): number =>
  Math.min(22, Math.max(16, Math.ceil(Math.log2(Math.max(1, size)))));

/**
 * Brotli quality of a site file: wire.ts's rule (11 for the files every reader fetches, 7 for the
 * bulk), but 7 for the search from `file://` (search-disk/): a reader over http never fetches it,
 * and the newest month's file (2 MB at ten years, written again whenever its month has a new issue)
 * took some 7 s of every daily build at 11 (2026-12-04).
 */
export const qualityOf = (path: string): number =>
  path.startsWith(`${DISK_DIR}/`) ? 7 : brotliQuality(path);

/**
 * The end of a kept result's key: what besides the bytes made it (brotli's quality and window, the
 * gzip level). A record row whose key ends otherwise was made under another rule: made again.
 */
const keyEnd = (quality: number, size: number) => `-q${quality}-w${brotliWindow(size)}-l${GZIP_LEVEL}`;

/**
 * Brotli in text mode at a fixed quality (qualityOf: 11 for the shell, 7 for the bulk) and a
 * window fitted to the file; the size hint is the file's own size, so the same file always gives
 * the same bytes.
 */
const brotliOptions = (data: Buffer, quality: number) => ({
  params: {
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_QUALITY]: quality,
    [constants.BROTLI_PARAM_LGWIN]: brotliWindow(data.length),
    [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
  },
});

/** Brotli bytes of `data` (brotliOptions), on zlib's thread pool. */
export async function brotliBytes(data: Buffer, quality: number): Promise<Buffer> {
  return brotli(data, brotliOptions(data, quality));
}

/** gzip's level (part of the cache key of a kept result). */
const GZIP_LEVEL = 6;

/**
 * gzip at GZIP_LEVEL; Node writes no name and a zero modification time in the header. Level 9 made the
 * site's pages 0.06 % smaller at 1.7 times the time (3,000 pages of a benchmark archive, 2026-12-03).
 */
export async function gzipBytes(data: Buffer): Promise<Buffer> {
  return gz(data, GZIP_OPTIONS);
}

const GZIP_OPTIONS = {
  level: GZIP_LEVEL,
  memLevel: 9,
  windowBits: 15,
  strategy: constants.Z_DEFAULT_STRATEGY,
};

/**
 * Both compressions of `data` on the calling thread, not on zlib's thread pool: the compressor's
 * thread works so while the pages render (compressWritten), on one core, and leaves the pool to
 * Astro's writes. The same bytes as brotliBytes and gzipBytes.
 */
function compressNow(data: Buffer, quality: number): [Buffer, Buffer] {
  return [brotliCompressSync(data, brotliOptions(data, quality)), gzipSync(data, GZIP_OPTIONS)];
}

/** Whether compression is on: unless BAOKAN_COMPRESS is 0 / false / off / no. */
export function compressionOn(env = process.env.BAOKAN_COMPRESS): boolean {
  return switchedOn(env);
}

/** A file's `.br` and `.gz` bytes; null where one is not worth writing. */
export interface Siblings {
  br: Buffer | null;
  gz: Buffer | null;
}

export interface CompressionTotals {
  /** files looked at (compressible kinds) */
  files: number;
  /** their bytes */
  bytes: number;
  /** files with a .br / .gz sibling */
  br: number;
  gz: number;
  /** bytes of the files that got a sibling, and of the siblings */
  brFrom: number;
  brTo: number;
  gzFrom: number;
  gzTo: number;
  /** files that shrank by less than 10 % either way (Pagefind chunks, tiny files) */
  skipped: number;
  /** files whose siblings came from the build cache */
  cached: number;
  /** files compressed as the build wrote them (compressWritten), not looked at again */
  early: number;
}

/**
 * Compressed bytes kept between builds, one file per input digest and parameters
 * (`<hh>/<digest>-q7-w16-l6`) holding both siblings: the lengths of the brotli and the gzip bytes
 * (4 bytes each, big-endian), then the bytes. A length of 0 records that the result was not worth
 * keeping (no compressor writes zero bytes).
 */
export class CompressionCache {
  readonly used = new Set<string>();
  readonly dir: string;
  /** nothing kept yet (a first build): no lookups */
  private readonly fresh: boolean;
  private readonly made = new Set<string>();
  /** the keys this build put */
  private readonly added = new Set<string>();
  /** the keys of results the last build's record named and this build did not carry over */
  private readonly forgotten = new Set<string>();
  // No parameter property: astro.config.mjs loads this file with Node's type stripping, which has none.
  constructor(dir: string) {
    this.dir = dir;
    this.fresh = !existsSync(dir);
  }

  /** The kept siblings for `key`, or undefined; null for a sibling not worth keeping. */
  async get(key: string): Promise<Siblings | undefined> {
    this.used.add(key);
    if (this.fresh) return undefined;
    const bytes = await readFile(this.path(key)).catch(() => undefined);
    if (!bytes || bytes.length < 8) return undefined;
    const brLength = bytes.readUInt32BE(0);
    const gzLength = bytes.readUInt32BE(4);
    if (bytes.length !== 8 + brLength + gzLength) return undefined;
    return {
      br: brLength ? bytes.subarray(8, 8 + brLength) : null,
      gz: gzLength ? bytes.subarray(8 + brLength) : null,
    };
  }

  /** A result the last build's record named that this build does not carry over (it may go). */
  forget(key: string): void {
    this.forgotten.add(key);
  }

  /** Keep `key`'s result without reading it (its siblings are in place). */
  keep(key: string): void {
    this.used.add(key);
  }

  async put(key: string, { br, gz }: Siblings): Promise<void> {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(br?.length ?? 0, 0);
    head.writeUInt32BE(gz?.length ?? 0, 4);
    const bytes = Buffer.concat([head, br ?? Buffer.alloc(0), gz ?? Buffer.alloc(0)]);
    const path = this.path(key);
    const folder = join(path, '..');
    if (!this.made.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.made.add(folder);
    }
    // Two workers may put the same key at once (two files with the same bytes): a name of its own each.
    const tmp = `${path}.tmp-${randomUUID()}`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
    this.added.add(key);
  }

  /**
   * Remove kept results this build did not ask for. Those of the files the last build's record
   * named and this build did not carry over (`forget`) are removed by name; the folders are listed
   * only when the cache may hold others: when the results the last prune left (counted in the
   * folder), and those this build added, less those removed by name, are more than it asked for.
   * Listing the 530,000 results of a ten-year site took some 1.2 s of every daily build (2026-12-04).
   */
  async prune(): Promise<number> {
    const countFile = join(this.dir, PRUNE_COUNT);
    const left = Number(await readFile(countFile, 'utf8').catch(() => ''));
    const gone = [...this.forgotten].filter((key) => !this.used.has(key));
    let removed = 0;
    let kept = this.used.size;
    if (left > 0 && left + this.added.size - gone.length === this.used.size) {
      for (const key of gone) await rm(this.path(key), { force: true });
      removed = gone.length;
    } else {
      kept = 0;
      for (const sub of await readdir(this.dir).catch(() => [] as string[]))
        for (const name of await readdir(join(this.dir, sub)).catch(() => [] as string[]))
          if (!this.used.has(name)) {
            await rm(join(this.dir, sub, name), { force: true });
            removed++;
          } else kept++;
    }
    if (kept !== left) {
      await mkdir(this.dir, { recursive: true });
      await writeFile(countFile, String(kept));
    }
    return removed;
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), key);
  }
}

/** In the compression cache: how many results its last prune left. */
const PRUNE_COUNT = 'pruned-count.txt';

/** The siblings worth writing for `data`: from the cache when it has them, else compressed (and kept). */
async function siblings(
  data: Buffer,
  quality: number,
  cache?: CompressionCache,
  now = false,
): Promise<Siblings & { key: string; fromCache: boolean }> {
  const digest = createHash('sha256').update(data).digest('hex');
  const key = `${digest}${keyEnd(quality, data.length)}`;
  const kept = await cache?.get(key);
  if (kept) return { ...kept, key, fromCache: true };
  const [b, g] = now
    ? compressNow(data, quality)
    : await Promise.all([brotliBytes(data, quality), gzipBytes(data)]);
  const made = {
    br: worthKeeping(data.length, b.length) ? b : null,
    gz: worthKeeping(data.length, g.length) ? g : null,
  };
  await cache?.put(key, made);
  return { ...made, key, fromCache: false };
}

/** Files of the site this build did not write (site paths). */
export type Untouched = Pick<ReadonlySet<string>, 'has'>;

/**
 * The files this build did not write: the pages Astro left in place (kept-log.ts) and the files the
 * integrations left in place (the search shards that did not change, lists with the same bytes:
 * kept-output.ts). At ten years the shards alone are some 200,000 files a stat each.
 */
export function untouchedFiles(pages: ReadonlySet<string>, files: ReadonlySet<string>): Untouched {
  return { has: (path) => pages.has(path) || files.has(path) };
}

/** The folder of a site path ('' for the top). */
const folderOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** What compressSite is told besides the site and the cache. */
export interface SiteCompression {
  /** the files to compress (site paths; default all): a partitioned build's merge, what it wrote */
  only?: (path: string) => boolean;
  /** the site's files (site paths, sorted) when a walk just made them: spares walking it again */
  listed?: readonly string[];
  /**
   * Files this build did not write (the pages Astro left in place on a kept folder,
   * src/integrations/kept-log.ts, and the files the integrations left in place: untouchedFiles):
   * their record rows are taken without a look at the file (at ten years, 528,000 pages and some
   * 200,000 search files of the site's 750,000 files, and most of the time a stat of each took).
   */
  untouched?: Untouched;
  /**
   * The folders (site paths, '' for the top) in which it wrote or removed a sibling are added to
   * it, for the kept folder's record of folders (kept-output.ts, finishFolderRecord).
   */
  touched?: Set<string>;
  /**
   * Record rows (the fields after the path) of the files compressed as the build wrote them
   * (compressWritten): taken as the last build's rows are, before them. A file changed since, or
   * whose siblings are not the ones its row names, is looked at again.
   */
  early?: ReadonlyMap<string, string>;
  /**
   * The last build's record, read already (readDoneRecord: the compressor's thread reads it while
   * the pages render); read here when not given. Rows of another site or other rules are not given.
   */
  record?: DoneRecord;
}

/**
 * Write `.br` and `.gz` beside every compressible file below `site` (SiteCompression says which,
 * and what the build already knows). With a cache, a file the record says is unchanged, with the
 * siblings it had, is passed over (a page a daily build kept in place, src/lib/site/kept-output.ts),
 * and files compressed by an earlier build are not compressed again; without a record of a file,
 * its siblings are kept when they are there and not older than it. Siblings of a changed file, and
 * siblings whose file is gone, are removed first.
 */
export async function compressSite(
  site: string,
  cache?: CompressionCache,
  {
    only = () => true,
    listed,
    untouched = new Set(),
    touched = new Set(),
    early = new Map(),
    record: lastRecord,
  }: SiteCompression = {},
): Promise<CompressionTotals> {
  const all = listed ?? (await sitePathsBelow(site));
  /** Note that a name is added or removed in `path`'s folder. */
  const touch = (path: string) => touched.add(folderOf(path));
  // The listing is sorted, so a file's siblings are found beside it (sortedHas), not in a set.
  const files: string[] = [];
  /** each file's place in `all`, by its place in `files` */
  const at: number[] = [];
  for (let k = 0; k < all.length; k++) {
    const f = all[k]!;
    if (compressible(f) && only(f)) {
      files.push(f);
      at.push(k);
    } else if (/\.(?:br|gz)$/.test(f)) {
      const base = f.slice(0, -3);
      if (compressible(base) && only(base) && !sortedHas(all, base, k)) {
        await rm(inSite(site, f), { force: true });
        touch(f);
      }
    }
  }
  const has = (i: number, ext: '.br' | '.gz') => sortedHas(all, files[i]! + ext, at[i]!);
  const t: CompressionTotals = {
    files: files.length,
    bytes: 0,
    br: 0,
    gz: 0,
    brFrom: 0,
    brTo: 0,
    gzFrom: 0,
    gzTo: 0,
    skipped: 0,
    cached: 0,
    early: 0,
  };
  /** The file's siblings when they are there and none is older than it (sizes), else null. */
  const current = async (file: string, i: number) => {
    const sibling = { br: has(i, '.br'), gz: has(i, '.gz') };
    if (!sibling.br && !sibling.gz) return null;
    const [f, br, gz] = await Promise.all([
      stat(file),
      sibling.br ? stat(`${file}.br`) : null,
      sibling.gz ? stat(`${file}.gz`) : null,
    ]);
    if ((br && br.mtimeMs < f.mtimeMs) || (gz && gz.mtimeMs < f.mtimeMs)) {
      await Promise.all([rm(`${file}.br`, { force: true }), rm(`${file}.gz`, { force: true })]);
      touch(files[i]!);
      return null;
    }
    return { size: f.size, mtimeMs: f.mtimeMs, br: br?.size ?? null, gz: gz?.size ?? null };
  };
  // What the last build did with each file (its size and time, its siblings' key and sizes): a file
  // unchanged since, with the siblings it had, is neither read nor compared again; its kept result
  // stays in the cache. At ten years most of the site's 750,000 files are such: they are passed
  // over in one synchronous pass over the sorted files and the record's sorted rows, and only the
  // rest go to the workers.
  const doneFile = cache && join(cache.dir, DONE_RECORD);
  const before = !cache
    ? []
    : lastRecord?.site === site
      ? lastRecord.rows
      : (await readDoneRecord(cache.dir, site)).rows;
  /** each file's row for the next build (by its place in `files`); undefined: not recorded */
  const rows: (string | undefined)[] = new Array<string | undefined>(files.length);
  const count = (d: Done, cached: boolean) => {
    t.bytes += d[0];
    if (d[3] !== null) {
      t.br++;
      t.brFrom += d[0];
      t.brTo += d[3];
    }
    if (d[4] !== null) {
      t.gz++;
      t.gzFrom += d[0];
      t.gzTo += d[4];
    }
    if (d[3] === null && d[4] === null) t.skipped++;
    if (cached) t.cached++;
  };
  const record = (i: number, path: string, d: Done) => {
    rows[i] = doneRow(path, d);
  };
  /** The key of a result this build does not carry over: it may go. */
  const forget = (key: string | undefined) => {
    if (key) cache?.forget(key);
  };
  /** files to look at, by place in `files`, and whether the record knew them */
  const todo: { i: number; known: boolean }[] = [];
  let j = 0;
  for (let i = 0; i < files.length; i++) {
    const path = files[i]!;
    // the record's rows of files gone since, then this file's row
    while (j < before.length && before[j]!.path < path) forget(before[j++]!.done?.[2]);
    const last = j < before.length && before[j]!.path === path ? before[j++] : undefined;
    const soon = early.get(path);
    // compressed as it was written: this build's row, and the last build's result may go (the
    // prune keeps it if this build used it)
    if (soon !== undefined && last !== undefined) forget(last.done?.[2]);
    const was = soon !== undefined ? doneRowOf(path, soon) : last;
    if (was !== undefined) {
      const d = was.done;
      if (d && was.fits && has(i, '.br') === (d[3] !== null) && has(i, '.gz') === (d[4] !== null)) {
        // synchronous: one stat, a few microseconds, unless this build did not write the file
        const now = untouched.has(path)
          ? { size: d[0], mtimeMs: d[1] }
          : statSync(inSite(site, path), { throwIfNoEntry: false });
        if (now && now.size === d[0] && now.mtimeMs === d[1]) {
          if (d[2]) cache?.keep(d[2]);
          count(d, soon === undefined && (d[3] !== null || d[4] !== null));
          if (soon !== undefined) t.early++;
          rows[i] = was.line;
          continue;
        }
      }
      forget(d?.[2]);
    }
    todo.push({ i, known: was !== undefined });
  }
  while (j < before.length) forget(before[j++]!.done?.[2]);
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const { i, known } = todo[next++]!;
      const path = files[i]!;
      const file = inSite(site, path);
      if (known) {
        // changed since the last build, or its siblings are not what it wrote: made again
        await Promise.all([rm(`${file}.br`, { force: true }), rm(`${file}.gz`, { force: true })]);
        touch(path);
      } else {
        const kept = await current(file, i);
        if (kept) {
          const d: Done = [kept.size, kept.mtimeMs, '', kept.br, kept.gz];
          count(d, true);
          record(i, path, d);
          continue;
        }
      }
      const data = await readFile(file);
      // its record, with the time it has now (one that changed while it was read is looked at again)
      const done = async (key: string, br: number | null, gz: number | null, cached: boolean) => {
        const { size, mtimeMs } = await stat(file);
        const d: Done = [data.length, mtimeMs, key, br, gz];
        count(d, cached);
        if (size === data.length) record(i, path, d);
      };
      if (isGzip(data)) {
        await done('', null, null, false);
        continue;
      }
      const { key, br, gz, fromCache } = await siblings(data, qualityOf(path), cache);
      if (br) await writeFile(`${file}.br`, br);
      if (gz) await writeFile(`${file}.gz`, gz);
      if (br || gz) touch(path);
      await done(key, br?.length ?? null, gz?.length ?? null, fromCache);
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  if (doneFile) {
    await mkdir(cache.dir, { recursive: true });
    const head = JSON.stringify({ site, rules: DONE_RULES });
    await writeLines(doneFile, head, rows);
    await rm(join(cache.dir, 'done.json'), { force: true }); // the record's earlier form
  }
  return t;
}

/**
 * Compress files this build has just written (site paths: Astro's pages, as it renders them), one
 * at a time on the calling thread (compressNow), and add each one's record row to `rows` for
 * compressSite's `early`: the compressor's thread does this on the second core while the build's
 * thread renders and the search is indexed. Files `only` refuses, that are not compressible, or
 * that are gone, are left to compressSite. The siblings a kept folder held are written over or
 * removed; `touched` gets their folders. How many files it compressed.
 */
export async function compressWritten(
  site: string,
  paths: Iterable<string>,
  cache: CompressionCache | undefined,
  rows: Map<string, string>,
  touched: Set<string>,
  only: (path: string) => boolean = () => true,
): Promise<number> {
  let n = 0;
  for (const path of paths) {
    if (!compressible(path) || !only(path)) continue;
    const file = inSite(site, path);
    const data = await readFile(file).catch(() => null);
    if (!data) continue;
    const made = isGzip(data)
      ? { key: '', br: null, gz: null }
      : await siblings(data, qualityOf(path), cache, true);
    const put = (ext: string, bytes: Buffer | null) =>
      bytes ? writeFile(`${file}${ext}`, bytes) : rm(`${file}${ext}`, { force: true });
    try {
      await put('.br', made.br);
      await put('.gz', made.gz);
    } catch (e) {
      // no half-written sibling newer than its file, which compressSite would take as it is
      await Promise.all(
        ['.br', '.gz'].map((ext) => rm(`${file}${ext}`, { force: true }).catch(() => undefined)),
      );
      throw e;
    }
    touched.add(folderOf(path));
    // a file written again while it was read is left to compressSite
    const { size, mtimeMs } = await stat(file);
    const row =
      size === data.length &&
      doneRow(path, [size, mtimeMs, made.key, made.br?.length ?? null, made.gz?.length ?? null]);
    if (row) rows.set(path, row.slice(path.length + 1));
    n++;
  }
  return n;
}

/**
 * Write `head` and the rows that are there, a line each, about `chunkChars` at a time: the record of a
 * ten-year site (753,000 rows, 100 MB) joined into one string took some 3 s of a daily build.
 */
export async function writeLines(
  file: string,
  head: string,
  rows: readonly (string | undefined)[],
  chunkChars = 1 << 20,
): Promise<void> {
  const out = await open(file, 'w');
  try {
    let chunk = head;
    for (const row of rows) {
      if (row === undefined) continue;
      chunk += `\n${row}`;
      if (chunk.length >= chunkChars) {
        await out.write(chunk);
        chunk = '';
      }
    }
    await out.write(chunk);
  } finally {
    await out.close();
  }
}

/**
 * What a build did with a file: its size and modification time, the key of its kept siblings ('' when
 * they were found in place, not made), and the sizes of its `.br` and `.gz` (null: none; both null:
 * the file was left alone, compressed already or not worth it).
 */
type Done = [size: number, mtimeMs: number, key: string, br: number | null, gz: number | null];

/**
 * In the compression cache: what the last build did with each file. A line of JSON (the site and
 * the rules), then a line a file in the order of the site's sorted paths: path, size, time, key, and
 * the siblings' sizes ('' for none), separated by tabs. Lines, not one JSON object: at ten years
 * the object (750,000 files, 105 MB) took some 10 s of every daily build to read, turn into a map
 * and write again; an unchanged file's line is now written back as it was read.
 */
const DONE_RECORD = 'done.tsv';

/** A file's line of the record (paths that hold a tab or a line break are not recorded). */
function doneRow(path: string, [size, mtimeMs, key, br, gz]: Done): string | undefined {
  if (/[\t\n\r]/.test(path) || /[\t\n\r]/.test(key)) return undefined;
  return `${path}\t${size}\t${mtimeMs}\t${key}\t${br ?? ''}\t${gz ?? ''}`;
}

/** A line's fields after the path; null when they are not what doneRow writes. */
function parseDone(rest: string): Done | null {
  const f = rest.split('\t');
  if (f.length !== 5) return null;
  const size = Number(f[0]);
  const mtimeMs = Number(f[1]);
  const br = f[3] === '' ? null : Number(f[3]);
  const gz = f[4] === '' ? null : Number(f[4]);
  if (![size, mtimeMs, br ?? 0, gz ?? 0].every(Number.isFinite)) return null;
  return [size, mtimeMs, f[2]!, br, gz];
}

/** What decides whether a file gets siblings: a record made under other rules is not used. */
const DONE_RULES = createHash('sha256')
  .update(`${GZIP_LEVEL}\0${brotliWindow}\0${brotliQuality}\0${worthKeeping}\0${compressible}\0${isGzip}`)
  .digest('hex');

/**
 * A row of the record as compressSite takes it: the file's path, its whole line (written back as it
 * is when the file is unchanged), what it says (null when it cannot be read), and whether its key
 * was made under today's rules for such a file (its quality and window, keyEnd; a row without a
 * key, siblings found in place, fits any).
 */
interface DoneRow {
  path: string;
  line: string;
  done: Done | null;
  fits: boolean;
}

/** The rows of the last build of `site`, in the record's order (the sorted paths). */
export interface DoneRecord {
  site: string;
  rows: DoneRow[];
}

/** A row from a path and the fields after it. */
function doneRowOf(path: string, rest: string, line = `${path}\t${rest}`): DoneRow {
  const done = parseDone(rest);
  const fits = !!done && (!done[2] || done[2].endsWith(keyEnd(qualityOf(path), done[0])));
  return { path, line, done, fits };
}

/**
 * What the last build of `site` did with its files (the record in the compression cache `dir`), its
 * rows read and parsed: none when the record is missing, another site's or another rule's, or not
 * sorted. At ten years, 750,000 rows: the compressor's thread reads them while the pages render
 * (compress-worker.ts), not after the build's last step, where it took some 1.5 s.
 */
export async function readDoneRecord(dir: string, site: string): Promise<DoneRecord> {
  const none = { site, rows: [] };
  const text = await readFile(join(dir, DONE_RECORD), 'utf8').catch(() => null);
  if (!text) return none;
  const lines = text.split('\n');
  const head = (() => {
    try {
      return JSON.parse(lines[0]!) as { site?: string; rules?: string };
    } catch {
      return null;
    }
  })();
  if (head?.site !== site || head.rules !== DONE_RULES) return none;
  const rows: DoneRow[] = [];
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k]!;
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const path = line.slice(0, tab);
    // the merge with the site's files needs the sorted order the record was written in
    if (rows.length && !(rows[rows.length - 1]!.path < path)) return none;
    rows.push(doneRowOf(path, line.slice(tab + 1), line));
  }
  return { site, rows };
}

/** The file of cache rules for hosts that read one (headersFile), at the site's top. */
const HEADERS_FILE = '_headers';

/** The top-level entries of the built site, for `_headers`. */
async function topEntries(site: string): Promise<{ name: string; dir: boolean }[]> {
  return (await readdir(site, { withFileTypes: true })).map((e) => ({ name: e.name, dir: e.isDirectory() }));
}

/**
 * Astro's folder for the server code of the pages it prerenders (astro/dist/prerender/utils.js): it
 * lies below the output while the pages render and is removed once they are written, and Astro
 * writes chunks into it with `fs.promises.writeFile` too. A sibling written there while Astro
 * removed the folder made the build fail (ENOTEMPTY).
 */
const PRERENDER_DIR = '.prerender';

/** What is served, and so compressed: not what a partition hands to the merge, nor Astro's prerender chunks. */
export const served = (path: string): boolean =>
  !path.startsWith(`${PARTITION_DIR}/`) && !path.startsWith(`${PRERENDER_DIR}/`);

/** A compression of the site for compress-worker.ts (what it needs, as data a thread can take). */
export interface CompressionJob {
  site: string;
  /** the compression cache's folder */
  cacheDir: string;
  /** the site's files, sorted, when a walk just listed them (compressSite's `listed`) */
  listed: readonly string[] | null;
  /** the pages Astro left in place and the files the integrations left in place (untouchedFiles) */
  pagesInPlace: ReadonlySet<string>;
  filesInPlace: ReadonlySet<string>;
}

/**
 * What the compressor's thread posts back when it is done: compressSite's totals, the folders in
 * which it wrote or removed a sibling (site paths), and the results the prune removed.
 */
export interface CompressionDone {
  totals: CompressionTotals;
  folders: string[];
  removed: number;
}

/** What the compressor's thread is started with: the site the pages are written to, and the cache. */
export interface CompressorStart {
  site: string;
  cacheDir: string;
  /** read the last build's record at once (a daily build on a kept folder: readDoneRecord) */
  readAhead: boolean;
}

/** What the build tells the compressor's thread (compress-worker.ts). */
export type ToCompressor =
  { kind: 'pages'; paths: string[] } | { kind: 'stop' } | { kind: 'finish'; job: CompressionJob };

/** What the compressor's thread answers: to `stop`, and to `finish`. */
export type FromCompressor =
  { kind: 'stopped'; compressed: number; error: string | null } | ({ kind: 'done' } & CompressionDone);

/** The compressor's thread as the build drives it (startCompressor). */
export interface Compressor {
  /** A file the build has written (site path), compressed while the build goes on if the thread keeps up. */
  written(path: string): void;
  /**
   * No more files: the thread drops those it has not reached, finishes the one at hand, and says
   * how many it compressed (and why it stopped early, if it did).
   */
  stop(): Promise<{ compressed: number; error: string | null }>;
  /** compressSite (what `served` accepts, with the rows of what it compressed already) and the prune. */
  finish(job: CompressionJob): Promise<CompressionDone>;
}

/** Paths sent to the compressor's thread at a time. */
const BATCH = 16;

/**
 * Start the compressor's thread for `site` (compress-worker.ts). A build's heap holds the archive's
 * content store and what the pages shared (some 4 GB at ten years), and V8 collects garbage over
 * all of it: the compressor's buffers, made and dropped a file at a time, cost twice the time in
 * that heap that they cost in one of their own (30,000 pages: 82 s beside 3.3 GB of live objects,
 * 44 s alone). And in a thread of its own it can compress the pages while the build's thread
 * renders the next ones: render runs on one core of two (the thread lowers its own priority, so
 * it takes what the render leaves of the second core, compress-worker.ts). The thread does not
 * keep the process alive until it is asked to finish (a build that fails does not wait for it).
 */
export function startCompressor(site: string, cacheDir: string, readAhead = false): Compressor {
  const worker = new Worker(new URL('./compress-worker.ts', import.meta.url), {
    workerData: { site, cacheDir, readAhead } satisfies CompressorStart,
  });
  worker.unref();
  const ended = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the compressor's thread stopped (exit code ${code}) without its totals`)),
    );
  });
  ended.catch(() => undefined); // answered where an answer is awaited
  const answer = <K extends FromCompressor['kind']>(kind: K) =>
    Promise.race([
      new Promise<Extract<FromCompressor, { kind: K }>>((resolve) => {
        const take = (m: FromCompressor) => {
          if (m.kind !== kind) return;
          worker.off('message', take);
          resolve(m as Extract<FromCompressor, { kind: K }>);
        };
        worker.on('message', take);
      }),
      ended,
    ]);
  const send = (m: ToCompressor) => worker.postMessage(m);
  let batch: string[] = [];
  let open = true;
  return {
    written(path) {
      if (!open || !served(path)) return;
      batch.push(path);
      if (batch.length < BATCH) return;
      send({ kind: 'pages', paths: batch });
      batch = [];
    },
    async stop() {
      open = false;
      batch = [];
      const wait = answer('stopped');
      send({ kind: 'stop' });
      const { compressed, error } = await wait;
      return { compressed, error };
    },
    async finish(job) {
      open = false;
      worker.ref();
      const wait = answer('done');
      send({ kind: 'finish', job });
      const { totals, folders, removed } = await wait;
      return { totals, folders, removed };
    },
  };
}

/** compressSite and the prune in the compressor's thread, with nothing compressed before. */
export function compressInWorker(job: CompressionJob): Promise<CompressionDone> {
  return startCompressor(job.site, job.cacheDir).finish(job);
}

/** Whether pages are compressed while they render: unless BAOKAN_COMPRESS_EARLY is 0 / false / off / no. */
export const compressEarly = (env = process.env.BAOKAN_COMPRESS_EARLY): boolean => switchedOn(env);

export default function compressIntegration(): AstroIntegration {
  let base = '/';
  let cacheDir = '';
  let outDir = '';
  /** the compressor's thread, started with the build so that it compresses the pages as they are written */
  let compressor: Compressor | null = null;
  /** ends the watch that names each page as Astro writes it */
  let unwatch: (() => void) | null = null;
  return {
    name: 'baokan-compress',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        cacheDir = join(fileURLToPath(config.cacheDir), 'baokan-compress');
        outDir = fileURLToPath(config.outDir);
        // _headers is written below, after the sweep, in every whole build
        if (isWhole(readPartition(process.env))) madeAfterSweep(HEADERS_FILE);
        // its siblings change the names of the site's folders after the sweep: it writes their record
        if (compressionOn()) {
          folderRecordAfterSweep();
          // it removes the siblings of a file gone, and renews those of a file written again
          siblingsAfterSweep((base) => compressible(base) && served(base));
        }
      },
      'astro:build:start': () => {
        compressor = null;
        unwatch?.();
        unwatch = null;
        if (!compressionOn() || !compressEarly()) return;
        const c = startCompressor(outDir, cacheDir, outputKept());
        compressor = c;
        unwatch = watchWrittenFiles(outDir, (path) => c.written(path));
      },
      // the pages are written: the thread goes on with those it has not reached while the search is
      // indexed (at the lowest priority, beside the two Pagefinds), and stops when the rest begins
      'astro:build:generated': () => {
        unwatch?.();
        unwatch = null;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        // _headers names the site's top-level entries: in a partitioned build the merge writes it
        if (isWhole(readPartition(process.env)))
          await writeFile(join(site, HEADERS_FILE), headersFile(base, await topEntries(site)));
        const c = compressor ?? (compressionOn() ? startCompressor(site, cacheDir) : null);
        compressor = null;
        if (!c) {
          logger.info('BAOKAN_COMPRESS=0: no pre-compressed .br/.gz files written');
          return;
        }
        const started = performance.now();
        const { error } = await c.stop();
        if (error) logger.warn(`compressing the pages as they were written stopped: ${error}`);
        // the site as the kept folder's sweep just walked it (_headers, written above, is not compressible)
        const listed = sweptFiles();
        const { totals: t, folders } = await c.finish({
          site,
          cacheDir,
          listed: listed ? withPath(listed, HEADERS_FILE) : null,
          pagesInPlace: pagesLeftInPlace() ?? new Set(),
          filesInPlace: filesLeftInPlace(),
        });
        const ms = Math.round(performance.now() - started);
        const recorded = await finishFolderRecord(site, folders);
        const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
        const pct = (from: number, to: number) => (from ? `${Math.round((1 - to / from) * 100)} %` : '0 %');
        logger.info(
          `pre-compressed ${t.files} files (${mb(t.bytes)}): ${t.early} as they were written, ` +
            `while the pages rendered and the search was indexed, the rest in ${ms} ms after: ` +
            `${t.br} .br (${mb(t.brFrom)} → ${mb(t.brTo)}, −${pct(t.brFrom, t.brTo)}), ` +
            `${t.gz} .gz (${mb(t.gzFrom)} → ${mb(t.gzTo)}, −${pct(t.gzFrom, t.gzTo)}); ` +
            `${t.skipped} left as they are (compressed already, or < 10 % smaller); ` +
            `${t.cached} unchanged since a kept build` +
            (recorded ? `; the folders' record: ${recorded.read} folder(s) read in ${recorded.ms} ms` : ''),
        );
      },
    },
  };
}
