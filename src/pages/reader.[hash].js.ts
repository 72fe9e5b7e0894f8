/** The reader tools' script (src/lib/site/reader-script.ts), written to `<base>reader.<hash>.js`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { READER_JS, READER_JS_HASH } from '../lib/site/reader-script.ts';

/** One file, named by its content. */
export const getStaticPaths = (() => [{ params: { hash: READER_JS_HASH } }]) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(READER_JS, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
