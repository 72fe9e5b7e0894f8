/**
 * The compressor's own thread (compress.ts, startCompressor). While the pages render, and then
 * while the search is indexed, it compresses each page the build says it wrote (compressWritten),
 * one at a time, on this thread, at the lowest priority; told to stop, it drops what it has not
 * reached. On a kept output folder it reads the last build's record meanwhile. Told to finish, it
 * compresses the rest of the site (compressSite, taking the rows of what it did already and the
 * record), prunes the cache with a heap of its own, posts the totals back and ends.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import {
  CompressionCache,
  compressSite,
  compressWritten,
  readDoneRecord,
  served,
  untouchedFiles,
  type CompressorStart,
  type FromCompressor,
  type ToCompressor,
} from './compress.ts';

const { site, cacheDir, readAhead } = workerData as CompressorStart;
// On Linux a thread's nice value is its own (setpriority of 0 is the calling thread's): at 19 this
// thread takes the time the build's threads leave on the second core, not a share of the render's
// (a one-year build rendered in 127 s beside it at the build's priority, 101 s at 19, 99 s without it).
if (process.platform === 'linux') {
  try {
    setPriority(0, 19);
  } catch {
    // not allowed: it runs at the build's priority
  }
}
const cache = new CompressionCache(cacheDir);
// the last build's record, read while the pages render rather than after the build's last step
// (one it could not read is read again by compressSite, which says why if it fails)
const record = readAhead ? readDoneRecord(cacheDir, site).catch(() => null) : null;
const touched = new Set<string>();
/** record rows of the files compressed as they were written, by site path */
const early = new Map<string, string>();
const queue: string[] = [];
let next = 0;
let open = true;
let compressed = 0;
let error: string | null = null;
let running: Promise<void> | null = null;
const post = (m: FromCompressor) => parentPort!.postMessage(m);

async function run(): Promise<void> {
  try {
    while (open && next < queue.length) {
      compressed += await compressWritten(site, [queue[next++]!], cache, early, touched, served);
      if (next >= 4096) {
        queue.splice(0, next);
        next = 0;
      }
    }
  } catch (e) {
    // what it did not reach is compressed by compressSite, which says so if it fails too
    error = e instanceof Error ? e.message : String(e);
    open = false;
  } finally {
    running = null;
  }
}

parentPort!.on('message', async (m: ToCompressor) => {
  if (m.kind === 'pages') {
    if (!open) return;
    queue.push(...m.paths);
    running ??= run();
    return;
  }
  open = false;
  await running;
  queue.length = next = 0;
  if (m.kind === 'stop') return post({ kind: 'stopped', compressed, error });
  const { job } = m;
  const totals = await compressSite(job.site, cache, {
    only: served,
    listed: job.listed ?? undefined,
    untouched: untouchedFiles(job.pagesInPlace, job.filesInPlace),
    touched,
    // rows of another folder's files say nothing of this one's
    early: job.site === site ? early : new Map(),
    record: (await record) ?? undefined,
  });
  const removed = await cache.prune();
  post({ kind: 'done', totals, folders: [...touched], removed });
  parentPort!.close();
});
