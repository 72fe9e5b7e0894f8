/**
 * What an article page says about the article for citing it: the citation record (GB/T 7714,
 * BibTeX, RIS), the Highwire `citation_*` tags and the JSON-LD, from one place, so the page's
 * head and its citation panel agree.
 */
import { fullArticle } from '../../data/articles.ts';
import { dateZh, roleZh, type ArticleNode } from '../../data/site-graph.ts';
import { citationAuthors, type CitationInput } from '../../lib/site/cite.ts';
import { permalink, type ArticleMetaInput, type Permalink } from '../../lib/site/meta.ts';
import { paperPath } from '../../lib/site/urls.ts';
import { pageName } from './nav.ts';
import { siteOrigin } from './site-config.ts';

/** The role a credit shows: as printed, else implied by the byline form (本报记者（谢小青） → 记者). */
export function creditRole(s: { role: string; roleText: string | null }, source: string | null): string {
  const role = roleZh(s.role, s.roleText);
  if (role) return role;
  return source && /记者$/u.test(source) ? '记者' : '';
}

/** The dateline as printed: 本报讯, 衡阳日报讯, 新华社北京3月5日电; null for a byline that is not one. */
export function datelineOf(
  byline: { source: string; place: string | null; dateline: { m: number; d: number } | null } | null,
): string | null {
  if (!byline) return null;
  const when = byline.dateline ? `${byline.dateline.m}月${byline.dateline.d}日电` : '';
  if (/讯$/u.test(byline.source)) return byline.source;
  if (byline.place || when) return `${byline.source}${byline.place ?? ''}${when}`;
  return null;
}

export interface ArticleCitation {
  citation: CitationInput;
  meta: ArticleMetaInput;
  permalink: Permalink;
  /** the page's <title>: headline — paper date 版 */
  title: string;
}

export function articleCitation(node: ArticleNode, base: string): ArticleCitation {
  const a = fullArticle(node);
  const page = node.page;
  const issue = page.issue;
  const { origin } = siteOrigin();
  const link = permalink(origin, base, node.path);
  const staff = a.byline?.staff ?? [];
  const source = a.byline?.source ?? null;
  const pageLabel = pageName(page.entry.data.label);
  const citation: CitationInput = {
    title: a.title,
    authors: citationAuthors(staff),
    paper: a.paper.name,
    date: a.date,
    page: page.entry.data.number,
    pageKnown: page.entry.data.numberKnown,
    url: link.href,
    id: a.id,
  };
  const authors = new Set(citation.authors);
  const meta: ArticleMetaInput = {
    title: a.title,
    kicker: a.kicker,
    subtitle: a.subtitle,
    // the cited authors, with the role each is credited with
    authors: staff
      .filter((s, k) => authors.has(s.name.trim()) && staff.findIndex((t) => t.name === s.name) === k)
      .map((s) => ({ name: s.name, role: creditRole(s, source) })),
    paper: a.paper.name,
    date: a.date,
    page: page.entry.data.number,
    pageKnown: page.entry.data.numberKnown,
    pageLabel,
    pageHeader: page.entry.data.header,
    issueNumber:
      issue.entry.data.masthead?.issueNumber != null ? String(issue.entry.data.masthead.issueNumber) : null,
    dateline: datelineOf(a.byline),
    description: node.entry.data.opening || null,
    url: link,
    issueUrl: permalink(origin, base, issue.path),
    paperUrl: permalink(origin, base, paperPath(a.paper.id)),
  };
  const title = [a.title, '—', a.paper.name ?? '未知报纸', dateZh(a.date), pageLabel].join(' ');
  return { citation, meta, permalink: link, title };
}
