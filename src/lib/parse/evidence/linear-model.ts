/**
 * A small linear model for the assembler's ambiguous decisions (join across a column break, subhead
 * or new article): named features → a score (bias + Σ weight × value), decided by its sign; the
 * features that weighed most are kept as the decision's evidence. Weights are fitted by logistic
 * regression on the labelled corpus (scripts/train.ts) and committed as JSON next to the stage
 * that uses them.
 */

/** Named feature values: 1/0 for a sign that is present or not, a fraction for a measure. */
export type Features = Record<string, number>;

/** A fitted model as committed (`<stage>/weights.json`). */
export interface LinearModel {
  /** what the model decides, in words */
  decides: string;
  bias: number;
  weights: Record<string, number>;
  /**
   * the hand-set weights the fit starts from and is pulled towards (the rules as they were written):
   * with little evidence the rules stand, with more the evidence moves them
   */
  prior?: { bias: number; weights: Record<string, number> };
  /** how it was fitted and what it scored (written by scripts/train.ts) */
  fitted?: Record<string, unknown>;
}

/** The model's score: positive for yes. */
export function scoreOf(model: LinearModel, x: Features): number {
  let s = model.bias;
  for (const [k, v] of Object.entries(x)) if (v) s += (model.weights[k] ?? 0) * v;
  return s;
}

/** The features that moved the score most, as `name +1.25`, strongest first. */
export function mainEvidence(model: LinearModel, x: Features, n = 3): string[] {
  return Object.entries(x)
    .filter(([k, v]) => v && model.weights[k])
    .map(([k, v]) => [k, (model.weights[k] ?? 0) * v] as const)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, n)
    .map(([k, c]) => `${k} ${c >= 0 ? '+' : ''}${c.toFixed(2)}`);
}

/** One labelled example: the features seen and the right answer. */
export interface Sample {
  x: Features;
  y: boolean;
}

/**
 * Fit bias and weights by logistic regression: batch gradient descent with an L2 penalty that pulls
 * the weights towards a prior (the hand-set weights; zero without one) — a Gaussian prior centred
 * on the rules. Deterministic: same samples, same weights.
 */
export function fitLogistic(
  samples: readonly Sample[],
  options: {
    epochs?: number;
    rate?: number;
    l2?: number;
    prior?: { bias: number; weights: Record<string, number> };
  } = {},
): { bias: number; weights: Record<string, number> } {
  const { epochs = 2000, rate = 0.5, l2 = 0.01, prior } = options;
  const names = [
    ...new Set([...samples.flatMap((s) => Object.keys(s.x)), ...Object.keys(prior?.weights ?? {})]),
  ].sort();
  const centre = new Map(names.map((k) => [k, prior?.weights[k] ?? 0]));
  const w = new Map(centre);
  let bias = prior?.bias ?? 0;
  const n = Math.max(1, samples.length);
  for (let e = 0; e < epochs; e++) {
    const grad = new Map(names.map((k) => [k, 0]));
    let gb = 0;
    for (const s of samples) {
      let z = bias;
      for (const [k, v] of Object.entries(s.x)) z += w.get(k)! * v;
      const err = 1 / (1 + Math.exp(-z)) - (s.y ? 1 : 0);
      gb += err;
      for (const [k, v] of Object.entries(s.x)) if (v) grad.set(k, grad.get(k)! + err * v);
    }
    bias -= (rate * gb) / n;
    for (const k of names)
      w.set(k, w.get(k)! - rate * (grad.get(k)! / n + l2 * (w.get(k)! - centre.get(k)!)));
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { bias: round(bias), weights: Object.fromEntries(names.map((k) => [k, round(w.get(k)!)])) };
}

/** Share of samples the model decides right. */
export function accuracy(model: LinearModel, samples: readonly Sample[]): number {
  if (samples.length === 0) return 1;
  return samples.filter((s) => scoreOf(model, s.x) > 0 === s.y).length / samples.length;
}
