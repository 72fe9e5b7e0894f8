/**
 * Where the loader writes an issue parsed whole and its names, and what stands for the parsed
 * issue's bytes in the pages' keys.
 *
 * An issue whose files have parse keys has its files named by a digest of them and of the
 * gazetteer (`issueFileKey`): `<id>.<key>.json` and `<id>.<key>.names.json`. The parse keys hold
 * each file's bytes, hints and corrections, the catalogue and the code of src/lib (parsing and the
 * name finder), so the name says everything the two files' bytes depend on: a kept entry never
 * points at the files of another version of the issue (a build that stopped half way leaves them
 * behind), and a page's key can take the name instead of reading and hashing the file (at ten
 * years that is 3,652 files read on every build, a daily one too). The loader's own code is not in
 * the name: a change to it that leaves the records as they were renders no page again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Characters of the key in the file names. */
const KEY_CHARS = 16;

/**
 * The digest that names the files of issue `id`, parsed from files with the parse `keys`: of them
 * and of the gazetteer's digest, which is worked out once (the gazetteer is 168 KB: hashing it for
 * each issue took 4.3 s of a ten-year daily build).
 */
export function issueFileKey(id: string, keys: readonly string[], gazetteer: string): string {
  return createHash('sha256')
    .update(`${textDigest(gazetteer)}\0${id}\0${keys.join('\0')}`)
    .digest('hex');
}

let lastText: { text: string; digest: string } | null = null;
/** The digest of a text, the last one remembered. */
function textDigest(text: string): string {
  if (lastText?.text !== text) lastText = { text, digest: createHash('sha256').update(text).digest('hex') };
  return lastText.digest;
}

/** The files of issue `id` in `dir`, named by its `key` (issueFileKey) when it has one. */
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
