/**
 * The wire copies found on a thread of their own (copies-worker.ts runs editionCopies): the build's
 * thread hands the job over as it begins to index the names, while the second core would otherwise
 * idle; the pages that print copies wait for the answer.
 */
import { Worker } from 'node:worker_threads';
import type { CopiesJob, EditionCopies } from './edition-copies.ts';

/** What the thread answers: the copies, or the error that stopped it (one line, naming the file). */
export type FromCopiesThread = { copies: EditionCopies } | { error: string };

/**
 * The copies of `job`, found by `workerFile` (copies-worker.ts) on a thread started now, and the
 * milliseconds from the start to the answer. The answer is one structured clone: the pairs that
 * `byArticle` and `compared` list are the pairs of `pairs`, as editionCopies made them.
 */
export function copiesOnThread(
  workerFile: string,
  job: CopiesJob,
): Promise<{ copies: EditionCopies; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: job });
    let answered = false;
    worker.once('message', (m: FromCopiesThread) => {
      answered = true;
      if ('error' in m) reject(new Error(m.error));
      else resolve({ copies: m.copies, ms: Math.round(performance.now() - started) });
    });
    worker.once('error', (e) => reject(new Error(`the wire copies' thread failed: ${e.message}`)));
    worker.once('exit', (code) => {
      if (!answered)
        reject(new Error(`the wire copies' thread stopped without an answer (exit code ${code})`));
    });
  });
}
