/**
 * Metadata that reference managers and search engines read from an article page, and the
 * site-wide settings it depends on. Pure functions; the pages call them (src/components/site/).
 *
 * - The site's origin for permalinks: `BAOKAN_SITE`, else the origin of package.json `homepage`,
 *   else none: permalinks are then printed as paths (`/hengyang-daily/…/`) and marked relative,
 *   never with a made-up host.
 * - Where readers report errors: `BAOKAN_REPO`, else package.json `repository` (string, `{url}`
 *   or `github:owner/name`), as an https address.
 * - Highwire Press `citation_*` meta tags (read by Zotero, Google Scholar, Mendeley …).
 * - schema.org `NewsArticle` as JSON-LD, with the print position (printEdition, printPage,
 *   printSection) and the issue and periodical it is part of.
 */
import { absoluteUrl, basePath } from './address.ts';

export interface SiteOrigin {
  /** `https://host` (no trailing slash), or null when none is configured */
  origin: string | null;
  /** where the origin came from */
  source: 'BAOKAN_SITE' | 'homepage' | null;
}

const httpOrigin = (value: unknown): string | null => {
  if (typeof value !== 'string' || !value.trim()) return null;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
};

/**
 * The origin permalinks are printed with. `BAOKAN_SITE` wins; then package.json `homepage`
 * (its origin only: the path the site is served under is `BAOKAN_BASE`). A value that is not an
 * http(s) URL counts as unset.
 */
export function resolveOrigin(
  env: { BAOKAN_SITE?: string | undefined },
  pkg: { homepage?: unknown },
): SiteOrigin {
  const fromEnv = httpOrigin(env.BAOKAN_SITE);
  if (fromEnv) return { origin: fromEnv, source: 'BAOKAN_SITE' };
  const fromHome = httpOrigin(pkg.homepage);
  if (fromHome) return { origin: fromHome, source: 'homepage' };
  return { origin: null, source: null };
}

/** The one line the build prints when permalinks cannot be absolute. */
export const ORIGIN_WARNING =
  'baokan: BAOKAN_SITE is not set and package.json has no "homepage": citations show relative permalinks (set BAOKAN_SITE=https://your.host to make them absolute)';

export interface Permalink {
  /** absolute URL, or the base-absolute path when no origin is configured */
  href: string;
  absolute: boolean;
}

/** The permalink of a site path (`hengyang-daily/2021/03/06/1/a001/`) under `base` (`/` or `/baokan/`). */
export function permalink(origin: string | null, base: string, path: string): Permalink {
  const href = absoluteUrl(origin, base, path);
  return href ? { href, absolute: true } : { href: basePath(base, path), absolute: false };
}

/**
 * The https address of the project's repository: `BAOKAN_REPO`, else package.json `repository`
 * (`"https://…"`, `{ "url": "git+https://….git" }`, `"github:owner/name"` or `"owner/name"`).
 */
export function repositoryUrl(
  env: { BAOKAN_REPO?: string | undefined },
  pkg: { repository?: unknown },
): string | null {
  const raw =
    env.BAOKAN_REPO?.trim() ||
    (typeof pkg.repository === 'string'
      ? pkg.repository
      : pkg.repository && typeof pkg.repository === 'object' && 'url' in pkg.repository
        ? String((pkg.repository as { url: unknown }).url)
        : '');
  if (!raw) return null;
  const short = /^(?:(github|gitlab|bitbucket):)?([\w.-]+)\/([\w.-]+)$/u.exec(raw.trim());
  if (short) {
    const host = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' }[
      short[1] ?? 'github'
    ];
    return `https://${host}/${short[2]}/${short[3]!.replace(/\.git$/u, '')}`;
  }
  const url = raw
    .trim()
    .replace(/^git\+/u, '')
    .replace(/^git:\/\//u, 'https://')
    .replace(/^ssh:\/\/git@/u, 'https://')
    .replace(/^git@([^:]+):/u, 'https://$1/')
    .replace(/\.git$/u, '')
    .replace(/\/+$/u, '');
  return httpOrigin(url) ? url : null;
}

/** A new-issue link on the repository (GitHub, GitLab and Gitea take `title` and `body` this way). */
export function newIssueUrl(repo: string, title: string, body: string): string {
  const q = new URLSearchParams({ title, body });
  return `${repo}/issues/new?${q.toString()}`;
}

export interface ArticleMetaInput {
  /** display title (never empty) */
  title: string;
  kicker: string | null;
  subtitle: string | null;
  /** credited staff in byline order: name and role as shown (记者, 通讯员 …; '' when none) */
  authors: { name: string; role: string }[];
  /** the paper's name */
  paper: string | null;
  /** ISO date of the issue */
  date: string | null;
  /** page (版) number, printed or inferred */
  page: number | null;
  pageKnown: boolean;
  /** the page's name (第一版) and printed header (要闻) */
  pageLabel: string;
  pageHeader: string | null;
  /** masthead issue number (第18021号), when printed */
  issueNumber: string | null;
  /** dateline as printed (衡阳日报讯, 新华社北京3月5日电), when there is one */
  dateline: string | null;
  /** opening words, for description */
  description: string | null;
  /** permalinks; absolute ones only (relative ones are left out of machine-read metadata) */
  url: Permalink;
  issueUrl: Permalink;
  paperUrl: Permalink;
  /** citation_language (default zh) */
  language?: string;
}

/** `2021-03-06` → `2021/03/06` (the form Google Scholar documents; Zotero reads both). */
const slashDate = (iso: string) => iso.replace(/-/gu, '/');

/**
 * Highwire Press tags, in the order Google Scholar documents them. `citation_firstpage` is the
 * 版 number; an inferred number is still given (the page says it is inferred).
 */
export function citationMeta(m: ArticleMetaInput): [name: string, content: string][] {
  const out: [string, string][] = [['citation_title', m.title]];
  for (const a of m.authors) if (a.name.trim()) out.push(['citation_author', a.name.trim()]);
  if (m.date) {
    out.push(['citation_publication_date', slashDate(m.date)]);
    out.push(['citation_date', slashDate(m.date)]);
  }
  if (m.paper) out.push(['citation_journal_title', m.paper]);
  if (m.issueNumber) out.push(['citation_issue', m.issueNumber]);
  if (m.page !== null) out.push(['citation_firstpage', String(m.page)]);
  out.push(['citation_language', m.language ?? 'zh']);
  if (m.url.absolute) {
    out.push(['citation_abstract_html_url', m.url.href]);
    out.push(['citation_public_url', m.url.href]);
  }
  return out;
}

/** A JSON-LD object (schema.org); only the properties used here are typed. */
export type JsonLd = { '@context'?: string; '@type': string } & Record<string, unknown>;

/** schema.org NewsArticle → PublicationIssue → Periodical. */
export function articleJsonLd(m: ArticleMetaInput): JsonLd {
  const abs = (p: Permalink) => (p.absolute ? p.href : undefined);
  const periodical: JsonLd = { '@type': 'Periodical', name: m.paper ?? undefined, url: abs(m.paperUrl) };
  const issue: JsonLd = {
    '@type': 'PublicationIssue',
    issueNumber: m.issueNumber ?? undefined,
    datePublished: m.date ?? undefined,
    url: abs(m.issueUrl),
    isPartOf: periodical,
  };
  const article: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: m.title,
    alternativeHeadline: [m.kicker, m.subtitle].filter(Boolean).join(' ') || undefined,
    author: m.authors
      .filter((a) => a.name.trim())
      .map((a) => ({ '@type': 'Person', name: a.name.trim(), jobTitle: a.role || undefined })),
    datePublished: m.date ?? undefined,
    inLanguage: 'zh-Hans',
    printEdition: m.issueNumber ? `第${m.issueNumber}号` : m.date ? `${m.date}` : undefined,
    printPage: m.page !== null ? String(m.page) : undefined,
    printSection: m.pageHeader ? `${m.pageLabel} ${m.pageHeader}` : m.pageLabel,
    dateline: m.dateline ?? undefined,
    description: m.description ?? undefined,
    url: abs(m.url),
    mainEntityOfPage: abs(m.url),
    isPartOf: issue,
  };
  return prune(article) as JsonLd;
}

/** Drop undefined values and empty arrays, recursively (JSON.stringify would drop the first only). */
function prune(v: unknown): unknown {
  if (Array.isArray(v)) {
    const list = v.map(prune).filter((x) => x !== undefined);
    return list.length ? list : undefined;
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v)
      .map(([k, x]) => [k, prune(x)] as const)
      .filter(([, x]) => x !== undefined);
    return Object.fromEntries(entries);
  }
  return v;
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped, so no text can close the script. */
export function jsonLdScript(data: JsonLd): string {
  return JSON.stringify(data).replace(/</gu, '\\u003c');
}

/** Marks where the access date goes in a citation text (never printed). */
export const ACCESS_SLOT = '\u0001';

/**
 * A citation made with the access date left open, cut into what is printed as it is and the
 * lines that hold the access date (`before` + date + `after`), which the page shows once a script
 * has filled the date in.
 */
export type AccessPart = { text: string } | { before: string; after: string };
export function accessParts(withSlot: string): AccessPart[] {
  const parts: AccessPart[] = [];
  let text = '';
  for (const line of withSlot.split(/(?<=\n)/u)) {
    const at = line.indexOf(ACCESS_SLOT);
    if (at < 0) {
      text += line;
      continue;
    }
    if (text) parts.push({ text });
    text = '';
    parts.push({ before: line.slice(0, at), after: line.slice(at + ACCESS_SLOT.length) });
  }
  if (text) parts.push({ text });
  return parts;
}
