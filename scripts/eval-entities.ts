/**
 * `npm run eval:entities`: the name index measured on its hand-labelled samples — precision and
 * recall of people, places and organisations named in the text, for the seeds (in-sample: the
 * rules were written with them in view), the development corpus and both together, plus
 * reporters from bylines. Writes eval-out/entities.json. The samples and the finder's run are in
 * tests/people/entity-samples.ts.
 *
 * Options:
 *   --check    exit 1 when a figure is below its floor in tests/people/floors.json
 *   --errors   list the wrong and missed mentions of each part and kind
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KINDS, belowFloors, type KindScore } from '../src/lib/people/mention-score.ts';
import { figuresOf, loadFloors, measureEntities } from '../tests/people/entity-samples.ts';
import { repoRoot } from '../tests/support/seed-edition.ts';
import { optionsOrExit } from '../src/lib/util/script-options.ts';

const args = optionsOrExit(
  { check: 'boolean', errors: 'boolean' },
  'usage: npm run eval:entities -- [--check] [--errors]',
);
const result = measureEntities();

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const fig = (x: number) => x.toFixed(3);
const row = (
  part: string,
  kind: string,
  s: Pick<KindScore, 'labelled' | 'found' | 'right' | 'precision' | 'recall'>,
) =>
  `${pad(part, 11)}${pad(kind, 14)}${pad(String(s.labelled), 10)}${pad(String(s.found), 7)}${pad(String(s.right), 7)}${pad(fig(s.precision), 11)}${fig(s.recall)}`;

console.log(
  `${pad('part', 11)}${pad('kind', 14)}${pad('labelled', 10)}${pad('found', 7)}${pad('right', 7)}${pad('precision', 11)}recall`,
);
for (const part of ['seeds', 'heldout', 'corpus', 'corpus2025', 'corpus1946', 'total'] as const)
  for (const kind of KINDS) console.log(row(part, kind, result[part][kind]!));
console.log(row('seeds', 'reporters', result.reporters));
console.log(
  '(seeds: in-sample, the rules were written with them in view; heldout: second paragraphs of the seeds, labelled after the rules were written and not used to change them; corpus: labelled before any rule was changed, but the rules were then improved with its errors in view; corpus2025/corpus1946: the corpus by year)',
);

if (args.errors) {
  for (const part of ['seeds', 'heldout', 'corpus'] as const)
    for (const kind of KINDS) {
      const s = result[part][kind]!;
      if (s.wrong.length) console.log(`${part} ${kind} wrong: ${s.wrong.join('  ')}`);
      if (s.missed.length) console.log(`${part} ${kind} missed: ${s.missed.join('  ')}`);
    }
  if (result.reporters.wrong.length) console.log(`reporters wrong: ${result.reporters.wrong.join('  ')}`);
  if (result.reporters.missed.length) console.log(`reporters missed: ${result.reporters.missed.join('  ')}`);
}

const out = join(repoRoot, 'eval-out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'entities.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`wrote ${relative(repoRoot, join(out, 'entities.json'))}`);

if (args.check) {
  const below = belowFloors(figuresOf(result), loadFloors());
  for (const b of below) console.error(`eval:entities: ${b}`);
  if (below.length) process.exit(1);
  console.log('eval:entities: every figure at or above its floor');
}
