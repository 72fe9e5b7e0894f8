/**
 * Running the evaluation: parse every labelled corpus page with the real parser (parseFile from
 * src/lib/edition/load-folder.ts, the file's base name as options.name) and score it (score.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCatalog, parseFile } from '../../src/lib/edition/load-folder.ts';
import type { CorpusLabels } from './labels.ts';
import { scorePage, table, type PageScore, type Row } from './score.ts';

export interface EvalResult {
  rows: Row[];
  pages: PageScore[];
  /** files the parser refused, with its message */
  failures: { input: string; message: string }[];
}

/** All label files under tests/corpus/pages (the development corpus), in name order. */
export function listLabels(root: string): string[] {
  return labelsUnder(join(root, 'tests/corpus/pages'));
}

/**
 * All label files under tests/corpus/heldout (the held-out set, issue 10), in name order; empty
 * when the folder does not exist. Reported by `npm run eval`, never gated on, never trained on.
 */
export function listHeldoutLabels(root: string): string[] {
  const dir = join(root, 'tests/corpus/heldout');
  return existsSync(dir) ? labelsUnder(dir) : [];
}

function labelsUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.labels.json'))
    .sort()
    .map((f) => join(dir, f));
}

export function runEval(root: string, labelFiles: readonly string[] = listLabels(root)): EvalResult {
  const catalog = loadCatalog(join(root, 'content/papers.json'));
  const pages: PageScore[] = [];
  const failures: EvalResult['failures'] = [];
  for (const f of labelFiles) {
    const labels = JSON.parse(readFileSync(f, 'utf8')) as CorpusLabels;
    const path = join(root, labels.input);
    const t0 = performance.now();
    const r = parseFile(path, catalog, [], labels.name);
    const ms = performance.now() - t0;
    if (!('issue' in r)) {
      failures.push({ input: labels.input, message: r.message });
      pages.push({
        input: labels.input,
        kind: labels.kind,
        form: labels.form,
        segFound: 0,
        segOutput: 0,
        segLabelled: labels.articles.length,
        titleRight: 0,
        bylineRight: 0,
        joinsRight: labels.joins ? 0 : null,
        joinsPredicted: labels.joins ? 0 : null,
        joinsLabelled: labels.joins ? labels.joins.length : null,
        dateRight: false,
        paperRight: false,
        ms,
        missed: labels.articles.map((a) => a.headline ?? ''),
      });
      continue;
    }
    const lines = r.source.lines;
    pages.push(
      scorePage(
        r.issue,
        labels,
        lines,
        ms,
        catalog.papers.map((p) => p.name),
      ),
    );
  }
  return { rows: table(pages), pages, failures };
}
