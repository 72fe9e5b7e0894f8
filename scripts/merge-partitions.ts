/**
 * npx tsx scripts/merge-partitions.ts --out dist --part dist-2020 --part dist-2021 --part dist-lists
 *
 * The last step of a partitioned build (src/lib/site/partition.ts, docs/scale.md): joins the
 * outputs of the partitions' builds (`BAOKAN_PARTITION=years:…` and `lists`) into one site, then
 * does what needs the whole site, as the integrations of a single build do it and in their order:
 * the search (each partition's shards copied from what it kept, the shards across two partitions
 * indexed here, shards.json), the file:// search index, the sitemap, the service worker and the
 * offline lists, `_headers` and the pre-compressed siblings of the files written here. The result
 * is byte for byte what a single build of the same seeds publishes.
 *
 * A file that two partitions both wrote must be the same in both (the pages every build writes:
 * the home page, site.css …); when it is not, the merge stops with one line naming the file and
 * the two partitions, exit code 1. Settings are read from the environment as the build reads them
 * (BAOKAN_SEARCH_SHARD, BAOKAN_DISK_SEARCH, BAOKAN_COMPRESS); the sitemap's origin and base path
 * from what the partitions recorded.
 */
import { createReadStream } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSearch, shardLimit } from '../src/integrations/pagefind.ts';
import { writeDiskSearch } from '../src/integrations/disk-search.ts';
import { sitemapFiles, type PartitionPages } from '../src/integrations/sitemap.ts';
import { writeOffline } from '../src/integrations/offline.ts';
import { compressionOn, compressSite } from '../src/integrations/compress.ts';
import { sitePathsBelow } from '../src/integrations/files-below.ts';
import { diskSearchEnabled, DISK_DIR } from '../src/lib/search/disk.ts';
import { headersFile } from '../src/lib/site/wire.ts';
import { PARTITION_DIR, PARTITION_PAGES, PARTITION_SEARCH } from '../src/lib/site/partition.ts';

/** A merge that cannot go on: one line for the user. */
export class MergeError extends Error {}

/** Whether two files hold the same bytes. */
async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a), stat(b)]);
  if (sa.size !== sb.size) return false;
  if (sa.size < 1 << 20) return (await readFile(a)).equals(await readFile(b));
  const read = async (f: string) => {
    const chunks: Buffer[] = [];
    for await (const c of createReadStream(f)) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };
  return (await read(a)).equals(await read(b));
}

export interface MergeOptions {
  log?: (line: string) => void;
}

export interface MergeResult {
  /** files copied from the partitions */
  files: number;
  /** files two or more partitions wrote the same */
  shared: number;
  /** files written by the whole-site steps */
  written: number;
}

/**
 * Join the partitions' outputs `parts` into `out` (emptied first) and run the whole-site steps.
 * Throws MergeError (one line) on a part that is no partition's output or on two partitions that
 * wrote one file differently.
 */
export async function mergePartitions(
  parts: readonly string[],
  out: string,
  { log = () => {} }: MergeOptions = {},
): Promise<MergeResult> {
  if (!parts.length) throw new MergeError('no partition given (--part <folder>, one for each)');
  for (const part of parts) {
    const pages = join(part, PARTITION_DIR, PARTITION_PAGES);
    if (!(await stat(pages).catch(() => null)))
      throw new MergeError(
        `${part}: not the output of a partitioned build (no ${PARTITION_DIR}/${PARTITION_PAGES})`,
      );
    if (resolve(part) === resolve(out))
      throw new MergeError(`${part}: the output folder cannot be a partition`);
  }
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  // 1. the files, each from the first partition that has it; the others' copies must be the same
  const from = new Map<string, string>();
  let shared = 0;
  for (const part of parts) {
    for (const path of await sitePathsBelow(part)) {
      if (path.startsWith(`${PARTITION_DIR}/`)) continue;
      const target = join(out, path);
      const first = from.get(path);
      if (first !== undefined) {
        if (!(await sameBytes(join(part, path), target)))
          throw new MergeError(
            `${path} differs between ${first} and ${part}: partitions must agree on the files they share`,
          );
        shared++;
        continue;
      }
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(part, path), target);
      from.set(path, part);
    }
  }
  log(`${from.size} files from ${parts.length} partition(s), ${shared} written alike by more than one`);
  const copied = new Set(from.keys());

  // 2. the search: every partition's kept shards stand in for indexing them again
  const kept = await mkdtemp(join(tmpdir(), 'baokan-merge-search-'));
  try {
    for (const part of parts) {
      const dir = join(part, PARTITION_DIR, PARTITION_SEARCH);
      for (const name of await readdir(dir).catch(() => [] as string[]))
        await cp(join(dir, name), join(kept, name), { recursive: true });
    }
    await buildSearch(out, join(out, 'pagefind'), {
      language: 'zh',
      limit: shardLimit(undefined),
      logger: { info: log, warn: (m) => log(`warning: ${m}`) },
      cache: kept,
    });
  } finally {
    await rm(kept, { recursive: true, force: true });
  }

  // 3. the file:// search index
  if (diskSearchEnabled()) await writeDiskSearch(join(out, 'pagefind'), join(out, DISK_DIR));

  // 4. the sitemap, from every partition's pages
  const recorded = await Promise.all(
    parts.map(
      async (p) =>
        JSON.parse(await readFile(join(p, PARTITION_DIR, PARTITION_PAGES), 'utf8')) as PartitionPages,
    ),
  );
  const { site, base } = recorded[0]!;
  for (const [k, r] of recorded.entries())
    if (r.site !== site || r.base !== base)
      throw new MergeError(
        `${parts[k]} was built for ${r.site ?? '(no origin)'}${r.base}, ${parts[0]} for ${site ?? '(no origin)'}${base}`,
      );
  if (site) {
    const files = sitemapFiles([...new Set(recorded.flatMap((r) => r.pages))], site, base);
    for (const [name, xml] of files) await writeFile(join(out, name), xml);
  } else log('no sitemap: the partitions were built without a site origin (BAOKAN_SITE)');

  // 5. the service worker and the offline lists
  await writeOffline(out);

  // 6. _headers, and the siblings of what the steps above wrote
  const top = (await readdir(out, { withFileTypes: true })).map((e) => ({
    name: e.name,
    dir: e.isDirectory(),
  }));
  await writeFile(join(out, '_headers'), headersFile(base, top));
  const after = await sitePathsBelow(out);
  const written = new Set(after.filter((p) => !copied.has(p) && !/\.(?:br|gz)$/.test(p)));
  if (compressionOn()) await compressSite(out, undefined, { only: (p) => written.has(p) });
  log(`whole-site steps wrote ${written.size} files`);
  return { files: from.size, shared, written: written.size };
}

async function main(): Promise<void> {
  const usage =
    'usage: npx tsx scripts/merge-partitions.ts --out <folder> --part <folder> [--part <folder> …]';
  let values: { out?: string; part?: string[]; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2).filter((a) => a !== '--'),
      options: {
        out: { type: 'string' },
        part: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message.split('\n')[0]}\n${usage}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (!values.out || !values.part?.length) {
    process.stderr.write(`${usage}\n`);
    process.exit(2);
  }
  try {
    const r = await mergePartitions(values.part, values.out, {
      log: (l) => process.stdout.write(`[merge] ${l}\n`),
    });
    process.stdout.write(
      `[merge] ${values.out}: ${r.files} files from the partitions, ${r.written} written for the whole site\n`,
    );
  } catch (e) {
    if (!(e instanceof MergeError)) throw e;
    process.stderr.write(`merge-partitions: ${e.message}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
