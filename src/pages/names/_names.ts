/**
 * The name index and the related articles of this build (Astro glue; the rules are in
 * src/lib/people): made once from the names the loader kept for each issue (no article text is
 * read), in the edition's reading order, counting only the issues after those a build before
 * counted (src/data/name-tally.ts), with the readings of content/readings.yaml (none
 * when the editorial folder has no such file). Related articles come from an inverted index of names
 * and topics (src/lib/people/related.ts), each day's lists kept between builds under a digest of the
 * archive up to that day (src/lib/people/related-memo.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getEdition, type ArticleNode, type IssueNode } from '../../data/site-graph.ts';
import { buildWorkFolder, issueNames } from '../../data/articles.ts';
import { startCopies } from '../../data/wire-copies.ts';
import { contentDir } from '../../lib/editorial/inputs.ts';
import { nameTally } from '../../data/name-tally.ts';
import { entryKey, indexOfTally, type NameEntry, type NameIndex } from '../../lib/people/name-index.ts';
import { loadReadings, NO_READINGS } from '../../lib/people/readings.ts';
import { relatedIndex, relatedInputs, type Related } from '../../lib/people/related.ts';
import { relatedLists } from '../../lib/people/related-memo.ts';
import { buildMemo } from '../../lib/util/build-memo.ts';

export interface Names {
  index: NameIndex;
  /** entries by `kind|name` */
  byKey: Map<string, NameEntry>;
  /** up to five related articles of each article (none: no entry) */
  related: Map<string, Related[]>;
  /** the articles in the order the index was made from them (an entry's article is at its `place`) */
  articles: ArticleNode[];
}

export const getNames: () => Promise<Names> = buildMemo(async () => {
  const edition = await getEdition();
  // the second core finds the wire copies (src/data/wire-copies.ts) while this thread indexes the
  // names; the pages that print copies wait for them, and get the thread's error if it failed
  startCopies(edition).catch(() => undefined);
  const path = join(contentDir(), 'readings.yaml');
  const readings = existsSync(path) ? loadReadings(path) : NO_READINGS;
  // Issues oldest first, articles in reading order: within a day an entry's list keeps this order.
  // Each issue's names file is read in turn and let go once counted; the issues a build before
  // counted are not read again (src/data/name-tally.ts).
  const named = function* (issues: readonly IssueNode[]) {
    for (const issue of issues) {
      const names = issueNames(issue);
      for (const { entry } of issue.articles) {
        const a = entry.data;
        yield {
          id: a.id,
          date: a.date,
          paper: a.paper.name ?? a.paper.id,
          title: a.title,
          names: names[a.id] ?? [],
        };
      }
    }
  };
  const index = indexOfTally(nameTally(edition, named, readings));
  const inOrder = edition.issues.flatMap((i) => i.articles);
  const articles = inOrder.map((a) => a.entry.data);
  const byKey = new Map(index.entries.map((e) => [entryKey(e), e]));
  const related = relatedIndex(
    relatedInputs(
      articles.map((a) => ({ id: a.id, date: a.date, topics: a.topics.map((t) => t.slug) })),
      index.byArticle,
    ),
  );
  // kept in the build's working folder, beside the issues' files
  const folder = buildWorkFolder(edition.issues);
  const started = performance.now();
  const { lists, counts } = relatedLists(related, folder && join(folder, 'related.json'));
  console.info(
    `related articles: ${lists.size} list(s), ${counts.kept} day(s) kept from a build before, ` +
      `${counts.computed} computed, in ${Math.round(performance.now() - started)} ms`,
  );
  return { index, byKey, related: lists, articles: inOrder };
});

/** The index's entries an article's text names, in the order the text first names them. */
export function namesOfArticle(names: Names, id: string): NameEntry[] {
  return (names.index.byArticle.get(id) ?? []).map((key) => names.byKey.get(key)!);
}
