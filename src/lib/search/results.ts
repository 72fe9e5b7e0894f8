/**
 * From candidates to the result list. Pagefind (or the index for file://) proposes candidates,
 * each with its text (the fragment); every one is checked against the query as written
 * (exact.ts: verify), a batch at a time, and the results of all shards searched are merged into
 * one list: by relevance on the checks' ranking with Pagefind's score breaking ties (as Pagefind's
 * own mergeIndex orders by score), by date in date order across the shards (they hold disjoint
 * months; mergeIndex cannot do this, it orders merged results by score only).
 */
import type { DiskRecord } from './disk-read.ts';
import { rank, verify, type Candidate, type SortOrder, type Verified, type VerifyOptions } from './exact.ts';

/** An article's text and data, as Pagefind's fragment gives them (the index for file:// gives the same). */
export type Fragment = DiskRecord;

/** A candidate as a search engine proposes it: its score, and its fragment on request. */
export interface Proposed {
  /** Pagefind's score; none from file:// */
  score?: number;
  /** the fragment (Pagefind fetches it) */
  data(): Promise<Fragment>;
}

/** A result: the checked candidate, with its fragment for showing it. */
export type Result = Verified & { data: Fragment };

/** What the checks read of a fragment. */
export function candidateOf(d: Fragment, score?: number): Candidate {
  const m = d.meta ?? {};
  return {
    url: d.url,
    content: d.content ?? '',
    title: m.title ?? '',
    kicker: m.kicker,
    subtitle: m.subtitle,
    date: m.date,
    score,
  };
}

/** The fragment checked against the terms: a result, or null when it does not contain them. */
export function checkFragment(
  d: Fragment,
  score: number | undefined,
  terms: readonly string[],
  options: VerifyOptions,
): Result | null {
  const v = verify(candidateOf(d, score), terms, options);
  return v && { ...v, data: d };
}

/** How the checks run: how many fragments at a time, when to give up, what to tell meanwhile. */
export interface CheckRun {
  /** fragments fetched at a time */
  batch: number;
  /** true when a newer search started: the checks stop */
  stale(): boolean;
  /** after each batch: candidates checked, of all */
  progress?(done: number, total: number): void;
}

/** The candidates that contain the terms (fetched a batch at a time); null when the search went stale. */
export async function checkCandidates(
  candidates: readonly Proposed[],
  terms: readonly string[],
  options: VerifyOptions,
  run: CheckRun,
): Promise<Result[] | null> {
  const kept: Result[] = [];
  for (let next = 0; next < candidates.length;) {
    if (run.stale()) return null;
    const part = candidates.slice(next, next + run.batch);
    next += part.length;
    run.progress?.(next, candidates.length);
    const checked = await Promise.all(
      part.map(async (c) => checkFragment(await c.data(), c.score, terms, options)),
    );
    for (const r of checked) if (r) kept.push(r);
  }
  return run.stale() ? null : kept;
}

/** The candidates of every shard searched, in one list (a shard that gave no answer adds none). */
export function mergeAnswers<T>(answers: readonly (readonly T[] | null | undefined)[]): T[] {
  return answers.flatMap((a) => a ?? []);
}

/** The results of all shards searched as one ranked list. */
export function rankResults(results: readonly Result[], sort: SortOrder, terms: number): Result[] {
  return rank(results, sort, terms);
}
