/**
 * Files a step copies into the site from a cache of its own (the share cards, the facsimile's
 * images), each from a source named by what it is made from. In a kept output folder
 * (kept-output.ts) a file the last build placed from the same source stays where it is, a file left
 * in place: a daily build copies the new issue's files, not every one of the archive's again (some
 * 330 µs a file on this project's machine: over a minute for the 240,000 cards of ten years).
 *
 * What each build placed is recorded in a file of the step's cache (site path → source). The record
 * is removed when a build starts placing, and written once it has placed everything: a build stopped
 * in between leaves none, and the next one places every file again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { keepInPlace, outputKept } from './kept-output.ts';

/** A build's placing of files from one step's cache. */
export interface Placed {
  /**
   * Whether the file at `path` (a site path) stays: the last build placed it in this folder from
   * `source`. Noted either way, for the next build: call it for every file the step places.
   */
  stays(path: string, source: string): boolean;
  /** the files that stayed (site paths) */
  readonly left: readonly string[];
  /** write the record for the next build, and tell the sweep which files stayed (keepInPlace) */
  finish(): Promise<void>;
}

/** What a record says was placed in `site` (site path → source); undefined for none, another site's, or one that cannot be read. */
export function readPlaced(record: string, site: string): Map<string, string> | undefined {
  if (!existsSync(record)) return undefined;
  try {
    const r = JSON.parse(readFileSync(record, 'utf8')) as { site?: unknown; files?: unknown };
    if (r.site !== site || !r.files || typeof r.files !== 'object') return undefined;
    return new Map(Object.entries(r.files).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return undefined;
  }
}

/**
 * Start placing files in `site`, with the record kept at `record`: the last build's is taken when
 * the output folder is kept (`kept`), and removed until `finish`.
 */
export async function placedFiles(record: string, site: string, kept = outputKept()): Promise<Placed> {
  const last = kept ? readPlaced(record, site) : undefined;
  await rm(record, { force: true });
  const placed = new Map<string, string>();
  const left: string[] = [];
  return {
    left,
    stays(path, source) {
      placed.set(path, source);
      const stays = last?.get(path) === source;
      if (stays) left.push(path);
      return stays;
    },
    async finish() {
      await writeFile(record, JSON.stringify({ site, files: Object.fromEntries(placed) }));
      keepInPlace(left);
    },
  };
}
