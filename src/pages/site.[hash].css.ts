/** The site's stylesheet (src/styles/site.ts), written to `<base>site.<hash>.css`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE_CSS, SITE_CSS_HASH } from '../styles/site.ts';

/** One file, named by its content. */
export const getStaticPaths = (() => [{ params: { hash: SITE_CSS_HASH } }]) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(SITE_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
