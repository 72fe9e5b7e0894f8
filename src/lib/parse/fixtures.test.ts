/**
 * Fixture tests: each folder under fixtures/issues (one per seed) and fixtures/synthetic holds an
 * `input.txt` and the `expected.json` a person has reviewed against the input. `UPDATE=1 npx vitest
 * run src/lib/parse/fixtures.test.ts` rewrites expected.json; review the diff line by line before committing.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../edition/load-folder.ts';
import { parseIssue } from './parse-issue.ts';

const root = resolve(import.meta.dirname, 'fixtures');
const catalog = loadCatalog(resolve(import.meta.dirname, '../../../content/papers.json'));
const folders = ['issues', 'synthetic'].flatMap((group) =>
  readdirSync(join(root, group)).map((name) => ({ name: `${group}/${name}`, dir: join(root, group, name) })),
);

describe('fixtures', () => {
  it('has one fixture per seed', () => {
    const seeds = readdirSync(resolve(import.meta.dirname, '../../../seeds')).filter((f) =>
      f.endsWith('.txt'),
    );
    for (const s of seeds) {
      expect(readFileSync(join(root, 'issues', s.replace(/\.txt$/, ''), 'input.txt'))).toEqual(
        readFileSync(resolve(import.meta.dirname, '../../../seeds', s)),
      );
    }
  });

  for (const { name, dir } of folders) {
    it(name, () => {
      const issue = parseIssue(new Uint8Array(readFileSync(join(dir, 'input.txt'))), join(dir, 'input.txt'), {
        catalog,
      }).issue;
      const expectedPath = join(dir, 'expected.json');
      const actual = JSON.parse(JSON.stringify(issue));
      if (process.env.UPDATE) {
        writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
      }
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
