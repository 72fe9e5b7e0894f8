/**
 * The thread of preloadStats (preload-stats.ts): it looks up each file it was given, one after
 * another, and says which were not there and how long it took.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/** What the thread starts with. */
export interface PreloadStart {
  /** the folder the paths are in */
  folder: string;
  /** paths below `folder`, '/' between names */
  paths: readonly string[];
}

/** What the thread answers once it has looked at every path. */
export interface PreloadDone {
  found: number;
  missing: number;
  /** the paths that were not there */
  absent: string[];
  ms: number;
}

const { folder, paths } = workerData as PreloadStart;
const started = performance.now();
const absent: string[] = [];
for (const p of paths) if (!lstatSync(join(folder, p), { throwIfNoEntry: false })) absent.push(p);
parentPort!.postMessage({
  found: paths.length - absent.length,
  missing: absent.length,
  absent,
  ms: Math.round(performance.now() - started),
} satisfies PreloadDone);
