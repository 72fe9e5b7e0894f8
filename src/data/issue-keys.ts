/**
 * The part of the page keys (page-keys.ts) that needs neither the name index nor the reporters: the
 * digest of some values, the site-wide inputs' digest and each issue's own. The wire copies' thread
 * is handed the issues' keys before the names are indexed (wire-copies.ts).
 */
import { createHash, hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../lib/editorial/inputs.ts';
import { parsedDigest } from '../loaders/issue-files.ts';
import type { IssueNode } from './site-graph.ts';
import { buildMemo } from '../lib/util/build-memo.ts';

/** Settings that change what a page shows. */
const SETTINGS = [
  'BAOKAN_SITE',
  'BAOKAN_BASE',
  'BAOKAN_REPO',
  'BAOKAN_CARDS',
  'BAOKAN_DISK_SEARCH',
  'BAOKAN_LIST_SIZE',
];

/**
 * The digest of some JSON-able values (each one's JSON, then NUL). One string hashed in one call:
 * the same digest as feeding the parts one by one, in about two thirds of the time (205,000
 * article keys a build at ten years).
 */
export function digest(...parts: unknown[]): string {
  let text = '';
  for (const p of parts) text += `${JSON.stringify(p) ?? 'undefined'}\0`;
  return hash('sha256', text, 'hex').slice(0, 32);
}

/** Site-wide inputs: settings, package.json, the editorial files pages show. */
function siteInputs(): string {
  const hash = createHash('sha256');
  for (const k of SETTINGS) hash.update(`${k}=${process.env[k] ?? ''}\0`);
  hash.update(readFileSync('package.json'));
  const dir = contentDir();
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f !== 'corrections.yaml')
    .sort();
  for (const f of files) {
    try {
      hash.update(`${f}\0`).update(readFileSync(join(dir, f)));
    } catch {
      // a folder: its files are listed on their own
    }
  }
  return hash.digest('hex').slice(0, 32);
}

/** The site-wide inputs' digest and each issue's own (`issueData`: its record and its parsed file), made once a build. */
export const issueKeys: () => { site: string; issueData(node: IssueNode): string } = buildMemo(() => {
  const site = siteInputs();
  const issueDigests = new Map<IssueNode, string>();
  return {
    site,
    issueData: (issue) => {
      let d = issueDigests.get(issue);
      if (!d) {
        const { parsedFile, ...record } = issue.entry.data;
        d = digest(site, record, parsedDigest(issue.entry.id, parsedFile));
        issueDigests.set(issue, d);
      }
      return d;
    },
  };
});
