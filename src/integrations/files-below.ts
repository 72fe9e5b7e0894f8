/**
 * Every file below a folder, for the integrations that go over the built site (search, pre-compressed
 * files, offline lists, the kept folder's sweep). Paths are pushed one by one: an archive's site
 * holds hundreds of thousands of files, more than a spread into push() may pass as arguments. The folders are read synchronously: the integrations run one after another, and a
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
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { folderTimes, type FolderTimes } from './folder-times.ts';

/** A folder as a walk found it: its time (-1: too recent to vouch for), its files' and sub-folders' names. */
export type FolderEntry = [mtimeMs: number, files: string[], folders: string[]];
/** Folders by absolute path. */
export type FolderRecord = Map<string, FolderEntry>;

/** How much older than its listing a folder's time must be to be recorded. */
const SETTLED_MS = 1000;

let trusted: FolderRecord | null | (() => FolderRecord | null) = null;
let seen: FolderRecord = new Map();
let counts = { read: 0, kept: 0 };
/** the times of the trusted record's folders, taken with a helper thread, and their places (shareFolderTimes) */
let shared: { times: FolderTimes; places: Map<FolderEntry, number> } | null = null;
/** for a record read from its text, each entry's place in it (for shareFolderTimes) */
const placesIn = new WeakMap<FolderRecord, Map<FolderEntry, number>>();

/**
 * Walks from now on take the names of a folder whose time is the one in `record` from it (null:
 * read every folder); what they find is recorded afresh (`takeFolderRecord`). A function is asked
 * for the record when the first walk needs it (a record still being parsed: FolderRecordParse).
 */
export function useFolderRecord(record: FolderRecord | null | (() => FolderRecord | null)): void {
  trusted = record;
  seen = new Map();
  counts = { read: 0, kept: 0 };
}

/** The record walks trust, asked for once. */
function trustedRecord(): FolderRecord | null {
  if (typeof trusted === 'function') trusted = trusted();
  return trusted;
}

/** What this build's walks found, for the next build; and how many folders were read and kept. */
export function takeFolderRecord(): { record: FolderRecord; read: number; kept: number } {
  return { record: seen, ...counts };
}

/** Records this large are walked with a helper thread taking folder times (shareFolderTimes). */
const SHARE_FROM = 2000;

/** A helper thread taking folder times for the walks (shareFolderTimes). */
export interface SharedFolderTimes {
  /** the helper's answer once it has gone through the record's folders (how many it took) */
  done: Promise<number | null>;
  /** stop the helper (the walks take every time themselves again); how many it took */
  stop(): Promise<number>;
}

/**
 * Until stop is called, the walks take the trusted record's folders' times with a helper thread
 * (folder-times.ts); for a walk of the whole site once the steps that write into it are done (the
 * kept folder's sweep). Without a record read from its text, or one of fewer than SHARE_FROM
 * folders, there is no helper.
 */
export function shareFolderTimes(): SharedFolderTimes {
  const record = trustedRecord();
  const places = record && placesIn.get(record);
  if (!record || !places || record.size < SHARE_FROM)
    return { done: Promise.resolve(0), stop: async () => 0 };
  const dirs = new Array<string>(record.size);
  for (const [dir, entry] of record) dirs[places.get(entry)!] = dir;
  const sharing = { times: folderTimes(dirs), places };
  shared = sharing;
  return {
    done: sharing.times.done,
    stop: () => {
      if (shared === sharing) shared = null;
      return sharing.times.stop();
    },
  };
}

/** One folder's names: from the record when its time is the recorded one, else read. */
function folderNames(dir: string): FolderEntry {
  const known = trustedRecord()?.get(dir);
  const place = shared && known ? shared.places.get(known) : undefined;
  const helped = place !== undefined ? shared!.times.take(place) : Number.NaN;
  const mtimeMs = Number.isNaN(helped) ? statSync(dir).mtimeMs : helped;
  if (known && known[0] === mtimeMs && mtimeMs >= 0) {
    counts.kept++;
    seen.set(dir, known);
    return known;
  }
  const found = readFolder(dir, mtimeMs);
  counts.read++;
  seen.set(dir, found);
  return found;
}

/** A folder's names as they are now, with its time (`mtimeMs`, taken before the listing) if settled. */
function readFolder(dir: string, mtimeMs: number): FolderEntry {
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) folders.push(entry.name);
    else if (entry.isFile()) files.push(entry.name);
  }
  const settled = mtimeMs < Date.now() - SETTLED_MS;
  return [settled ? mtimeMs : -1, files, folders];
}

/**
 * Read again those of `folders` (site paths below `site`, '' for the site itself) that this build's
 * walks recorded: a step after the walks (the compressor, which adds and removes `.br`/`.gz`)
 * changed their names and their time, and a record of them as the walks found them would have the
 * next build read them again. A folder gone since leaves the record. How many were read.
 */
export function readFoldersAgain(site: string, folders: Iterable<string>): number {
  let n = 0;
  for (const folder of folders) {
    const dir = folder ? inSite(site, folder) : withoutSep(site);
    if (!seen.has(dir)) continue;
    n++;
    const mtimeMs = statSync(dir, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined) seen.delete(dir);
    else seen.set(dir, readFolder(dir, mtimeMs));
  }
  return n;
}

/**
 * The files below `dir`, sorted: absolute paths, or (`asSitePaths`) paths relative to `dir` with `/`.
 * Paths are joined by hand, not with path.join or path.relative: a ten-year site's 1.8 million files
 * took about 11 s of a daily build's sweep through those two alone (2026-12-04). The folders are
 * visited depth first, each one's names in the order of its files' names and its sub-folders' names
 * with the separator after them, so the paths come out sorted: a folder's paths all start with its
 * name and the separator, and sort where that does among its siblings. Sorting the 1.8 million paths
 * at the end instead took some 4 s.
 */
function walk(dir: string, skip: ReadonlySet<string>, asSitePaths: boolean): string[] {
  const out: string[] = [];
  const top = withoutSep(dir);
  const slash = asSitePaths ? '/' : sep;
  const visit = (at: string, prefix: string) => {
    const [, files, subs] = folderNames(at);
    const names = [...files, ...subs.map((name) => name + slash)].sort();
    for (const name of names) {
      if (!name.endsWith(slash)) out.push(prefix + name);
      else {
        const full = at + sep + name.slice(0, -1);
        if (!skip.has(full)) visit(full, asSitePaths ? prefix + name : full + sep);
      }
    }
  };
  visit(top, asSitePaths ? '' : top + sep);
  return out;
}

/** A folder's path without a trailing separator (as walks record it), the root's excepted. */
const withoutSep = (dir: string): string => (dir.endsWith(sep) && dir.length > 1 ? dir.slice(0, -1) : dir);

/** Absolute paths of the files below `dir`, sorted; folders named in `skip` (absolute paths) are left out. */
export async function filesBelow(dir: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  return walk(dir, skip, false);
}

/** The same as site paths: relative to `dir`, with `/`, sorted; `skip` as for filesBelow. */
export async function sitePathsBelow(dir: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  return walk(dir, skip, true);
}

/** Where `path` is or would go in a sorted list: the first place whose path is not before it. */
function placeOf(sorted: readonly string[], path: string, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < path) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A sorted list of paths with `path` in its place (the list itself when it has it already): a binary
 * search, where adding to a set of the site's 1.8 million paths and sorting them again took some 2.5 s
 * of a ten-year daily build (2026-12-04).
 */
export function withPath(sorted: readonly string[], path: string): readonly string[] {
  const at = placeOf(sorted, path);
  if (sorted[at] === path) return sorted;
  return [...sorted.slice(0, at), path, ...sorted.slice(at)];
}

/** Whether a sorted list holds `path` (a binary search: no set of a site's million paths to make). */
export function inSorted(sorted: readonly string[], path: string): boolean {
  return sorted[placeOf(sorted, path)] === path;
}

/** How far from `near` a path is looked for step by step before a binary search. */
const NEAR = 8;

/**
 * Whether a sorted list holds `path`, looked for from place `near` out: a file's `.br` and `.gz`
 * come right after it in a sorted listing, so they are found, or known to be absent, in a step or
 * two, where a set of the site's 1.8 million paths took some 1.6 s to make (2026-12-04).
 */
export function sortedHas(sorted: readonly string[], path: string, near: number): boolean {
  let k = Math.min(Math.max(near, 0), sorted.length - 1);
  if (k < 0) return false;
  const up = sorted[k]! < path;
  for (let step = 0; step < NEAR; step++) {
    const here = sorted[k];
    if (here === undefined) return false;
    if (here === path) return true;
    // passed the place it would have: not there
    if (up ? here > path : here < path) return false;
    k += up ? 1 : -1;
    if (k < 0) return false;
  }
  const at = up ? placeOf(sorted, path, k) : placeOf(sorted, path, 0, k + 1);
  return sorted[at] === path;
}

/** A file of the site by its site path (`a/b/index.html`), joined by hand (see walk). */
export function inSite(site: string, path: string): string {
  const rel = sep === '/' ? path : path.split('/').join(sep);
  return site.endsWith(sep) ? site + rel : site + sep + rel;
}

/** The site path of an absolute file below `site` (relative, with `/`), sliced where it can be (see walk). */
export function toSitePath(site: string, file: string): string {
  const top = site.endsWith(sep) ? site : site + sep;
  if (sep === '/' && file.startsWith(top)) return file.slice(top.length);
  return relative(site, file).split(sep).join('/');
}

/**
 * The site paths of Astro's route outputs (the `assets` of astro:build:done: file URLs below `dir`),
 * worked out once a build and shared by the integrations that read them. A URL is the folder's URL
 * and the path, percent-encoded; slicing it is some fifteen times faster than fileURLToPath and
 * path.relative, which half a million outputs made a second or more each time.
 */
export function routeOutputs(dir: URL, assets: ReadonlyMap<string, readonly URL[]>): string[] {
  const known = routesMemo.get(assets);
  if (known && known.dir === dir.href) return known.paths;
  const base = dir.href.endsWith('/') ? dir.href : `${dir.href}/`;
  const site = fileURLToPath(base);
  const paths: string[] = [];
  for (const urls of assets.values())
    for (const u of urls) {
      const href = u.href;
      if (href.startsWith(base) && !href.includes('%')) paths.push(href.slice(base.length));
      else paths.push(relative(site, fileURLToPath(u)).split(sep).join('/'));
    }
  routesMemo.set(assets, { dir: dir.href, paths });
  return paths;
}

const routesMemo = new WeakMap<object, { dir: string; paths: string[] }>();

/**
 * A folder record as text: a line a folder (path, time, its files' names, its sub-folders' names;
 * tabs between the fields, NUL between names, which no name holds). Lines, not JSON: at ten years
 * the record (312,000 folders, 63 MB) took about 5 s of a daily build to parse and write as JSON.
 * Folders too recent to vouch for, and folders whose path or names hold a tab or a line break, are
 * left out (they are read again next time).
 */
export function folderRecordText(record: FolderRecord): string {
  const lines: string[] = [FOLDER_RECORD_FORM];
  for (const [dir, [t, files, folders]] of record) {
    if (t < 0) continue;
    const line = `${dir}\t${t}\t${files.join('\0')}\t${folders.join('\0')}`;
    if (line.split('\t').length === 4 && !/[\n\r]/.test(line)) lines.push(line);
  }
  return lines.join('\n');
}

/** The first line of a folder record: a record of another form is not read. */
const FOLDER_RECORD_FORM = 'baokan folder record 2';

/** A folder record from its text; null when it cannot be read. */
export function parseFolderRecord(text: string | null): FolderRecord | null {
  return new FolderRecordParse(text).result();
}

/**
 * A folder record parsed some lines at a time (`step`), so that a build's thread can parse it while
 * it waits for others: at ten years the record (312,000 folders, 63 MB) took some 1.9 s of a daily
 * build's start, and the walks that need it come at the end, after a wait for the search's process
 * (kept-output.ts). `result` parses what is left. A record that lists a folder twice is not read.
 */
export class FolderRecordParse {
  private text: string | null;
  private lines: string[] | null = null;
  private at = 1;
  private record: FolderRecord | null = new Map();
  private places = new Map<FolderEntry, number>();
  private done = false;

  constructor(text: string | null) {
    this.text = text;
    if (!text) this.record = null;
  }

  /** Parse up to `count` more lines; whether it is done. */
  step(count: number): boolean {
    if (!this.record || this.done) return true;
    if (!this.lines) {
      this.lines = this.text!.split('\n');
      this.text = null;
      if (this.lines[0] !== FOLDER_RECORD_FORM) return this.fail();
    }
    const { lines, record, places } = this;
    const split = (s: string) => (s ? s.split('\0') : []);
    const end = Math.min(lines.length, this.at + count);
    for (; this.at < end; this.at++) {
      const f = lines[this.at]!.split('\t');
      const t = Number(f[1]);
      if (f.length !== 4 || !Number.isFinite(t) || record.has(f[0]!)) return this.fail();
      const entry: FolderEntry = [t, split(f[2]!), split(f[3]!)];
      places.set(entry, record.size);
      record.set(f[0]!, entry);
    }
    if (this.at < lines.length) return false;
    this.lines = null;
    this.done = true;
    placesIn.set(record, places);
    return true;
  }

  /** The record, null when it cannot be read. */
  result(): FolderRecord | null {
    this.step(Infinity);
    return this.record;
  }

  private fail(): true {
    this.record = null;
    this.lines = null;
    this.done = true;
    return true;
  }
}
