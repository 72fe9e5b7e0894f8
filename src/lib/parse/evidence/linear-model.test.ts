/** The linear model: scores, evidence, and a fit that learns a rule from samples and respects its prior. */
import { describe, expect, it } from 'vitest';
import {
  accuracy,
  fitLogistic,
  mainEvidence,
  scoreOf,
  type LinearModel,
  type Sample,
} from './linear-model.ts';
import { logDecision, withDecisionLog, type LoggedDecision } from './decision-log.ts';

const model: LinearModel = { decides: 'test', bias: -1, weights: { a: 3, b: -2, c: 0.5 } };

describe('linear model', () => {
  it('scores bias plus weighted features and names the strongest', () => {
    expect(scoreOf(model, { a: 1, b: 0, c: 1 })).toBeCloseTo(2.5);
    expect(scoreOf(model, { unknown: 1 })).toBe(-1);
    expect(mainEvidence(model, { a: 1, b: 1, c: 1 }, 2)).toEqual(['a +3.00', 'b -2.00']);
  });
  it('fits a rule hidden in the samples (yes exactly when x and not y)', () => {
    const samples: Sample[] = [];
    for (let k = 0; k < 40; k++) {
      const x = k % 2;
      const y = Math.floor(k / 2) % 2;
      samples.push({ x: { x, y }, y: x === 1 && y === 0 });
    }
    const fitted = { decides: 'rule', ...fitLogistic(samples) };
    expect(accuracy(fitted, samples)).toBe(1);
    expect(fitted.weights.x).toBeGreaterThan(0);
    expect(fitted.weights.y).toBeLessThan(0);
  });
  it('stays near its prior where the samples say nothing', () => {
    const samples: Sample[] = Array.from({ length: 20 }, (_, k) => ({ x: { seen: k % 2 }, y: k % 2 === 1 }));
    const fitted = fitLogistic(samples, { prior: { bias: 0, weights: { unseen: -5 } }, l2: 0.05 });
    expect(fitted.weights.unseen).toBeCloseTo(-5, 1);
  });
});

describe('decision log', () => {
  it('reports decisions only while someone listens', () => {
    const got: LoggedDecision[] = [];
    const d: LoggedDecision = { model: 'join', features: {}, lines: [1, 3], yes: true };
    logDecision(d);
    withDecisionLog(
      (x) => got.push(x),
      () => logDecision(d),
    );
    logDecision(d);
    expect(got).toEqual([d]);
  });
});
