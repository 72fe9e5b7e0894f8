/**
 * Precision and recall of found names against names labelled by hand, by kind. A found mention is
 * right when article, kind, entry and printed text agree with a labelled one; each occurrence
 * counts (a name labelled twice in an article must be found twice). Pure; the samples and the
 * finder are the caller's (tests/people/entity-samples.ts).
 */
import type { EntityKind } from './entities.ts';

/** One mention as a sample labels it or the finder reports it. */
export interface ScoredMention {
  article: string;
  kind: EntityKind;
  /** the entry's name (中共衡阳市委 for 市委) */
  name: string;
  /** as printed */
  text: string;
}

/** The figures of one kind. */
export interface KindScore {
  labelled: number;
  found: number;
  right: number;
  /** right / found (1 when nothing was found) */
  precision: number;
  /** right / labelled (1 when nothing was labelled) */
  recall: number;
  /** found more often than labelled: `article|kind|name|text ×n` */
  wrong: string[];
  /** labelled more often than found */
  missed: string[];
}

export const KINDS: readonly EntityKind[] = ['person', 'place', 'organisation'];

const keyOf = (m: ScoredMention) => `${m.article}|${m.kind}|${m.name}|${m.text}`;

function counts(list: readonly ScoredMention[]): Map<string, number> {
  const c = new Map<string, number>();
  for (const m of list) c.set(keyOf(m), (c.get(keyOf(m)) ?? 0) + 1);
  return c;
}

/** Keys of `a` that occur more often in `a` than in `b`, with the excess (`key ×2` when more than one). */
function excess(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [k, n] of a) {
    const more = n - (b.get(k) ?? 0);
    if (more > 0) out.push(more > 1 ? `${k} ×${more}` : k);
  }
  return out;
}

/** The figures of one kind: labelled and found mentions of other kinds are ignored. */
export function scoreKind(
  labelled: readonly ScoredMention[],
  found: readonly ScoredMention[],
  kind: EntityKind,
): KindScore {
  const truth = counts(labelled.filter((m) => m.kind === kind));
  const got = counts(found.filter((m) => m.kind === kind));
  let right = 0;
  for (const [k, n] of got) right += Math.min(n, truth.get(k) ?? 0);
  const sum = (c: Map<string, number>) => [...c.values()].reduce((s, n) => s + n, 0);
  const nTruth = sum(truth);
  const nGot = sum(got);
  return {
    labelled: nTruth,
    found: nGot,
    right,
    precision: nGot ? right / nGot : 1,
    recall: nTruth ? right / nTruth : 1,
    wrong: excess(got, truth),
    missed: excess(truth, got),
  };
}

/** Every kind's figures. */
export function scoreKinds(
  labelled: readonly ScoredMention[],
  found: readonly ScoredMention[],
): Record<EntityKind, KindScore> {
  return Object.fromEntries(KINDS.map((k) => [k, scoreKind(labelled, found, k)])) as Record<
    EntityKind,
    KindScore
  >;
}

/** A precision and recall floor (or figure). */
export interface PR {
  precision: number;
  recall: number;
}

/**
 * Figures below their floors, one line each (`corpus place recall 0.812 < floor 0.820`). `figures`
 * and `floors` map a part (seeds, corpus, total, reporters) to kinds → figures, or to figures.
 */
export function belowFloors(
  figures: Record<string, Record<string, PR> | PR>,
  floors: Record<string, Record<string, PR> | PR>,
): string[] {
  const out: string[] = [];
  const check = (label: string, got: PR | undefined, floor: PR) => {
    for (const f of ['precision', 'recall'] as const) {
      const v = got?.[f];
      if (v === undefined || v < floor[f])
        out.push(
          `${label} ${f} ${v === undefined ? 'missing' : v.toFixed(3)} < floor ${floor[f].toFixed(3)}`,
        );
    }
  };
  for (const [part, floor] of Object.entries(floors)) {
    const got = figures[part];
    if ('precision' in floor) check(part, got as PR | undefined, floor as PR);
    else
      for (const [kind, f] of Object.entries(floor))
        check(`${part} ${kind}`, (got as Record<string, PR> | undefined)?.[kind], f);
  }
  return out;
}
