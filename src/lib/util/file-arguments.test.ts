/** The scripts' file-list command line, read by node:util parseArgs. */
import { describe, expect, it } from 'vitest';
import { fileArguments } from './file-arguments.ts';

const USAGE = 'usage: npm run parse -- <file.txt> [more files]';

describe('fileArguments', () => {
  it.each([
    ['one file', ['a.txt'], { files: ['a.txt'] }],
    ['several files, in order', ['b.txt', 'a.txt'], { files: ['b.txt', 'a.txt'] }],
    [
      'files after the option terminator, even one that looks like an option',
      ['--', '-x.txt'],
      { files: ['-x.txt'] },
    ],
    ['no files: usage, exit 2', [], { exit: 2, message: USAGE }],
    ['--help: usage, exit 0', ['--help', 'a.txt'], { exit: 0, message: USAGE }],
    ['-h: usage, exit 0', ['-h'], { exit: 0, message: USAGE }],
  ])('%s', (_what, argv, expected) => {
    expect(fileArguments(argv, USAGE)).toEqual(expected);
  });

  it('refuses an unknown option with one line naming it, then the usage', () => {
    const r = fileArguments(['--frobnicate', 'a.txt'], USAGE);
    expect(r).toMatchObject({ exit: 2 });
    const lines = (r as { message: string }).message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("'--frobnicate'");
    expect(lines[1]).toBe(USAGE);
  });
});
