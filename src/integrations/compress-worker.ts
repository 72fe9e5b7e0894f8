/**
 * The compressor's own thread (compress.ts, compressInWorker): compresses the site and prunes the
 * cache with a heap of its own, and posts the totals back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  CompressionCache,
  compressSite,
  notHandedOn,
  untouchedFiles,
  type CompressionDone,
  type CompressionJob,
} from './compress.ts';

const job = workerData as CompressionJob;
const cache = new CompressionCache(job.cacheDir);
const touched = new Set<string>();
const totals = await compressSite(
  job.site,
  cache,
  notHandedOn,
  job.listed ?? undefined,
  untouchedFiles(job.pagesInPlace, job.filesInPlace),
  touched,
);
const removed = await cache.prune();
parentPort!.postMessage({ totals, folders: [...touched], removed } satisfies CompressionDone);
