/**
 * The content store's own thread (store-write.ts, writeInThread): copies the store back from V8's
 * serialiser and writes it with Astro's FileWriter, then says so.
 */
import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { Collections, StoreWriteJob } from './store-write.ts';

const job = workerData as StoreWriteJob;
const { FileWriter } = (await import(job.writerModule)) as {
  FileWriter: new (file: string) => { write(collections: Collections): Promise<boolean> };
};
await new FileWriter(job.file).write(deserialize(job.store) as Collections);
parentPort!.postMessage('written');
