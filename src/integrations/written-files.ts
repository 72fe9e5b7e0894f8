/**
 * The files written below a folder, each named once its write is done. Astro has no hook for a page
 * written, and with `build.concurrency` above 1 its log cannot say which page a time line belongs
 * to, so the compressor (compress.ts) and the search's page records (pagefind.ts) learn of each page
 * here instead: Astro writes every page and endpoint with `fs.promises.writeFile`
 * (astro/dist/core/build/generate.js), and while a watch is on, that function is wrapped so that a
 * call whose path lies below a watched folder tells that watch's listener once its promise has
 * resolved, when the file is whole and closed, with the data it was given (Astro gives a page's
 * bytes as a Buffer). Every call is passed through unchanged, and once the last watch ends the
 * original function is back.
 *
 * Only `fs.promises.writeFile` is watched: a file written any other way is not named, and whoever
 * listens must still find it (the compression after the build does, and the search reads a page it
 * was not told of).
 */
import fsp from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

type WriteFile = typeof fsp.writeFile;
/** What `fs.promises.writeFile` was given to write. */
export type WrittenData = Parameters<WriteFile>[1];
/** Told the path of a file written below the watched folder (relative, `/` between its parts) and its data. */
export type WrittenListener = (path: string, data: WrittenData) => void;

let original: WriteFile | null = null;
const watches = new Set<{ below: (file: string) => string | null; listener: WrittenListener }>();

/** The path writeFile was given as a string or a file: URL (Astro gives a URL), else null. */
function pathOf(target: unknown): string | null {
  if (typeof target === 'string') return resolve(target);
  if (target instanceof URL) return target.protocol === 'file:' ? fileURLToPath(target) : null;
  return null;
}

/**
 * Tell `listener` the path of each file written below `dir` with `fs.promises.writeFile` (relative
 * to `dir`, with `/` between its parts) and the data written, once the write has resolved; a write
 * that fails is not told. Watches may overlap, each told of its own folder's files. Returns the
 * function that ends this watch.
 */
export function watchWrittenFiles(dir: string, listener: WrittenListener): () => void {
  const root = resolve(dir);
  const watch = {
    below: (file: string): string | null => {
      const rel = relative(root, file);
      return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : null;
    },
    listener,
  };
  watches.add(watch);
  if (!original) {
    const writeFile = fsp.writeFile;
    original = writeFile;
    fsp.writeFile = function watched(this: unknown, ...args: Parameters<WriteFile>) {
      const written = writeFile.apply(this, args);
      const file = pathOf(args[0]);
      if (file !== null)
        for (const w of watches) {
          const path = w.below(file);
          if (path === null) continue;
          written.then(
            () => w.listener(path, args[1]),
            () => undefined, // the caller sees the failure
          );
        }
      return written;
    } as WriteFile;
  }
  return () => {
    watches.delete(watch);
    if (!watches.size && original) {
      fsp.writeFile = original;
      original = null;
    }
  };
}
