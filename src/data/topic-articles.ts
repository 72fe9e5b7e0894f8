/**
 * Each topic's articles (by slug, in the edition's order), grouped once a build for the routes
 * that list them: the topic pages and the topic feeds. Astro glue over the site graph.
 */
import { getEdition, type ArticleNode } from './site-graph.ts';
import { pushTo } from './group.ts';
import { buildMemo } from '../lib/util/build-memo.ts';

export const articlesByTopic: () => Promise<Map<string, ArticleNode[]>> = buildMemo(async () => {
  const bySlug = new Map<string, ArticleNode[]>();
  for (const a of (await getEdition()).articles.values())
    for (const t of a.entry.data.topics) pushTo(bySlug, t.slug, a);
  return bySlug;
});
