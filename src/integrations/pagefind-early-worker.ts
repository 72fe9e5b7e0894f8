/**
 * The thread of an early search index (pagefind-early.ts): it starts a Pagefind index of its own
 * and adds the pages it was given (the last build's newest shard, as they are in the kept output
 * folder) while the build renders, noting each page's digest as it was read. Told the shard's
 * pages at the end of the build, it takes them only when the pages it added are their first, in
 * URL order and byte for byte; then it adds the rest and hands back the bundle's files. Otherwise
 * it closes its index and says so, and the shard is indexed from scratch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { addPages, createShardIndex, fail, type PageToAdd } from './pagefind-input.ts';

/** What the thread starts with. */
export interface EarlyStart {
  language: string;
  /** the pages to add at once, in URL order */
  pages: PageToAdd[];
}

/** A page of the shard as the build sees it at its end. */
export interface FinalPage extends PageToAdd {
  sha256: string;
}

/** What the build tells the thread. */
export type ToEarly = { type: 'finish'; pages: FinalPage[] } | { type: 'stop' };

/** What the thread answers to `finish`. */
export type FromEarly =
  | { type: 'files'; files: { path: string; content: Uint8Array }[]; early: number }
  | { type: 'mismatch'; at: number; early: number }
  | { type: 'error'; message: string };

const { language, pages } = workerData as EarlyStart;
const digests: string[] = [];
let stopping = false;
const index = createShardIndex(pagefind, language);
const early = index.then((i) =>
  addPages(i, pages, { read: (k, sha256) => (digests[k] = sha256), more: () => !stopping }),
);
early.catch(() => undefined); // answered when the build asks

/** The first page of `final` that is not the page added early at its place, or -1 when all were. */
function firstDifference(final: readonly FinalPage[]): number {
  for (let k = 0; k < pages.length; k++)
    if (final[k]?.url !== pages[k]!.url || final[k]!.sha256 !== digests[k]) return k;
  return -1;
}

async function finish(final: FinalPage[]): Promise<FromEarly> {
  await early;
  const at = firstDifference(final);
  if (at >= 0) return { type: 'mismatch', at, early: pages.length };
  const rest = final.slice(pages.length);
  const i = await index;
  const changed: string[] = [];
  await addPages(i, rest, { read: (k, sha256) => sha256 !== rest[k]!.sha256 && changed.push(rest[k]!.url) });
  if (changed.length)
    fail('adding', [`pages changed while they were indexed: ${changed.slice(0, 3).join(', ')}`]);
  const got = await i.getFiles();
  if (got.errors.length) fail('getFiles', got.errors);
  return { type: 'files', files: got.files, early: pages.length };
}

/**
 * Close this thread's Pagefind, answer the build (copied, not transferred: Pagefind's small files
 * share one pooled buffer), end the thread.
 */
async function end(answer?: FromEarly): Promise<void> {
  await pagefind.close();
  if (answer) parentPort!.postMessage(answer);
  parentPort!.close();
}

parentPort!.on('message', (m: ToEarly) => {
  if (m.type === 'stop') {
    stopping = true;
    void end();
  } else
    void finish(m.pages)
      .catch((e: unknown): FromEarly => ({
        type: 'error',
        message: e instanceof Error ? e.message : String(e),
      }))
      .then(end);
});
