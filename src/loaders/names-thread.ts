/**
 * The name finder in a thread of its own. The content layer runs on one thread, and finding the
 * names in an issue's text costs about as much as parsing it (ten years: 90 s of 224 s), while the
 * second core idles. The loader parses an issue and hands its text paragraphs here; the thread
 * (names-worker.ts) finds the names, keeps them in the names cache, and writes the names
 * file, while the loader parses the next issue. Nothing reads a names file before the loader is
 * done, and the loader is done only once the thread has written them all (finish).
 *
 * The thread starts with the first issue whose names are not kept (a daily build finds one issue's,
 * or none), and jobs are done in the order given.
 */
import { Worker } from 'node:worker_threads';
import type { NameParagraphs } from '../lib/people/article-names.ts';

/** One issue's names to find: its names file, its key in the names cache, its articles' ids and text paragraphs. */
export interface NamesJob {
  file: string;
  key: string;
  ids: string[];
  paragraphs: NameParagraphs[];
}

/** What the thread is started with (its workerData). */
export interface NamesThreadStart {
  /** the names cache's folder */
  cacheDir: string;
  /** the code's fingerprint (the names cache's key) */
  fingerprint: string;
  /** the gazetteer's text ('' when there is none) and its path (for messages) */
  gazetteerText: string;
  gazetteerFile: string;
}

/** What the thread answers `null` (no more jobs) with, or the first job it could not do. */
export type FromNamesThread = { found: number; ms: number } | { error: string };

export interface NamesThread {
  /** hand an issue over; the thread starts with the first */
  find(job: NamesJob): void;
  /** wait for every job handed over; how many issues' names were found, in how many ms of the thread's */
  finish(): Promise<{ found: number; ms: number }>;
}

/** A names thread running `workerFile` (names-worker.ts) once it is given work. */
export function namesThread(workerFile: string, start: NamesThreadStart): NamesThread {
  let worker: Worker | null = null;
  let answer: Promise<FromNamesThread> | null = null;
  return {
    find(job) {
      if (!worker) {
        const w = new Worker(workerFile, { workerData: start });
        worker = w;
        answer = new Promise<FromNamesThread>((resolve, reject) => {
          w.once('message', resolve);
          w.once('error', reject);
          w.once('exit', (code) => reject(new Error(`the name finder's thread stopped (exit code ${code})`)));
        });
        answer.catch(() => undefined); // awaited in finish
      }
      worker.postMessage(job);
    },
    async finish() {
      if (!worker || !answer) return { found: 0, ms: 0 };
      worker.postMessage(null);
      try {
        const got = await answer;
        if ('error' in got) throw new Error(got.error);
        return got;
      } finally {
        await worker.terminate();
        worker = null;
        answer = null;
      }
    },
  };
}
