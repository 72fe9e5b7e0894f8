/**
 * Proves the benchmark script works end to end on a small archive (no timing assertions: the
 * benchmark prints numbers, it does not judge them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
// Inside the repo (bench-out/ is git-ignored), so Astro keeps its prerender chunks below the outDir.
mkdirSync(join(repo, 'bench-out'), { recursive: true });
const out = mkdtempSync(join(repo, 'bench-out', 'test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const bench = (args: string[]) =>
  execFileSync('npx', ['tsx', 'scripts/bench.ts', ...args], {
    cwd: repo,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });

describe('npm run bench', () => {
  it('documents its options in --help', () => {
    const help = bench(['--help']);
    for (const o of ['--years', '--issues', '--papers', '--out', '--keep', '--skip-search', '--skip-bare'])
      expect(help).toContain(o);
  });

  it('generates, parses and builds 20 issues and reports the numbers', { timeout: 180_000 }, () => {
    const text = bench(['--issues', '20', '--skip-search', '--skip-bare', '--out', out]);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    // 20 issues of both papers (10 days), 8 pages each, 6–8 articles a page.
    expect(result.counts.issues).toBe(20);
    expect(result.counts.pages).toBe(160);
    expect(result.counts.articles).toBeGreaterThanOrEqual(20 * 8 * 6);
    expect(result.counts.articles).toBeLessThanOrEqual(20 * 8 * 8);
    expect(result.parse.warnings).toEqual({});
    expect(result.build.ms).toBeGreaterThan(0);
    expect(result.build.peakRss).toBeGreaterThan(0);
    expect(result.build.stages.content).not.toBeNull();
    expect(result.search).toBeNull();
    expect(result.bare).toBeNull();
    expect(text).toMatch(/^issues\s+20$/m);
    expect(text).toMatch(/^astro build total\s/m);
    // Without --keep the archive and the build are removed, the result stays.
    expect(existsSync(join(out, 'archive'))).toBe(false);
    expect(existsSync(join(out, 'dist'))).toBe(false);
  });
});
