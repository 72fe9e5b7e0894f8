/**
 * The name index's tally, kept in the build's working folder from one build to the next (the
 * record: src/lib/people/name-tally-file.ts). A build whose issues begin with the ones the kept
 * tally counted, unchanged, counts only the issues after them: a daily build reads one issue's
 * names file instead of every issue's (3,652 files, 100 MB, at ten years). The tally is written
 * again when it was not kept, or when more than KEEP_BEHIND issues were counted after it, so a
 * daily build does not write it every day.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkFolder } from './articles.ts';
import { madeUnder } from './list-keys.ts';
import type { Edition, IssueNode } from './site-graph.ts';
import { countNames, newTally, type NamedArticle, type NameTally } from '../lib/people/name-index.ts';
import { tallyBuffer, tallyFromBuffer, type CountedIssue } from '../lib/people/name-tally-file.ts';
import type { Readings } from '../lib/people/readings.ts';

/** Issues a kept tally may be behind before it is written again. */
export const KEEP_BEHIND = 31;

/** The tally of the edition's issues (their names in `named`), from the kept one where it can be. */
export function nameTally(
  edition: Edition,
  named: (issues: readonly IssueNode[]) => Iterable<NamedArticle>,
  readings: Readings,
): NameTally {
  const started = performance.now();
  const folder = buildWorkFolder(edition.issues);
  const file = folder && join(folder, 'names-tally.v8');
  const { made, issues } = madeUnder(edition);
  const counted: CountedIssue[] = edition.issues.map((i) => ({
    id: i.entry.id,
    digest: issues.get(i.entry.id)!.digest,
  }));
  const kept = file && existsSync(file) ? tallyFromBuffer(readFileSync(file), made, counted) : null;
  const tally = kept?.tally ?? newTally();
  const from = kept?.counted ?? 0;
  countNames(tally, named(edition.issues.slice(from)), readings);
  const behind = counted.length - from;
  const write = file !== '' && (!kept || behind > KEEP_BEHIND);
  if (write) {
    writeFileSync(`${file}.part`, tallyBuffer(made, counted, tally));
    renameSync(`${file}.part`, file);
  }
  console.info(
    `name index: ${from} issue(s) taken from the tally a build before kept, ${behind} counted` +
      `${write ? ', the tally kept for the next build' : ''}, in ${Math.round(performance.now() - started)} ms`,
  );
  return tally;
}
