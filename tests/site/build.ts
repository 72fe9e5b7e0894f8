/**
 * Builds the site once per test run into temporary folders: at the domain root and under a base
 * path (as a GitHub Pages project site is served). Used by the site checks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

/**
 * The environment for a child build: this process's, without the variables Vite sets in a test
 * worker (BASE_URL, MODE, DEV, PROD, SSR) — Astro would take BASE_URL over BAOKAN_BASE.
 */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[k];
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * Build into a new folder inside the project (the git-ignored .cache/) with a cache of its own.
 * Astro keeps a build's intermediate modules in its output folder when that lies inside the
 * project, and in the project's one .astro/ folder otherwise: builds outside the project that run
 * at the same time (two test runs, a test run and a developer's build) would overwrite each other's.
 */
export function build(base: string, env: Record<string, string> = {}): string {
  mkdirSync(join(root, '.cache'), { recursive: true });
  const work = mkdtempSync(join(root, '.cache', 'site-'));
  const outDir = join(work, 'dist');
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const r = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: root,
    env: childEnv({ BAOKAN_BASE: base, BAOKAN_CACHE_DIR: join(work, 'cache'), ...env }),
    encoding: 'utf8',
  });
  if (r.status !== 0 || !existsSync(join(outDir, 'index.html'))) {
    throw new Error(`astro build (base ${base}) failed:\n${r.stdout}\n${r.stderr}`);
  }
  return outDir;
}
