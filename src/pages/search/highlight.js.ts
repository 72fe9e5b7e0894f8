/**
 * search/highlight.js: the article page's highlighter (src/components/search/highlight.ts),
 * bundled into one classic script at build time (src/lib/search/inline.ts), so that it also runs
 * from file://. SearchHighlight.astro loads it when the URL carries ?highlight=term&highlight=….
 */
import { classicScript } from '../../lib/search/inline.ts';

export async function GET(): Promise<Response> {
  return new Response(await classicScript('src/components/search/highlight.ts'), {
    headers: { 'content-type': 'text/javascript; charset=utf-8' },
  });
}
