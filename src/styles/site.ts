/**
 * The site's stylesheet, one file for every page (`<base>site.<hash>.css`,
 * src/pages/site.[hash].css.ts), linked relatively so that pages opened from file:// are styled
 * too. Kept out of the pages: inlined, it was 12 KB of each of hundreds of thousands of pages.
 * Its name carries a digest of its content, so hosts may cache it for a year (src/lib/site/wire.ts).
 */
import { contentHash } from '../lib/site/asset-names.ts';
import articleBody from '../lib/render/article-body.css?raw';
import global from './global.css?raw';

export const SITE_CSS = `${global}\n${articleBody}`;

/** Short content digest of the stylesheet: a changed stylesheet gets a new name. */
export const SITE_CSS_HASH = contentHash(SITE_CSS);

/** The stylesheet's file name at the top of the site: `site.<hash>.css`. */
export const SITE_CSS_FILE = `site.${SITE_CSS_HASH}.css`;
