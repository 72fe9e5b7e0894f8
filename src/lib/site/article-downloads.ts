/**
 * Each article's Markdown download (`<article>/article.md`), written by the build's own step
 * (src/integrations/article-downloads.ts) rather than as a route of Astro's: an Astro route costs
 * every build a path to match, a key, an `existsSync` and two log lines for each of an archive's
 * 205,000 articles (some 5 s of a ten-year daily build, which writes one issue's), and a full
 * build an endpoint's render each.
 *
 * An issue's files are written again when its key changed (the data they show: the issue's
 * digest, src/data/page-keys.ts issueData; and the code, codeDigest) and left where they are
 * otherwise, in an output folder the build keeps (src/integrations/kept-output.ts). A record in the
 * build cache names each issue's key and files, so that files of an issue gone, or of an article
 * gone from an issue, are removed. A kept file is not looked at (Astro `existsSync`s each page it
 * keeps): one deleted by hand from a kept folder comes back when its issue changes, or with a
 * folder the build does not keep (BAOKAN_KEEP_DIST=0).
 *
 * The pages (bundled apart from the integrations) hand the build's issues over through a slot on
 * globalThis, as the build's shared values are let go (src/lib/util/build-memo.ts).
 */

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One file to write: its site path and text. */
export interface DownloadFile {
  path: string;
  text: string;
}

/** An issue's files, made. */
export function filesOf(issue: OfferedIssue): DownloadFile[] {
  const texts = issue.texts();
  return issue.paths.map((path, k) => ({ path, text: texts[k]! }));
}

/** An issue of this build, as the pages hand it over. */
export interface OfferedIssue {
  /** the issue's id */
  id: string;
  /** what its files are made from (the issue's data key and the code's digest) */
  key: string;
  /** its files' site paths */
  paths: string[];
  /** its files' texts, in the order of `paths`, made only when they are to be written */
  texts(): string[];
}

/** What the build cache records of the files written: the folder, and each issue's key and files. */
export interface DownloadRecord {
  outDir: string;
  issues: Record<string, { key: string; paths: string[] }>;
}

/** What a build does with the offered issues' files. */
export interface DownloadPlan {
  /** issues whose files are written */
  write: OfferedIssue[];
  /** files left where they are (site paths) */
  keep: string[];
  /** files of the last build this one does not make (site paths) */
  remove: string[];
}

/**
 * What to write, keep and remove. Files are kept only in a folder the build keeps (`kept`) and the
 * record names (`last`, for the same folder), under an unchanged key with the same paths.
 */
export function planDownloads(
  offered: readonly OfferedIssue[],
  last: DownloadRecord | null,
  outDir: string,
  kept: boolean,
): DownloadPlan {
  const before = kept && last?.outDir === outDir ? last.issues : {};
  const write: OfferedIssue[] = [];
  const keep: string[] = [];
  const made = new Set<string>();
  for (const issue of offered) {
    const was = before[issue.id];
    if (was && was.key === issue.key && sameList(was.paths, issue.paths)) keep.push(...issue.paths);
    else write.push(issue);
    for (const p of issue.paths) made.add(p);
  }
  const remove: string[] = [];
  for (const id of Object.keys(before)) for (const p of before[id]!.paths) if (!made.has(p)) remove.push(p);
  return { write, keep, remove };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, k) => x === b[k]);

/** The record of this build's files. */
export function downloadRecord(outDir: string, offered: readonly OfferedIssue[]): DownloadRecord {
  return {
    outDir,
    issues: Object.fromEntries(offered.map((i) => [i.id, { key: i.key, paths: i.paths }])),
  };
}

/** The record read back, or null when it is missing or of another shape. */
export function parseDownloadRecord(text: string | null): DownloadRecord | null {
  if (!text) return null;
  try {
    const data = JSON.parse(text) as Partial<DownloadRecord>;
    return typeof data.outDir === 'string' && data.issues && typeof data.issues === 'object'
      ? (data as DownloadRecord)
      : null;
  } catch {
    return null;
  }
}

/**
 * The digest of the code the pages run (`src/` but its tests and the integrations, which write the
 * files but make none of them) and of the lockfile: part of every issue's key, since the step that
 * writes the files is not a route, whose code Astro would hash. A change of that code writes every
 * file again, once. (The bundled module's own text will not do: Vite's chunks differ from one
 * edition to another.)
 */
export function codeDigest(root: string): string {
  const hash = createHash('sha256');
  const src = join(root, 'src');
  const files = (readdirSync(src, { recursive: true }) as string[])
    .filter(
      (f) =>
        /\.(?:ts|astro|mjs|js|json|css)$/.test(f) && !/\.test\.ts$/.test(f) && !/^integrations[/\\]/.test(f),
    )
    .sort();
  for (const f of files)
    hash
      .update(`${f}\0`)
      .update(readFileSync(join(src, f)))
      .update('\0');
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex').slice(0, 16);
}

const SLOT = Symbol.for('baokan.article-downloads');

/** The pages hand over this build's issues (src/pages/[...file].ts). */
export function offerDownloads(issues: OfferedIssue[]): void {
  (globalThis as { [SLOT]?: OfferedIssue[] })[SLOT] = issues;
}

/** This build's issues, once (null when the pages handed none over: no build ran the route). */
export function takeDownloads(): OfferedIssue[] | null {
  const g = globalThis as { [SLOT]?: OfferedIssue[] };
  const issues = g[SLOT] ?? null;
  delete g[SLOT];
  return issues;
}
