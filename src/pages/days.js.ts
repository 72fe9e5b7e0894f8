/** The days with issues, shared by every page's 往期 date picker (src/lib/site/date-picker.ts). */
import type { APIRoute } from 'astro';
import { getEdition } from '../data/site-graph.ts';
import { daysScript, issueDaysCode } from '../lib/site/date-picker.ts';

export const GET: APIRoute = async () => {
  const edition = await getEdition();
  return new Response(daysScript(issueDaysCode(edition.byDate.keys())), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
};
