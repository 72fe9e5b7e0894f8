/**
 * The edition's permalinks: ASCII paths, the same for the same input.
 *
 *   <paper>/<yyyy>/<mm>/<dd>/                    issue  (undated: <paper>/undated/<issue id>/)
 *   <paper>/<yyyy>/<mm>/<dd>/<page number>/      page (版)
 *   <paper>/<yyyy>/<mm>/<dd>/<page number>/aNNN/ article
 *   <issue path>issue.json, <issue path>source.txt   downloads
 *   archive/, archive/<yyyy>/, archive/<yyyy>/<mm>/, date/<yyyy-mm-dd>/, topics/…, about/, search/
 *   compare/<article id>--<article id>/             two printings of one text side by side
 *
 * Paths here have no leading slash and no base; links inside the site are made relative with
 * relativeHref, so the built folder works at any base path and from file://.
 */

/**
 * First path segments the site uses for itself. No paper id may be one of them (checked where
 * content/papers.json is read), so an edition's paper folder never meets a site folder. A test
 * checks the list against src/pages, public/ and what the integrations write.
 */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  '_astro',
  '_headers',
  '404',
  '404.html',
  'about',
  'archive',
  'cards.json',
  'compare',
  'contents',
  'data',
  'date',
  'facsimile.json',
  'days.js',
  'favicon.svg',
  'icon-192.png',
  'icon-512.png',
  'index.html',
  'manifest.webmanifest',
  'names',
  'pagefind',
  'reader.js',
  'reporters',
  'robots.txt',
  'search',
  'search-disk',
  'site.css',
  'sitemap-index.xml',
  'sw.js',
  'topics',
]);

/**
 * An issue's folder. Dated: `<paper>/<yyyy>/<mm>/<dd>/`; an issue whose id had to be made unique
 * (`<paper>-<date>-2`, an unidentified paper's second issue of a day) keeps its suffix on the day
 * (`…/<dd>-2/`). Undated: `<paper>/undated/<issue id>/`. Issue ids are unique, so paths are.
 */
export function issuePath(issue: {
  id: string;
  paper: { id: string };
  date: { value: string | null } | string | null;
}): string {
  const date = typeof issue.date === 'string' || issue.date === null ? issue.date : issue.date.value;
  if (!date) return `${issue.paper.id}/undated/${issue.id}/`;
  const [y, m, d] = date.split('-');
  const stem = `${issue.paper.id}-${date}`;
  const suffix = issue.id.startsWith(stem) ? issue.id.slice(stem.length) : `-${issue.id}`;
  return `${issue.paper.id}/${y}/${m}/${d}${suffix}/`;
}

/**
 * Throw when two of the edition's pages would have the same path, or one would fall in a folder
 * the site uses for itself, naming what clashes. (Ids are unique by construction; this guards
 * the construction.)
 */
export function assertUniquePaths(routes: Iterable<{ path: string; what: string }>): void {
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const { path, what } of routes) {
    const slash = path.indexOf('/');
    const top = slash < 0 ? path : path.slice(0, slash);
    if (RESERVED_SEGMENTS.has(top)) clashes.push(`${what} at ${path} is inside the site's own "${top}/"`);
    const other = seen.get(path);
    if (other !== undefined) clashes.push(`${what} and ${other} both at ${path}`);
    else seen.set(path, what);
  }
  if (clashes.length) throw new Error(`permalinks clash:\n  ${clashes.join('\n  ')}`);
}

/** A page's folder under its issue's: its slug (the page number, or `3-2` for a variant). */
export function pagePath(issueP: string, pageSlug: string | number): string {
  return `${issueP}${pageSlug}/`;
}

/**
 * The download of an issue's k-th source file (0-based), byte for byte: `source.txt` when the
 * issue came in one file, `source-1.txt`, `source-2.txt` … when it came in several; `.pdf` for a
 * PDF seed (`file`, the seed's name).
 */
export function sourceDownload(k: number, count: number, file = ''): string {
  const ext = /\.pdf$/iu.test(file) ? 'pdf' : 'txt';
  return count === 1 ? `source.${ext}` : `source-${k + 1}.${ext}`;
}

/** `hengyang-daily-2021-03-06-a001` → `a001` */
export function articleSlug(articleId: string): string {
  const m = /-(a\d+)$/.exec(articleId);
  if (!m) throw new Error(`article id without an -aNNN suffix: ${articleId}`);
  return m[1]!;
}

export function articlePath(pageP: string, articleId: string): string {
  return `${pageP}${articleSlug(articleId)}/`;
}

/** Two printings of one text side by side: `compare/<earlier id>--<later id>/` (the pair's order). */
export const comparePath = (a: string, b: string) => `compare/${a}--${b}/`;

export const archivePath = (year?: number, month?: number) =>
  year === undefined
    ? 'archive/'
    : month === undefined
      ? `archive/${year}/`
      : `archive/${year}/${String(month).padStart(2, '0')}/`;
export const datePath = (iso: string) => `date/${iso}/`;
export const topicPath = (slug: string, page = 1) =>
  page <= 1 ? `topics/${slug}/` : `topics/${slug}/${page}/`;
export const paperPath = (paperId: string) => `${paperId}/`;
/** A reporter's page (reporters/<slug>/, reporters/<slug>/2/ …), or the index without a slug. */
export const reporterPath = (slug?: string, page = 1) =>
  slug === undefined ? 'reporters/' : page <= 1 ? `reporters/${slug}/` : `reporters/${slug}/${page}/`;

/** The path of the page an Astro URL pathname stands for (see address.ts). */
export { pathFromPathname } from './address.ts';

/**
 * A relative link from the page at `from` to `to` (both site paths as above). Directory paths get an
 * explicit `index.html`, because file:// does not map `dir/` to `dir/index.html`.
 */
export function relativeHref(from: string, to: string, hash = ''): string {
  const fromDir = from.endsWith('/') || from === '' ? from : from.slice(0, from.lastIndexOf('/') + 1);
  const a = fromDir.split('/').filter(Boolean);
  const target = to.endsWith('/') || to === '' ? `${to}index.html` : to;
  const b = target.split('/').filter(Boolean);
  let k = 0;
  while (k < a.length && k < b.length - 1 && a[k] === b[k]) k++;
  const up = a.length - k;
  const rel = [...Array<string>(up).fill('..'), ...b.slice(k)].join('/');
  return (rel || 'index.html') + hash;
}
