/**
 * Downloads beside each issue: `<issue path>issue.json` (the parsed issue, as `npm run parse`
 * prints it) and `<issue path>source.txt` (the seed file byte for byte, so its sha256 matches the
 * one in issue.json and on the issue page, whatever the seed's encoding).
 */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsedIssueText } from '../data/articles.ts';
import { getEdition } from '../data/edition.ts';
import { seedsDir } from '../loaders/edition.ts';

export async function getStaticPaths() {
  const edition = await getEdition();
  return edition.issues.flatMap((issue) => [
    {
      params: { file: `${issue.path}issue.json` },
      props: { source: issue.entry.data.source.file, kind: 'json' as const, id: issue.entry.id },
    },
    {
      params: { file: `${issue.path}source.txt` },
      props: { source: issue.entry.data.source.file, kind: 'txt' as const, id: issue.entry.id },
    },
  ]);
}

export const GET: APIRoute = async ({ props }) => {
  if (props.kind === 'txt') {
    return new Response(new Uint8Array(readFileSync(join(seedsDir(), props.source))));
  }
  // The issue as the loader parsed it (the same JSON `npm run parse` prints), not parsed again.
  const issue = (await getEdition()).issuesById.get(props.id)!;
  return new Response(JSON.stringify(JSON.parse(parsedIssueText(issue)), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
