/**
 * Astro integration: offline reading as an installable app (src/lib/site/offline.ts). At
 * astro:build:done, once the pages and the search shards are written (it is registered after the
 * search integration), it writes:
 *
 *   sw.js                               the service worker, precaching the shell (home, search page,
 *                                       stylesheet, icons, manifest, the newest shard's search code,
 *                                       the newest day's issues); its version is a digest of them
 *   archive/<yyyy>/<mm>/offline.json    what "保存本月以供离线阅读" on that month page caches
 *   archive/offline/<shard>.json        the files of a search shard, for the months it holds
 *
 * The manifest (public/manifest.webmanifest) and icons are static files; the service worker is
 * registered by src/components/offline/Register.astro, only over http(s).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  MONTH_FILE,
  monthLists,
  searchRuntime,
  serviceWorker,
  SHARD_LISTS,
  shardList,
  shellFiles,
  shellVersion,
} from '../lib/site/offline.ts';
import { SHARDS_FILE, type ShardManifest } from '../lib/search/shards.ts';
import { inSorted, routeOutputs, sitePathsBelow } from './files-below.ts';
import { writeSiteFile } from './kept-output.ts';
import { isWhole, readPartition } from '../lib/site/partition.ts';

const json = (value: unknown) => JSON.stringify(value, null, 1) + '\n';

/**
 * The site paths the service worker and the lists are made from: every file, or, given Astro's
 * route outputs (site paths), those with the search bundles' files and the top-level files,
 * which is every file they look at without walking the whole site. Sorted either way.
 */
async function offlinePaths(site: string, routes?: readonly string[]): Promise<string[]> {
  if (!routes) return sitePathsBelow(site);
  const bundles = join(site, 'pagefind');
  // sorted, then each path once: no set of a ten-year site's million paths (some 0.4 s a build)
  const all = [
    ...routes,
    ...(existsSync(bundles) ? await sitePathsBelow(bundles) : []).map((p) => `pagefind/${p}`),
    ...readdirSync(site, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name),
  ].sort();
  return all.filter((p, k) => k === 0 || p !== all[k - 1]);
}

/**
 * Write the service worker and the month and shard lists into a built site (`routes`: Astro's
 * route outputs, when known, spare walking the site).
 */
export async function writeOffline(
  site: string,
  routes?: readonly string[],
): Promise<{ shell: number; months: number; shards: number }> {
  // pre-compressed siblings left out
  const paths = (await offlinePaths(site, routes)).filter((p) => !/\.(?:br|gz)$/.test(p));
  const present = (path: string) => inSorted(paths, path);
  const html = paths.filter((p) => p.endsWith('.html'));
  const manifestFile = join(site, 'pagefind', SHARDS_FILE);
  const shards = existsSync(manifestFile)
    ? (JSON.parse(await readFile(manifestFile, 'utf8')) as ShardManifest).shards
    : [];
  // each shard's files, in one pass (an archive has dozens of shards and a million files)
  const byShard = new Map<string, string[]>();
  for (const p of paths) {
    const m = /^pagefind\/([^/]+)\/(.+)$/.exec(p);
    if (!m) continue;
    const list = byShard.get(m[1]!);
    if (list) list.push(m[2]!);
    else byShard.set(m[1]!, [m[2]!]);
  }
  const bundleFiles = (id: string) => byShard.get(id) ?? [];

  // in a kept output folder, the lists that are the same stay where they are (writeSiteFile)
  for (const s of shards)
    await writeSiteFile(site, `${SHARD_LISTS}/${s.id}.json`, json(shardList(s.id, bundleFiles(s.id))));
  let months = 0;
  for (const [month, list] of monthLists(html, shards)) {
    const folder = `archive/${month.slice(0, 4)}/${month.slice(5, 7)}`;
    if (!present(`${folder}/index.html`)) continue;
    await writeSiteFile(site, `${folder}/${MONTH_FILE}`, json(list));
    months++;
  }

  const newest = shards[0];
  const shell = shellFiles(
    html,
    present,
    newest ? searchRuntime(newest.id, bundleFiles(newest.id)) : [],
    paths.filter((p) => !p.includes('/')),
  );
  const digests = await Promise.all(
    shell.map(async (path) => ({
      path,
      sha256: createHash('sha256')
        .update(await readFile(join(site, path)))
        .digest('hex'),
    })),
  );
  // the worker's own code counts too: a new strategy is a new version
  digests.push({
    path: 'sw.js',
    sha256: createHash('sha256').update(serviceWorker('', shell)).digest('hex'),
  });
  await writeSiteFile(site, 'sw.js', serviceWorker(shellVersion(digests), shell));
  return { shell: shell.length, months, shards: shards.length };
}

export default function offlineIntegration(): AstroIntegration {
  return {
    name: 'baokan-offline',
    hooks: {
      // Pages register the worker only in a build (src/components/offline/Register.astro): a
      // worker left by a preview would otherwise answer the dev server's pages from its cache.
      // (import.meta.env.PROD cannot tell: a build run with NODE_ENV=test, as the tests do, is not PROD.)
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { __BAOKAN_OFFLINE__: JSON.stringify(command === 'build') } } });
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        // the worker's shell and the month lists need the whole site: the merge writes them
        if (!isWhole(readPartition(process.env))) {
          logger.info('partitioned build: sw.js and the offline lists are written by the merge');
          return;
        }
        const started = performance.now();
        const r = await writeOffline(fileURLToPath(dir), routeOutputs(dir, assets));
        logger.info(
          `sw.js precaches ${r.shell} files; ${r.months} month list(s) for 保存本月, ` +
            `${r.shards} search shard list(s) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
