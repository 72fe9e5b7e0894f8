/**
 * Every file below a folder, for the integrations that go over the built site (search, pre-compressed
 * files, offline lists, the kept folder's sweep). Walked with a queue and pushed one by one: an
 * archive's site holds hundreds of thousands of files, more than a spread into push() may pass as
 * arguments. The folders are read synchronously: the integrations run one after another, and a
 * year's site (31,000 folders) is walked in 1.3 s against 2.2 s with the promise API (2026-12-04).
 *
 * **Folders kept from the last build.** A ten-year site has 312,000 folders and 1.8 million files,
 * and reading them all took about 30 s of every daily build (2026-12-04), though a new issue adds
 * a few hundred files. A folder's time changes whenever a name is added to it or removed from it
 * (not when a file in it is written again). So a walk records, for each folder it reads, its time
 * and its names (`FolderRecord`), and a later walk given that record (`useFolderRecord`) takes the
 * names of a folder whose time is the recorded one without reading it: one `stat` instead of a
 * listing. A folder's time is recorded only when it is at least a second older than the listing
 * (file times come from a coarse clock), so that a name added in the same tick is never missed.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A folder as a walk found it: its time (-1: too recent to vouch for), its files' and sub-folders' names. */
export type FolderEntry = [mtimeMs: number, files: string[], folders: string[]];
/** Folders by absolute path. */
export type FolderRecord = Map<string, FolderEntry>;

/** How much older than its listing a folder's time must be to be recorded. */
const SETTLED_MS = 1000;

let trusted: FolderRecord | null = null;
let seen: FolderRecord = new Map();
let counts = { read: 0, kept: 0 };

/**
 * Walks from now on take the names of a folder whose time is the one in `record` from it (null:
 * read every folder); what they find is recorded afresh (`takeFolderRecord`).
 */
export function useFolderRecord(record: FolderRecord | null): void {
  trusted = record;
  seen = new Map();
  counts = { read: 0, kept: 0 };
}

/** What this build's walks found, for the next build; and how many folders were read and kept. */
export function takeFolderRecord(): { record: FolderRecord; read: number; kept: number } {
  return { record: seen, ...counts };
}

/** One folder's names: from the record when its time is the recorded one, else read. */
function folderNames(dir: string): FolderEntry {
  const mtimeMs = statSync(dir).mtimeMs;
  const known = trusted?.get(dir);
  if (known && known[0] === mtimeMs && mtimeMs >= 0) {
    counts.kept++;
    seen.set(dir, known);
    return known;
  }
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) folders.push(entry.name);
    else if (entry.isFile()) files.push(entry.name);
  }
  const settled = mtimeMs < Date.now() - SETTLED_MS;
  const found: FolderEntry = [settled ? mtimeMs : -1, files, folders];
  counts.read++;
  seen.set(dir, found);
  return found;
}

/** Absolute paths of the files below `dir`, sorted; folders named in `skip` are left out. */
export async function filesBelow(dir: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const out: string[] = [];
  const folders = [dir];
  for (let i = 0; i < folders.length; i++) {
    const at = folders[i]!;
    const [, files, subs] = folderNames(at);
    for (const name of files) out.push(join(at, name));
    for (const name of subs) {
      const full = join(at, name);
      if (!skip.has(full)) folders.push(full);
    }
  }
  return out.sort();
}

/** The same as site paths: relative to `dir`, with `/`, sorted. */
export async function sitePathsBelow(dir: string): Promise<string[]> {
  return (await filesBelow(dir)).map((f) => relative(dir, f).split(sep).join('/')).sort();
}

/** A folder record as JSON (names joined by NUL, which no name holds; one entry per folder). */
export function folderRecordJson(record: FolderRecord): string {
  const out: Record<string, [number, string, string]> = {};
  for (const [dir, [t, files, folders]] of record)
    if (t >= 0) out[dir] = [t, files.join('\0'), folders.join('\0')];
  return JSON.stringify(out);
}

/** A folder record from its JSON; null when it cannot be read. */
export function parseFolderRecord(json: string | null): FolderRecord | null {
  if (!json) return null;
  try {
    const data = JSON.parse(json) as Record<string, [number, string, string]>;
    const split = (s: string) => (s ? s.split('\0') : []);
    return new Map(Object.entries(data).map(([dir, [t, f, d]]) => [dir, [t, split(f), split(d)]]));
  } catch {
    return null;
  }
}
