/** The command line: JSON on stdout, errors naming the file on stderr, exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const tsx = resolve(root, 'node_modules/tsx/dist/cli.mjs');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [tsx, 'scripts/parse.ts', ...args], { cwd: root, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'baokan-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run parse', () => {
  it('prints one issue as JSON', () => {
    const r = run('seeds/004_0d7d69333001dc5b.txt');
    expect(r.status).toBe(0);
    const issue = JSON.parse(r.stdout);
    expect(issue.schema).toBe('baokan/issue@2');
    expect(issue.id).toBe('hengyang-daily-2021-12-09');
    expect(issue.corrections[0].to).toBe('两会有关事宜');
  });
  it('prints several issues as an array and reports bad files by name', () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = run('seeds/003_535e0761a6686cfc.txt', join(dir, 'empty.txt'));
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain('error: empty.txt: empty file');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('prints usage without arguments', () => {
    const r = run();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run parse/);
  });
});
