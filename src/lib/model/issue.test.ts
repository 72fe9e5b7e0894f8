/**
 * The schemas state the model the parser actually produces: every parsed seed passes, with no field
 * the schemas leave out (zod drops unknown keys, so a parse that keeps the value whole proves it),
 * and a wrong value is refused with the path of the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedEdition } from '../../../tests/support/seed-edition.ts';
import { writePdf } from '../pdf/pdf-writer.ts';
import { parsePdf } from '../pdf/read-pdf.ts';
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

  it('states an issue read from a PDF whole: regions and PDF page sizes included', () => {
    const { pdf } = writePdf([
      {
        masthead: [],
        header: ['衡阳日报  2025年3月6日  星期四  第2版  综合'],
        footer: [],
        columns: 2,
        seed: 1,
        articles: [
          {
            kicker: null,
            headline: '城区新增口袋公园十二处',
            subtitle: null,
            byline: null,
            caption: null,
            paragraphs: [{ text: '本报讯 今年城区将新建口袋公园十二处，方便市民就近休闲。' }],
          },
        ],
      },
    ]);
    const issue = JSON.parse(JSON.stringify(parsePdf(pdf, 'p2.pdf', { catalog: { papers: [] } }).issue));
    expect(issue.pages[0].pdf).toEqual({ index: 0, width: 842, height: expect.any(Number) });
    expect(issue.articles[0].regions[0].parts.length).toBeGreaterThan(0);
    expect(issueSchema.parse(issue)).toEqual(issue);
    const bad = JSON.parse(JSON.stringify(issue));
    bad.articles[0].regions[0].box.x0 = 'left';
    expect(issueSchema.safeParse(bad).error?.issues[0]?.path).toEqual([
      'articles',
      0,
      'regions',
      0,
      'box',
      'x0',
    ]);
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
