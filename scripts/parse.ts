/**
 * npm run parse -- <file.txt> [more files]
 *
 * Prints the parsed issue(s) as JSON (schema baokan/issue@2; one object for one file argument, an array for
 * several). Editorial corrections from content/corrections.yaml and hints beside each file apply.
 * Warnings and errors go to standard error with the file name; the exit code is 1 when any file
 * could not be parsed, 2 for a usage error.
 */
import { resolve } from 'node:path';
import { loadCatalog, loadCorrections, parseFile } from '../src/lib/edition/load-folder.ts';
import { InputError } from '../src/lib/parse/read.ts';
import type { Issue } from '../src/lib/model/issue.ts';
import { filesOrExit } from '../src/lib/util/file-arguments.ts';

const args = filesOrExit('usage: npm run parse -- <file.txt> [more files]');

let catalog;
let corrections;
try {
  catalog = loadCatalog(resolve(import.meta.dirname, '../content/papers.json'));
  corrections = loadCorrections(resolve(import.meta.dirname, '../content/corrections.yaml'));
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  process.stderr.write(`error: ${e.message}\n`);
  process.exit(1);
}

const issues: Issue[] = [];
let failed = false;
for (const path of args) {
  const r = parseFile(path, catalog, corrections);
  if ('issue' in r) {
    issues.push(r.issue);
    for (const w of r.issue.warnings) {
      process.stderr.write(
        `warning: ${w.file ?? r.issue.sources[0]!.file}${w.line ? ':' + w.line : ''}: ${w.message}\n`,
      );
    }
  } else {
    failed = true;
    process.stderr.write(`error: ${r.message}\n`);
  }
}
if (issues.length > 0)
  process.stdout.write(JSON.stringify(args.length === 1 ? issues[0] : issues, null, 2) + '\n');
process.exit(failed ? 1 : 0);
