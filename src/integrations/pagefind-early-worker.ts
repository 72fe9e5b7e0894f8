/**
 * The thread of an early search index (pagefind-early.ts): it starts a Pagefind index of its own
 * and adds the pages it was given (the last build's newest shard, as they are in the kept output
 * folder) while the build renders, noting each page's digest as it was read. Told the shard's
 * pages at the end of the build, it takes them only when the pages it added are their first, in
 * URL order and byte for byte; then it adds the rest and hands back the bundle's files. Otherwise
 * it closes its index and says so, and the shard is indexed from scratch.
 *
 * Told once the render is over what the rest of the shard will likely be (`guess`: the pages this
 * build wrote and the last build's, pagefind-early.ts guessedRest), it adds those and builds the
 * bundle at once, while Astro and the other integrations finish their own work: at the end the
 * bundle is handed back only when the shard's pages after the early ones are the guessed ones,
 * URL by URL and digest by digest (else it says so: pages added cannot be taken out of an index).
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
export type ToEarly =
  { type: 'guess'; pages: FinalPage[] } | { type: 'finish'; pages: FinalPage[] } | { type: 'stop' };

/** What the thread answers to `finish`. */
export type FromEarly =
  | { type: 'files'; files: { path: string; content: Uint8Array }[]; early: number; guessed: boolean }
  | { type: 'mismatch'; at: number; early: number }
  | { type: 'unguessed'; early: number }
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

/** `rest` added after the early pages (each checked against its digest as read), and the bundle's files. */
async function complete(rest: readonly FinalPage[]): Promise<{ path: string; content: Uint8Array }[]> {
  await early;
  const i = await index;
  const changed: string[] = [];
  await addPages(i, rest, { read: (k, sha256) => sha256 !== rest[k]!.sha256 && changed.push(rest[k]!.url) });
  if (changed.length)
    fail('adding', [`pages changed while they were indexed: ${changed.slice(0, 3).join(', ')}`]);
  const got = await i.getFiles();
  if (got.errors.length) fail('getFiles', got.errors);
  return got.files;
}

/** The bundle completed with the guessed pages, begun when the guess came (its failure is told at the end). */
let guessed: { pages: FinalPage[]; files: Promise<{ path: string; content: Uint8Array }[]> } | null = null;

/** Whether `a` and `b` are the same pages, URL by URL and digest by digest. */
const samePages = (a: readonly FinalPage[], b: readonly FinalPage[]): boolean =>
  a.length === b.length && a.every((p, k) => p.url === b[k]!.url && p.sha256 === b[k]!.sha256);

async function finish(final: FinalPage[]): Promise<FromEarly> {
  await early;
  const at = firstDifference(final);
  if (at >= 0) return { type: 'mismatch', at, early: pages.length };
  const rest = final.slice(pages.length);
  if (guessed) {
    if (!samePages(guessed.pages, rest)) return { type: 'unguessed', early: pages.length };
    return { type: 'files', files: await guessed.files, early: pages.length, guessed: true };
  }
  return { type: 'files', files: await complete(rest), early: pages.length, guessed: false };
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
  } else if (m.type === 'guess') {
    if (guessed) return;
    const files = complete(m.pages);
    files.catch(() => undefined); // told when the build asks
    guessed = { pages: m.pages, files };
  } else
    void finish(m.pages)
      .catch((e: unknown): FromEarly => ({
        type: 'error',
        message: e instanceof Error ? e.message : String(e),
      }))
      .then(end);
});
