/**
 * The files written below a folder, each named once its write is done. Astro has no hook for a page
 * written, and with `build.concurrency` above 1 its log cannot say which page a time line belongs
 * to, so the compressor (compress.ts) learns of each page here instead: Astro writes every page and
 * endpoint with `fs.promises.writeFile` (astro/dist/core/build/generate.js), and while a watch is
 * on, that function is wrapped so that a call whose path lies below the folder tells the listener
 * once its promise has resolved, when the file is whole and closed. Every call is passed through
 * unchanged, and `stop()` puts the original function back.
 *
 * Only `fs.promises.writeFile` is watched: a file written any other way is not named, and the
 * compression after the build still finds it. One watch at a time; a second replaces the first.
 */
import fsp from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

type WriteFile = typeof fsp.writeFile;

let original: WriteFile | null = null;

/** The path writeFile was given as a string or a file: URL (Astro gives a URL), else null. */
function pathOf(target: unknown): string | null {
  if (typeof target === 'string') return resolve(target);
  if (target instanceof URL) return target.protocol === 'file:' ? fileURLToPath(target) : null;
  return null;
}

/**
 * Tell `listener` the path of each file written below `dir` with `fs.promises.writeFile` (relative
 * to `dir`, with `/` between its parts), once the write has resolved; a write that fails is not
 * told. Returns the function that ends the watch.
 */
export function watchWrittenFiles(dir: string, listener: (path: string) => void): () => void {
  stopWatch();
  const root = resolve(dir);
  const below = (file: string): string | null => {
    const rel = relative(root, file);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : null;
  };
  const writeFile = fsp.writeFile;
  original = writeFile;
  fsp.writeFile = function watched(this: unknown, ...args: Parameters<WriteFile>) {
    const written = writeFile.apply(this, args);
    const file = pathOf(args[0]);
    const path = file === null ? null : below(file);
    if (path !== null)
      written.then(
        () => listener(path),
        () => undefined, // the caller sees the failure
      );
    return written;
  } as WriteFile;
  return stopWatch;
}

function stopWatch(): void {
  if (original) fsp.writeFile = original;
  original = null;
}
