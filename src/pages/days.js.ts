/**
 * The days with issues, shared by every page's 往期 date picker (src/lib/site/date-picker.ts). Its
 * name is fixed, not hashed like site.<hash>.css: every page loads it, so a hashed name would put
 * each day's new hash into every page and a new day would re-render the whole archive. It changes
 * every day by design and is served with the pages' short lifetime (src/lib/site/wire.ts; checked in
 * tests/integrity/incremental.test.ts).
 */
import type { APIRoute } from 'astro';
import { getEdition } from '../data/site-graph.ts';
import { daysScript, issueDaysCode } from '../lib/site/date-picker.ts';

export const GET: APIRoute = async () => {
  const edition = await getEdition();
  return new Response(daysScript(issueDaysCode(edition.byDate.keys())), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
};
