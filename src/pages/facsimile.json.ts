/**
 * The facsimile pages to make: one spec per 版 read from a PDF page (src/lib/pdf/facsimile.ts), as
 * JSON. An internal file: the facsimile integration (src/integrations/facsimile.ts) reads it at the
 * end of the build, renders each page and writes its images and its articles' crops, and removes
 * it from the site. Text-only editions give an empty list.
 */
import type { APIRoute } from 'astro';
import { parsedIssue } from '../data/articles.ts';
import { getEdition } from '../data/site-graph.ts';
import type { FacsimileSpec } from '../lib/pdf/facsimile.ts';
import { hasIssue, readPartition } from '../lib/site/partition.ts';

export const GET: APIRoute = async () => {
  const edition = await getEdition();
  const specs: FacsimileSpec[] = [];
  // a partitioned build makes its part's images only (src/lib/site/partition.ts)
  const partition = readPartition(process.env);
  for (const issue of edition.issues) {
    if (!hasIssue(partition, issue.entry.data.date.value)) continue;
    const pdfPages = issue.pages.filter((p) => p.entry.data.pdf);
    if (pdfPages.length === 0) continue;
    const regions = new Map(parsedIssue(issue).articles.map((a) => [a.id, a.regions ?? []]));
    for (const page of pdfPages) {
      const source = issue.entry.data.sources[page.entry.data.source]!;
      specs.push({
        file: source.file,
        sha256: source.sha256,
        pdf: page.entry.data.pdf!,
        path: page.path,
        crops: page.articles.flatMap((a) => {
          const box = regions.get(a.entry.id)?.[0]?.box;
          return box ? [{ path: a.path, box }] : [];
        }),
      });
    }
  }
  return new Response(JSON.stringify(specs), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
