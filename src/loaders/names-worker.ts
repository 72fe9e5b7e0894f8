/**
 * The name finder's thread (names-thread.ts): each issue handed over is given to the finder
 * (namesFinder), which writes its names file. Given `null`, it answers with its counts; a job it
 * cannot do is answered at once with the error (naming the names file), and no more jobs are done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { namesFinder, type FromNamesThread, type NamesJob, type NamesWorkerData } from './names-thread.ts';

const port = parentPort!;
const { start, finished } = workerData as NamesWorkerData;
const finder = namesFinder(start);
// the thread starts with the loader: what the first issue would load is loaded while it waits
finder.warm();
let failed = false;

port.on('message', (job: NamesJob | null) => {
  if (failed) return;
  if (job === null) {
    port.postMessage(finder.counts() satisfies FromNamesThread);
    return;
  }
  try {
    finder.run(job);
    // the loader reads this without a turn of its event loop (names-thread.ts)
    Atomics.add(finished, 0, 1);
  } catch (e) {
    failed = true;
    port.postMessage({ error: `${job.file}: ${(e as Error).message}` } satisfies FromNamesThread);
  }
});
