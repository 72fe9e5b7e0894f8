/**
 * The edition's permalinks: ASCII paths, the same for the same input.
 *
 *   <paper>/<yyyy>/<mm>/<dd>/                    issue  (undated: <paper>/undated/<issue id>/)
 *   <paper>/<yyyy>/<mm>/<dd>/<page number>/      page (版)
 *   <paper>/<yyyy>/<mm>/<dd>/<page number>/aNNN/ article
 *   <issue path>issue.json, <issue path>source.txt   downloads
 *   archive/, archive/<yyyy>/, archive/<yyyy>/<mm>/, date/<yyyy-mm-dd>/, topics/…, about/, search/
 *
 * Paths here have no leading slash and no base; links inside the site are made relative with
 * relativeHref, so the built folder works at any base path and from file://.
 */

export function issuePath(issue: {
  id: string;
  paper: { id: string };
  date: { value: string | null } | string | null;
}): string {
  const date = typeof issue.date === 'string' || issue.date === null ? issue.date : issue.date.value;
  if (!date) return `${issue.paper.id}/undated/${issue.id}/`;
  const [y, m, d] = date.split('-');
  return `${issue.paper.id}/${y}/${m}/${d}/`;
}

export function pagePath(issueP: string, pageNumber: number): string {
  return `${issueP}${pageNumber}/`;
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

/** The path of the page an Astro URL pathname stands for, without base and leading slash. */
export function pathFromPathname(pathname: string, base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  let p = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\//, '');
  if (p.endsWith('index.html')) p = p.slice(0, -'index.html'.length);
  return p;
}

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
