/**
 * The reporter index of this build (Astro glue; the rules are in src/lib/people): made once from
 * the articles' credits in the content store, in the edition's reading order, with the readings
 * of content/readings.yaml (none when the editorial folder has no such file).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getEdition } from '../../data/site-graph.ts';
import { contentDir } from '../../lib/editorial/inputs.ts';
import { loadReadings, NO_READINGS } from '../../lib/people/readings.ts';
import { reporterIndex, type Reporter } from '../../lib/people/reporters.ts';
import { buildMemo } from '../../lib/util/build-memo.ts';

export interface Reporters {
  list: Reporter[];
  byName: Map<string, Reporter>;
}

export const getReporters: () => Promise<Reporters> = buildMemo(async () => {
  const edition = await getEdition();
  const path = join(contentDir(), 'readings.yaml');
  const readings = existsSync(path) ? loadReadings(path) : NO_READINGS;
  // Issues oldest first, articles in reading order: within a day a list keeps this order.
  const articles = edition.issues.flatMap((i) =>
    i.articles.map((a) => ({ id: a.entry.id, date: a.entry.data.date, credits: a.entry.data.credits })),
  );
  const list = reporterIndex(articles, readings);
  return { list, byName: new Map(list.map((r) => [r.name, r])) };
});
