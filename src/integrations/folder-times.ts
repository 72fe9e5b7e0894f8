/**
 * Folder times taken on two threads at once. The kept folder's sweep walks the whole site
 * (files-below.ts), and a walk takes each folder's time with a `stat` to know whether the last
 * build's record of its names still holds: at ten years 318,000 stats, most of the sweep's 5 s on
 * the build's thread while the machine's other core waited for the compressor's listing.
 *
 * The build's thread walks the folders in the record's order (the order the last build's walk found
 * them in), and a helper thread takes their times from the record's far end back; each folder is
 * claimed in shared memory by whichever thread comes to it first, so the two meet wherever the work
 * divides, and no folder is taken twice. Both start once the steps that write into the site are done,
 * so a time the helper took is as good as one the walk would have taken.
 */
import { Worker } from 'node:worker_threads';

/** A folder's claim: no one's yet, the build's thread's, the helper's, or the helper's with its time. */
export const FREE = 0;
export const OWN = 1;
export const HELPER = 2;
export const DONE = 3;

/** What the helper starts with: the folders (absolute paths) and the shared claims and times. */
export interface FolderTimesStart {
  dirs: readonly string[];
  /** a claim for each folder (Int32Array over shared memory) */
  state: Int32Array;
  /** the times the helper took (Float64Array over shared memory; NaN: no such folder) */
  times: Float64Array;
}

export interface FolderTimes {
  /**
   * The time of the folder at `place` when the helper took it; NaN when the build's thread is to
   * take it itself (it is claimed for it then, and the helper passes over it).
   */
  take(place: number): number;
  /** the helper's answer once it has gone through every folder: how many it took (null: it failed) */
  done: Promise<number | null>;
  /** stop the helper; how many times it took */
  stop(): Promise<number>;
}

/** Times of `dirs` (absolute paths), shared with a helper thread started now. */
export function folderTimes(dirs: readonly string[]): FolderTimes {
  const state = new Int32Array(new SharedArrayBuffer(4 * dirs.length));
  const times = new Float64Array(new SharedArrayBuffer(8 * dirs.length));
  const worker = new Worker(new URL('./folder-times-worker.ts', import.meta.url), {
    workerData: { dirs, state, times } satisfies FolderTimesStart,
  });
  worker.unref();
  let taken: number | null = null;
  const answered = new Promise<number | null>((resolve) => {
    worker.once('message', (n: number) => resolve((taken = n)));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return {
    done: answered,
    take(place) {
      const was = Atomics.compareExchange(state, place, FREE, OWN);
      // the helper's time, stored before it marked the folder done
      return was === DONE ? times[place]! : Number.NaN;
    },
    async stop() {
      if (taken === null) {
        void worker.terminate();
        await answered;
      }
      // what it took before it stopped: the folders marked done
      let done = 0;
      for (let i = 0; i < state.length; i++) if (Atomics.load(state, i) === DONE) done++;
      return done;
    },
  };
}
