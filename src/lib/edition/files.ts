/**
 * files — find the seed files of a folder and read them without ever blocking or crashing.
 *
 * listSeedFiles walks the folder and its sub-folders (code-point order, deterministic) and looks
 * at each entry with lstat/stat only: nothing is opened, so a FIFO or a device named `x.txt`
 * cannot hang the build. Every entry that is not used is either reported as a problem (one line
 * naming the file) or is hidden (dotfiles, dot-folders) or a README, which are ignored silently.
 *
 * readSeedBytes opens one seed non-blocking, checks on the open descriptor that it is (still) a
 * regular file and reads it; every failure is an InputError with a one-line message.
 */
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  type Stats,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../parse/read.ts';

/** One seed file found by listSeedFiles. */
export interface SeedFile {
  /** absolute path */
  path: string;
  /** path relative to the folder listed, with '/' separators: '000_x.txt', '2020/01/p03.txt' */
  name: string;
}

/** An entry of the seed folder that is not read, and why. */
export interface FileProblem {
  /** name relative to the folder listed, with '/' separators */
  file: string;
  /** one line, starting with the file name */
  message: string;
}

export interface SeedListing {
  /** the seeds, sorted by name in code-point order */
  seeds: SeedFile[];
  /** seed name → absolute path of its hints file (`<stem>.yaml` or `<stem>.yml` beside it) */
  hints: Map<string, string>;
  /** entries not read, sorted by file name */
  problems: FileProblem[];
}

/** Seed files: text dumps, and PDFs (one per 版 or one per issue; src/lib/pdf/). */
const SEED = /\.(?:txt|pdf)$/i;
const HINTS = /\.ya?ml$/i;

/** Code-point order (JavaScript's default sort compares UTF-16 code units). */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Hidden entries (dotfiles, dot-folders) and READMEs are neither seeds nor problems. */
function ignored(name: string): boolean {
  return name.startsWith('.') || /^readme/i.test(name);
}

/** The file type named in messages. */
function kind(st: Stats): string {
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  if (st.isDirectory()) return 'folder';
  return 'unknown type';
}

/** One-line reason for a file-system error code. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOENT':
      return 'no such file (removed while the build was running?)';
    case 'ENOTDIR':
      return 'no such file (a part of its path is not a folder)';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EIO':
      return 'input/output error (EIO): the disk or file system could not read it';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files (${code})`;
    default: {
      const first = String((e as Error)?.message ?? e).split('\n')[0];
      return code ? `cannot read (${code})` : `cannot read: ${first}`;
    }
  }
}

/** The folder's entry names; names that are not valid UTF-8 apart (shown with U+FFFD). */
function entryNames(abs: string): { names: string[]; badNames: string[] } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const names: string[] = [];
  const badNames: string[] = [];
  for (const raw of readdirSync(abs, { encoding: 'buffer' })) {
    try {
      names.push(decoder.decode(raw));
    } catch {
      badNames.push(new TextDecoder('utf-8').decode(raw));
    }
  }
  return { names, badNames };
}

/**
 * The seeds (`.txt` and `.pdf`, any case) of `dir` and its sub-folders, their hints files and a problem for
 * every other entry (hidden entries and README files excepted). Opens no file. Throws InputError
 * only when `dir` itself cannot be listed.
 */
export function listSeedFiles(dir: string): SeedListing {
  const root = resolve(dir);
  const seeds: SeedFile[] = [];
  const hints = new Map<string, string>();
  const problems: FileProblem[] = [];
  const problem = (file: string, message: string): void => {
    problems.push({ file, message: `${file}: ${message}` });
  };
  /** folders already read (device:inode → name), so a folder linked twice is read once */
  const visited = new Map<string, string>();

  try {
    const st = statSync(root);
    if (!st.isDirectory()) throw new InputError(dir, 'not a folder');
    visited.set(`${st.dev}:${st.ino}`, '.');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(dir, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : reason(e));
  }

  const walk = (abs: string, prefix: string): void => {
    let listing: ReturnType<typeof entryNames>;
    try {
      listing = entryNames(abs);
    } catch (e) {
      if (prefix === '') throw new InputError(dir, reason(e));
      problem(prefix.slice(0, -1), `folder not read: ${reason(e)}`);
      return;
    }
    for (const bad of listing.badNames)
      problem(prefix + bad, 'file name is not valid UTF-8: skipped (rename it)');
    const names = listing.names.filter((n) => !ignored(n)).sort(compareCodePoints);

    const folderSeeds = new Map<string, string[]>(); // stem → seed names
    const folderHints: { stem: string; name: string; path: string }[] = [];

    for (const entry of names) {
      const name = prefix + entry;
      const path = join(abs, entry);
      let st: Stats;
      let link = '';
      try {
        st = lstatSync(path);
        if (st.isSymbolicLink()) {
          link = 'symbolic link to a ';
          try {
            st = statSync(path);
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            if (code === 'ENOENT' || code === 'ENOTDIR') {
              let target = '?';
              try {
                target = readlinkSync(path);
              } catch {
                /* keep '?' */
              }
              problem(name, `dangling symbolic link (points to ${JSON.stringify(target)}): skipped`);
            } else problem(name, `${reason(e)}: skipped`);
            continue;
          }
        }
      } catch (e) {
        problem(name, `${reason(e)}: skipped`);
        continue;
      }

      if (st.isDirectory()) {
        if (SEED.test(entry)) {
          problem(
            name,
            `is a ${link}folder, not a file: skipped (folder names must not end in .txt or .pdf)`,
          );
          continue;
        }
        const id = `${st.dev}:${st.ino}`;
        const seen = visited.get(id);
        if (seen !== undefined) {
          problem(
            name,
            link
              ? `symbolic link to a folder already read (${seen === '.' ? 'the seed folder itself' : seen}): skipped`
              : `folder already read as ${seen}: skipped`,
          );
          continue;
        }
        visited.set(id, name);
        walk(path, name + '/');
        continue;
      }
      if (!st.isFile()) {
        problem(name, `not a regular file (${link}${kind(st)}): skipped without reading`);
        continue;
      }
      const isSeed = SEED.test(entry);
      const isHints = HINTS.test(entry);
      if (!isSeed && !isHints) {
        problem(name, 'not a seed: only .txt and .pdf files (and .yaml hints beside them) are read');
        continue;
      }
      try {
        accessSync(path, constants.R_OK);
      } catch (e) {
        problem(name, `${reason(e)}: skipped`);
        continue;
      }
      if (isSeed) {
        const stem = entry.replace(SEED, '');
        folderSeeds.set(stem, [...(folderSeeds.get(stem) ?? []), name]);
        seeds.push({ path, name });
      } else folderHints.push({ stem: entry.replace(HINTS, ''), name, path });
    }

    for (const h of folderHints) {
      const owners = folderSeeds.get(h.stem);
      if (!owners) {
        problem(h.name, `hints without a seed: there is no ${prefix}${h.stem}.txt (or .pdf) beside it`);
        continue;
      }
      for (const seed of owners) {
        const taken = hints.get(seed);
        if (taken !== undefined) {
          const other = taken.slice(abs.length + 1);
          problem(h.name, `second hints file for ${seed}: ${prefix}${other} is used, this one is not`);
        } else hints.set(seed, h.path);
      }
    }
  };

  walk(root, '');
  seeds.sort((a, b) => compareCodePoints(a.name, b.name));
  problems.sort((a, b) => compareCodePoints(a.file, b.file));
  const sortedHints = new Map([...hints].sort(([a], [b]) => compareCodePoints(a, b)));
  return { seeds, hints: sortedHints, problems };
}

/**
 * The bytes of one seed. `name` is used in messages. Opens without blocking and checks on the open
 * file that it is a regular file, so a file replaced by a FIFO or a device after listing is refused
 * instead of hanging the build. Throws InputError with a one-line message on every failure.
 */
export function readSeedBytes(path: string, name: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new InputError(name, reason(e));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError(name, `not a regular file (${kind(st)}): skipped without reading`);
    const buf = readFileSync(fd);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(name, reason(e));
  } finally {
    closeSync(fd);
  }
}
