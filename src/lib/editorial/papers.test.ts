/** The paper catalogue: the real file, and bad files (every problem on a line of its own, with the JSON line). */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/seed-edition.ts';
import { InputError } from '../parse/read.ts';
import { loadCatalog, parseCatalog } from './papers.ts';

const FILE = 'content/papers.json';

/** The problems a catalogue text gives, one message line each (none: it is good). */
function problems(source: string): string[] {
  try {
    parseCatalog(source, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message.split('\n');
  }
  return [];
}

const paper = (fields: string) => `    { "id": "hengyang-daily", "name": "衡阳日报"${fields} }`;

describe('the paper catalogue', () => {
  it('reads content/papers.json with every field', () => {
    const { papers } = loadCatalog(resolve(repoRoot, FILE));
    expect(papers.map((p) => [p.id, p.name])).toEqual([
      ['hengyang-daily', '衡阳日报'],
      ['hengyang-evening-news', '衡阳晚报'],
      ['peoples-daily', '人民日报'],
    ]);
    expect(papers[0]).toMatchObject({
      serial: 'CN 43-0004',
      bylines: ['衡阳日报讯'],
      houseBylines: ['本报讯', '本报记者'],
    });
  });

  it('names the file when it is missing', () => {
    expect(() => loadCatalog('/nonexistent/papers.json')).toThrow(
      /^\/nonexistent\/papers\.json: cannot read the paper catalogue/,
    );
  });

  it.each([
    ['a good file', `{\n  "papers": [\n${paper('')}\n  ]\n}`, []],
    [
      'a plain description (kept for catalogues that have one)',
      `{\n  "papers": [\n${paper(', "description": "衡阳日报社出版。"')}\n  ]\n}`,
      [],
    ],
    [
      'a description that is not text',
      `{\n  "papers": [\n${paper(', "description": 12')}\n  ]\n}`,
      [`${FILE}:3: paper 1 (hengyang-daily): "description" must be text, not a number (put it in quotes)`],
    ],
    [
      'JSON syntax, with its line',
      '{\n  "papers": [\n    { "id" "x" }\n  ]\n}',
      [`${FILE}:3: the paper catalogue is not valid JSON: Expected ':' after property name`],
    ],
    [
      'no papers list',
      '{ "paper": [] }',
      [`${FILE}: the paper catalogue needs a "papers" list`, `${FILE}:1: unknown field "paper"`],
    ],
    ['not an object', '[]', [`${FILE}: the paper catalogue must be an object with a "papers" list`]],
    [
      'a reserved id',
      `{\n  "papers": [\n    {\n      "id": "pagefind",\n      "name": "x"\n    }\n  ]\n}`,
      [
        expect.stringMatching(
          /^content\/papers\.json:4: paper id "pagefind" is reserved \(the site's own folders: /,
        ),
      ],
    ],
    [
      'ids that are no slugs, or listed twice',
      `{\n  "papers": [\n${paper('')},\n    { "id": "Hengyang Daily", "name": "x" },\n${paper('')}\n  ]\n}`,
      [
        `${FILE}:4: paper id "Hengyang Daily" must be a lowercase ASCII slug`,
        `${FILE}:5: paper id "hengyang-daily" is listed twice`,
      ],
    ],
    [
      'a key given twice (JSON.parse would keep the last one silently)',
      `{\n  "papers": [\n${paper(',\n      "name": "x"')}\n  ]\n}`,
      [`${FILE}:4: the papers are not valid JSON (each key once): Map keys must be unique`],
    ],
    [
      'a field of the wrong type',
      `{\n  "papers": [\n    {\n      "id": "x",\n      "name": 3\n    }\n  ]\n}`,
      [`${FILE}:5: paper 1 (x): "name" must be text, not a number (put it in quotes)`],
    ],
    [
      'several problems in one paper',
      `{\n  "papers": [\n    {\n      "id": "x",\n      "name": "",\n      "region": "衡阳",\n      "houseByline": []\n    }\n  ]\n}`,
      [
        `${FILE}:5: paper 1 (x): "name" must not be empty`,
        `${FILE}:6: paper 1 (x): "region" must be a list of texts`,
        `${FILE}:7: paper 1 (x): unknown field "houseByline"`,
      ],
    ],
    ['a paper that is not an object', '{ "papers": [3] }', [`${FILE}:1: paper 1 must be an object`]],
  ])('%s', (_what, source, expected) => {
    expect(problems(source)).toEqual(expected);
  });
});
