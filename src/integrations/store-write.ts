/**
 * The content store written back by a thread of its own (used by store-file.ts in a build).
 *
 * At the end of its content sync Astro writes the whole store back to `data-store.json` (its
 * FileWriter, astro/dist/content/data-store-writer.js): it sorts every collection, serialises the
 * store with devalue, reads the old file to compare and writes the new one. That is the same work
 * whether one issue changed or all of them: at ten years some 13 s of the main thread and a share of
 * its garbage collection, on a daily build that stored 60 of 237,000 records. The build itself never
 * reads the file again (the pages take the store handed over, store-file.ts); only the next build
 * does. So the write need not hold the build up: the store is copied with V8's serialiser (a native
 * structured clone into one buffer, object identity kept, so devalue's output is unchanged) and a
 * worker thread (store-write-worker.ts) runs Astro's own FileWriter on the copy (the same bytes
 * Astro would write, to a temporary file renamed into place) while the pages render. The build
 * waits for it before its later steps (`written`); a write that fails fails the build with its
 * cause. A store V8 cannot copy (a value of a kind it does not clone) is written as Astro writes it.
 */
import { serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** A store as Astro keeps it: collections by name, entries by id. */
export type Collections = Map<string, Map<string, unknown>>;

/** What the store's thread is given. */
export interface StoreWriteJob {
  /** Astro's data-store-writer module (a file URL), whose FileWriter the thread runs */
  writerModule: string;
  /** the store file */
  file: string;
  /** the store, as V8's serialiser wrote it */
  store: Uint8Array;
}

/** Astro's FileWriter, as far as writing the store goes. */
interface WriterClass {
  prototype: { write(collections: Collections): Promise<boolean>; readonly target: URL | string };
}

/** The store writes handed to threads in this process, and how to take the catch back. */
export interface StoreWrites {
  /** Resolves when every write handed to a thread is on disk (rejects with the first that failed). */
  written(): Promise<{ writes: number; bytes: number; ms: number; mainMs: number }>;
  /** Astro's writer as it was. */
  release(): void;
}

/** Astro's data-store-writer module, read from its file (not an exported path of the package). */
export const WRITER_MODULE = new URL(
  'dist/content/data-store-writer.js',
  import.meta.resolve('astro/package.json'),
).href;

/**
 * Catch Astro's writes of the store to `file` (by wrapping FileWriter's write) and run each in a
 * worker thread; null when Astro's writer cannot be found (then Astro writes as it does).
 */
export async function writeInThread(file: string): Promise<StoreWrites | null> {
  const Writer = ((await import(WRITER_MODULE).catch(() => null)) as { FileWriter?: WriterClass } | null)
    ?.FileWriter;
  const original = Writer?.prototype.write;
  if (!Writer || typeof original !== 'function') return null;
  // one write after another, as Astro's own queue has them; the first failure is kept
  let chain: Promise<void> = Promise.resolve();
  let failure: Error | null = null;
  const totals = { writes: 0, bytes: 0, ms: 0, mainMs: 0 };
  Writer.prototype.write = function (this: { readonly target: URL | string }, collections: Collections) {
    const target = this.target;
    if ((typeof target === 'string' ? target : fileURLToPath(target)) !== file)
      return original.call(this, collections);
    const started = performance.now();
    let store: Uint8Array;
    try {
      store = serialize(collections);
    } catch {
      return original.call(this, collections);
    }
    const mainMs = performance.now() - started;
    const bytes = store.byteLength; // the buffer is handed to the thread (detached here)
    chain = chain.then(async () => {
      if (failure) return;
      try {
        await inThread({ writerModule: WRITER_MODULE, file, store });
        totals.writes++;
        totals.bytes += bytes;
        totals.ms += performance.now() - started;
        totals.mainMs += mainMs;
      } catch (e) {
        failure = new Error(
          `the content store could not be written to ${file}: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    });
    // Astro notifies the dev server's listeners of a written file; a build has none
    return Promise.resolve(true);
  };
  return {
    async written() {
      await chain;
      if (failure) throw failure;
      return { ...totals };
    },
    release() {
      Writer.prototype.write = original;
    },
  };
}

/** Run one write in a worker thread; resolves when the file is written. */
function inThread(job: StoreWriteJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const { store } = job;
    // the buffer moves to the thread when it owns its memory (it is copied otherwise)
    const owns = store.byteOffset === 0 && store.byteLength === store.buffer.byteLength;
    const worker = new Worker(new URL('./store-write-worker.ts', import.meta.url), {
      workerData: job,
      transferList: owns ? [store.buffer as ArrayBuffer] : [],
    });
    let done = false;
    worker.once('message', () => (done = true));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (done) resolve();
      else reject(new Error(`its thread stopped (exit code ${code}) before the file was written`));
    });
  });
}
