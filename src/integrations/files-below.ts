/**
 * Every file below a folder, for the integrations that go over the built site (search, pre-compressed
 * files, offline lists). Walked with a queue and pushed one by one: an archive's site holds hundreds
 * of thousands of files, more than a spread into push() may pass as arguments. The folders are read
 * synchronously: the integrations run one after another, and a year's site (31,000 folders) is walked
 * in 1.3 s against 2.2 s with the promise API (2026-12-04).
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Absolute paths of the files below `dir`, sorted; folders named in `skip` are left out. */
export async function filesBelow(dir: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const out: string[] = [];
  const folders = [dir];
  for (let i = 0; i < folders.length; i++) {
    for (const entry of readdirSync(folders[i]!, { withFileTypes: true })) {
      const full = join(folders[i]!, entry.name);
      if (entry.isDirectory()) {
        if (!skip.has(full)) folders.push(full);
      } else if (entry.isFile()) out.push(full);
    }
  }
  return out.sort();
}

/** The same as site paths: relative to `dir`, with `/`, sorted. */
export async function sitePathsBelow(dir: string): Promise<string[]> {
  return (await filesBelow(dir)).map((f) => relative(dir, f).split(sep).join('/')).sort();
}
