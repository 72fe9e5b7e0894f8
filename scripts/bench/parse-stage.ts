/**
 * Benchmark stage: parse every issue of a folder with the real pipeline (what the content loader
 * does first), and print one JSON line with the counts and the time spent.
 *   tsx scripts/bench/parse-stage.ts <dir>
 */
import { resolve } from 'node:path';
import { loadCatalog, loadCorrections, loadEdition } from '../../src/lib/edition/load-folder.ts';
import { filesOrExit } from '../../src/lib/util/file-arguments.ts';

/** the folder to parse (filesOrExit exits when none is given) */
const dir = filesOrExit('usage: tsx scripts/bench/parse-stage.ts <dir>')[0]!;
const t0 = performance.now();
const content = resolve(import.meta.dirname, '../../content');
const result = loadEdition(resolve(dir), loadCatalog(resolve(content, 'papers.json')), {
  corrections: loadCorrections(resolve(content, 'corrections.yaml')),
});
const ms = performance.now() - t0;
let pages = 0;
let articles = 0;
let bytes = 0;
const warnings = new Map<string, number>();
for (const { issue } of result.issues) {
  pages += issue.pages.length;
  articles += issue.articles.length;
  bytes += issue.sources.reduce((n, s) => n + s.bytes, 0);
  for (const w of issue.warnings) warnings.set(w.code, (warnings.get(w.code) ?? 0) + 1);
}
process.stdout.write(
  JSON.stringify({
    issues: result.issues.length,
    errors: result.errors.length,
    pages,
    articles,
    bytes,
    ms,
    warnings: Object.fromEntries(warnings),
  }) + '\n',
);
