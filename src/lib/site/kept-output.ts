/**
 * A daily build on a kept output folder. Astro's incremental build leaves a page whose code and key
 * are unchanged where it is when the output folder still holds it ("cached"), and copies it from its
 * cache when the folder was emptied ("restored", two milliseconds a page: 108 s for a year's
 * 52,000 pages). Keeping the folder makes the first free, but then nothing removes what the build
 * no longer makes: the pages of a removed issue, a list's last page, a share card, a sitemap part.
 * This is the bookkeeping that lets the folder be kept (src/integrations/kept-output.ts):
 *
 * - a ledger in the build cache says which folder the last build wrote, that it finished, the size
 *   and time of its home page (a folder another build wrote since no longer matches), and the files
 *   its routes wrote; a folder the ledger does not vouch for is emptied, as Astro would;
 * - route outputs the last build wrote and this one does not are removed, with their `.br`/`.gz`,
 *   before the integrations that read the site run;
 * - before the compressor runs, any other file this build did not write (older than its start) is
 *   removed unless it is a route output of this build or the compressed sibling of a file that stays.
 *
 * Pure: the integration does the file system.
 */

/** What the last build on a kept folder left in the build cache. */
export interface OutputLedger {
  /** the output folder it wrote (absolute path) */
  outDir: string;
  /** whether it got to the end (a build that stopped halfway leaves its folder unvouched for) */
  done: boolean;
  /** size and modification time (ms) of the home page when it finished */
  home: { size: number; mtimeMs: number } | null;
  /** the settings it was built with (outputSettings): a build with others starts from an empty folder */
  settings: string;
  /** site paths of the files its routes wrote (pages and endpoints), sorted */
  routes: string[];
}

/** The ledger read back, or null when it is missing, unreadable or of another shape. */
export function parseLedger(text: string | null): OutputLedger | null {
  if (!text) return null;
  try {
    const data = JSON.parse(text) as Partial<OutputLedger>;
    if (typeof data.outDir !== 'string' || typeof data.done !== 'boolean' || !Array.isArray(data.routes))
      return null;
    return {
      outDir: data.outDir,
      done: data.done,
      home: data.home ?? null,
      settings: typeof data.settings === 'string' ? data.settings : '',
      routes: data.routes,
    };
  } catch {
    return null;
  }
}

/**
 * Environment settings that are not what the edition is built from (the seeds, the cache, a
 * benchmark's folders), change only the build's log (BAOKAN_LOG_PAGES), or only its time and
 * memory (the heap's growth, the store's write-back, how many shards, files or pages at a time,
 * whether pages are compressed as they are written, which thread finds the names).
 */
const NOT_SETTINGS =
  /^BAOKAN_(?:SEEDS|CONTENT|CACHE_DIR|LOG_PAGES|BENCH_\w+|HEAP_GROWTH|STORE_LAG|SEARCH_JOBS|COMPRESS_AT_ONCE|COMPRESS_EARLY|RENDER_CONCURRENCY|NAMES_INLINE|SEARCH_EARLY)$/;

/**
 * The build's settings, as one string: every BAOKAN_* variable but the inputs and folders. A folder
 * built with other settings (compression or share cards switched off, another site address or list
 * length) holds files this build would not write and that no route names.
 */
export function outputSettings(env: Readonly<Record<string, string | undefined>>): string {
  return Object.keys(env)
    .filter((k) => k.startsWith('BAOKAN_') && !NOT_SETTINGS.test(k))
    .sort()
    .map((k) => `${k}=${env[k] ?? ''}`)
    .join('\n');
}

/**
 * Whether the folder can be kept: the ledger names it, its build finished with the same settings,
 * and the home page is the one that build wrote (same size and time to the millisecond).
 */
export function vouchesFor(
  ledger: OutputLedger | null,
  outDir: string,
  settings: string,
  home: { size: number; mtimeMs: number } | null,
): boolean {
  return (
    !!ledger &&
    ledger.done &&
    ledger.outDir === outDir &&
    ledger.settings === settings &&
    !!ledger.home &&
    !!home &&
    ledger.home.size === home.size &&
    Math.round(ledger.home.mtimeMs) === Math.round(home.mtimeMs)
  );
}

/** The compressed siblings baokan writes beside a file (src/integrations/compress.ts). */
export const SIBLINGS = ['.br', '.gz'] as const;

/** Route outputs of the last build that this build did not write: to remove, with their siblings. */
export function staleRoutes(previous: readonly string[], current: ReadonlySet<string>): string[] {
  return previous.filter((p) => !current.has(p));
}

/** A file of the kept folder, as the sweep sees it. */
export interface SeenFile {
  /** site path */
  path: string;
  mtimeMs: number;
}

/**
 * Files to remove once a build on a kept folder has written its files (before the compressor):
 * written before `startedMs` (so not by this build) and not a route output of this build (a page
 * Astro left in place); and a `.br`/`.gz` unless its file stays and the sibling is not older than
 * it (an unchanged page keeps its siblings; the compressor writes those of a file written again).
 */
export function sweep(
  files: readonly SeenFile[],
  routes: Pick<ReadonlySet<string>, 'has'>,
  startedMs: number,
): string[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const stays = (f: SeenFile) => f.mtimeMs >= startedMs || routes.has(f.path);
  const baseOf = (p: string) => {
    const s = SIBLINGS.find((x) => p.endsWith(x));
    return s ? byPath.get(p.slice(0, -s.length)) : undefined;
  };
  return files
    .filter((f) => {
      const base = baseOf(f.path);
      if (base) return !(stays(base) && f.mtimeMs >= base.mtimeMs);
      return !stays(f);
    })
    .map((f) => f.path);
}
