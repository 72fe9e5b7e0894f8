import { describe, expect, it } from 'vitest';
import { readOptions } from './script-options.ts';

const spec = { check: 'boolean', pages: 'string' } as const;
const usage = 'usage: npm run eval -- [--check] [--pages TEXT]';

describe('readOptions', () => {
  it.each([
    [[], {}],
    [['--check'], { check: true }],
    [['--', '--pages', 'rmrb'], { pages: 'rmrb' }],
    [['--check', '--pages=seeds'], { check: true, pages: 'seeds' }],
  ])('%j → %j', (argv, values) => {
    expect(readOptions(argv, spec, usage)).toEqual({ values });
  });

  it('answers --help with the usage, and an unknown option or a stray word with one line and exit 2', () => {
    expect(readOptions(['-h'], spec, usage)).toEqual({ exit: 0, message: usage });
    const unknown = readOptions(['--chek'], spec, usage);
    expect(unknown).toMatchObject({ exit: 2 });
    expect('message' in unknown && unknown.message.split('\n')).toEqual([
      expect.stringContaining("'--chek'"),
      usage,
    ]);
    expect(readOptions(['rmrb'], spec, usage)).toMatchObject({ exit: 2 });
    expect(readOptions(['--pages'], spec, usage)).toMatchObject({ exit: 2 });
  });
});
