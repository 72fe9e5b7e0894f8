/** Hints beside a seed: validated by zod, every problem reported with its YAML line. */
import { describe, expect, it } from 'vitest';
import { EditorialFileError } from './corrections.ts';
import { parseHints } from './hints.ts';
import { InputError } from '../parse/read.ts';

/** The error parseHints throws for `source`. */
function failure(source: string): EditorialFileError {
  try {
    parseHints(source, 'x.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(EditorialFileError);
    expect(e).toBeInstanceOf(InputError);
    return e as EditorialFileError;
  }
  throw new Error('expected an EditorialFileError');
}

describe('hints', () => {
  it('reads paper, date and pages', () => {
    expect(parseHints('paper: hengyang-daily\ndate: 2021-03-06\npages: [1, 3]\n', 'x.yaml')).toEqual({
      paper: 'hengyang-daily',
      date: '2021-03-06',
      pages: [1, 3],
    });
    expect(parseHints('paper: " 衡阳日报 "\n', 'x.yaml')).toEqual({ paper: '衡阳日报' });
    expect(parseHints('', 'x.yaml')).toEqual({});
    expect(parseHints('# nothing yet\n', 'x.yaml')).toEqual({});
  });

  it('takes a YAML 1.1 date as a date', () => {
    expect(parseHints('%YAML 1.1\n---\ndate: 2021-03-06\n', 'x.yaml')).toEqual({ date: '2021-03-06' });
  });

  it('reports every problem with its line', () => {
    const e = failure('colour: red\npaper: 12\ndate: 2021-02-30\npages: [0, x, 2]\n');
    expect(e.message).toBe(
      [
        'x.yaml:1: unknown hint "colour" (allowed: paper, date, pages)',
        'x.yaml:2: paper must be text, not a number (put it in quotes)',
        'x.yaml:3: date must be YYYY-MM-DD',
        'x.yaml:4: pages must be a list of positive whole numbers',
      ].join('\n'),
    );
    expect(e.problems).toEqual([
      { line: 1, message: 'unknown hint "colour" (allowed: paper, date, pages)' },
      { line: 2, message: 'paper must be text, not a number (put it in quotes)' },
      { line: 3, message: 'date must be YYYY-MM-DD' },
      { line: 4, message: 'pages must be a list of positive whole numbers' },
    ]);
    expect(e.file).toBe('x.yaml');
    expect(e.line).toBe(1);
  });

  it('refuses what is not a mapping, empty text and non-text', () => {
    expect(failure('- 1\n').message).toBe('x.yaml:1: hints must be a mapping');
    expect(failure('paper: "  "\n').message).toBe('x.yaml:1: paper must not be empty');
    expect(failure('paper: true\ndate: 20210306\n').message).toBe(
      'x.yaml:1: paper must be text, not true/false (put it in quotes)\n' +
        'x.yaml:2: date must be text, not a number (put it in quotes)',
    );
    expect(failure('pages: 3\n').message).toBe('x.yaml:1: pages must be a list of positive whole numbers');
  });

  it('reports YAML syntax errors with their line', () => {
    expect(failure('paper: a\ndate: [1,\n').message).toBe(
      'x.yaml:3: hints are not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    expect(failure('paper: a\npaper: b\n').message).toBe(
      'x.yaml:2: hints are not valid YAML: Map keys must be unique',
    );
  });
});
