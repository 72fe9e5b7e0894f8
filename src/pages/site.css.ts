/** The site's stylesheet (src/styles/site.ts), written to `<base>site.css`. */
import type { APIRoute } from 'astro';
import { SITE_CSS } from '../styles/site.ts';

export const GET: APIRoute = () =>
  new Response(SITE_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
