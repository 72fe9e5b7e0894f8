/**
 * Where the site is served: the one place that joins the origin (`https://host`), the base path
 * (`/` or `/baokan/`, however it was written) and a site path (`hengyang-daily/2021/03/06/`, no
 * leading slash) into a base-absolute path or an absolute URL, and that reads a page's site path
 * back from its URL pathname. The page shell, the citations, the sitemap and the feeds use it.
 */

/** The base path with one leading and one trailing slash: `baokan` → `/baokan/`, `` → `/`. */
export function normaliseBase(base: string): string {
  const inner = base.replace(/^\/+|\/+$/gu, '');
  return inner ? `/${inner}/` : '/';
}

/** A site path under the base: `/baokan/hengyang-daily/2021/03/06/`. */
export function basePath(base: string, path: string): string {
  return `${normaliseBase(base)}${path.replace(/^\/+/u, '')}`;
}

/**
 * The absolute URL of a site path, or null without an origin. The origin's own path and trailing
 * slash are ignored (the path the site is served under is the base). `encode`: percent-encode each
 * path segment (for paths that may hold other than URL-safe characters).
 */
export function absoluteUrl(
  origin: string | null | undefined,
  base: string,
  path: string,
  encode = false,
): string | null {
  if (!origin) return null;
  const host = new URL(origin).origin;
  const p = encode ? path.split('/').map(encodeURIComponent).join('/') : path;
  return `${host}${basePath(base, p)}`;
}

/** The site path of the page an URL pathname stands for, without base, leading slash and index.html. */
export function pathFromPathname(pathname: string, base: string): string {
  const b = normaliseBase(base);
  let p = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\/+/u, '');
  if (p.endsWith('index.html')) p = p.slice(0, -'index.html'.length);
  return p;
}
