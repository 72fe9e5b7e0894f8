/**
 * Look up files on a thread of its own, so that the kernel holds their names and attributes when
 * the build's thread asks for them (as git's core.preloadIndex does for a work tree's files).
 *
 * A daily build keeps the last build's pages in place, and Astro's incremental build checks that
 * each page it does not render again is still there (an existsSync a page). At ten years that is
 * 325,000 lookups on the build's thread: 4.2 s of a day after the kernel had let go of the folders,
 * 2.4 s with this thread's lookups done first (timed inside Astro, 2026-12-06). The thread does
 * them while the build's thread reads the content store and Astro starts (some 13–15 s), on the
 * machine's other core.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PreloadDone, PreloadStart } from './preload-stats-worker.ts';

export type { PreloadDone } from './preload-stats-worker.ts';

/**
 * Look up `paths` (below `folder`) on a thread of its own; the answer once it has. The thread does
 * not keep the process alive, and a thread that fails answers null: the lookups only save time.
 */
export function preloadStats(folder: string, paths: readonly string[]): Promise<PreloadDone | null> {
  if (!paths.length) return Promise.resolve({ found: 0, missing: 0, absent: [], ms: 0 });
  const worker = new Worker(new URL('./preload-stats-worker.ts', import.meta.url), {
    workerData: { folder, paths } satisfies PreloadStart,
  });
  worker.unref();
  return new Promise((resolve) => {
    worker.once('message', (m: PreloadDone) => resolve(m));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}

/**
 * Until the returned function is called, `fs.existsSync` answers true for a file URL of one of
 * `paths` below `folder` that the lookups found (all but `absent`) without asking the kernel, and
 * asks it as before for anything else. Astro checks each page it does not render again with
 * `existsSync(url)` (its generate.js, through the `node:fs` module object): at ten years 325,000
 * calls, 2.4 s of a daily build's thread even with the folders looked up first (timed inside
 * Astro, 2026-12-06).
 *
 * For a kept output folder only, between the lookups and the end of the pages' generation: no step
 * of the build removes a file from the folder before then (the stale pages and files go at
 * astro:build:done, kept-output.ts), so a file that was there is there still. The returned
 * function says how many calls were answered so.
 */
export function existsFromLookups(
  folder: string,
  paths: readonly string[],
  absent: readonly string[],
): () => number {
  const base = pathToFileURL(folder.endsWith('/') ? folder : `${folder}/`).href;
  let present: Set<string> | null = null;
  const real = fs.existsSync;
  let answered = 0;
  const ours = function existsSync(p: fs.PathLike): boolean {
    if (p instanceof URL) {
      const href = p.href;
      if (href.startsWith(base) && !href.includes('%')) {
        const path = href.slice(base.length);
        // made at the first call: the build's thread is in Astro's loop over the pages by then
        if (!present) {
          present = new Set(paths);
          for (const p of absent) present.delete(p);
        }
        if (present.has(path)) {
          answered++;
          return true;
        }
      }
    }
    return real(p);
  };
  fs.existsSync = ours;
  return () => {
    if (fs.existsSync === ours) fs.existsSync = real;
    present = null;
    return answered;
  };
}
