/**
 * `npm run train`: refit the assembler's scored decisions on the labelled corpus and write their
 * weights (src/lib/parse/column-joins/weights.json, src/lib/parse/subheads/weights.json).
 *
 * Every corpus page is parsed with the decision log on (src/lib/parse/evidence/decision-log.ts);
 * each decision the models were asked for becomes a sample, labelled from the page's labels:
 * - join: yes when the labels list that column-break join (pages whose labels know their joins);
 * - subhead: yes when the heading is one of the labelled subheads, no when it is a labelled
 *   headline line (headings in neither are left out).
 * The corpus's PDF pages are hard-wrapped, so most of their column breaks are decided by the
 * column-cut rule; those seams are samples too, as the model would see them without that evidence
 * (random cuts of e-paper paragraphs were tried as extra samples and made the model worse on the
 * seeds: real column breaks are not random).
 * The weights start from the hand-set prior (the rules as written, `prior` in weights.json) and are
 * held to it by an L2 penalty, so that scarce evidence moves them only as far as it reaches; with
 * fewer than 8 samples of either answer a model is not refitted at all (its prior stands).
 * The models are fitted (logistic regression, evidence/linear-model.ts) on every page but the
 * seeds; the pages are parsed again with the new weights and the models refitted (the decisions
 * asked for depend on the decisions made), three rounds. Reported: accuracy on the training
 * samples, on the seeds (held out), and cross-validated across paper kinds (fit on half the kinds,
 * test on the other half, both ways).
 *
 * Options: --dry (report, write nothing)
 */
import { optionsOrExit } from '../src/lib/util/script-options.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog, parseFile } from '../src/lib/edition/load-folder.ts';
import { format } from 'prettier';
import { JOIN_MODEL } from '../src/lib/parse/column-joins/join-evidence.ts';
import { SUBHEAD_MODEL } from '../src/lib/parse/subheads/subhead-evidence.ts';
import { withDecisionLog, type LoggedDecision } from '../src/lib/parse/evidence/decision-log.ts';
import {
  accuracy,
  fitLogistic,
  type LinearModel,
  type Sample,
} from '../src/lib/parse/evidence/linear-model.ts';
import { listLabels } from './eval/run.ts';
import type { CorpusLabels } from './eval/labels.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dry = optionsOrExit({ dry: 'boolean' }, 'usage: npm run train -- [--dry]').dry ?? false;
const catalog = loadCatalog(join(ROOT, 'content/papers.json'));
const pages = listLabels(ROOT).map((f) => JSON.parse(readFileSync(f, 'utf8')) as CorpusLabels);

/** Paper kinds in two halves, for cross-validation (each half has e-paper and PDF pages). */
const HALVES = [
  ['national-daily', 'evening', 'national-1946'],
  ['city-daily', 'county'],
];

interface Tagged extends Sample {
  kind: string;
  model: LoggedDecision['model'];
}

const squash = (s: string) => s.replace(/\s+/gu, '');

/** Parse every page with the decision log on; label the decisions. */
function collect(): Tagged[] {
  const out: Tagged[] = [];
  for (const labels of pages) {
    const logged: LoggedDecision[] = [];
    withDecisionLog(
      (d) => logged.push(d),
      () => parseFile(join(ROOT, labels.input), catalog, [], labels.name),
    );
    const joins = labels.joins ? new Set(labels.joins.map((j) => `${j.before}|${j.after}`)) : null;
    const subheads = new Set(labels.articles.flatMap((a) => a.subheads.map(squash)));
    const headlines = new Set(
      labels.articles.flatMap((a) =>
        [a.kicker, a.headline, a.subtitle, ...(a.titleLines ?? [])]
          .filter((t): t is string => !!t)
          .map(squash),
      ),
    );
    for (const d of logged) {
      let y: boolean | null = null;
      // Seams a certain rule decided are the model's business only where the rule is the
      // hard-wrap evidence (column-cut): the same seams without it are what the model must judge.
      if (d.rule && d.rule !== 'column-cut') continue;
      if (d.model === 'join' && joins) y = joins.has(`${d.lines[0]}|${d.lines[1]}`);
      if (d.model === 'subhead') {
        const t = squash(d.text ?? '');
        y = subheads.has(t) ? true : headlines.has(t) ? false : null;
      }
      if (y !== null) out.push({ x: d.features, y, kind: labels.kind, model: d.model });
    }
  }
  return out;
}

/** Fewer samples than this in either class and the evidence cannot move the rules: the prior stands. */
const MIN_PER_CLASS = 8;

/** Whether samples hold enough of both answers to fit on. */
function fittable(samples: readonly Sample[]): boolean {
  const yes = samples.filter((s) => s.y).length;
  return yes >= MIN_PER_CLASS && samples.length - yes >= MIN_PER_CLASS;
}

function fit(model: LinearModel, samples: readonly Sample[]): void {
  if (!fittable(samples)) {
    Object.assign(model, model.prior ?? {});
    return;
  }
  const { bias, weights } = fitLogistic(samples, { prior: model.prior, l2: L2 });
  model.bias = bias;
  model.weights = weights;
}

const fmt = (v: number) => v.toFixed(3);
/** How strongly the weights are held to the hand-set prior. */
const L2 = 0.05;
const MODELS = [
  { name: 'join' as const, model: JOIN_MODEL, file: 'src/lib/parse/column-joins/weights.json' },
  { name: 'subhead' as const, model: SUBHEAD_MODEL, file: 'src/lib/parse/subheads/weights.json' },
];

let samples: Tagged[] = [];
for (let round = 1; round <= 3; round++) {
  samples = collect();
  for (const { name, model } of MODELS) {
    fit(
      model,
      samples.filter((s) => s.model === name && s.kind !== 'seeds'),
    );
  }
}
samples = collect();

for (const { name, model, file } of MODELS) {
  const mine = samples.filter((s) => s.model === name);
  const train = mine.filter((s) => s.kind !== 'seeds');
  const seeds = mine.filter((s) => s.kind === 'seeds');
  // Cross-validation: fit on one half of the paper kinds, test on the other, both ways.
  let right = 0;
  let total = 0;
  for (const [k, half] of HALVES.entries()) {
    const other = HALVES[1 - k]!;
    const probe: LinearModel = { decides: model.decides, bias: 0, weights: {}, prior: model.prior };
    fit(
      probe,
      train.filter((s) => half.includes(s.kind)),
    );
    const test = train.filter((s) => other.includes(s.kind));
    right += accuracy(probe, test) * test.length;
    total += test.length;
  }
  const rules: LinearModel = { decides: model.decides, ...(model.prior ?? { bias: 0, weights: {} }) };
  const report = {
    refitted: fittable(train),
    samples: train.length,
    positives: train.filter((s) => s.y).length,
    trainingAccuracy: Number(fmt(accuracy(model, train))),
    heldOutSeeds: { samples: seeds.length, accuracy: Number(fmt(accuracy(model, seeds))) },
    handSetPrior: {
      trainingAccuracy: Number(fmt(accuracy(rules, train))),
      seedsAccuracy: Number(fmt(accuracy(rules, seeds))),
    },
    crossValidatedByPaperKind: {
      halves: HALVES,
      samples: total,
      accuracy: Number(fmt(total ? right / total : 1)),
    },
  };
  console.log(`${name}: ${JSON.stringify(report)}`);
  console.log(`  bias ${model.bias} ${JSON.stringify(model.weights)}`);
  if (!dry) {
    const out: LinearModel = {
      decides: model.decides,
      bias: model.bias,
      weights: model.weights,
      prior: model.prior,
      fitted: report,
    };
    writeFileSync(join(ROOT, file), await format(JSON.stringify(out), { parser: 'json' }));
    console.log(`  wrote ${file}`);
  }
}
