/** Editorial corrections: validated by zod (every problem with its YAML line), applied per line. */
import { describe, expect, it } from 'vitest';
import {
  applyCorrections,
  checkCorrectionFiles,
  EditorialFileError,
  parseCorrections,
} from './corrections.ts';

const source = {
  file: 'x.txt',
  encoding: 'utf-8',
  bytes: 0,
  sha256: '',
  newline: 'LF' as const,
  text: '标题\n研究两会有有关事宜',
  lines: ['标题', '研究两会有有关事宜'],
  notes: [],
  removedCount: 0,
  removedSample: '',
};
const yaml = `- file: x.txt\n  line: 2\n  from: 有有关\n  to: 有关\n  note: 重复\n  authority: 文意\n`;

/** The error parseCorrections throws for `text`. */
function failure(text: string): EditorialFileError {
  try {
    parseCorrections(text, 'c.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(EditorialFileError);
    return e as EditorialFileError;
  }
  throw new Error('expected an EditorialFileError');
}

describe('parseCorrections', () => {
  it('reads every field and keeps the YAML line of each entry', () => {
    const two = `# header\n${yaml}- file: 2020/y.txt\n  line: 1\n  from: 标\n  to: ""\n  note: n\n  authority: a\n  by: 编辑部\n  date: 2026-11-23\n`;
    expect(parseCorrections(two, 'c.yaml')).toEqual([
      {
        file: 'x.txt',
        line: 2,
        from: '有有关',
        to: '有关',
        note: '重复',
        authority: '文意',
        by: null,
        date: null,
        yamlLine: 2,
      },
      {
        file: '2020/y.txt',
        line: 1,
        from: '标',
        to: '',
        note: 'n',
        authority: 'a',
        by: '编辑部',
        date: '2026-11-23',
        yamlLine: 8,
      },
    ]);
    expect(parseCorrections('', 'c.yaml')).toEqual([]);
  });

  it('rejects incomplete corrections with the file name and line', () => {
    expect(failure('- file: x.txt\n  line: 2\n').message).toBe(
      [
        'c.yaml:1: correction 1: "from" is required',
        'c.yaml:1: correction 1: "to" is required',
        'c.yaml:1: correction 1: "note" is required',
        'c.yaml:1: correction 1: "authority" is required',
      ].join('\n'),
    );
  });

  it('reports every problem of every entry, and refuses numbers and booleans as text', () => {
    const e = failure(
      [
        '- file: x.txt',
        '  line: 2',
        '  from: 123',
        '  to: true',
        '  note: n',
        '  authority: a',
        '  colour: red',
        '- 5',
        '- file: y.txt',
        '  line: -1',
        '  from: ""',
        '  to: b',
        '  note: n',
        '  authority: a',
        '  date: 2021-02-30',
        '',
      ].join('\n'),
    );
    expect(e.problems).toEqual([
      { line: 3, message: 'correction 1: "from" must be text, not a number (put it in quotes)' },
      { line: 4, message: 'correction 1: "to" must be text, not true/false (put it in quotes)' },
      { line: 7, message: 'correction 1: unknown field "colour"' },
      { line: 8, message: 'correction 2 must be a mapping' },
      { line: 10, message: 'correction 3: "line" must be a line number (a whole number from 1)' },
      { line: 11, message: 'correction 3: "from" must not be empty' },
      { line: 15, message: 'correction 3: "date" must be YYYY-MM-DD' },
    ]);
    expect(e.message.split('\n')[0]).toBe(
      'c.yaml:3: correction 1: "from" must be text, not a number (put it in quotes)',
    );
    expect(e.message.split('\n')).toHaveLength(7);
  });

  it('reports a file that is not a list, and YAML syntax errors, with their line', () => {
    expect(failure('file: x.txt\n').message).toBe('c.yaml:1: corrections must be a list');
    expect(failure('- file: a\n  file: b\n').message).toBe(
      'c.yaml:2: corrections are not valid YAML: Map keys must be unique',
    );
  });
});

describe('checkCorrectionFiles', () => {
  it('reports corrections of files that are not seeds, with their YAML line', () => {
    const list = parseCorrections(
      `${yaml}${yaml.replace('x.txt', 'gone.txt')}${yaml.replace('x.txt', 'p03.txt')}`,
      'c.yaml',
    );
    expect(checkCorrectionFiles(list, ['x.txt', '2020/01/p03.txt'], 'c.yaml')).toEqual([
      { line: 7, message: 'no seed file "gone.txt": the correction of its line 2 is not applied' },
      {
        line: 13,
        message:
          'no seed file "p03.txt": the correction of its line 2 is not applied (did you mean "2020/01/p03.txt"?)',
      },
    ]);
    const unplaced = { ...list[1]!, yamlLine: undefined };
    expect(checkCorrectionFiles([unplaced], [], 'c.yaml')).toEqual([
      {
        message:
          'a correction in c.yaml: no seed file "gone.txt": the correction of its line 2 is not applied',
      },
    ]);
  });
});

describe('applyCorrections', () => {
  it('applies a correction to its line and records it', () => {
    const list = parseCorrections(yaml, 'c.yaml');
    const r = applyCorrections(source, list);
    expect(r.source.lines[1]).toBe('研究两会有关事宜');
    expect(r.source.text).toBe('标题\n研究两会有关事宜');
    expect(r.applied).toHaveLength(1);
    expect(applyCorrections({ ...source, file: 'y.txt' }, list).applied).toEqual([]);
  });
  it('does not apply a correction whose text is not in the line, and says so', () => {
    const r = applyCorrections(source, parseCorrections(yaml.replace('line: 2', 'line: 1'), 'c.yaml'));
    expect(r.applied).toEqual([]);
    expect(r.problems[0]!.message).toMatch(/occurs 0 times in line 1/);
  });
});
