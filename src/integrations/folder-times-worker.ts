/**
 * The helper thread of folderTimes (folder-times.ts): it takes the times of the folders it was
 * given from the last one back, each one the build's thread has not taken already, and says how
 * many it took once it has gone through them all.
 */
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { DONE, FREE, HELPER, type FolderTimesStart } from './folder-times.ts';

const { dirs, state, times } = workerData as FolderTimesStart;
let taken = 0;
for (let i = dirs.length - 1; i >= 0; i--) {
  if (Atomics.compareExchange(state, i, FREE, HELPER) !== FREE) continue;
  const s = statSync(dirs[i]!, { throwIfNoEntry: false });
  times[i] = s ? s.mtimeMs : Number.NaN;
  Atomics.store(state, i, DONE);
  taken++;
}
parentPort!.postMessage(taken);
