/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and
 * code are unchanged since the last build is copied from Astro's cache instead of rendered.
 *
 * Astro hashes each route's code itself; the key must change whenever the DATA a page shows
 * changes. So each key is a digest of everything the page reads besides its code:
 * - the site-wide inputs: the BAOKAN_* settings pages read, package.json (repository, homepage)
 *   and the editorial files pages show (content/ except corrections.yaml, whose effect is in the
 *   parsed issue);
 * - the issue: its record in the content store and the parsed issue the article pages read (the
 *   file's name, which carries a digest of all it is made from, src/loaders/issue-files.ts), and
 *   its seed files' digests (source lines);
 * - what a page shows of other issues: an issue page its neighbours in the paper; an article page
 *   the reporter pages its byline links to. The date picker's days are not in the page (it loads
 *   them from days.js), so a new day does not touch the issue pages.
 * Adding an issue therefore re-renders its own pages and its paper's neighbouring issue pages, not
 * the archive's article pages (related articles look back only: src/lib/people/related.ts). List
 * pages (topics, reporters, name entries, calendars, contents, date pages, feeds) take their keys
 * from `list`: a digest of the site inputs and exactly what the page prints; long lists are cut from
 * their oldest end (src/lib/site/listing.ts chunksFromOldest), so their older pages keep their key.
 * Pages without getStaticPaths (home, the index pages, about, search) have no key and are rendered
 * every build. tests/integrity/incremental.test.ts lists what a new day may change.
 */
import { getReporters } from '../pages/reporters/_reporters.ts';
import { getNames, namesOfArticle } from '../pages/names/_names.ts';
import { getEdition, type ArticleNode, type IssueNode, type PageNode } from './site-graph.ts';
import { digest, issueKeys } from './issue-keys.ts';
import { buildMemo } from '../lib/util/build-memo.ts';

/** What a calendar, month or paper page prints of an issue: its link, paper, date and size. */
export function issueLine(issue: IssueNode): unknown[] {
  const d = issue.entry.data;
  return [
    issue.path,
    d.paper,
    d.date.value,
    d.masthead?.pageCount ?? null,
    issue.pages.length,
    issue.articles.length,
  ];
}

export interface PageKeys {
  /** what shows only the issue's own data (its downloads; its lines on a date or contents page) */
  issueData(node: IssueNode): string;
  /** a list page's key: the site inputs and the given parts (what the page prints) */
  list(...parts: unknown[]): string;
  /**
   * What a list's line prints of an article (its link, title, date, paper, 版 and that page's link),
   * as a digest made once a build: an article is listed by its topics, reporters and name entries,
   * 5–10 lists each, and a list page's key then hashes 32 characters a line, not the line's values.
   */
  line(node: ArticleNode): string;
  issue(node: IssueNode): string;
  page(node: PageNode): string;
  article(node: ArticleNode): string;
}

/**
 * The keys of this build's issue, page (版) and article pages and downloads, made once per build
 * (two routes ask for them; each parsed issue is read and hashed once).
 */
export const pageKeys: () => Promise<PageKeys> = buildMemo(() => makeKeys());

async function makeKeys(): Promise<PageKeys> {
  const edition = await getEdition();
  const { site, issueData: issueDigest } = issueKeys();
  const reporters = await getReporters();
  const names = await getNames();
  const neighbours = (issue: IssueNode) => {
    const siblings = edition.byPaper.get(issue.entry.data.paper.id) ?? [];
    const k = siblings.indexOf(issue);
    return [siblings[k - 1], siblings[k + 1]].map((n) => n && [n.path, n.entry.data.date.value]);
  };
  const articleKeys = new Map<ArticleNode, string>();
  const lines = new Map<ArticleNode, string>();
  const articleKey = (node: ArticleNode) =>
    digest(
      issueDigest(node.page.issue),
      node.entry.data.topics,
      node.entry.data.credits.map((c) => [c.name, reporters.byName.get(c.name)?.slug ?? null]),
      // 文中人物… links (entry slugs) and 相关文章 (what the list prints of each related article)
      namesOfArticle(names, node.entry.id).map((n) => [n.kind, n.name, n.slug]),
      (names.related.get(node.entry.id) ?? []).map((r) => {
        const o = edition.articles.get(r.id);
        return [r.id, o?.path, o?.entry.data.title, o?.entry.data.paper.name, o?.entry.data.date];
      }),
    );
  return {
    issueData: (node) => issueDigest(node),
    list: (...parts) => digest(site, ...parts),
    line: (node) => {
      let key = lines.get(node);
      if (key === undefined) {
        const a = node.entry.data;
        key = digest(
          a.id,
          node.path,
          a.title,
          a.date,
          a.paper.name,
          node.page.path,
          node.page.entry.data.label,
        );
        lines.set(node, key);
      }
      return key;
    },
    issue: (node) => digest(issueDigest(node), neighbours(node)),
    page: (node) => digest(issueDigest(node.issue)),
    // made once a build for each article (its page asks for it)
    article: (node) => {
      let key = articleKeys.get(node);
      if (key === undefined) articleKeys.set(node, (key = articleKey(node)));
      return key;
    },
  };
}
