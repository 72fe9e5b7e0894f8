/**
 * The site's settings read once per build: the permalink origin (BAOKAN_SITE, else package.json
 * `homepage`) and the repository readers report errors on (BAOKAN_REPO, else package.json
 * `repository`), and the base path the site is served under. See src/lib/site/meta.ts and
 * src/lib/site/address.ts for the rules.
 */
import pkg from '../../../package.json';
import { normaliseBase } from '../../lib/site/address.ts';
import { ORIGIN_WARNING, repositoryUrl, resolveOrigin, type SiteOrigin } from '../../lib/site/meta.ts';

let origin: SiteOrigin | null = null;

/** The permalink origin; prints a one-line warning (once) when there is none. */
export function siteOrigin(): SiteOrigin {
  if (!origin) {
    origin = resolveOrigin(process.env, pkg as { homepage?: unknown });
    if (!origin.origin) console.warn(ORIGIN_WARNING);
  }
  return origin;
}

/** The repository's https address, or null when none is configured. */
export function repository(): string | null {
  return repositoryUrl(process.env, pkg as { repository?: unknown });
}

/** The base path the site is served under (BAOKAN_BASE through Astro's `base`), as `/` or `/baokan/`. */
export function siteBase(): string {
  return normaliseBase(import.meta.env.BASE_URL);
}
