/**
 * The digests of the seed files' bytes, kept between builds: a parse key needs each file's digest
 * (src/lib/edition/parse-cache.ts), and reading every file of a ten-year archive to find that
 * nothing changed is most of a daily build's loading. A file whose size, modification and change
 * times and inode are those recorded keeps its recorded digest without being read, as git's index
 * does; a file changed within RACY_MS of being looked at is not recorded (it could change again
 * within the same time stamp), and replacing or touching a file changes its inode or change time.
 */
import { statSync } from 'node:fs';
import { readJson, writeJsonAtomically } from '../util/json-files.ts';
import { readSeedBytes } from './files.ts';
import { bytesDigest } from './parse-cache.ts';

/** A recorded file: size, modification and change times (ms), inode, and the digest of its bytes. */
type SeedEntry = [size: number, mtimeMs: number, ctimeMs: number, ino: number, digest: string];

/** A file changed less than this long before it was read is not recorded. */
export const RACY_MS = 2000;

export interface SeedDigests {
  /** the digest of a seed's bytes (throws the InputError of readSeedBytes when it cannot be read) */
  digest(seed: { path: string; name: string }): string;
  /** files read this build, and files whose recorded digest was used */
  counts(): { read: number; kept: number };
  /** write the record of the files looked at this build */
  save(): void;
}

/** Seed digests with their record in `file` (none kept: every file is read). */
export function seedDigests(file: string, now: () => number = Date.now): SeedDigests {
  const before = new Map(Object.entries(readJson<Record<string, SeedEntry>>(file) ?? {}));
  const after = new Map<string, SeedEntry>();
  let read = 0;
  let kept = 0;
  return {
    digest({ path, name }) {
      const st = statSync(path);
      const was = before.get(path);
      if (
        was &&
        st.isFile() &&
        was[0] === st.size &&
        was[1] === st.mtimeMs &&
        was[2] === st.ctimeMs &&
        was[3] === st.ino
      ) {
        after.set(path, was);
        kept++;
        return was[4];
      }
      const digest = bytesDigest(readSeedBytes(path, name));
      read++;
      if (now() - Math.max(st.mtimeMs, st.ctimeMs) > RACY_MS)
        after.set(path, [st.size, st.mtimeMs, st.ctimeMs, st.ino, digest]);
      return digest;
    },
    counts: () => ({ read, kept }),
    save: () => writeJsonAtomically(file, Object.fromEntries(after)),
  };
}
