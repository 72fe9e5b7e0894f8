/**
 * What a build saw of its built HTML files (PageRecord), kept in the search's build cache
 * (`pages.txt`) for the next build: a page whose size and time are unchanged is not read again
 * (src/integrations/pagefind.ts), and a daily build knows the pages of the last build's shards
 * before it renders (pagefind-early.ts).
 */
import { readFileSync } from 'node:fs';
import type { MonthKey } from '../lib/search/shards.ts';

/** In the search's cache: what the last build saw of the built HTML files (PageRecord by path). */
export const PAGES_RECORD = 'pages.txt';

/**
 * What the last build saw of a built HTML file: its size and time, and whether it is an article
 * page (its month and digest). A file whose size and time are unchanged (a page Astro's
 * incremental build left where it was) is not read again.
 */
export interface PageRecord {
  size: number;
  mtimeMs: number;
  /** the month it declares, or null when it is not a search page */
  month: MonthKey | null;
  sha256: string;
}

/**
 * The page records of the build cache's `pages.txt` for `site` (none when missing, unreadable or
 * another site's): a line of JSON (the site), then a line a page: path, size, time, month ('' for
 * none) and digest, separated by tabs. Lines, not one JSON object: at ten years the object (312,000
 * pages, 50 MB) took seconds of every daily build to parse, map and write again.
 */
export function readPageRecords(file: string, site: string): Map<string, PageRecord> {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // no record: every page is read
  }
  const lines = text.split('\n');
  if (lines[0] !== JSON.stringify({ site })) return new Map();
  const out = new Map<string, PageRecord>();
  for (let i = 1; i < lines.length; i++) {
    const [path, size, mtimeMs, month, sha256] = lines[i]!.split('\t');
    if (sha256 === undefined) return new Map();
    out.set(path!, {
      size: Number(size),
      mtimeMs: Number(mtimeMs),
      month: (month || null) as MonthKey | null,
      sha256,
    });
  }
  return out;
}

/** The page records as pages.txt holds them (pages whose path holds a tab or a line break are left out). */
export function pageRecordsText(site: string, records: Iterable<readonly [string, PageRecord]>): string {
  const lines = [JSON.stringify({ site })];
  for (const [path, r] of records)
    if (!/[\t\n\r]/.test(path)) lines.push(`${path}\t${r.size}\t${r.mtimeMs}\t${r.month ?? ''}\t${r.sha256}`);
  return lines.join('\n');
}
