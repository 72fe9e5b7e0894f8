/** A paper's Atom feed (`<paper>/feed.xml`): its latest 30 dated issues with their front-page headlines. */
import type { APIRoute } from 'astro';
import { getEdition, type IssueNode } from '../../data/site-graph.ts';
import { pageKeys } from '../../data/page-keys.ts';
import { dateZh, paperLabel } from '../../lib/site/labels.ts';
import { siteBase, siteOrigin } from '../../components/site/site-config.ts';
import { pageName } from '../../lib/site/page-nav.ts';
import { atomFeed, escapeXml, FEED_LIMIT, linkFrom, paperFeedPath } from '../../lib/site/feeds.ts';
import { paperPath } from '../../lib/site/urls.ts';

export async function getStaticPaths() {
  const edition = await getEdition();
  const keys = await pageKeys();
  // the feed shows its latest issues: the key is a digest of them (src/data/page-keys.ts)
  return edition.papers.map((p) => ({
    params: { paper: p.id },
    cacheKey: keys.list(p.id, latestIssues(edition.byPaper.get(p.id) ?? []).map(keys.issueData)),
  }));
}

/** The paper's latest dated issues, newest first. */
function latestIssues(issues: readonly IssueNode[]): IssueNode[] {
  return issues
    .filter((i) => i.entry.data.date.value)
    .slice(-FEED_LIMIT)
    .reverse();
}

export const GET: APIRoute = async ({ params }) => {
  const edition = await getEdition();
  const paper = params.paper!;
  const issues = edition.byPaper.get(paper)!;
  const name = paperLabel(issues[0]!.entry.data.paper.name);
  const { origin } = siteOrigin();
  const base = siteBase();
  const self = paperFeedPath(paper);
  const link = (to: string) => linkFrom(origin, base, self, to);
  const latest = latestIssues(issues);
  const xml = atomFeed({
    title: `${name} — 报刊数字版`,
    subtitle: `${name}最近${latest.length}期的头版标题`,
    link: link(paperPath(paper)),
    path: paperPath(paper),
    self: link(self),
    author: name,
    entries: latest.map((issue) => {
      const front = issue.pages[0];
      const heads = front?.articles.map((a) => a.entry.data.title) ?? [];
      const html = front
        ? `<p>${escapeXml(pageName(front.entry.data.label))}</p><ul>${front.articles
            .map(
              (a) =>
                `<li><a href="${escapeXml(link(a.path).href)}">${escapeXml(a.entry.data.title)}</a></li>`,
            )
            .join('')}</ul>`
        : null;
      return {
        link: link(issue.path),
        path: issue.path,
        title: `${name} ${dateZh(issue.entry.data.date.value)}`,
        date: issue.entry.data.date.value!,
        summary: heads.length ? `头版：${heads.join('；')}` : null,
        html,
      };
    }),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
