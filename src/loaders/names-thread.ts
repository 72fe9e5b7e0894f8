/**
 * The name finder on a thread of its own. The content layer runs on one thread, and finding the
 * names in an issue's text costs about as much as parsing it (ten years: 90 s of 224 s) while the
 * second core idles. The loader parses an issue and hands its text paragraphs here; the thread
 * (names-worker.ts) finds the names, keeps them in the names cache and writes the names
 * file, while the loader parses the next issue. Nothing reads a names file before the loader is
 * done, and the loader is done only once the thread has written them all (finish).
 *
 * The thread starts at once, so that it has loaded the finder (its modules, jieba's dictionary, the
 * gazetteer: about a second) while the loader goes through the issues: a daily build finds one
 * issue's names, the newest, handed over last, and waited for the thread's start after it when the
 * thread began with its first job. Given nothing, the thread is ended without a wait. It does the
 * jobs in the order given.
 *
 * On two cores the two threads slow each other, and finding the names took the thread longer than
 * parsing took the loader: a cold ten-year build's loader waited 54 s for the thread after its last
 * issue. So the loader finds an issue's names itself when the thread already has `backlog` issues
 * it has not finished (THREAD_BACKLOG; the thread counts what it finished in memory both share,
 * since the loader's loop does not give its event loop a turn to hear messages): the two
 * threads end about together.
 *
 * `BAOKAN_NAMES_INLINE=1` finds them all on the loader's own thread, one at a time as they are
 * handed over (to compare, or where a thread cannot start).
 */
import { writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { articleNames, namesById, type NameParagraphs } from '../lib/people/article-names.ts';
import { parseGazetteer } from '../lib/people/gazetteer.ts';
import { diskNamesCache } from '../lib/people/names-cache.ts';

/** One issue's names to find: its names file, its key in the names cache, its articles' ids and text paragraphs. */
export interface NamesJob {
  file: string;
  key: string;
  ids: string[];
  paragraphs: NameParagraphs[];
}

/** What the finder is started with (the thread's workerData). */
export interface NamesThreadStart {
  /** the names cache's folder */
  cacheDir: string;
  /** the code's fingerprint (the names cache's key) */
  fingerprint: string;
  /** the gazetteer's text ('' when there is none) and its path (for messages) */
  gazetteerText: string;
  gazetteerFile: string;
}

/** Issues whose names were found, and the ms finding them took. */
export interface NamesCounts {
  found: number;
  ms: number;
}

/** What the thread is started with: the finder's start, and the count of jobs it finished (shared memory, one Int32). */
export interface NamesWorkerData {
  start: NamesThreadStart;
  finished: Int32Array;
}

/** Issues the thread may have unfinished before the loader finds the next issue's names itself. */
export const THREAD_BACKLOG = 2;

/** What the thread answers `null` (no more jobs) with, or the first job it could not do. */
export type FromNamesThread = NamesCounts | { error: string };

/**
 * The finder itself (on whichever thread): each job's names, from the names cache or found and
 * kept there, written to its names file as the loader writes kept ones (namesById).
 */
export function namesFinder(start: NamesThreadStart): {
  run(job: NamesJob): void;
  counts(): NamesCounts;
  /** find the names in a sentence and drop them: loads what the first issue would wait for (jieba's dictionary) */
  warm(): void;
} {
  const gazetteer = parseGazetteer(start.gazetteerText, start.gazetteerFile);
  const cache = diskNamesCache(start.cacheDir, start.fingerprint, start.gazetteerText);
  return {
    run(job) {
      const find = () => job.paragraphs.map((p) => articleNames(p, gazetteer));
      writeFileSync(job.file, JSON.stringify(namesById(job.ids, cache.names(job.paragraphs, find, job.key))));
    },
    counts: () => {
      const { found, ms } = cache.counts();
      return { found, ms };
    },
    warm: () => void articleNames([{ id: 'p1', text: '衡阳市人民政府召开常务会议。' }], gazetteer),
  };
}

export interface NamesThread {
  /** whether the names are found on the caller's thread (BAOKAN_NAMES_INLINE=1) */
  inline: boolean;
  /** hand an issue over */
  find(job: NamesJob): void;
  /**
   * wait for every job handed over: how many issues' names were found, in how many ms of the
   * finders', and how many of them on the loader's thread (`helped`) while the thread was behind
   */
  finish(): Promise<NamesCounts & { helped: number }>;
  /** stop the thread without waiting (the caller failed) */
  stop(): void;
}

/**
 * A names thread running `workerFile` (names-worker.ts), started at once; the caller's thread finds
 * an issue's names itself when the thread has `backlog` issues unfinished.
 */
export function namesThread(
  workerFile: string,
  start: NamesThreadStart,
  inline = process.env.BAOKAN_NAMES_INLINE === '1',
  backlog = THREAD_BACKLOG,
): NamesThread {
  /** the finder on the caller's thread, made when it is first needed */
  let own: ReturnType<typeof namesFinder> | null = null;
  const ownCounts = () => own?.counts() ?? { found: 0, ms: 0 };
  if (inline) {
    return {
      inline,
      find: (job) => (own ??= namesFinder(start)).run(job),
      finish: async () => ({ ...ownCounts(), helped: 0 }),
      stop: () => undefined,
    };
  }
  const finished = new Int32Array(new SharedArrayBuffer(4));
  const w = new Worker(workerFile, { workerData: { start, finished } satisfies NamesWorkerData });
  let worker: Worker | null = w;
  // it does not keep the process alive until it is waited for (a loader that fails does not wait)
  w.unref();
  let answer: Promise<FromNamesThread> | null = new Promise<FromNamesThread>((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`the name finder's thread stopped (exit code ${code})`)));
  });
  answer.catch(() => undefined); // awaited in finish, when there was work
  let given = 0;
  return {
    inline,
    find(job) {
      if (!worker) throw new Error('the name finder was given an issue after it was stopped');
      if (given - Atomics.load(finished, 0) >= backlog) {
        (own ??= namesFinder(start)).run(job);
        return;
      }
      given++;
      worker.postMessage(job);
    },
    async finish() {
      const mine = ownCounts();
      const helped = { ...mine, helped: mine.found };
      if (!worker || !answer) return helped;
      try {
        if (!given) return helped;
        worker.ref();
        worker.postMessage(null);
        const got = await answer;
        if ('error' in got) throw new Error(got.error);
        return { found: got.found + mine.found, ms: got.ms + mine.ms, helped: mine.found };
      } finally {
        await worker.terminate();
        worker = null;
        answer = null;
      }
    },
    stop() {
      void worker?.terminate();
      worker = null;
      answer = null;
    },
  };
}
