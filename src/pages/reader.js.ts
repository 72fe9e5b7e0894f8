/** The reader tools' script (src/lib/site/reader-script.ts), written to `<base>reader.js`. */
import type { APIRoute } from 'astro';
import { READER_JS } from '../lib/site/reader-script.ts';

export const GET: APIRoute = () =>
  new Response(READER_JS, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
