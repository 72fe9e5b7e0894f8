/**
 * Per-stage fixtures: each stage folder under src/lib/parse holds `fixtures/<case>/input.txt`, a
 * small page written for that stage's decision, and `expected.txt`, the outline (outline.ts) a
 * person has checked against the input. A rule change shows as a small diff here. `UPDATE=1 npx
 * vitest run src/lib/parse/stage-fixtures.test.ts` rewrites the expected outlines: review the diff
 * against the inputs before committing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../edition/load-folder.ts';
import { parseIssue } from './parse-issue.ts';
import { outlineIssue } from './outline.ts';

const root = import.meta.dirname;
const catalog = loadCatalog(resolve(root, '../../../content/papers.json'));
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'fixtures')))
  .flatMap((d) =>
    readdirSync(join(root, d.name, 'fixtures')).map((c) => ({
      name: `${d.name}/${c}`,
      dir: join(root, d.name, 'fixtures', c),
    })),
  );

describe('stage fixtures', () => {
  it('exist', () => expect(cases.length).toBeGreaterThan(10));
  for (const { name, dir } of cases) {
    it(name, () => {
      const input = join(dir, 'input.txt');
      const issue = parseIssue(new Uint8Array(readFileSync(input)), input, { catalog }).issue;
      const actual = outlineIssue(issue);
      const expectedPath = join(dir, 'expected.txt');
      if (process.env.UPDATE) writeFileSync(expectedPath, actual);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});
