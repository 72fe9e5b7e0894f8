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
 *   (Pagefind's `.pf_*` chunks and wasm: their first bytes say so) are left alone. Both use fixed parameters and gzip's header carries no time or
 *   name, so two builds of the same input give the same bytes. `BAOKAN_COMPRESS=0` turns this off
 *   (the GitHub Pages workflow does: Pages compresses on the fly and never serves siblings).
 *
 * The compression runs on zlib's thread pool, a few files at a time. Each result is kept in the
 * build cache (`<cacheDir>/baokan-compress/`) under a digest of the file's bytes and the
 * parameters, so a daily build compresses only the files that changed; kept results no build used
 * are removed. A file left without siblings whose size and time are unchanged since the last build
 * is not read again (`left.json` there).
 */
import type { AstroIntegration } from 'astro';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { readJson } from '../lib/util/json-files.ts';
import { sitePathsBelow } from './files-below.ts';
import { isWhole, PARTITION_DIR, readPartition } from '../lib/site/partition.ts';
import { brotliQuality, compressible, headersFile, isGzip, worthKeeping } from '../lib/site/wire.ts';

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
 * Brotli in text mode at a fixed quality (brotliQuality: 11 for the shell, 7 for the bulk) and a
 * window fitted to the file; the size hint is the file's own size, so the same file always gives
 * the same bytes.
 */
export async function brotliBytes(data: Buffer, quality: number): Promise<Buffer> {
  return brotli(data, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_LGWIN]: brotliWindow(data.length),
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

/** gzip's level (part of the cache key of a kept result). */
const GZIP_LEVEL = 6;

/**
 * gzip at GZIP_LEVEL; Node writes no name and a zero modification time in the header. Level 9 made the
 * site's pages 0.06 % smaller at 1.7 times the time (3,000 pages of a benchmark archive, 2026-12-03).
 */
export async function gzipBytes(data: Buffer): Promise<Buffer> {
  return gz(data, { level: GZIP_LEVEL, memLevel: 9, windowBits: 15, strategy: constants.Z_DEFAULT_STRATEGY });
}

/** Whether compression is on: unless BAOKAN_COMPRESS is 0 / false / off / no. */
export function compressionOn(env = process.env.BAOKAN_COMPRESS): boolean {
  return !/^(?:0|false|off|no)$/i.test((env ?? '').trim());
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
  }

  /** Remove kept results this build did not ask for. */
  async prune(): Promise<number> {
    let removed = 0;
    for (const sub of await readdir(this.dir).catch(() => [] as string[]))
      for (const name of await readdir(join(this.dir, sub)).catch(() => [] as string[]))
        if (!this.used.has(name)) {
          await rm(join(this.dir, sub, name), { force: true });
          removed++;
        }
    return removed;
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), key);
  }
}

/** The siblings worth writing for `data`: from the cache when it has them, else compressed (and kept). */
async function siblings(
  data: Buffer,
  quality: number,
  cache?: CompressionCache,
): Promise<Siblings & { fromCache: boolean }> {
  const digest = createHash('sha256').update(data).digest('hex');
  const key = `${digest}-q${quality}-w${brotliWindow(data.length)}-l${GZIP_LEVEL}`;
  const kept = await cache?.get(key);
  if (kept) return { ...kept, fromCache: true };
  const [b, g] = await Promise.all([brotliBytes(data, quality), gzipBytes(data)]);
  const made = {
    br: worthKeeping(data.length, b.length) ? b : null,
    gz: worthKeeping(data.length, g.length) ? g : null,
  };
  await cache?.put(key, made);
  return { ...made, fromCache: false };
}

/**
 * Write `.br` and `.gz` beside every compressible file below `site` (or those `only` accepts:
 * the merge of a partitioned build compresses what it wrote). A file whose siblings are there and
 * not older than it is left as it is (a page a daily build kept in place, src/lib/site/kept-output.ts);
 * siblings of a changed file, and siblings whose file is gone, are removed first. With a cache,
 * files compressed by an earlier build are not compressed again.
 */
export async function compressSite(
  site: string,
  cache?: CompressionCache,
  only: (path: string) => boolean = () => true,
): Promise<CompressionTotals> {
  const all = await sitePathsBelow(site);
  const present = new Set(all);
  for (const f of all)
    if (
      /\.(?:br|gz)$/.test(f) &&
      compressible(f.slice(0, -3)) &&
      only(f.slice(0, -3)) &&
      !present.has(f.slice(0, -3))
    )
      await rm(join(site, f), { force: true });
  const files = all.filter((f) => compressible(f) && only(f));
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
  };
  /** The file's siblings when they are there and none is older than it (sizes), else null. */
  const current = async (file: string, path: string) => {
    const has = { br: present.has(`${path}.br`), gz: present.has(`${path}.gz`) };
    if (!has.br && !has.gz) return null;
    const [f, br, gz] = await Promise.all([
      stat(file),
      has.br ? stat(`${file}.br`) : null,
      has.gz ? stat(`${file}.gz`) : null,
    ]);
    if ((br && br.mtimeMs < f.mtimeMs) || (gz && gz.mtimeMs < f.mtimeMs)) {
      await Promise.all([rm(`${file}.br`, { force: true }), rm(`${file}.gz`, { force: true })]);
      return null;
    }
    return { size: f.size, br: br?.size ?? null, gz: gz?.size ?? null };
  };
  // Files the last build left without siblings (compressed already, or not worth it), by size and
  // time: one unchanged since is not read again (Pagefind's fragments are most of an archive's files).
  const leftFile = cache && join(cache.dir, LEFT_RECORD);
  const leftBefore = leftFile ? readLeft(leftFile, site) : new Map<string, [number, number]>();
  const left = new Map<string, [number, number]>();
  const leftAlone = async (file: string, path: string) => {
    const was = leftBefore.get(path);
    if (!was || present.has(`${path}.br`) || present.has(`${path}.gz`)) return false;
    const { size, mtimeMs } = await stat(file);
    if (size !== was[0] || mtimeMs !== was[1]) return false;
    left.set(path, was);
    t.bytes += size;
    t.skipped++;
    return true;
  };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const path = files[next++]!;
      const file = join(site, path);
      if (await leftAlone(file, path)) continue;
      const kept = await current(file, path);
      if (kept) {
        t.bytes += kept.size;
        t.cached++;
        if (kept.br !== null) {
          t.br++;
          t.brFrom += kept.size;
          t.brTo += kept.br;
        }
        if (kept.gz !== null) {
          t.gz++;
          t.gzFrom += kept.size;
          t.gzTo += kept.gz;
        }
        continue;
      }
      const data = await readFile(file);
      t.bytes += data.length;
      const leave = async () => {
        const { size, mtimeMs } = await stat(file);
        if (size === data.length) left.set(path, [size, mtimeMs]);
      };
      if (isGzip(data)) {
        t.skipped++;
        await leave();
        continue;
      }
      const { br, gz, fromCache } = await siblings(data, brotliQuality(path), cache);
      if (fromCache) t.cached++;
      if (br) {
        await writeFile(`${file}.br`, br);
        t.br++;
        t.brFrom += data.length;
        t.brTo += br.length;
      }
      if (gz) {
        await writeFile(`${file}.gz`, gz);
        t.gz++;
        t.gzFrom += data.length;
        t.gzTo += gz.length;
      }
      if (!br && !gz) {
        t.skipped++;
        await leave();
      }
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  if (leftFile) {
    await mkdir(cache.dir, { recursive: true });
    await writeFile(leftFile, JSON.stringify({ site, rules: LEFT_RULES, files: Object.fromEntries(left) }));
  }
  return t;
}

/** In the compression cache: the files the last build left without siblings, with their size and time. */
const LEFT_RECORD = 'left.json';

/** What decides whether a file gets siblings: a record made under other rules is not used. */
const LEFT_RULES = createHash('sha256')
  .update(`${GZIP_LEVEL}\0${brotliWindow}\0${brotliQuality}\0${worthKeeping}\0${compressible}\0${isGzip}`)
  .digest('hex');

/** The files `site`'s last build left without siblings (none when the record is missing, another site's or another rule's). */
function readLeft(file: string, site: string): Map<string, [number, number]> {
  const kept = readJson<{ site: string; rules: string; files: Record<string, [number, number]> }>(file);
  return kept?.site === site && kept.rules === LEFT_RULES ? new Map(Object.entries(kept.files)) : new Map();
}

/** The top-level entries of the built site, for `_headers`. */
async function topEntries(site: string): Promise<{ name: string; dir: boolean }[]> {
  return (await readdir(site, { withFileTypes: true })).map((e) => ({ name: e.name, dir: e.isDirectory() }));
}

export default function compressIntegration(): AstroIntegration {
  let base = '/';
  let cacheDir = '';
  return {
    name: 'baokan-compress',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        cacheDir = join(fileURLToPath(config.cacheDir), 'baokan-compress');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        // _headers names the site's top-level entries: in a partitioned build the merge writes it
        if (isWhole(readPartition(process.env)))
          await writeFile(join(site, '_headers'), headersFile(base, await topEntries(site)));
        if (!compressionOn()) {
          logger.info('BAOKAN_COMPRESS=0: no pre-compressed .br/.gz files written');
          return;
        }
        const started = performance.now();
        const cache = new CompressionCache(cacheDir);
        // what a partition hands to the merge is not served
        const t = await compressSite(site, cache, (p) => !p.startsWith(`${PARTITION_DIR}/`));
        await cache.prune();
        const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
        const pct = (from: number, to: number) => (from ? `${Math.round((1 - to / from) * 100)} %` : '0 %');
        logger.info(
          `pre-compressed ${t.files} files (${mb(t.bytes)}) in ${Math.round(performance.now() - started)} ms: ` +
            `${t.br} .br (${mb(t.brFrom)} → ${mb(t.brTo)}, −${pct(t.brFrom, t.brTo)}), ` +
            `${t.gz} .gz (${mb(t.gzFrom)} → ${mb(t.gzTo)}, −${pct(t.gzFrom, t.gzTo)}); ` +
            `${t.skipped} left as they are (compressed already, or < 10 % smaller); ` +
            `${t.cached} unchanged since a kept build`,
        );
      },
    },
  };
}
