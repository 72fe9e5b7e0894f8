/**
 * The schemas state the model the parser actually produces: every parsed seed passes, with no field
 * the schemas leave out (zod drops unknown keys, so a parse that keeps the value whole proves it),
 * and a wrong value is refused with the path of the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedEdition } from '../../../tests/support/seed-edition.ts';
import { issueSchema, SCHEMA_ID } from './issue.ts';

const fixtures = join(import.meta.dirname, '../parse/fixtures/issues');

describe('issueSchema', () => {
  const seeds = seedEdition().issues.map((r) => r.issue);

  it.each(seeds.map((issue) => [issue.id, issue] as const))(
    'states the parsed seed %s whole',
    (_id, issue) => {
      const copy = JSON.parse(JSON.stringify(issue));
      expect(issueSchema.parse(copy)).toEqual(copy);
    },
  );

  it.each(readdirSync(fixtures))('states the fixture %s whole', (name) => {
    const json = JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8'));
    expect(issueSchema.parse(json)).toEqual(json);
  });

  it('refuses a wrong value, naming the field', () => {
    const issue = JSON.parse(JSON.stringify(seeds[0]));
    issue.date.method = 'guess';
    const result = issueSchema.safeParse(issue);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['date', 'method']);
  });

  it('refuses another schema id', () => {
    const issue = { ...JSON.parse(JSON.stringify(seeds[0])), schema: 'baokan/issue@1' };
    expect(issueSchema.safeParse(issue).success).toBe(false);
    expect(SCHEMA_ID).toBe('baokan/issue@2');
  });
});
