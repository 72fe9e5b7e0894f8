/**
 * The wire copies of a whole edition, read from its parsed issues on disk: each article's running
 * text (text paragraphs, not subheads), the signatures kept between builds (kept-signatures.ts) and
 * what the last build measured (`wire-run.json` and `wire-run.bin`), all in the build's working
 * folder. Plain data in and out, so that it runs on a thread of its own (copies-thread.ts) while the
 * build's thread indexes the names: at ten years it took some 2.5 s of every daily build's thread.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hash } from 'node:crypto';
import { join } from 'node:path';
import type { Issue } from '../model/issue.ts';
import { readJson, writeJsonAtomically } from '../util/json-files.ts';
import { issueRows, keptSignatures } from './kept-signatures.ts';
import {
  BANDS,
  candidatePairs,
  extendCandidates,
  MAX_BUCKET,
  MIN_ESTIMATE,
  normalise,
  ROWS,
  shingles,
  SHINGLE,
  SIGNATURE_SIZE,
} from './minhash.ts';
import { findCopies, type Copies, type LastRun, type MeasuredRun } from './pairs.ts';
import { overlap } from './verify.ts';

/** An issue as the copy finder reads it. */
export interface CopiesIssue {
  /** the issue's id (for messages) */
  id: string;
  /** changes whenever its articles' texts do (a digest of the parsed issue: page-keys issueData) */
  key: string;
  /** the parsed issue's file (baokan/issue@2 JSON) */
  parsedFile: string;
  /** its articles' ids, in order */
  articles: string[];
}

/** What the finder is given: the working folder (where it keeps what it measured) and the issues, oldest first. */
export interface CopiesJob {
  work: string;
  issues: CopiesIssue[];
}

/** The copies of an edition, without the run the next build takes over (the finder writes it). */
export type EditionCopies = Omit<Copies, 'run'>;

/** The copies among the job's articles; the signatures and the run are kept in the working folder. */
export function editionCopies(job: CopiesJob): EditionCopies {
  const { work, issues } = job;
  const texts = issueTexts(issues);
  const articles = issues.flatMap((issue) => issue.articles.map((id) => ({ id, issue: issue.id })));
  const kept = work && issues.length ? lastRun(work, issues) : undefined;
  const { run, ...copies } = findCopies(
    articles,
    texts,
    undefined,
    work ? signaturesOf(work, issues, texts) : undefined,
    kept,
  );
  if (work && issues.length) writeRun(work, issues, run);
  return copies;
}

/**
 * An article's running text, a paragraph a line, by id: read from its parsed issue, one issue
 * held at a time (the finder asks in the articles' order).
 */
function issueTexts(issues: readonly CopiesIssue[]): (id: string) => string {
  const issueOf = new Map<string, CopiesIssue>();
  for (const issue of issues) for (const id of issue.articles) issueOf.set(id, issue);
  let held: { issue: CopiesIssue; texts: Map<string, string> } | null = null;
  return (id) => {
    const issue = issueOf.get(id);
    if (!issue) return '';
    if (held?.issue !== issue) {
      let parsed: Issue;
      try {
        parsed = JSON.parse(readFileSync(issue.parsedFile, 'utf8')) as Issue;
      } catch (e) {
        throw new Error(
          `issue ${issue.id}: the parsed issue cannot be read from the build cache (${issue.parsedFile}: ${(e as Error).message}); build again`,
        );
      }
      const texts = new Map<string, string>();
      for (const a of parsed.articles)
        texts.set(
          a.id,
          a.paragraphs
            .filter((p) => p.role === 'text')
            .map((p) => p.text)
            .join('\n'),
        );
      held = { issue, texts };
    }
    return held.texts.get(id) ?? '';
  };
}

/**
 * Each article's signature, kept between builds in the working folder (kept-signatures.ts) under
 * the key of its issue: a daily build computes the new issue's only. The folder of signatures an
 * issue that builds before 2026-12-06 kept is removed.
 */
function signaturesOf(
  work: string,
  issues: readonly CopiesIssue[],
  text: (id: string) => string,
): (id: string) => Uint32Array {
  const rowOf = new Map<string, number>();
  for (const issue of issues) for (const id of issue.articles) rowOf.set(id, rowOf.size);
  const { signatures } = keptSignatures(
    work,
    issues.map((issue) => ({
      key: issue.key,
      count: issue.articles.length,
      texts: () => issue.articles.map(text),
    })),
  );
  rmSync(join(work, 'wire-signatures'), { recursive: true, force: true });
  return (id) => {
    const r = rowOf.get(id)!;
    return signatures.subarray(r * SIGNATURE_SIZE, (r + 1) * SIGNATURE_SIZE);
  };
}

/** What decides a kept run: the rules of the bands, the shingles and the overlaps. */
const RULES = hash(
  'sha1',
  [
    SHINGLE,
    ROWS,
    BANDS,
    MAX_BUCKET,
    MIN_ESTIMATE,
    normalise,
    shingles,
    overlap,
    candidatePairs,
    extendCandidates,
  ]
    .map(String)
    .join('\0'),
  'hex',
);

interface RunHead {
  rules: string;
  /** the issues banded, in order: key and article count */
  issues: readonly (readonly [string, number])[];
  candidates: number;
}

const runFiles = (work: string) =>
  ['json', 'bin'].map((ext) => join(work, `wire-run.${ext}`)) as [string, string];

const keyed = (issues: readonly CopiesIssue[]) => issues.map((i) => [i.key, i.articles.length] as const);

/**
 * What the last build measured: the issues it banded, by key and article count, in order; its
 * candidate pairs and their overlaps (LastRun), as typed arrays. An article of an issue whose key
 * is still there is at the same place in it: its candidates are not measured again, and when the
 * last build's issues are this build's first (a day added) its candidates are only extended. Made
 * under other rules (RULES), torn or missing: nothing is taken over.
 */
function lastRun(work: string, issues: readonly CopiesIssue[]): LastRun | undefined {
  const [head, body] = runFiles(work);
  const h = readJson<RunHead>(head);
  if (h?.rules !== RULES || !existsSync(body)) return undefined;
  const bytes = readFileSync(body);
  if (bytes.length !== h.candidates * 40) return undefined;
  // a buffer of its own: a Float64Array needs an offset that is a multiple of 8, which a read's may not be
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  const starts = issueRows(keyed(issues));
  const at = new Int32Array(h.issues.reduce((sum, [, count]) => sum + count, 0)).fill(-1);
  let k = 0;
  for (const [key, count] of h.issues) {
    const now = starts.get(key);
    if (now && now[1] === count) for (let a = 0; a < count; a++) at[k + a] = now[0] + a;
    k += count;
  }
  return {
    at,
    candidates: new Uint32Array(copy, 0, h.candidates * 2),
    overlaps: new Float64Array(copy, h.candidates * 8, h.candidates * 4),
  };
}

function writeRun(work: string, issues: readonly CopiesIssue[], run: MeasuredRun): void {
  const [head, body] = runFiles(work);
  // the body first: a head that names a body of another length is not taken
  mkdirSync(work, { recursive: true });
  writeFileSync(
    `${body}.tmp`,
    Buffer.concat([
      Buffer.from(run.candidates.buffer, run.candidates.byteOffset, run.candidates.byteLength),
      Buffer.from(run.overlaps.buffer, run.overlaps.byteOffset, run.overlaps.byteLength),
    ]),
  );
  renameSync(`${body}.tmp`, body);
  writeJsonAtomically(head, {
    rules: RULES,
    issues: keyed(issues),
    candidates: run.candidates.length / 2,
  } satisfies RunHead);
  rmSync(join(work, 'wire-overlaps.json'), { force: true }); // what kept overlaps before 2026-12-05
}
