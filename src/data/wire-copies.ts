/**
 * Wire copy of this build (Astro glue; the rules are in src/lib/wire-copy): every article's text
 * paragraphs read from the parsed issues, oldest issue first, for the signatures (kept between
 * builds per issue) and once more for the articles of candidate pairs; made once per build and
 * logged with its time (the benchmark reads the line). A partitioned build sees its part of the
 * edition only.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hash } from 'node:crypto';
import { join } from 'node:path';
import { getEdition, type ArticleNode, type IssueNode } from './site-graph.ts';
import { buildWorkFolder, parsedIssue } from './articles.ts';
import { pageKeys, type PageKeys } from './page-keys.ts';
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
} from '../lib/wire-copy/minhash.ts';
import {
  findCopies,
  otherOf,
  type Copies,
  type CopyPair,
  type LastRun,
  type MeasuredRun,
} from '../lib/wire-copy/pairs.ts';
import type { Printing } from '../lib/wire-copy/side-by-side.ts';
import { overlap } from '../lib/wire-copy/verify.ts';
import { issueRows, keptSignatures } from '../lib/wire-copy/kept-signatures.ts';
import { readJson, writeJsonAtomically } from '../lib/util/json-files.ts';
import { buildMemo } from '../lib/util/build-memo.ts';

/**
 * Each article's signature, kept between builds beside the parsed issues
 * (src/lib/wire-copy/kept-signatures.ts) under the key of its parsed issue: a daily build computes
 * the new issue's only. The folder of signatures an issue that builds before 2026-12-06 kept is removed.
 */
function signaturesOf(issues: readonly IssueNode[], keys: PageKeys): (id: string) => Uint32Array {
  const work = buildWorkFolder(issues);
  if (!work) return () => new Uint32Array(SIGNATURE_SIZE); // an empty edition: no article asks
  const rowOf = new Map<string, number>();
  for (const issue of issues) for (const a of issue.articles) rowOf.set(a.entry.id, rowOf.size);
  const { signatures } = keptSignatures(
    work,
    issues.map((issue) => ({
      key: keys.issueData(issue),
      count: issue.articles.length,
      texts: () => issue.articles.map(bodyText),
    })),
  );
  rmSync(join(work, 'wire-signatures'), { recursive: true, force: true });
  return (id) => {
    const r = rowOf.get(id)!;
    return signatures.subarray(r * SIGNATURE_SIZE, (r + 1) * SIGNATURE_SIZE);
  };
}

/**
 * What the last build measured (`wire-run.json` and `wire-run.bin` beside the parsed issues):
 * the issues it banded, by key and article count, in order; its candidate pairs and their overlaps
 * (LastRun), as typed arrays. An article of an issue whose key (a digest of the parsed issue) is
 * still there is at the same place in it: its candidates are not measured again, and when the last
 * build's issues are this build's first (a day added) its candidates are only extended. Made under
 * other rules (RULES), torn or missing: nothing is taken over.
 */
async function lastRun(
  issues: readonly IssueNode[],
): Promise<{ last?: LastRun; save(run: MeasuredRun): void }> {
  const keys = await pageKeys();
  const ours = issues.map((i) => [keys.issueData(i), i.articles.length] as const);
  const [head, body] = ['json', 'bin'].map((ext) => join(buildWorkFolder(issues), `wire-run.${ext}`));
  return {
    last: issues.length ? readRun(head!, body!, ours) : undefined,
    save: (run) => {
      if (issues.length) writeRun(head!, body!, ours, run);
    },
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

function readRun(
  head: string,
  body: string,
  ours: readonly (readonly [string, number])[],
): LastRun | undefined {
  const h = readJson<RunHead>(head);
  if (h?.rules !== RULES || !existsSync(body)) return undefined;
  const bytes = readFileSync(body);
  if (bytes.length !== h.candidates * 40) return undefined;
  // a buffer of its own: a Float64Array needs an offset that is a multiple of 8, which a read's may not be
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  const starts = issueRows(ours);
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

function writeRun(
  head: string,
  body: string,
  ours: readonly (readonly [string, number])[],
  run: MeasuredRun,
): void {
  // the body first: a head that names a body of another length is not taken
  mkdirSync(join(body, '..'), { recursive: true });
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
    issues: ours,
    candidates: run.candidates.length / 2,
  } satisfies RunHead);
  rmSync(join(head, '..', 'wire-overlaps.json'), { force: true }); // what kept overlaps before 2026-12-05
}

/** The copies among the edition's articles, found once per build. */
export const getCopies: () => Promise<Copies> = buildMemo(async () => {
  const edition = await getEdition();
  const articles = edition.issues.flatMap((i) => i.articles);
  const kept = await lastRun(edition.issues);
  const copies = findCopies(
    articles.map((a) => ({ id: a.entry.id, issue: a.page.issue.entry.id })),
    (id) => bodyText(edition.articles.get(id)!),
    undefined,
    signaturesOf(edition.issues, await pageKeys()),
    kept.last,
  );
  kept.save(copies.run);
  const s = copies.stats;
  console.info(
    `wire copies: ${s.pairs} pair(s) in ${s.groups} group(s) among ${s.articles} article(s), ` +
      `${s.candidates} candidate(s), in ${s.ms} ms (${s.kept} measured by a build before; ` +
      `${s.extended ? "the last build's candidates extended" : 'banded anew'})`,
  );
  return copies;
});

/** An article's running text (not subheads), a paragraph a line: what copies are found in. */
function bodyText(node: ArticleNode): string {
  const a = parsedIssue(node.page.issue).articles.find((x) => x.id === node.entry.id);
  return (a?.paragraphs ?? [])
    .filter((p) => p.role === 'text')
    .map((p) => p.text)
    .join('\n');
}

/** An article as compared side by side: its title and all its paragraphs (subheads too). */
export function printingOf(node: ArticleNode): Printing {
  const a = parsedIssue(node.page.issue).articles.find((x) => x.id === node.entry.id);
  return { title: node.entry.data.title, paragraphs: (a?.paragraphs ?? []).map((p) => p.text) };
}

/** At most this many other printings are listed on an article page (the rest are counted). */
export const MAX_LISTED = 10;

/**
 * An article's other printings, with the pair each came from and whether a side-by-side page
 * shows it (oldest first, as found; at most MAX_LISTED), and how many more there are.
 */
export async function otherPrintings(
  id: string,
): Promise<{ list: { pair: CopyPair; other: ArticleNode; compared: boolean }[]; more: number }> {
  const [copies, edition] = await Promise.all([getCopies(), getEdition()]);
  const compared = comparedSet(copies);
  const all = (copies.byArticle.get(id) ?? []).flatMap((pair) => {
    const other = edition.articles.get(otherOf(pair, id));
    return other ? [{ pair, other, compared: compared.has(pair) }] : [];
  });
  return { list: all.slice(0, MAX_LISTED), more: Math.max(0, all.length - MAX_LISTED) };
}

const comparedSets = new WeakMap<Copies, Set<CopyPair>>();
function comparedSet(copies: Copies): Set<CopyPair> {
  let set = comparedSets.get(copies);
  if (!set) comparedSets.set(copies, (set = new Set(copies.compared)));
  return set;
}
