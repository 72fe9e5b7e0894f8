/**
 * Wire copy of this build (Astro glue; the rules are in src/lib/wire-copy): the edition's issues,
 * oldest first, handed to a thread that reads their parsed files (edition-copies.ts), started before
 * the names are indexed (src/pages/names/_names.ts); made once per build and logged with its time (the
 * benchmark reads the line). A partitioned build sees its part of the edition only.
 */
import { resolve } from 'node:path';
import { getEdition, type ArticleNode, type Edition } from './site-graph.ts';
import { buildWorkFolder, parsedIssue } from './articles.ts';
import { issueKeys } from './issue-keys.ts';
import { otherOf, type CopyPair } from '../lib/wire-copy/pairs.ts';
import { copiesOnThread } from '../lib/wire-copy/copies-thread.ts';
import type { EditionCopies } from '../lib/wire-copy/edition-copies.ts';
import type { Printing } from '../lib/wire-copy/side-by-side.ts';
import { buildMemo } from '../lib/util/build-memo.ts';

/** The copies' thread, started from the project's folder (as the pages read package.json and content/). */
const WORKER = 'src/lib/wire-copy/copies-worker.ts';

/**
 * The copies among the edition's articles, found once per build on a thread of their own
 * (src/lib/wire-copy/edition-copies.ts): the signatures and what the last build measured are kept
 * beside the parsed issues, under each issue's key, so a daily build measures the new issue's
 * candidates only.
 */
export const getCopies = async (): Promise<EditionCopies> => startCopies(await getEdition());

/** Each edition's copies as its thread will answer (one a build). */
const started = buildMemo(() => new WeakMap<Edition, Promise<EditionCopies>>());

/**
 * The copies among `edition`'s articles, the thread started before this returns: a caller that goes
 * on with work of its own (the name index) has the thread beside it. Started from an `async`
 * function after an `await`, it would wait for the caller's work to end: the names' 5 s, on the
 * days of stop 44, after which the pages that print copies waited for the thread.
 */
export function startCopies(edition: Edition): Promise<EditionCopies> {
  const memo = started();
  let copies = memo.get(edition);
  if (!copies) {
    const { issueData } = issueKeys();
    copies = copiesOnThread(resolve(WORKER), {
      work: buildWorkFolder(edition.issues),
      issues: edition.issues.map((issue) => ({
        id: issue.entry.id,
        key: issueData(issue),
        parsedFile: issue.entry.data.parsedFile,
        articles: issue.articles.map((a) => a.entry.id),
      })),
    }).then(({ copies, ms }) => {
      const s = copies.stats;
      console.info(
        `wire copies: ${s.pairs} pair(s) in ${s.groups} group(s) among ${s.articles} article(s), ` +
          `${s.candidates} candidate(s), in ${s.ms} ms (${s.kept} measured by a build before; ` +
          `${s.extended ? "the last build's candidates extended" : 'banded anew'}; on a thread of their own, ` +
          `${ms} ms from its start to the answer)`,
      );
      return copies;
    });
    memo.set(edition, copies);
  }
  return copies;
}

/** An article as compared side by side: its title and all its paragraphs (subheads too). */
export function printingOf(node: ArticleNode): Printing {
  const a = parsedIssue(node.page.issue).articles.find((x) => x.id === node.entry.id);
  return { title: node.entry.data.title, paragraphs: (a?.paragraphs ?? []).map((p) => p.text) };
}

/** At most this many other printings are listed on an article page (the rest are counted). */
export const MAX_LISTED = 10;

/**
 * An article's other printings, with the pair each came from and whether a side-by-side page
 * shows it (oldest first, as found; at most MAX_LISTED), and how many more there are.
 */
export async function otherPrintings(
  id: string,
): Promise<{ list: { pair: CopyPair; other: ArticleNode; compared: boolean }[]; more: number }> {
  const [copies, edition] = await Promise.all([getCopies(), getEdition()]);
  const compared = comparedSet(copies);
  const all = (copies.byArticle.get(id) ?? []).flatMap((pair) => {
    const other = edition.articles.get(otherOf(pair, id));
    return other ? [{ pair, other, compared: compared.has(pair) }] : [];
  });
  return { list: all.slice(0, MAX_LISTED), more: Math.max(0, all.length - MAX_LISTED) };
}

const comparedSets = new WeakMap<EditionCopies, Set<CopyPair>>();
function comparedSet(copies: EditionCopies): Set<CopyPair> {
  let set = comparedSets.get(copies);
  if (!set) comparedSets.set(copies, (set = new Set(copies.compared)));
  return set;
}
