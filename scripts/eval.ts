/**
 * `npm run eval`: parse every page of the labelled corpus (tests/corpus/pages, built by
 * `npm run corpus`) with the real parser and print one table — rows: each paper kind × input
 * form, the seeds, the total; columns: segmentation precision/recall/F1, title-block and byline
 * accuracy, column-join precision/recall, date and paper accuracy, ms per page. Then the held-out
 * set (tests/corpus/heldout: days the parser was never tuned on, issue 10) under its own heading,
 * rows prefixed `heldout:`, with its own total; then the development corpus again with letter-spaced
 * lines (scripts/eval/letter-spaced.ts), its total as the row `spaced: total`, gated too. Writes both into eval-out/result.json (the
 * development figures at the top level as before, the held-out ones under `heldout`).
 *
 * Options:
 *   --check         exit 1 when a development figure is below its floor in tests/corpus/floors.json
 *                   (held-out rows are reported, never gated)
 *   --pages <text>  only label files whose path contains <text>
 *   --missed        list the labelled articles that were not found, page by page
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listHeldoutLabels, listLabels, runEval, type EvalResult } from './eval/run.ts';
import { checkFloors, formatTable } from './eval/score.ts';
import { writeLetterSpaced } from './eval/letter-spaced.ts';
import { optionsOrExit } from '../src/lib/util/script-options.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = optionsOrExit(
  { check: 'boolean', pages: 'string', missed: 'boolean' },
  'usage: npm run eval -- [--check] [--pages TEXT] [--missed]',
);
const filter = args.pages;
const pick = (list: string[]) => list.filter((f) => !filter || relative(ROOT, f).includes(filter));
const files = pick(listLabels(ROOT));
const heldoutFiles = pick(listHeldoutLabels(ROOT));
if (files.length === 0 && heldoutFiles.length === 0) {
  console.error('eval: no labelled pages (run npm run corpus)');
  process.exit(2);
}

function report(result: EvalResult) {
  for (const f of result.failures) console.log(`refused: ${f.input}: ${f.message}`);
  if (args.missed) {
    for (const p of result.pages) if (p.missed.length) console.log(`${p.input}: ${p.missed.join(' / ')}`);
  }
}

const result = runEval(ROOT, files);
if (files.length) {
  console.log(formatTable(result.rows));
  report(result);
}

let heldout: EvalResult | null = null;
if (heldoutFiles.length) {
  heldout = runEval(ROOT, heldoutFiles);
  heldout.rows = heldout.rows.map((r) => ({ ...r, row: `heldout: ${r.row}` }));
  console.log('');
  console.log(`Held-out set (tests/corpus/heldout, ${heldoutFiles.length} pages; reported, not gated)`);
  console.log(formatTable(heldout.rows));
  report(heldout);
}

const out = join(ROOT, 'eval-out');
mkdirSync(out, { recursive: true });

// The development corpus again with letter-spaced lines (OCR, some PDF text layers): the parser
// should read 本 报 讯 （ 记 者 王 明 ） as it reads 本报讯（记者 王明）.
let spaced: EvalResult | null = null;
if (files.length && !filter) {
  spaced = runEval(join(out, 'spaced'), writeLetterSpaced(ROOT, files, join(out, 'spaced')));
  const total = spaced.rows.filter((r) => r.row === 'total').map((r) => ({ ...r, row: 'spaced: total' }));
  spaced.rows = total;
  console.log('');
  console.log(
    `Letter-spaced copies (every page of the development corpus, about one line in three spaced out)`,
  );
  console.log(formatTable(total));
  report(spaced);
}

writeFileSync(join(out, 'result.json'), JSON.stringify({ ...result, heldout, spaced }, null, 2) + '\n');
console.log(`wrote ${relative(ROOT, join(out, 'result.json'))}`);
console.log(
  'Note: held-out rows (heldout: …) are days of 人民日报 outside the development corpus, measured blind ' +
    'once (seg F1 0.735, 2026-12-02) and since used to find error classes (fixed by general rules, each with ' +
    'a fixture): read them as a second development set, not as an independent check. They are ' +
    'reported, not gated — --check compares only the development rows with tests/corpus/floors.json. ' +
    'paper: the labelled paper where the page prints it or the catalogue describes it, else “unknown” ' +
    '(a page that names no paper the parser could know).',
);

if (args.check) {
  const floors = JSON.parse(readFileSync(join(ROOT, 'tests/corpus/floors.json'), 'utf8')) as {
    rows: Record<string, Record<string, number>>;
  };
  const below = filter ? [] : checkFloors([...result.rows, ...(spaced?.rows ?? [])], floors.rows);
  for (const b of below) console.error(b);
  if (below.length) process.exit(1);
  console.log('eval: every development figure at or above its floor');
}
