/**
 * The edition as the site reads it: collections grouped once per build (issue → pages → articles),
 * with paths and neighbours. Astro glue; the pure rules live in src/lib (display helpers in
 * src/lib/site/labels.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import {
  articlePath,
  assertUniquePaths,
  datePath,
  issuePath,
  pagePath,
  sourceDownload,
} from '../lib/site/urls.ts';
import { paperLabel } from '../lib/site/labels.ts';
import { calendarDays as daysWithIssues, type CalendarDay } from '../lib/site/archive.ts';
import type { ListPlace } from '../lib/site/listing.ts';
import { pageSlots } from '../lib/site/page-nav.ts';
import { pushTo } from './group.ts';
import { buildMemo } from '../lib/util/build-memo.ts';

export type IssueEntry = CollectionEntry<'issues'>;
export type PageEntry = CollectionEntry<'pages'>;
export type ArticleEntry = CollectionEntry<'articles'>;

export interface PageNode {
  entry: PageEntry;
  path: string;
  articles: ArticleNode[];
  issue: IssueNode;
}
export interface ArticleNode {
  entry: ArticleEntry;
  path: string;
  page: PageNode;
}
export interface IssueNode {
  entry: IssueEntry;
  path: string;
  pages: PageNode[];
  articles: ArticleNode[];
}

export interface Edition {
  /** issues, oldest first */
  issues: IssueNode[];
  byPaper: Map<string, IssueNode[]>;
  byDate: Map<string, IssueNode[]>;
  articles: Map<string, ArticleNode>;
  pages: Map<string, PageNode>;
  issuesById: Map<string, IssueNode>;
  papers: { id: string; name: string }[];
}

/** The edition's graph, made once per build (let go once the pages are rendered: build-memo.ts). */
export const getEdition: () => Promise<Edition> = buildMemo(() => build());

async function build(): Promise<Edition> {
  const [issues, pages, articles] = await Promise.all([
    getCollection('issues'),
    getCollection('pages'),
    getCollection('articles'),
  ]);
  const pageById = new Map(pages.map((p) => [p.id, p]));
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const nodes: IssueNode[] = issues
    .map((entry) => {
      const node: IssueNode = { entry, path: issuePath(entry.data), pages: [], articles: [] };
      for (const ref of entry.data.pages) {
        const p = pageById.get(ref.id)!;
        const pn: PageNode = {
          entry: p,
          path: pagePath(node.path, p.data.slug),
          articles: [],
          issue: node,
        };
        for (const aref of p.data.articles) {
          const a = articleById.get(aref.id)!;
          const an: ArticleNode = { entry: a, path: articlePath(pn.path, a.id), page: pn };
          pn.articles.push(an);
          node.articles.push(an);
        }
        node.pages.push(pn);
      }
      return node;
    })
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const byPaper = new Map<string, IssueNode[]>();
  const byDate = new Map<string, IssueNode[]>();
  for (const n of nodes) {
    const paper = n.entry.data.paper.id;
    pushTo(byPaper, paper, n);
    const date = n.entry.data.date.value;
    if (date) pushTo(byDate, date, n);
  }
  // Every permalink once, and none in the site's own folders: checked here, before rendering,
  // rather than left to Astro's route priority (which drops one of two pages silently).
  // (walked, not listed: some 250,000 paths at ten years)
  assertUniquePaths(
    (function* () {
      for (const n of nodes) {
        yield { path: n.path, what: `issue ${n.entry.id}` };
        yield { path: `${n.path}issue.json`, what: `issue ${n.entry.id}` };
        const { sources } = n.entry.data;
        for (const [k, s] of sources.entries())
          yield {
            path: `${n.path}${sourceDownload(k, sources.length, s.file)}`,
            what: `issue ${n.entry.id} (${s.file})`,
          };
        for (const p of n.pages) yield { path: p.path, what: `page ${p.entry.id}` };
        for (const a of n.articles) yield { path: a.path, what: `article ${a.entry.id}` };
      }
    })(),
  );
  const papers = [...byPaper.entries()].map(([id, list]) => ({
    id,
    name: paperLabel(list[0]!.entry.data.paper.name),
  }));
  return {
    issues: nodes,
    byPaper,
    byDate,
    articles: new Map(nodes.flatMap((n) => n.articles.map((a) => [a.entry.id, a] as const))),
    pages: new Map(nodes.flatMap((n) => n.pages.map((p) => [p.entry.id, p] as const))),
    issuesById: new Map(nodes.map((n) => [n.entry.id, n])),
    papers,
  };
}

function sortKey(n: IssueNode): string {
  return `${n.entry.data.date.value ?? '9999'}|${n.entry.data.paper.id}|${n.entry.id}`;
}

/** An issue's paper name for readers (未知报纸 when it has none). */
export const issuePaper = (issue: IssueNode): string => paperLabel(issue.entry.data.paper.name);

/** Days with issues for the calendars: ISO date → link to the per-date page, papers of that day. */
export function calendarDays(
  edition: Edition,
  href: (to: string) => string,
  prefix = '',
): Map<string, CalendarDay> {
  return daysWithIssues(edition.byDate, issuePaper, (iso) => href(datePath(iso)), prefix);
}

/** Where an article sits, for ordering lists (src/lib/site/listing.ts). */
export const listPlace = (a: ArticleNode): ListPlace => ({
  date: a.entry.data.date,
  paper: a.entry.data.paper.id,
  pageIndex: a.page.entry.data.index,
  order: a.entry.data.order,
});

/** Every page (版) an issue printed, the edition's pages in theirs (src/lib/site/page-nav.ts). */
export function issueSlots(issue: IssueNode) {
  return pageSlots(
    issue.pages.map((p) => ({ ...p.entry.data, path: p.path, node: p })),
    issue.entry.data.masthead?.pageCount ?? null,
  );
}
