/**
 * The edition as the site reads it: collections grouped once per build (issue → pages → articles),
 * with paths and neighbours. Astro glue; the pure rules live in src/lib.
 */
import { KIND_LABELS } from '../lib/search/fields.ts';
import { getCollection, type CollectionEntry } from 'astro:content';
import {
  articlePath,
  assertUniquePaths,
  datePath,
  issuePath,
  pagePath,
  sourceDownload,
} from '../lib/site/urls.ts';
import { pushTo } from './group.ts';

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

let cached: Promise<Edition> | null = null;

export function getEdition(): Promise<Edition> {
  cached ??= build();
  return cached;
}

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
  assertUniquePaths(
    nodes.flatMap((n) => [
      { path: n.path, what: `issue ${n.entry.id}` },
      { path: `${n.path}issue.json`, what: `issue ${n.entry.id}` },
      ...n.entry.data.sources.map((s, k, all) => ({
        path: `${n.path}${sourceDownload(k, all.length)}`,
        what: `issue ${n.entry.id} (${s.file})`,
      })),
      ...n.pages.map((p) => ({ path: p.path, what: `page ${p.entry.id}` })),
      ...n.articles.map((a) => ({ path: a.path, what: `article ${a.entry.id}` })),
    ]),
  );
  const papers = [...byPaper.entries()].map(([id, list]) => ({
    id,
    name: list[0]!.entry.data.paper.name ?? '未知报纸',
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

/** 2021年3月6日 */
export function dateZh(iso: string | null): string {
  if (!iso) return '日期不详';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const ROLE_ZH: Record<string, string> = {
  reporter: '记者',
  'all-media-reporter': '全媒体记者',
  'trainee-reporter': '见习记者',
  intern: '实习生',
  correspondent: '通讯员',
  photographer: '摄影',
  'special-correspondent': '特约记者',
  // printed without a role word: the name alone
  contributor: '',
};
/** The credited role in Chinese: as printed (全媒体记者, 实习生 …), else the normalised role's name. */
export const roleZh = (role: string, printed: string | null) =>
  printed && printed !== '摄' ? printed : (ROLE_ZH[role] ?? role);

/** A title cut to `chars` characters for breadcrumbs and pagers. */
export function shortTitle(title: string, chars = 24): string {
  const arr = Array.from(title);
  return arr.length > chars ? `${arr.slice(0, chars).join('')}…` : title;
}

/** Characters of running text in an article (paragraphs, captions, tables): its length on the page. */
export function textLength(a: ArticleEntry): number {
  return a.data.length;
}

/** Reader-facing names of the article kinds (one list, shared with search). */
export const KIND_ZH: Record<string, string> = KIND_LABELS;

/** The first words of an article, for lists. */
export function opening(a: ArticleEntry, chars = 60): string {
  const arr = Array.from(a.data.opening);
  return arr.length > chars ? `${arr.slice(0, chars).join('')}…` : a.data.opening;
}

/** Days with issues for the calendars: ISO date → link to the per-date page, papers of that day. */
export function calendarDays(
  edition: Edition,
  href: (to: string) => string,
  prefix = '',
): Map<string, { href: string; label: string; papers: string[] }> {
  return new Map(
    [...edition.byDate.entries()]
      .filter(([iso]) => iso.startsWith(prefix))
      .map(([iso, list]) => {
        const papers = list.map((i) => i.entry.data.paper.name ?? '未知报纸');
        return [iso, { href: href(datePath(iso)), label: papers.join('、'), papers }];
      }),
  );
}
