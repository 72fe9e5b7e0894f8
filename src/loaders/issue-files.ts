/**
 * Where the loader writes an issue parsed whole and its names, and what stands for the parsed
 * issue's bytes in the pages' keys.
 *
 * An issue with a kept-records key (kept-records.ts: its files' parse keys, the parsing and loading
 * code, taxonomy, gazetteer, folder) has its files named by that key, `<id>.<key>.json` and
 * `<id>.<key>.names.json`, so that a kept entry never points at the files of another version of
 * the issue (a build that stopped half way leaves them behind). The name then says everything the
 * file's bytes depend on, and a page's key can take the name instead of reading and hashing the
 * file: at ten years that is 3,652 files read on every build, a daily one too.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Characters of the key in the file names. */
const KEY_CHARS = 16;

/** The files of issue `id` in `dir`, named by its kept-records `key` when it has one. */
export function issueFiles(dir: string, id: string, key: string | undefined) {
  const name = key ? `${id}.${key.slice(0, KEY_CHARS)}` : id;
  return { parsedFile: join(dir, `${name}.json`), namesFile: join(dir, `${name}.names.json`) };
}

/**
 * What stands for the bytes of issue `id`'s parsed file: its name when it carries the issue's key,
 * a digest of the bytes when it does not (an issue whose files have no parse key).
 */
export function parsedDigest(id: string, parsedFile: string): string {
  const name = basename(parsedFile);
  if (name !== `${id}.json`) return name;
  return createHash('sha256').update(readFileSync(parsedFile)).digest('hex');
}
