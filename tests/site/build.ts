/**
 * Builds the site once per test run into temporary folders: at the domain root and under a base
 * path (as a GitHub Pages project site is served). Used by the site checks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

export function build(base: string, env: Record<string, string> = {}): string {
  const outDir = mkdtempSync(join(tmpdir(), 'baokan-site-'));
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const r = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: root,
    env: { ...process.env, BAOKAN_BASE: base, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0 || !existsSync(join(outDir, 'index.html'))) {
    throw new Error(`astro build (base ${base}) failed:\n${r.stdout}\n${r.stderr}`);
  }
  return outDir;
}
