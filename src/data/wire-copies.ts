/**
 * Wire copy of this build (Astro glue; the rules are in src/lib/wire-copy): every article's text
 * paragraphs read from the parsed issues, oldest issue first, for the signatures (kept between
 * builds per issue) and once more for the articles of candidate pairs; made once per build and
 * logged with its time (the benchmark reads the line). A partitioned build sees its part of the
 * edition only.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hash } from 'node:crypto';
import { join } from 'node:path';
import { getEdition, type ArticleNode, type IssueNode } from './site-graph.ts';
import { buildWorkFolder, parsedIssue } from './articles.ts';
import { pageKeys } from './page-keys.ts';
import { SIGNATURE_SIZE } from '../lib/wire-copy/minhash.ts';
import {
  findCopies,
  otherOf,
  textSignature,
  type Copies,
  type CopyPair,
  type KeptOverlaps,
} from '../lib/wire-copy/pairs.ts';
import type { Printing } from '../lib/wire-copy/side-by-side.ts';
import type { Overlap } from '../lib/wire-copy/verify.ts';
import { readJson, writeJsonAtomically } from '../lib/util/json-files.ts';
import { buildMemo } from '../lib/util/build-memo.ts';

/**
 * Signatures kept between builds, an issue at a time: `<work folder>/wire-signatures/<issue key>.bin`
 * (beside the parsed issues; the key is the digest of the parsed issue, src/data/page-keys.ts)
 * holds its articles' signatures in reading order. A daily build computes the new issue's only.
 */
async function keptSignatures(issues: readonly IssueNode[]): Promise<(id: string) => Uint32Array> {
  const keys = await pageKeys();
  const folder = workFolder(issues);
  const byArticle = new Map<string, { issue: IssueNode; k: number }>();
  for (const issue of issues) issue.articles.forEach((a, k) => byArticle.set(a.entry.id, { issue, k }));
  const wanted = new Set(issues.map((i) => `${keys.issueData(i)}.bin`));
  if (folder && existsSync(folder))
    for (const f of readdirSync(folder)) if (!wanted.has(f)) rmSync(join(folder, f), { force: true });
  let open: { issue: IssueNode; sigs: Uint32Array } | null = null;
  return (id) => {
    const { issue, k } = byArticle.get(id)!;
    if (open?.issue !== issue) {
      const file = join(folder, `${keys.issueData(issue)}.bin`);
      const size = issue.articles.length * SIGNATURE_SIZE * 4;
      const kept = existsSync(file) ? readFileSync(file) : null;
      let sigs: Uint32Array;
      if (kept && kept.length === size)
        sigs = new Uint32Array(kept.buffer, kept.byteOffset, kept.length / 4).slice();
      else {
        sigs = new Uint32Array(issue.articles.length * SIGNATURE_SIZE);
        issue.articles.forEach((a, i) => sigs.set(textSignature(bodyText(a)), i * SIGNATURE_SIZE));
        mkdirSync(folder, { recursive: true });
        writeFileSync(`${file}.tmp`, sigs);
        renameSync(`${file}.tmp`, file);
      }
      open = { issue, sigs };
    }
    return open.sigs.subarray(k * SIGNATURE_SIZE, (k + 1) * SIGNATURE_SIZE);
  };
}

/** The folder of the wire copy's kept signatures, in the build's working folder ('' for an empty edition). */
function workFolder(issues: readonly IssueNode[]): string {
  const folder = buildWorkFolder(issues);
  return folder && join(folder, 'wire-signatures');
}

/**
 * The overlaps the last build measured for its candidate pairs (`wire-overlaps.json` beside the
 * signatures' folder), each under a digest of the two articles' ids and their issues' keys (a digest
 * of the parsed issue): a pair of unchanged issues is not measured again, so a daily build reads the texts
 * of the new issue's candidates only. The file holds this build's candidates once `save` is called.
 */
async function keptOverlaps(issues: readonly IssueNode[]): Promise<KeptOverlaps & { save(): void }> {
  const keys = await pageKeys();
  const byId = new Map(issues.map((i) => [i.entry.id, keys.issueData(i)]));
  // beside the signatures' folder, whose other files keptSignatures removes
  const file = join(workFolder(issues), '..', 'wire-overlaps.json');
  type Kept = [shared: number, sharedChars: number, containment: number, jaccard: number];
  const before = (issues.length && readJson<Record<string, Kept>>(file)) || {};
  const next: Record<string, Kept> = {};
  // 96 bits of a digest of both articles' ids and issues' keys: about 55 bytes a pair in the file,
  // not 180 (a ten-year archive has some 400,000 candidates, read and written every build)
  const key = (a: { id: string; issue: string }, b: { id: string; issue: string }) =>
    hash('sha1', `${byId.get(a.issue)}|${byId.get(b.issue)}|${a.id}|${b.id}`, 'base64url').slice(0, 16);
  return {
    get(a, b) {
      const k = key(a, b);
      const t = before[k];
      if (!t) return undefined;
      next[k] = t;
      return { shared: t[0], sharedChars: t[1], containment: t[2], jaccard: t[3] } satisfies Overlap;
    },
    set(a, b, o) {
      next[key(a, b)] = [o.shared, o.sharedChars, o.containment, o.jaccard];
    },
    save() {
      if (issues.length) writeJsonAtomically(file, next);
    },
  };
}

/** The copies among the edition's articles, found once per build. */
export const getCopies: () => Promise<Copies> = buildMemo(async () => {
  const edition = await getEdition();
  const articles = edition.issues.flatMap((i) => i.articles);
  const overlaps = await keptOverlaps(edition.issues);
  const copies = findCopies(
    articles.map((a) => ({ id: a.entry.id, issue: a.page.issue.entry.id })),
    (id) => bodyText(edition.articles.get(id)!),
    undefined,
    await keptSignatures(edition.issues),
    overlaps,
  );
  overlaps.save();
  const s = copies.stats;
  console.info(
    `wire copies: ${s.pairs} pair(s) in ${s.groups} group(s) among ${s.articles} article(s), ` +
      `${s.candidates} candidate(s), in ${s.ms} ms (${s.kept} measured by a build before)`,
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
