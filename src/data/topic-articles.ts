/**
 * Each topic's articles (by slug, in the edition's order), grouped once a build for the routes
 * that list them: the topic pages and the topic feeds. Astro glue over the site graph.
 */
import { getEdition, listPlace, type ArticleNode } from './site-graph.ts';
import { pushTo } from './group.ts';
import { newestFirst } from '../lib/site/listing.ts';
import { buildMemo } from '../lib/util/build-memo.ts';

export const articlesByTopic: () => Promise<Map<string, ArticleNode[]>> = buildMemo(async () => {
  const bySlug = new Map<string, ArticleNode[]>();
  for (const a of (await getEdition()).articles.values())
    for (const t of a.entry.data.topics) pushTo(bySlug, t.slug, a);
  return bySlug;
});

/**
 * Each topic's articles newest first (listing.ts newestFirst), sorted once a build: its pages print
 * them all, its feed the newest (newestDated). Picking a feed's entries from a topic's whole list
 * instead took about a second of every ten-year build (2026-12-06).
 */
export const topicsNewestFirst: () => Promise<Map<string, ArticleNode[]>> = buildMemo(async () => {
  const sorted = new Map<string, ArticleNode[]>();
  for (const [slug, list] of await articlesByTopic()) sorted.set(slug, newestFirst(list, listPlace));
  return sorted;
});
