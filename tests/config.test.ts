/**
 * astro.config.mjs must load with Node itself (type stripping), not through Astro's fallback:
 * when Node cannot import it, Astro loads it with a Vite module runner that is closed before the
 * build's last hooks run, and a dynamic import there (the share cards' satori and sharp) fails
 * with "Vite module runner has been closed".
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from './support/seed-edition.ts';

it('astro.config.mjs loads with Node', () => {
  const node = join(repoRoot, 'node_modules/.bin/node');
  const r = spawnSync(node, ['--input-type=module', '-e', "await import('./astro.config.mjs')"], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
