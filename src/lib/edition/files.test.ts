/**
 * Seed folder listing and reading, on hostile folders made at test time (FIFOs, symbolic link
 * loops, unreadable files cannot be committed).
 */
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCodePoints, listSeedFiles, readSeedBytes } from './files.ts';
import { InputError } from '../parse/read.ts';

let dir = '';

function fifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
}

/** Run fn, expect an InputError, return its message. */
function inputError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError to be thrown');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baokan-files-'));
  const w = (name: string, text = '衡阳日报\n'): void => writeFileSync(join(dir, name), text);
  w('000_a.txt');
  w('000_a.yaml', 'date: 2021-03-06\n');
  w('001_B.TXT');
  w('001_B.yml', 'pages: [1]\n');
  w('orphan.yaml', 'date: 2021-03-06\n');
  w('notes.md', '# notes\n');
  w('.gitkeep', '');
  w('.DS_Store', '');
  w('README.md', 'about the seeds\n');
  mkdirSync(join(dir, '.hidden'));
  w('.hidden/secret.txt');
  mkdirSync(join(dir, '2020/01'), { recursive: true });
  w('2020/01/p03.txt');
  w('2020/01/p03.yaml', 'pages: [3]\n');
  w('2020/01/p03.json', '{}');
  mkdirSync(join(dir, 'folder.txt'));
  w('folder.txt/inside.txt');
  fifo(join(dir, 'pipe.txt'));
  symlinkSync('loop.txt', join(dir, 'loop.txt'));
  symlinkSync('nowhere.txt', join(dir, 'dangling.txt'));
  symlinkSync('000_a.txt', join(dir, 'link.txt'));
  symlinkSync('2020', join(dir, 'again'));
  symlinkSync('pipe.txt', join(dir, 'pipe-link.txt'));
  writeFileSync(Buffer.concat([Buffer.from(join(dir, 'bad')), Buffer.from([0xff]), Buffer.from('.txt')]), '');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('listSeedFiles', () => {
  it('finds seeds in sub-folders, pairs hints, and reports every other entry', () => {
    const r = listSeedFiles(dir);
    expect(r.seeds).toEqual([
      { path: join(dir, '000_a.txt'), name: '000_a.txt' },
      { path: join(dir, '001_B.TXT'), name: '001_B.TXT' },
      { path: join(dir, '2020/01/p03.txt'), name: '2020/01/p03.txt' },
      { path: join(dir, 'link.txt'), name: 'link.txt' },
    ]);
    expect([...r.hints]).toEqual([
      ['000_a.txt', join(dir, '000_a.yaml')],
      ['001_B.TXT', join(dir, '001_B.yml')],
      ['2020/01/p03.txt', join(dir, '2020/01/p03.yaml')],
    ]);
    expect(r.problems.map((p) => p.message)).toEqual([
      '2020/01/p03.json: not a seed: only .txt and .pdf files (and .yaml hints beside them) are read',
      'again: symbolic link to a folder already read (2020): skipped',
      'bad\uFFFD.txt: file name is not valid UTF-8: skipped (rename it)',
      'dangling.txt: dangling symbolic link (points to "nowhere.txt"): skipped',
      'folder.txt: is a folder, not a file: skipped (folder names must not end in .txt or .pdf)',
      'loop.txt: symbolic link loop: skipped',
      'notes.md: not a seed: only .txt and .pdf files (and .yaml hints beside them) are read',
      'orphan.yaml: hints without a seed: there is no orphan.txt (or .pdf) beside it',
      'pipe-link.txt: not a regular file (symbolic link to a FIFO): skipped without reading',
      'pipe.txt: not a regular file (FIFO): skipped without reading',
    ]);
    for (const p of r.problems) expect(p.message.startsWith(`${p.file}: `)).toBe(true);
  });

  it('accepts a relative folder path and gives absolute paths', () => {
    const r = listSeedFiles(join(dir, '2020', '..', '2020'));
    expect(r.seeds).toEqual([{ path: join(dir, '2020/01/p03.txt'), name: '01/p03.txt' }]);
    expect(r.seeds[0]!.path).toBe(resolve(r.seeds[0]!.path));
  });

  it('reports a folder linked back to an ancestor once, instead of looping', () => {
    const sub = mkdtempSync(join(tmpdir(), 'baokan-cycle-'));
    try {
      mkdirSync(join(sub, 'a'));
      writeFileSync(join(sub, 'a/x.txt'), '衡阳日报\n');
      symlinkSync('..', join(sub, 'a/up'));
      const r = listSeedFiles(sub);
      expect(r.seeds.map((s) => s.name)).toEqual(['a/x.txt']);
      expect(r.problems.map((p) => p.message)).toEqual([
        'a/up: symbolic link to a folder already read (the seed folder itself): skipped',
      ]);
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });

  it('sorts by code point, not by UTF-16 unit', () => {
    // U+1F4F0 (a surrogate pair) sorts after U+FF21 by code point, before it by UTF-16 unit.
    expect(['\u{1F4F0}.txt', '\uFF21.txt', 'a.txt'].sort(compareCodePoints)).toEqual([
      'a.txt',
      '\uFF21.txt',
      '\u{1F4F0}.txt',
    ]);
  });

  it('refuses a missing folder or a file with one line', () => {
    expect(inputError(() => listSeedFiles(join(dir, 'nope')))).toBe(`${join(dir, 'nope')}: no such folder`);
    expect(inputError(() => listSeedFiles(join(dir, '000_a.txt')))).toBe(
      `${join(dir, '000_a.txt')}: not a folder`,
    );
  });
});

describe('readSeedBytes', () => {
  it('reads a seed, also through a symbolic link', () => {
    expect(new TextDecoder().decode(readSeedBytes(join(dir, '000_a.txt'), '000_a.txt'))).toBe('衡阳日报\n');
    expect(readSeedBytes(join(dir, 'link.txt'), 'link.txt')).toBeInstanceOf(Uint8Array);
  });

  it('refuses a FIFO without blocking, and other unreadable paths with one line', () => {
    expect(inputError(() => readSeedBytes(join(dir, 'pipe.txt'), 'pipe.txt'))).toBe(
      'pipe.txt: not a regular file (FIFO): skipped without reading',
    );
    expect(inputError(() => readSeedBytes(join(dir, 'loop.txt'), 'loop.txt'))).toBe(
      'loop.txt: symbolic link loop',
    );
    expect(inputError(() => readSeedBytes(join(dir, 'folder.txt'), 'folder.txt'))).toBe(
      'folder.txt: not a regular file (folder): skipped without reading',
    );
    expect(inputError(() => readSeedBytes(join(dir, 'gone.txt'), 'gone.txt'))).toBe(
      'gone.txt: no such file (removed while the build was running?)',
    );
    expect(inputError(() => readSeedBytes(join(dir, '000_a.txt', 'x.txt'), 'x.txt'))).toBe(
      'x.txt: no such file (a part of its path is not a folder)',
    );
  });

  it('refuses a seed replaced by a FIFO after listing', () => {
    const path = join(dir, 'swap.txt');
    writeFileSync(path, '衡阳日报\n');
    const [seed] = listSeedFiles(dir).seeds.filter((s) => s.name === 'swap.txt');
    unlinkSync(path);
    fifo(path);
    try {
      expect(inputError(() => readSeedBytes(seed!.path, seed!.name))).toBe(
        'swap.txt: not a regular file (FIFO): skipped without reading',
      );
    } finally {
      unlinkSync(path);
    }
  });
});

describe('permissions', () => {
  /**
   * An unreadable file and folder. Root reads them anyway, so as root the check runs in a child
   * process as user nobody (setpriv); the temp folder is world-readable, only the two entries are not.
   */
  it('reports an unreadable file and folder, and refuses to read the file', () => {
    const sub = mkdtempSync(join(tmpdir(), 'baokan-perm-'));
    try {
      chmodSync(sub, 0o755);
      writeFileSync(join(sub, 'ok.txt'), '衡阳日报\n');
      writeFileSync(join(sub, 'locked.txt'), '衡阳日报\n');
      chmodSync(join(sub, 'locked.txt'), 0o000);
      mkdirSync(join(sub, 'closed'));
      writeFileSync(join(sub, 'closed/in.txt'), '衡阳日报\n');
      chmodSync(join(sub, 'closed'), 0o000);

      const script = `
        import { listSeedFiles, readSeedBytes } from ${JSON.stringify(resolve('src/lib/edition/files.ts'))};
        const dir = ${JSON.stringify(sub)};
        const r = listSeedFiles(dir);
        let read = '';
        try { readSeedBytes(dir + '/locked.txt', 'locked.txt'); } catch (e) { read = e.message; }
        console.log(JSON.stringify({ seeds: r.seeds.map((s) => s.name), problems: r.problems.map((p) => p.message), read }));
      `;
      let out: string;
      if (process.getuid?.() === 0) {
        const r = spawnSync(
          'setpriv',
          [
            '--reuid=65534',
            '--regid=65534',
            '--clear-groups',
            process.execPath,
            '--input-type=module',
            '-e',
            script,
          ],
          { encoding: 'utf8', cwd: sub },
        );
        expect(r.stderr).toBe('');
        out = r.stdout;
      } else {
        const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
        expect(r.stderr).toBe('');
        out = r.stdout;
      }
      expect(JSON.parse(out)).toEqual({
        seeds: ['ok.txt'],
        problems: ['closed: folder not read: permission denied', 'locked.txt: permission denied: skipped'],
        read: 'locked.txt: permission denied',
      });
    } finally {
      chmodSync(join(sub, 'closed'), 0o755);
      rmSync(sub, { recursive: true, force: true });
    }
  });
});
