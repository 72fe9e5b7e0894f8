/**
 * `npm run eval`: parse every page of the labelled corpus (tests/corpus/pages, built by
 * `npm run corpus`) with the real parser and print one table — rows: each paper kind × input
 * form, the seeds, the total; columns: segmentation precision/recall/F1, title-block and byline
 * accuracy, column-join precision/recall, date and paper accuracy, ms per page. Writes
 * eval-out/result.json.
 *
 * Options:
 *   --check         exit 1 when a figure is below its floor in tests/corpus/floors.json
 *   --pages <text>  only label files whose path contains <text>
 *   --missed        list the labelled articles that were not found, page by page
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listLabels, runEval } from './eval/run.ts';
import { checkFloors, formatTable } from './eval/score.ts';
import { optionsOrExit } from '../src/lib/util/script-options.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = optionsOrExit(
  { check: 'boolean', pages: 'string', missed: 'boolean' },
  'usage: npm run eval -- [--check] [--pages TEXT] [--missed]',
);
const filter = args.pages;
const files = listLabels(ROOT).filter((f) => !filter || relative(ROOT, f).includes(filter));
if (files.length === 0) {
  console.error('eval: no labelled pages (run npm run corpus)');
  process.exit(2);
}
const result = runEval(ROOT, files);
console.log(formatTable(result.rows));
for (const f of result.failures) console.log(`refused: ${f.input}: ${f.message}`);
if (args.missed) {
  for (const p of result.pages) if (p.missed.length) console.log(`${p.input}: ${p.missed.join(' / ')}`);
}
const out = join(ROOT, 'eval-out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'result.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`wrote ${relative(ROOT, join(out, 'result.json'))}`);

if (args.check) {
  const floors = JSON.parse(readFileSync(join(ROOT, 'tests/corpus/floors.json'), 'utf8')) as {
    rows: Record<string, Record<string, number>>;
  };
  const below = filter ? [] : checkFloors(result.rows, floors.rows);
  for (const b of below) console.error(b);
  if (below.length) process.exit(1);
  console.log('eval: every figure at or above its floor');
}
