/**
 * `data/<yyyy>.jsonl.gz`: every article of a year, one JSON object a line, gzip-compressed. Keyed
 * by its year's issues: a new day makes only its own year's file again.
 */
import type { APIRoute } from 'astro';
import { yearDumps } from './_downloads.ts';

export async function getStaticPaths() {
  return (await yearDumps()).map((d) => ({ params: { year: d.year }, cacheKey: d.key }));
}

export const GET: APIRoute = async ({ params }) => {
  const dump = (await yearDumps()).find((d) => d.year === params.year)!;
  return new Response(new Uint8Array(dump.gz()), { headers: { 'Content-Type': 'application/gzip' } });
};
