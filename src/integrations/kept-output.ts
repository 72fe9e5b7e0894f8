/**
 * Astro integrations: a daily build keeps the output folder instead of emptying it, so the pages
 * Astro's incremental build does not render again stay where they are rather than being copied back
 * from its cache (src/lib/site/kept-output.ts says why and how). Two parts, placed in
 * astro.config.mjs around the others:
 *
 * - `keptOutput()` (first): at set-up, when the ledger in the build cache vouches for the folder,
 *   tells Vite not to empty it; at astro:build:done, before anything reads the site, removes the
 *   route outputs of the last build that this one did not write.
 * - `keptOutputSweep()` (after the integrations that write files, before the compressor): removes
 *   any other file this build did not write (a share card, a sitemap part, a month list of a removed
 *   issue, the `.br`/`.gz` of a file written again) and writes the ledger. The record of the
 *   site's folders (files-below.ts) is written by the compressor when it runs, after its siblings
 *   changed them (folderRecordAfterSweep), else by the sweep.
 *
 * Off for partitioned builds (each is a cold build) and when BAOKAN_KEEP_DIST=0; without Astro's
 * incremental build there is nothing to keep.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  folderRecordText,
  FolderRecordParse,
  inSite,
  readFoldersAgain,
  routeOutputs,
  shareFolderTimes,
  sitePathsBelow,
  takeFolderRecord,
  useFolderRecord,
} from './files-below.ts';
import {
  outputSettings,
  parseLedger,
  SIBLINGS,
  staleRoutes,
  sweep,
  vouchesFor,
  type OutputLedger,
  type SeenFile,
} from '../lib/site/kept-output.ts';
import { isWhole, readPartition } from '../lib/site/partition.ts';
import { existsFromLookups, preloadStats } from './preload-stats.ts';
import { switchedOn } from '../lib/util/switch-setting.ts';

/** What the two parts share within one build. */
interface State {
  on: boolean;
  kept: boolean;
  ledgerFile: string;
  /** the record of the folders this build's walks found (files-below.ts) */
  foldersFile: string;
  outDir: string;
  settings: string;
  startedMs: number;
  previous: OutputLedger | null;
  routes: Set<string>;
  /** files an integration left in place from the last build (still this build's output) */
  inPlace: Set<string>;
  /** files an integration wrote that a route of the last build wrote (article.md: article-downloads.ts) */
  written: Set<string>;
  /** the site's files after this build's sweep (site paths, sorted), or null when it did not walk */
  swept: string[] | null;
  /** a step after the sweep writes the folder record (folderRecordAfterSweep) */
  recordLater: boolean;
  /** the files whose siblings a step after the sweep looks after (siblingsAfterSweep); none: the sweep's */
  laterSiblings: ((base: string) => boolean) | null;
  /** the last build's folder record, parsed between other work (parseBetween) */
  folderParse: FolderRecordParse | null;
  /** files a step after the sweep writes every build (madeAfterSweep) */
  afterSweep: Set<string>;
  /** the pages have been generated (Astro's checks are over) */
  generated: boolean;
  /** ends the answers of Astro's checks from the lookups (existsFromLookups): how many were answered */
  answers: (() => number) | null;
}

const state: State = {
  on: false,
  kept: false,
  ledgerFile: '',
  foldersFile: '',
  outDir: '',
  settings: '',
  startedMs: 0,
  previous: null,
  routes: new Set(),
  inPlace: new Set(),
  written: new Set(),
  swept: null,
  recordLater: false,
  laterSiblings: null,
  folderParse: null,
  afterSweep: new Set(),
  generated: false,
  answers: null,
};

/** Whether output folders are kept between builds (the next build may build on this one's). */
export const outputKeeping = (): boolean => state.on;

/** Whether this build writes into the last build's output folder, kept (the folder was vouched for). */
export const outputKept = (): boolean => state.on && state.kept;

/**
 * Files of the last build an integration leaves where they are as this build's output (site
 * paths): the sweep keeps them, as it keeps the pages Astro left in place.
 */
export function keepInPlace(paths: Iterable<string>): void {
  for (const p of paths) state.inPlace.add(p);
}

/**
 * Files an integration wrote this build (site paths) where the last build may have had a route's
 * output: they are not removed with the routes this build no longer has.
 */
export function noteWritten(paths: Iterable<string>): void {
  for (const p of paths) state.written.add(p);
}

/**
 * The files of the last build that the integrations left where they were in this one (site paths:
 * search shards that did not change, lists written with the same bytes): this build did not write
 * them, so the compressor takes its record of them without a look at each (compress.ts).
 */
export const filesLeftInPlace = (): ReadonlySet<string> => state.inPlace;

/**
 * Write a file of the site (`path`, a site path), or, in a kept output folder, leave it where it
 * is when it already holds these bytes, as a file left in place: a file written again is
 * compressed again, and an archive's month and shard lists are mostly the same from day to day.
 * Whether it was written.
 */
export async function writeSiteFile(
  site: string,
  path: string,
  content: string | Uint8Array,
  kept = outputKept(),
): Promise<boolean> {
  const file = join(site, path);
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  if (kept) {
    const old = await readFile(file).catch(() => null);
    if (old?.equals(bytes)) {
      keepInPlace([path]);
      return false;
    }
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return true;
}

/**
 * The site's files as this build's sweep left them (site paths, sorted; `.git` left out), for the
 * compressor, which comes right after it: one walk of the site instead of two. Null when the sweep
 * did not walk (the folder was not kept).
 */
export const sweptFiles = (): readonly string[] | null => state.swept;

function homeStat(outDir: string): { size: number; mtimeMs: number } | null {
  try {
    const s = statSync(join(outDir, 'index.html'));
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return null;
  }
}

function writeLedger(ledger: OutputLedger): void {
  mkdirSync(dirname(state.ledgerFile), { recursive: true });
  writeFileSync(state.ledgerFile, JSON.stringify(ledger));
}

/** Remove a site file with its `.br`/`.gz`, and then its folders while they are empty. */
export async function removeWithSiblings(site: string, path: string): Promise<void> {
  for (const f of [path, ...SIBLINGS.map((s) => path + s)]) await removeFile(site, f);
}

/** Remove a file and then its folders while they are empty, up to the site. */
async function removeFile(site: string, path: string): Promise<void> {
  await unlink(join(site, path)).catch(() => undefined);
  const top = join(site, '.'); // no trailing separator
  let dir = dirname(join(site, path));
  while (dir.startsWith(top + sep)) {
    if ((await readdir(dir).catch(() => ['?'])).length) break;
    await rmdir(dir).catch(() => undefined);
    dir = dirname(dir);
  }
}

/** Whether the folder is kept: env, partition, and Astro's incremental build. */
export function keepingOn(env = process.env, incremental: boolean): boolean {
  return incremental && isWhole(readPartition(env)) && switchedOn(env.BAOKAN_KEEP_DIST);
}

export function keptOutput(): AstroIntegration {
  return {
    name: 'baokan-kept-output',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build') return;
        // a second early: file times lag the clock by up to a tick
        state.startedMs = Date.now() - 1000;
        state.inPlace = new Set();
        state.written = new Set();
        state.swept = null;
        state.recordLater = false;
        state.laterSiblings = null;
        state.folderParse = null;
        state.afterSweep = new Set();
        state.generated = false;
        state.answers?.();
        state.answers = null;
        state.on = keepingOn(process.env, !!config.experimental?.incrementalBuild);
        useFolderRecord(null);
        if (!state.on) return;
        state.outDir = fileURLToPath(config.outDir);
        state.ledgerFile = join(fileURLToPath(config.cacheDir), 'baokan-output.json');
        state.settings = outputSettings(process.env);
        state.previous = parseLedger(
          existsSync(state.ledgerFile) ? readFileSync(state.ledgerFile, 'utf8') : null,
        );
        state.kept = vouchesFor(state.previous, state.outDir, state.settings, homeStat(state.outDir));
        // The walks of a kept folder take unchanged folders' names from the last build's record.
        state.foldersFile = join(fileURLToPath(config.cacheDir), 'baokan-output-folders.txt');
        // parsed while the build waits for the search (astro:build:generated), or by the first walk
        if (state.kept && existsSync(state.foldersFile)) {
          const parse = new FolderRecordParse(readFileSync(state.foldersFile, 'utf8'));
          state.folderParse = parse;
          useFolderRecord(() => parse.result());
        }
        if (state.kept) {
          updateConfig({ vite: { build: { emptyOutDir: false } } });
          logger.info(`keeping ${state.outDir}: unchanged pages stay where they are`);
          // Astro checks that each page it does not render again is there: looked up beforehand
          const routes = state.previous!.routes;
          void preloadStats(state.outDir, routes).then((done) => {
            if (!done) return;
            logger.info(
              `${done.found} of the last build's route output(s) looked up in ${done.ms} ms on a thread of ` +
                `their own, for Astro's check that each is there` +
                (done.missing ? ` (${done.missing} not there)` : ''),
            );
            // until the pages are generated, the check is answered from the lookups for those found
            if (!state.generated) state.answers = existsFromLookups(state.outDir, routes, done.absent);
          });
        }
      },
      // Until this build finishes the folder is not vouched for: one that stops halfway leaves
      // pages Astro's manifest does not know of. Not before Astro starts building, though: a build
      // stopped while it reads the content (a daily build's first minute) has not touched the
      // folder, and the next build may still keep it (at ten years, the difference between a
      // daily build and an 80-minute one).
      'astro:build:start': () => {
        if (!state.on) return;
        writeLedger({ outDir: state.outDir, done: false, home: null, settings: state.settings, routes: [] });
      },
      'astro:build:generated': ({ logger }) => {
        state.generated = true;
        const answered = state.answers?.();
        state.answers = null;
        if (answered)
          logger.info(`${answered} of Astro's checks that a page is there answered from the lookups`);
        if (state.folderParse) parseBetween(state.folderParse);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        if (!state.on) return;
        const site = fileURLToPath(dir);
        state.routes = new Set(routeOutputs(dir, assets));
        if (!state.kept || !state.previous) return;
        // a file an integration wrote or left in place is this build's, though no route wrote it
        const stale = staleRoutes(state.previous.routes, state.routes).filter(
          (p) => !state.inPlace.has(p) && !state.written.has(p),
        );
        for (const p of stale) await removeWithSiblings(site, p);
        if (stale.length)
          logger.info(`${stale.length} page(s) and download(s) the edition no longer has removed`);
      },
    },
  };
}

/** Lines of the folder record parsed at a time between the build's other work (some 25 ms). */
const PARSE_SLICE = 4000;

/**
 * Parse the folder record a slice at a time, each once the thread has run what was waiting: the
 * walks that need it come after the search, whose process the build's thread mostly waits for.
 */
function parseBetween(parse: FolderRecordParse): void {
  const next = () => {
    if (!parse.step(PARSE_SLICE)) setImmediate(next);
  };
  setImmediate(next);
}

/**
 * A test of the site's sorted files, one after another: a route output of this build or a file left
 * in place, or its `.br`/`.gz`. A sibling's file comes right before it in a sorted listing, so the
 * answer for the file is taken again rather than looked up: two of a ten-year site's three files
 * are siblings, and each lookup hashes a path (some 2 s of a daily build's sweep, 2026-12-06).
 */
function routeTest(): (path: string) => boolean {
  let lastPath: string | null = null;
  let lastStays = false;
  return (path) => {
    const s = SIBLINGS.find((x) => path.endsWith(x));
    if (!s) {
      lastPath = path;
      lastStays = stays(path);
      return lastStays;
    }
    const base = path.slice(0, -s.length);
    return (base === lastPath ? lastStays : stays(base)) || stays(path);
  };
}

/** A route output of this build or a file an integration left in place. */
const stays = (path: string): boolean => state.routes.has(path) || state.inPlace.has(path);

/** The site's files (site paths, sorted), `.git` left out: a walk that the folder record notes. */
const siteFiles = (site: string) => sitePathsBelow(site, new Set([join(site, '.git')]));

/**
 * Write the record of the folders this build's walks found. A clean build's walks have not gone over
 * the whole site (the compressor walks it in its own thread, whose record is its own): one walk of
 * the site records every folder as this build leaves it. Without it, the first daily build after a
 * clean ten-year build read all 312,507 folders (9.1 s, against 2.7 s on later days; 2026-12-05).
 */
async function writeFolderRecord(site: string): Promise<void> {
  if (!state.kept) await siteFiles(site);
  mkdirSync(dirname(state.foldersFile), { recursive: true });
  writeFileSync(state.foldersFile, folderRecordText(takeFolderRecord().record));
}

/**
 * Said at set-up by a step that runs after the sweep and adds or removes names in the site's
 * folders (the compressor's `.br`/`.gz`): the record of the folders is then written by it, through
 * finishFolderRecord, rather than by the sweep. A record taken before such a step holds every
 * folder it changed at a time that is no longer the folder's, and the next build reads them again.
 */
export function folderRecordAfterSweep(): void {
  state.recordLater = true;
}

/**
 * Said at set-up by the compressor, which runs after the sweep and writes, renews or removes the
 * `.br`/`.gz` of every file `owns` accepts (a sibling whose file is gone or written again
 * included): the sweep leaves those siblings to it rather than looking at each one's time. After a
 * change of the pages' code a daily build writes every article.md again, and the sweep removed
 * their 320,000 older siblings one by one (143 s of a ten-year day, 2026-12-06), for the
 * compressor to write them again.
 */
export function siblingsAfterSweep(owns: (base: string) => boolean): void {
  state.laterSiblings = owns;
}

/**
 * Said at set-up by a step after the sweep that writes `path` (a site path) every build (the
 * compressor's `_headers`, which names the site's top-level entries as the sweep leaves them): the
 * sweep leaves the last build's copy for it to write over. Before, every daily build removed it and
 * said so ("1 file(s) this build no longer makes removed: _headers"), and the site had none until
 * the compressor ran.
 */
export function madeAfterSweep(path: string): void {
  state.afterSweep.add(path);
}

/** Whether `path` is a `.br`/`.gz` that a step after the sweep looks after (siblingsAfterSweep). */
function laterSibling(path: string): boolean {
  const owns = state.laterSiblings;
  const s = owns && SIBLINGS.find((x) => path.endsWith(x));
  return !!s && owns(path.slice(0, -s.length));
}

/**
 * Write the record of the folders (writeFolderRecord), those among `folders` (site paths below
 * `site`, '' for the site itself) read again first: the step that said folderRecordAfterSweep
 * changed their names. What it cost, for the log: the folders read (a clean build's walk reads
 * them all) and the milliseconds; null when there is no record to write.
 */
export async function finishFolderRecord(
  site: string,
  folders: Iterable<string>,
): Promise<{ read: number; ms: number } | null> {
  if (!state.on || !state.recordLater) return null;
  const started = performance.now();
  const before = takeFolderRecord().read;
  const again = state.kept ? readFoldersAgain(site, folders) : 0;
  await writeFolderRecord(site);
  return { read: again + takeFolderRecord().read - before, ms: Math.round(performance.now() - started) };
}

export function keptOutputSweep(): AstroIntegration {
  return {
    name: 'baokan-kept-output-sweep',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (!state.on) return;
        const site = fileURLToPath(dir);
        if (state.kept) {
          const started = performance.now();
          // Route outputs stay, and the siblings of one are the compressor's (it renews those older
          // than their file), as are those of any file it compresses (siblingsAfterSweep): only
          // the other files need a look at their time.
          const files: SeenFile[] = [];
          // the folders' times taken on two threads (folder-times.ts): the steps that write are done
          const sharing = shareFolderTimes();
          const all = await siteFiles(site);
          const helped = await sharing.stop();
          const ofRoute = routeTest();
          for (const path of all)
            if (!ofRoute(path) && !laterSibling(path) && !state.afterSweep.has(path))
              files.push({ path, mtimeMs: statSync(inSite(site, path)).mtimeMs });
          const gone = sweep(files, { has: stays }, state.startedMs);
          for (const p of gone) await removeFile(site, p);
          const removed = new Set(gone);
          state.swept = all.filter((p) => !removed.has(p));
          const { read, kept } = takeFolderRecord();
          logger.info(
            `${gone.length} file(s) this build no longer makes removed (${files.length} looked at in ` +
              `${Math.round(performance.now() - started)} ms; ${read} folder(s) read, ${kept} as the last build left them, ` +
              `${helped} folder time(s) taken by a helper thread)` +
              (gone.length ? `: ${gone.slice(0, 3).join(', ')}${gone.length > 3 ? ' …' : ''}` : ''),
          );
        }
        // what this build's walks found, for the next one's; or, when a later step changes the
        // folders, none until it writes it (a build stopped before then leaves no record)
        if (state.recordLater) rmSync(state.foldersFile, { force: true });
        else await writeFolderRecord(site);
        rmSync(join(dirname(state.foldersFile), 'baokan-output-folders.json'), { force: true }); // its earlier form
        writeLedger({
          outDir: state.outDir,
          done: true,
          home: homeStat(state.outDir),
          settings: state.settings,
          routes: [...state.routes].sort(),
        });
      },
    },
  };
}
