/**
 * Downloads beside each issue: `<issue path>issue.json` (the parsed issue, as `npm run parse`
 * prints it) and its source files byte for byte (`source.txt`, or `source-1.txt` … for an issue
 * read from several files; `source.pdf` … for PDF seeds), so that each sha256 matches the one in
 * issue.json and on the issue page, whatever the seed's encoding; and the issue as Markdown.
 *
 * Each article's `article.md` is not a route: this build's issues are handed over to the step that
 * writes them once the pages are rendered (src/lib/site/article-downloads.ts says why).
 */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsedIssueText } from '../data/articles.ts';
import { getEdition } from '../data/site-graph.ts';
import { pageKeys } from '../data/page-keys.ts';
import { hasIssue, readPartition } from '../lib/site/partition.ts';
import { sourceDownload } from '../lib/site/urls.ts';
import { seedsDir } from '../lib/editorial/inputs.ts';
import { articleMarkdown, issueMarkdown } from './data/_downloads.ts';
import { offerDownloads } from '../lib/site/article-downloads.ts';

export async function getStaticPaths() {
  const edition = await getEdition();
  // Incremental builds: unchanged downloads are copied from the last build (src/data/page-keys.ts).
  const keys = await pageKeys();
  // a partitioned build writes its part's issues only (src/lib/site/partition.ts)
  const partition = readPartition(process.env);
  const issues = edition.issues.filter((i) => hasIssue(partition, i.entry.data.date.value));
  // each article's article.md: made from the issue's data (and the code: article-downloads.ts)
  offerDownloads(
    issues.map((issue) => ({
      id: issue.entry.id,
      key: keys.issueData(issue),
      paths: issue.articles.map((a) => `${a.path}article.md`),
      texts: () => issue.articles.map(articleMarkdown),
    })),
  );
  return issues.flatMap((issue) => {
    const sources = issue.entry.data.sources;
    const cacheKey = keys.issueData(issue);
    return [
      {
        params: { file: `${issue.path}issue.json` },
        props: { source: '', kind: 'json' as const, id: issue.entry.id },
        cacheKey,
      },
      ...sources.map((s, k) => ({
        params: { file: `${issue.path}${sourceDownload(k, sources.length, s.file)}` },
        props: { source: s.file, kind: 'txt' as const, id: issue.entry.id },
        cacheKey,
      })),
      // Markdown for researchers (src/lib/site/markdown.ts): the issue
      {
        params: { file: `${issue.path}issue.md` },
        props: { source: '', kind: 'issue-md' as const, id: issue.entry.id },
        cacheKey,
      },
      // the dev server serves each article's too, which a build writes after its pages
      ...(import.meta.env.DEV
        ? issue.articles.map((a) => ({
            params: { file: `${a.path}article.md` },
            props: { source: '', kind: 'article-md' as const, id: a.entry.id },
            cacheKey,
          }))
        : []),
    ];
  });
}

export const GET: APIRoute = async ({ props }) => {
  if (props.kind === 'issue-md' || props.kind === 'article-md') {
    const edition = await getEdition();
    const md =
      props.kind === 'issue-md'
        ? issueMarkdown(edition.issuesById.get(props.id)!)
        : articleMarkdown(edition.articles.get(props.id)!);
    return new Response(md, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
  }
  if (props.kind === 'txt') {
    return new Response(new Uint8Array(readFileSync(join(seedsDir(), props.source))));
  }
  // The issue as the loader parsed it (the same JSON `npm run parse` prints), not parsed again.
  const issue = (await getEdition()).issuesById.get(props.id)!;
  return new Response(JSON.stringify(JSON.parse(parsedIssueText(issue)), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
