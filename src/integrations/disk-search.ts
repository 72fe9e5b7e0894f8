/**
 * Astro integration: the search index for file:// (src/lib/search/disk.ts), written at
 * astro:build:done after the Pagefind integration (which must come before it in the list): its
 * records are read from the Pagefind bundles' fragments, so that a search from disk checks the
 * very text a search on a server checks, and gives the same counts. `BAOKAN_DISK_SEARCH=0` turns
 * it off (archive-scale builds: it costs about the site's whole text again).
 *
 * The build fails when the fragments do not hold exactly the articles the shards list.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  DISK_DIR,
  diskSearchEnabled,
  fragmentRecord,
  manifestFile,
  monthFiles,
  type DiskFile,
  type DiskMonthEntry,
  type DiskRecord,
  type PagefindFragment,
} from '../lib/search/disk.ts';
import { SHARDS_FILE, type Shard, type ShardManifest } from '../lib/search/shards.ts';
import { isWhole, readPartition } from '../lib/site/partition.ts';
import { keepInPlace, outputKept } from './kept-output.ts';
import { inPool } from '../lib/util/in-pool.ts';

/** What a Pagefind fragment file starts with, once gunzipped (Pagefind 1.x). */
const SIGNATURE = 'pagefind_dcd';

/** A fragment file's data (gzip, signature, JSON). */
export function readFragment(bytes: Uint8Array): PagefindFragment {
  const raw = Buffer.from(gunzipSync(bytes));
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE)
    throw new Error('not a Pagefind fragment (no pagefind_dcd signature)');
  return JSON.parse(raw.subarray(SIGNATURE.length).toString('utf8')) as PagefindFragment;
}

/** The shards listed in a bundle folder's shards.json. */
export async function readShards(bundleRoot: string): Promise<ShardManifest> {
  return JSON.parse(await readFile(join(bundleRoot, SHARDS_FILE), 'utf8')) as ShardManifest;
}

const fragmentCount = (dir: string, n: number, shard: Shard) =>
  new Error(
    `search-disk: ${relative(process.cwd(), dir)} holds ${n} fragments, the shard ${shard.articles} articles`,
  );

/** Fragment files read at a time. */
const READ_AT_ONCE = 16;

/** The records of one shard, from its bundle's fragments (in their names' order), as many as the shard lists. */
export async function shardRecords(bundleRoot: string, shard: Shard): Promise<DiskRecord[]> {
  const dir = join(bundleRoot, shard.id, 'fragment');
  const names = (await readdir(dir)).filter((f) => f.endsWith('.pf_fragment')).sort();
  if (names.length !== shard.articles) throw fragmentCount(dir, names.length, shard);
  // read several at a time: one after another, each file's round trips on libuv's pool left the
  // thread waiting (a ten-year edition's 204,000 fragments took 72 s)
  const records: DiskRecord[] = new Array(names.length);
  await inPool(names, READ_AT_ONCE, async (name, i) => {
    records[i] = fragmentRecord(readFragment(await readFile(join(dir, name))));
  });
  return records;
}

/** A shard's month files as kept between builds: `<cache>/<key>/` holds them and `shard.json`. */
interface KeptShard {
  files: string[];
  months: DiskMonthEntry[];
}
const KEPT_META = 'shard.json';

/**
 * A shard's key: its id and the names of its fragment files, which Pagefind names by their
 * content, so the same names mean the same records (read with one listing, no fragment opened).
 */
async function shardKey(bundleRoot: string, shard: Shard): Promise<string> {
  const dir = join(bundleRoot, shard.id, 'fragment');
  const names = (await readdir(dir)).filter((f) => f.endsWith('.pf_fragment')).sort();
  if (names.length !== shard.articles) throw fragmentCount(dir, names.length, shard);
  return createHash('sha256')
    .update(JSON.stringify([shard, names]))
    .digest('hex')
    .slice(0, 32);
}

/** A kept shard's month files and months, or null. */
async function readKept(cache: string, key: string): Promise<KeptShard | null> {
  return readFile(join(cache, key, KEPT_META), 'utf8').then(
    (t) => JSON.parse(t) as KeptShard,
    () => null,
  );
}

/** Keep a shard's month files under `key`: written to a folder of their own, then renamed into place. */
async function keep(cache: string, key: string, files: DiskFile[], months: DiskMonthEntry[]): Promise<void> {
  const tmp = join(cache, `${key}.tmp`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  for (const f of files) await writeFile(join(tmp, f.path), f.content);
  const meta: KeptShard = { files: files.map((f) => f.path), months };
  await writeFile(join(tmp, KEPT_META), JSON.stringify(meta));
  await rm(join(cache, key), { recursive: true, force: true });
  await rename(tmp, join(cache, key));
}

/** Whether `a` holds the bytes of `b` (read only when their sizes agree). */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a).catch(() => null), stat(b)]);
  if (!sa || sa.size !== sb.size) return false;
  const [ba, bb] = await Promise.all([readFile(a), readFile(b)]);
  return ba.equals(bb);
}

/**
 * In the cache: the month files as the last build left them in the output folder (the kept shard
 * each came from, its size and time), so that a daily build passes over a kept shard's files in
 * place with a `stat` each instead of reading them and their kept copies (285 MB each way at ten
 * years). A file is recorded only when its time is a second or more in the past (file times come
 * from a coarse clock: a change in the same tick would not show).
 */
export const PLACED = 'placed.json';
type Placed = [key: string, size: number, mtimeMs: number];

/** What the last build left in `out`, or nothing (missing, unreadable, another folder's). */
async function readPlaced(cache: string, out: string): Promise<Map<string, Placed>> {
  const kept = await readFile(join(cache, PLACED), 'utf8').then(
    (t) => JSON.parse(t) as { out: string; files: Record<string, Placed> },
    () => null,
  );
  return kept?.out === out ? new Map(Object.entries(kept.files)) : new Map();
}

/** Whether `file` is as the last build left it from `key` (its record, size and time). */
async function asPlaced(file: string, key: string, was: Placed | undefined): Promise<boolean> {
  if (!was || was[0] !== key) return false;
  const now = await stat(file).catch(() => null);
  return !!now && now.size === was[1] && now.mtimeMs === was[2];
}

export interface WriteDiskOptions {
  /**
   * The output folder is kept from the last build: a month file that already holds the bytes
   * it would be given stays where it is (and is named to this callback, for the kept folder's
   * sweep), instead of the folder being emptied and every file written again.
   */
  inPlace?: (paths: string[]) => void;
}

/**
 * Write the index for file:// below `out` from the Pagefind bundles below `bundleRoot`, a shard at
 * a time (whole months each), so that memory is that of one shard. With `cache` (a folder in the
 * build cache), a shard whose fragments are the same as in an earlier build gives the month files
 * kept from it (copied, or left in place in a kept folder) instead of reading every fragment again.
 */
export async function writeDiskSearch(
  bundleRoot: string,
  out: string,
  cache?: string,
  options: WriteDiskOptions = {},
): Promise<{ articles: number; months: number; bytes: number; kept: number; inPlace: number }> {
  const { shards } = await readShards(bundleRoot);
  if (!options.inPlace) await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  if (cache) await mkdir(cache, { recursive: true });
  const used = new Set<string>();
  const months: DiskMonthEntry[] = [];
  const stayed: string[] = [];
  const placedBefore = cache && options.inPlace ? await readPlaced(cache, out) : new Map<string, Placed>();
  /** each month file written or left in place, and the kept shard it came from */
  const placed = new Map<string, string>();
  let articles = 0;
  let bytes = 0;
  let kept = 0;
  for (const shard of shards) {
    const key = cache ? await shardKey(bundleRoot, shard) : '';
    used.add(key);
    const held = cache ? await readKept(cache, key) : null;
    if (held && cache) {
      kept++;
      for (const path of held.files) {
        const from = join(cache, key, path);
        const to = join(out, path);
        if (
          options.inPlace &&
          ((await asPlaced(to, key, placedBefore.get(path))) || (await sameFile(to, from)))
        )
          stayed.push(path);
        else await copyFile(from, to);
        placed.set(path, key);
      }
      months.push(...held.months);
      bytes += held.months.reduce((n, m) => n + m.bytes, 0);
    } else {
      const written = monthFiles(await shardRecords(bundleRoot, shard));
      if (cache) await keep(cache, key, written.files, written.months);
      for (const f of written.files) {
        await writeFile(join(out, f.path), f.content);
        placed.set(f.path, key);
      }
      months.push(...written.months);
      bytes += written.months.reduce((n, m) => n + m.bytes, 0);
    }
    articles += shard.articles;
  }
  if (cache)
    for (const f of await readdir(cache))
      if (!used.has(f) && f !== PLACED) await rm(join(cache, f), { recursive: true, force: true });
  // recorded by a clean build too: the first daily build after it then passes over its files with
  // a stat each instead of reading them and their kept copies (8.8 s of 285 MB at ten years)
  if (cache) {
    const settled = Date.now() - 1000;
    const files: Record<string, Placed> = {};
    for (const [path, key] of placed) {
      const now = await stat(join(out, path));
      if (now.mtimeMs < settled) files[path] = [key, now.size, now.mtimeMs];
    }
    await writeFile(join(cache, PLACED), JSON.stringify({ out, files }));
  }
  const manifest = manifestFile(shards, months);
  await writeFile(join(out, manifest.path), manifest.content);
  bytes += Buffer.byteLength(manifest.content);
  options.inPlace?.(stayed);
  return { articles, months: months.length, bytes, kept, inPlace: stayed.length };
}

export interface DiskSearchOptions {
  /** the Pagefind integration's folder; default `pagefind` */
  bundleDir?: string;
  /** write the index; default: BAOKAN_DISK_SEARCH (on unless 0) */
  enabled?: boolean;
}

export default function diskSearch(options: DiskSearchOptions = {}): AstroIntegration {
  const bundleDir = options.bundleDir ?? 'pagefind';
  let cache = '';
  return {
    name: 'baokan-disk-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = join(fileURLToPath(config.cacheDir), 'baokan-disk-search');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const out = join(site, DISK_DIR);
        // it reads every shard: in a partitioned build the merge writes it
        if (!isWhole(readPartition(process.env))) return;
        if (!(options.enabled ?? diskSearchEnabled())) {
          await rm(out, { recursive: true, force: true });
          logger.info(`BAOKAN_DISK_SEARCH=0: no ${DISK_DIR}/ (search from file:// says to use a server)`);
          return;
        }
        const started = performance.now();
        // In a kept output folder, month files that are the same stay where they are.
        const inPlace = outputKept()
          ? (paths: string[]) => keepInPlace(paths.map((p) => `${DISK_DIR}/${p}`))
          : undefined;
        const {
          articles,
          months,
          bytes,
          kept,
          inPlace: stayed,
        } = await writeDiskSearch(join(site, bundleDir), out, cache, { inPlace });
        const ms = Math.round(performance.now() - started);
        logger.info(
          `${DISK_DIR}/ (search from file://): ${articles} articles in ${months} month file(s), ` +
            `${(bytes / 1024).toFixed(1)} KiB, ${articles ? Math.round(bytes / articles) : 0} bytes an article, ` +
            `${kept} shard(s) unchanged since a kept build` +
            (inPlace ? `, ${stayed} month file(s) left where they were` : '') +
            `, ${ms} ms`,
        );
      },
    },
  };
}
