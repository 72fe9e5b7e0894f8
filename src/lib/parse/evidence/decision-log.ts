/**
 * The assembler's scored decisions, as they are made: each stage that asks a model reports the
 * features it saw and the source lines the decision was about (decisions a rule made are reported
 * too, with the rule's name). Training (scripts/train.ts) listens to collect labelled samples;
 * parsing alone does not listen and pays nothing.
 */
import type { Features } from './linear-model.ts';

/** One decision as made. */
export interface LoggedDecision {
  /** which model decided: 'join' (across a column break) or 'subhead' (or new article) */
  model: 'join' | 'subhead';
  features: Features;
  /** join: last source line before the seam and first after; subhead: the heading's lines */
  lines: number[];
  /** the heading's text (subhead decisions) */
  text?: string;
  /** what was decided */
  yes: boolean;
  /** the printed form that decided by rule, when one did (the model was not asked) */
  rule?: string;
}

let listener: ((d: LoggedDecision) => void) | null = null;

/** Run `body` with every decision reported to `listen`. */
export function withDecisionLog<T>(listen: (d: LoggedDecision) => void, body: () => T): T {
  const before = listener;
  listener = listen;
  try {
    return body();
  } finally {
    listener = before;
  }
}

/** Whether anyone listens (features of rule-made decisions are only computed then). */
export function listening(): boolean {
  return listener !== null;
}

/** Report a decision (no-op unless someone listens). */
export function logDecision(d: LoggedDecision): void {
  listener?.(d);
}
