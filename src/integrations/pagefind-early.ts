/**
 * An early start for a daily build's search. A day added to a kept archive changes the newest
 * search shard (src/lib/search/shards.ts), and indexing it again whole at the end of the build
 * took 15 s of every ten-year daily build, while the second core had been idle through most of the
 * render. So, when the output folder is kept, the build starts a Pagefind index on a thread of its
 * own (pagefind-early-worker.ts) at its start, with the last build's newest shard's pages as they
 * are in the folder (their paths from the last build's page records, page-records.ts), while the
 * pages render. At the end, a shard to index whose pages, in URL order, begin with those — the
 * same URLs and bytes — takes that index: only its new pages are added before its bundle is
 * written, the same bundle, byte for byte, as one indexed from scratch (pagefind-input.ts). Any
 * other outcome (a page of the shard rendered again, the shard planned otherwise, a month started
 * on its own) closes the early index, and the shard is indexed from scratch as before.
 *
 * Pages are added in URL order, and an article's URL begins with its paper and its date
 * (src/lib/site/urls.ts, issuePath): a paper's new day comes after that paper's pages, but before
 * the next paper's. So only the first paper's pages are added early (in an archive of one paper,
 * all of them); the other papers' are added at the end with the day's.
 *
 * Once the pages have rendered (astro:build:generated), the build guesses the shard's other pages
 * (guessedRest) and the thread adds them and builds the bundle then, while Astro writes its manifest
 * and the search plans its shards (some 4 s at ten years): the shard then takes a bundle made
 * already. A guess that is not the shard's pages, URL by URL and byte for byte, is not taken.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { UNDATED, type ShardManifest } from '../lib/search/shards.ts';
import { readJson } from '../lib/util/json-files.ts';
import type { PageRecord } from './page-records.ts';
import { inUrlOrder, type PageToAdd } from './pagefind-input.ts';
import type { EarlyStart, FinalPage, FromEarly, ToEarly } from './pagefind-early-worker.ts';

/** An index started early: its pages, and the shard's end. */
export interface EarlyIndex {
  /** the pages it was started with, in URL order */
  urls: readonly string[];
  /**
   * The bundle's files for a shard whose pages (in URL order, with their digests) begin with the
   * early ones, byte for byte, and how many those were; else why not (the early index is closed,
   * and the shard is to be indexed from scratch: a failure of the early index fails nothing). Asked once.
   */
  take(
    pages: readonly FinalPage[],
  ): Promise<
    { files: { path: string; content: Uint8Array }[]; early: number; guessed: boolean } | { skipped: string }
  >;
  /**
   * Tell the index the pages the shard will likely hold after the early ones (guessedRest): it adds
   * them and builds the bundle now, which `take` then hands back if they are the shard's. Once.
   */
  guess(rest: readonly FinalPage[]): void;
  /** close the early index unused; whether it was (false once taken or stopped) */
  stop(): boolean;
}

/**
 * The pages of the last build's newest shard (its shard list in the kept bundle folder `root`;
 * `records`, the last build's page records of `site`: page-records.ts) that a day added leaves
 * first in URL order: those of the first paper (the first segment of their URL). None when the
 * shard list is missing or no record is there.
 */
export function lastNewestShard(
  site: string,
  root: string,
  records: ReadonlyMap<string, PageRecord>,
): PageToAdd[] {
  const newest = readJson<ShardManifest>(join(root, 'shards.json'))?.shards[0];
  if (!newest?.from || !newest.to) return [];
  const { from, to } = newest;
  const pages: PageToAdd[] = [];
  for (const [path, r] of records)
    if (r.month && r.month >= from && r.month <= to) pages.push({ file: join(site, path), url: `/${path}` });
  const byUrl = inUrlOrder(pages);
  const paper = (url: string) => url.slice(0, url.indexOf('/', 1) + 1);
  const first = paper(byUrl[0]?.url ?? '');
  return byUrl.filter((p) => paper(p.url) === first);
}

/** What a page record or a written page's facts tell of a page: its month (none: not a search page) and digest. */
interface SeenPage {
  month: string | null;
  sha256: string;
}

/**
 * The pages a shard begun with `early` (URLs in URL order, each `/` and a site path) will likely
 * hold after them, in URL order, with their digests: every search page of the months from the
 * early pages' first on (undated ones aside) among the last build's `records` and the pages this
 * build `wrote` (whose facts win). Null when those do not begin with the early pages.
 */
export function guessedRest(
  site: string,
  early: readonly string[],
  records: ReadonlyMap<string, SeenPage>,
  wrote: ReadonlyMap<string, SeenPage>,
): FinalPage[] | null {
  let from: string | null = null;
  for (const url of early) {
    const month = records.get(url.slice(1))?.month;
    if (!month) return null;
    if (from === null || month < from) from = month;
  }
  if (from === null) return null;
  const pages: FinalPage[] = [];
  const add = (path: string, seen: SeenPage) => {
    if (seen.month && seen.month !== UNDATED && seen.month >= from)
      pages.push({ file: join(site, path), url: `/${path}`, sha256: seen.sha256 });
  };
  for (const [path, seen] of records) if (!wrote.has(path)) add(path, seen);
  for (const [path, seen] of wrote) add(path, seen);
  const byUrl = inUrlOrder(pages);
  if (!early.every((url, k) => byUrl[k]?.url === url)) return null;
  return byUrl.slice(early.length);
}

/** Start an index of `pages` on a thread of its own; null when there are none. */
export function startEarly(pages: readonly PageToAdd[], language: string): EarlyIndex | null {
  if (!pages.length) return null;
  const worker = new Worker(new URL('./pagefind-early-worker.ts', import.meta.url), {
    workerData: { language, pages: [...pages] } satisfies EarlyStart,
  });
  // it does not keep the build alive: a build that fails before its end does not wait for it
  worker.unref();
  const failed = new Promise<FromEarly>((resolve) => {
    worker.once('error', (e) => resolve({ type: 'error', message: e.message }));
    worker.once('exit', (code) =>
      resolve({ type: 'error', message: `its thread stopped (exit code ${code})` }),
    );
  });
  let asked = false;
  const send = (m: ToEarly) => worker.postMessage(m);
  return {
    urls: pages.map((p) => p.url),
    take: async (final) => {
      if (asked) return { skipped: 'asked already' };
      asked = true;
      worker.ref();
      const answer = new Promise<FromEarly>((resolve) => worker.once('message', resolve));
      send({ type: 'finish', pages: final.map(({ file, url, sha256 }) => ({ file, url, sha256 })) });
      const out = await Promise.race([answer, failed]);
      worker.unref();
      if (out.type === 'error') return { skipped: `it failed: ${out.message}` };
      if (out.type === 'mismatch')
        return {
          skipped: `page ${out.at + 1} of the ${out.early} it added is not the shard's, or not as it was read`,
        };
      if (out.type === 'unguessed')
        return { skipped: "the pages guessed after the render are not the shard's" };
      return { files: out.files, early: out.early, guessed: out.guessed };
    },
    guess: (rest) => {
      if (!asked)
        send({ type: 'guess', pages: rest.map(({ file, url, sha256 }) => ({ file, url, sha256 })) });
    },
    stop: () => {
      if (asked) return false;
      asked = true;
      send({ type: 'stop' });
      return true;
    },
  };
}
