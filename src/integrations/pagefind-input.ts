/**
 * How pages go to Pagefind, the same wherever a shard is indexed (pagefind.ts at the end of the
 * build, pagefind-early-worker.ts while the pages render): the index's options, each page's form,
 * and the order they are added in. Pagefind numbers pages in the order it receives them, and that
 * numbering decides the contents, and so the hashed names, of its index files: the same pages in
 * the same order and form give the same bundle, byte for byte.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type * as pagefind from 'pagefind';
import { withoutAnchors } from '../lib/search/anchors.ts';
import { searchBodyOnly } from '../lib/search/body.ts';
import { slimHead } from '../lib/search/head.ts';

/** Pagefind's Node API (node_modules/pagefind/lib/index.js). */
export type PagefindApi = typeof pagefind;
type PagefindIndex = NonNullable<Awaited<ReturnType<PagefindApi['createIndex']>>['index']>;

/** Files added to Pagefind at a time: overlaps reading files with indexing. */
const IN_FLIGHT = 8;

/** A built page as it is added: its file and its site URL. */
export interface PageToAdd {
  file: string;
  url: string;
}

/** Pages in the order Pagefind is given them: by URL. */
export const inUrlOrder = <P extends { url: string }>(pages: readonly P[]): P[] =>
  [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));

/** A new Pagefind index with the options every shard has: one language for all, URLs kept as given. */
export async function createShardIndex(api: PagefindApi, language: string): Promise<PagefindIndex> {
  const created = await api.createIndex({ forceLanguage: language, keepIndexUrl: true });
  if (created.errors.length || !created.index) fail('createIndex', created.errors);
  return created.index;
}

/**
 * A page as Pagefind is given it: a head of its title alone (slimHead) and a body of its search
 * body alone (searchBodyOnly), both the same bundle, byte for byte, for less to encode, send and
 * parse (a fifth of an article page's characters); and without its id attributes (withoutAnchors:
 * no anchors in its fragment, which the search page fetches and never uses anchors of).
 */
export const asIndexed = (html: string): string => withoutAnchors(searchBodyOnly(slimHead(html)));

/**
 * Add `pages` to `index`, in the order given, each as Pagefind is given it (asIndexed). Files are
 * read ahead (IN_FLIGHT at a time), but each is sent only after the one before it; adds are
 * answered in order (Pagefind's service handles one message at a time), at most IN_FLIGHT
 * unanswered. `read` is told each page's bytes' digest (sha256, hex) as it is sent; `tick` how
 * many pages are added; `more` is asked before each page whether to go on.
 */
export async function addPages(
  index: PagefindIndex,
  pages: readonly PageToAdd[],
  {
    read,
    tick,
    more = () => true,
  }: {
    read?: (i: number, sha256: string) => void;
    tick?: (done: number, total: number) => void;
    more?: () => boolean;
  } = {},
): Promise<void> {
  const reads: (Promise<Buffer> | undefined)[] = [];
  const readAhead = (upTo: number) => {
    for (let j = reads.length; j < Math.min(upTo, pages.length); j++) {
      const bytes = readFile(pages[j]!.file);
      bytes.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
      reads.push(bytes);
    }
  };
  const adding: Promise<void>[] = [];
  for (let i = 0; i < pages.length && more(); i++) {
    readAhead(i + IN_FLIGHT);
    const bytes = await reads[i]!;
    reads[i] = undefined;
    read?.(i, createHash('sha256').update(bytes).digest('hex'));
    const { url } = pages[i]!;
    const added = index.addHTMLFile({ url, content: asIndexed(bytes.toString('utf8')) }).then((r) => {
      if (r.errors.length) fail(`adding ${url}`, r.errors);
      tick?.(i + 1, pages.length);
    });
    added.catch(() => {});
    adding.push(added);
    if (adding.length >= IN_FLIGHT) await adding.shift();
  }
  await Promise.all(adding);
}

export function fail(step: string, errors: string[]): never {
  throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}
