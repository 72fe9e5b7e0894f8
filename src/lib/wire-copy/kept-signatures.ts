/**
 * Signatures kept between builds in one file: `<folder>/wire-signatures.bin` holds the articles'
 * signatures (textSignature), issue after issue, in the order `wire-signatures.json` lists the
 * issues, each by a key that changes whenever its articles' texts do (the caller's: a digest of
 * the parsed issue) and its article count. A daily build computes the new issue's signatures only
 * and reads the others in one read: a file an issue (3,661 at ten years) took about 3 s of every
 * daily build to open, read and copy one by one.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hash } from 'node:crypto';
import { join } from 'node:path';
import { normalise, shingles, signature, SHINGLE, SIGNATURE_SIZE } from './minhash.ts';
import { textSignature } from './pairs.ts';
import { readJson, writeJsonAtomically } from '../util/json-files.ts';

/** An issue as the kept signatures see it. */
export interface SignedIssue {
  /** changes whenever its articles' texts do */
  key: string;
  /** its articles' texts, in order (asked for only when its signatures are not kept) */
  texts: () => readonly string[];
  /** its article count */
  count: number;
}

/** What decides a kept signature: the shingles and the hash functions. */
const RULES = hash(
  'sha1',
  [SHINGLE, SIGNATURE_SIZE, normalise, shingles, signature, textSignature].map(String).join('\0'),
  'hex',
);

interface Head {
  rules: string;
  /** the issues whose signatures the body holds, in order: key and article count */
  issues: readonly (readonly [string, number])[];
}

/**
 * The signatures of `issues`' articles, issue after issue (SIGNATURE_SIZE numbers each), from the
 * file kept in `folder` where it holds an issue under the same key and count, else computed; the
 * file is written again when anything changed. `computed`: the issues whose texts were asked for.
 */
export function keptSignatures(
  folder: string,
  issues: readonly SignedIssue[],
): { signatures: Uint32Array; computed: number } {
  const [headFile, bodyFile] = ['json', 'bin'].map((ext) => join(folder, `wire-signatures.${ext}`)) as [
    string,
    string,
  ];
  const before = readKept(headFile, bodyFile);
  const total = issues.reduce((sum, i) => sum + i.count, 0);
  const signatures = new Uint32Array(total * SIGNATURE_SIZE);
  const width = SIGNATURE_SIZE * 4;
  let changed = before?.head.issues.length !== issues.length;
  let computed = 0;
  let row = 0;
  for (const [k, { key, count, texts }] of issues.entries()) {
    const at = before?.rows.get(key);
    if (before && at?.[1] === count) {
      new Uint8Array(signatures.buffer, row * width, count * width).set(
        before.body.subarray(at[0] * width, (at[0] + count) * width),
      );
      changed ||= before.head.issues[k]?.[0] !== key;
    } else {
      const list = texts();
      if (list.length !== count) throw new Error(`issue ${key}: ${list.length} texts for ${count} articles`);
      list.forEach((text, i) => signatures.set(textSignature(text), (row + i) * SIGNATURE_SIZE));
      computed++;
      changed = true;
    }
    row += count;
  }
  if (changed) {
    // the body first: a head that names a body of another length is not taken
    mkdirSync(folder, { recursive: true });
    writeFileSync(`${bodyFile}.tmp`, signatures);
    renameSync(`${bodyFile}.tmp`, bodyFile);
    writeJsonAtomically(headFile, {
      rules: RULES,
      issues: issues.map((i) => [i.key, i.count] as const),
    } satisfies Head);
  }
  return { signatures, computed };
}

/** The kept file (its head, its body, where each issue's rows start), or null when missing, torn or made under other rules. */
function readKept(
  headFile: string,
  bodyFile: string,
): { head: Head; body: Buffer; rows: Map<string, [number, number]> } | null {
  const head = readJson<Head>(headFile);
  if (head?.rules !== RULES || !Array.isArray(head.issues) || !existsSync(bodyFile)) return null;
  const rows = issueRows(head.issues);
  const n = head.issues.reduce((sum, [, count]) => sum + count, 0);
  const body = readFileSync(bodyFile);
  return body.length === n * SIGNATURE_SIZE * 4 ? { head, body, rows } : null;
}

/**
 * Where each issue's articles start among all of them, issue after issue, and how many it has, by
 * the issue's key (`issues`: key and article count, in order).
 */
export function issueRows(issues: readonly (readonly [string, number])[]): Map<string, [number, number]> {
  const rows = new Map<string, [number, number]>();
  let n = 0;
  for (const [key, count] of issues) {
    rows.set(key, [n, count]);
    n += count;
  }
  return rows;
}
