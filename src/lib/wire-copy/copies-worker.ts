/**
 * The wire copies' thread (copies-thread.ts): finds the copies of the job it was started with
 * (editionCopies) and answers once, with them or with the error that stopped it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { editionCopies, type CopiesJob } from './edition-copies.ts';
import type { FromCopiesThread } from './copies-thread.ts';

let answer: FromCopiesThread;
try {
  answer = { copies: editionCopies(workerData as CopiesJob) };
} catch (e) {
  answer = { error: (e as Error).message };
}
parentPort!.postMessage(answer);
