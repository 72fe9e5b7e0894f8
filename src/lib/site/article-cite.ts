/**
 * What an article page says about the article for citing it, made from plain values in one
 * place so the page's head and its citation panel agree: the permalink, the citation record
 * (GB/T 7714, BibTeX, RIS), the Highwire `citation_*` / JSON-LD input, and the page's <title>.
 */
import { citationAuthors, type CitationInput } from './cite.ts';
import { dateZh, paperLabel, roleZh } from './labels.ts';
import { permalink, type ArticleMetaInput, type Permalink } from './meta.ts';

/** A credited person as the byline has it. */
export interface CiteStaff {
  name: string;
  role: string;
  /** the role word as printed, or null */
  roleText: string | null;
  photos: boolean;
}

/** The byline parts a citation uses. */
export interface CiteByline {
  source: string;
  place: string | null;
  dateline: { m: number; d: number } | null;
  staff: readonly CiteStaff[];
}

/** What a citation needs of the article. */
export interface CiteArticle {
  id: string;
  title: string;
  kicker: string | null;
  subtitle: string | null;
  paper: { id: string; name: string | null };
  /** ISO date of the issue */
  date: string | null;
  byline: CiteByline | null;
  /** the opening words (the description), or '' */
  opening: string;
}

/** Where the article sits: its page (版), issue number, and the site paths of article, issue and paper. */
export interface CitePlace {
  page: { number: number; numberKnown: boolean; header: string | null };
  /** the page's name for readers (第一版) */
  pageLabel: string;
  /** masthead issue number, when printed */
  issueNumber: string | null;
  articlePath: string;
  issuePath: string;
  paperPath: string;
}

/** Everything the article page says about citing the article. */
export interface ArticleCitation {
  citation: CitationInput;
  meta: ArticleMetaInput;
  permalink: Permalink;
  /** the page's <title>: headline — paper date 版 */
  title: string;
}

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

/** The cited authors (citationAuthors), each once, with the role they are credited with. */
function metaAuthors(staff: readonly CiteStaff[], cited: readonly string[], source: string | null) {
  const authors = new Set(cited);
  return staff
    .filter((s, k) => authors.has(s.name.trim()) && staff.findIndex((t) => t.name === s.name) === k)
    .map((s) => ({ name: s.name, role: creditRole(s, source) }));
}

/** The article's citation, metadata, permalink and <title>, under `origin` (or none) and `base`. */
export function articleCitation(
  a: CiteArticle,
  place: CitePlace,
  origin: string | null,
  base: string,
): ArticleCitation {
  const link = permalink(origin, base, place.articlePath);
  const staff = a.byline?.staff ?? [];
  const source = a.byline?.source ?? null;
  const citation: CitationInput = {
    title: a.title,
    authors: citationAuthors([...staff]),
    paper: a.paper.name,
    date: a.date,
    page: place.page.number,
    pageKnown: place.page.numberKnown,
    url: link.href,
    id: a.id,
  };
  const meta: ArticleMetaInput = {
    title: a.title,
    kicker: a.kicker,
    subtitle: a.subtitle,
    authors: metaAuthors(staff, citation.authors, source),
    paper: a.paper.name,
    date: a.date,
    page: place.page.number,
    pageKnown: place.page.numberKnown,
    pageLabel: place.pageLabel,
    pageHeader: place.page.header,
    issueNumber: place.issueNumber,
    dateline: datelineOf(a.byline),
    description: a.opening || null,
    url: link,
    issueUrl: permalink(origin, base, place.issuePath),
    paperUrl: permalink(origin, base, place.paperPath),
  };
  const title = [a.title, '—', paperLabel(a.paper.name), dateZh(a.date), place.pageLabel].join(' ');
  return { citation, meta, permalink: link, title };
}
