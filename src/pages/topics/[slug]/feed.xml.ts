/** A topic's Atom feed (`topics/<slug>/feed.xml`): its latest 30 dated articles. */
import type { APIRoute } from 'astro';
import { hasLists, readPartition } from '../../../lib/site/partition.ts';
import { listPlace, type ArticleNode } from '../../../data/site-graph.ts';
import { topicsNewestFirst } from '../../../data/topic-articles.ts';
import { pageKeys } from '../../../data/page-keys.ts';
import { dateZh, paperLabel } from '../../../lib/site/labels.ts';
import { siteBase, siteOrigin } from '../../../components/site/site-config.ts';
import { pageName } from '../../../lib/site/page-nav.ts';
import { taxonomy } from '../../../lib/editorial/inputs.ts';
import { atomFeed, FEED_LIMIT, linkFrom, topicFeedPath } from '../../../lib/site/feeds.ts';
import { newestDated } from '../../../lib/site/listing.ts';
import { topicPath } from '../../../lib/site/urls.ts';

export async function getStaticPaths() {
  // the list pages are built by the lists partition (src/lib/site/partition.ts)
  if (!hasLists(readPartition(process.env))) return [];
  const keys = await pageKeys();
  return [...(await topicsNewestFirst()).entries()].map(([slug, list]) => ({
    params: { slug },
    // the feed shows its latest entries: the key is a digest of them
    cacheKey: keys.list(
      slug,
      latest(list).map((a) => [
        a.path,
        a.page.path,
        a.entry.data.title,
        a.entry.data.date,
        a.entry.data.topics,
        a.entry.data.opening,
        a.page.entry.data.label,
        a.page.issue.entry.data.paper.name,
      ]),
    ),
  }));
}

/** The feed's entries: a topic's latest dated articles, from its list newest first. */
const latest = (sorted: readonly ArticleNode[]) => newestDated(sorted, FEED_LIMIT, listPlace);

export const GET: APIRoute = async ({ params }) => {
  const slug = params.slug!;
  const name = taxonomy().topics.find((t) => t.slug === slug)?.name ?? slug;
  const { origin } = siteOrigin();
  const self = topicFeedPath(slug);
  const link = (to: string) => linkFrom(origin, siteBase(), self, to);
  const articles = latest((await topicsNewestFirst()).get(slug) ?? []);
  const xml = atomFeed({
    title: `专题：${name} — 报刊数字版`,
    subtitle: `专题“${name}”最新${articles.length}篇文章`,
    link: link(topicPath(slug)),
    path: topicPath(slug),
    self: link(self),
    author: '报刊 baokan 数字版',
    entries: articles.map((a) => {
      const paper = paperLabel(a.page.issue.entry.data.paper.name);
      return {
        link: link(a.path),
        path: a.path,
        title: a.entry.data.title,
        date: a.entry.data.date!,
        authors: [paper],
        categories: a.entry.data.topics.map((t) => t.name),
        summary: `${paper} ${dateZh(a.entry.data.date)} ${pageName(a.page.entry.data.label)}：${a.entry.data.opening}`,
      };
    }),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
