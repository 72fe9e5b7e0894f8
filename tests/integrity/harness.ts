/**
 * Real builds for the integrity tests: `astro build` (as `npm run build` runs it) of a seed folder
 * made by the test, into a folder of its own with a cache of its own (or one given, to build
 * again on a kept cache), and the bytes of what it wrote.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { childEnv } from '../site/build.ts';

export const root = resolve(import.meta.dirname, '../..');
export const seeds = join(root, 'seeds');
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A copy of a folder as it is now (a kept output folder changes with the next build). */
export function snapshot(dir: string): string {
  const copy = join(temp('baokan-snapshot-'), 'dist');
  cpSync(dir, copy, { recursive: true });
  return copy;
}

export function temp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export interface Built {
  status: number | null;
  /** the build's output, stdout and stderr, without colour codes */
  log: string;
  dist: string;
}

/**
 * Build into a folder of its own inside the project (git-ignored .cache/), with a cache of its own:
 * Astro keeps a build's intermediate modules in the output folder when that lies inside the
 * project, and in the project's shared .astro/ otherwise, so these builds never meet the other
 * test builds running beside them. `project`: a copy of the project to build instead (projectCopy);
 * `outDir`: an output folder to build into again (a daily build keeps it, src/integrations/kept-output.ts).
 */
export function build(
  seedDir: string,
  env: Record<string, string> = {},
  project = root,
  outDir?: string,
): Built {
  mkdirSync(join(project, '.cache'), { recursive: true });
  const work = mkdtempSync(join(project, '.cache', 'integrity-'));
  made.push(work);
  const dist = outDir ?? join(work, 'dist');
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const r = spawnSync(process.execPath, [astro, 'build', '--outDir', dist], {
    cwd: project,
    env: childEnv({
      BAOKAN_SEEDS: seedDir,
      BAOKAN_CONTENT: join(root, 'content'),
      BAOKAN_CACHE_DIR: join(work, 'cache'),
      NO_COLOR: '1',
      ...env,
    }),
    encoding: 'utf8',
  });
  const log = `${r.stdout}\n${r.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: r.status, log, dist };
}

/** Every file below a folder: its path in the folder → sha256 of its bytes. */
export function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    out[relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}

/**
 * A copy of the project's build inputs (src/, content/, public/, the config files) in a folder of
 * its own inside .cache/, sharing node_modules, for a test that edits the code it builds.
 */
export function projectCopy(): string {
  mkdirSync(join(root, '.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, '.cache', 'integrity-project-'));
  made.push(dir);
  for (const f of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
    cpSync(join(root, f), join(dir, f), {
      recursive: true,
      // not the tests beside the code: the copy is built, never tested
      filter: (path) => !/\.test\.ts$/.test(path),
    });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}
