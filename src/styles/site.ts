/**
 * The site's stylesheet, one file for every page (`<base>site.css`, src/pages/site.css.ts),
 * linked relatively so that pages opened from file:// are styled too. Kept out of the pages:
 * inlined, it was 12 KB of each of hundreds of thousands of pages.
 */
import { createHash } from 'node:crypto';
import articleBody from '../lib/render/article-body.css?raw';
import global from './global.css?raw';

export const SITE_CSS = `${global}\n${articleBody}`;

/** Short content hash, appended to the link (`site.css?v=…`) so a changed stylesheet is fetched anew. */
export const SITE_CSS_VERSION = createHash('sha256').update(SITE_CSS).digest('hex').slice(0, 10);
