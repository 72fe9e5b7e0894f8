/**
 * Build integrity, end to end: real builds (`astro build`, as `npm run build` runs it) of seed
 * folders made here with hostile and unlucky input — what cannot be committed (a FIFO, a symbolic
 * link loop) is made by the test. Each case asserts the exact lines the build prints and its exit
 * code: the build publishes everything it was given, or fails and says what it could not publish.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, hashes, root, seeds, temp } from './harness.ts';

/** Lines of the log logged by one of baokan's loggers, without time and logger name. */
function lines(log: string, level: 'ERROR' | 'WARN' | 'any' = 'any'): string[] {
  return log
    .split('\n')
    .filter((l) => (level === 'any' ? /\[baokan-/.test(l) : l.includes(`[${level}] [baokan-`)))
    .map((l) => l.replace(/^.*?\[baokan-[a-z]+\] /, ''));
}

/** A short article with neither paper nor date: an undated issue of an unknown paper. */
const undated = (n: string) =>
  `社区${n}举办读书会\n\n本周末，社区${n}在活动中心举办读书会，三十多位居民参加，交流读书心得。\n`;

describe('a seed folder with hostile and unlucky input', () => {
  const dir = temp('baokan-integrity-seeds-');
  for (const f of readdirSync(seeds)) cpSync(join(seeds, f), join(dir, f));
  // the same issue again, and an issue in two files (one per 版)
  cpSync(join(seeds, '000_846a23c3b34aff37.txt'), join(dir, '000_dup.txt'));
  // undated files whose names an ASCII slug cannot tell apart
  for (const n of ['甲', '乙', '丙']) writeFileSync(join(dir, `${n}.txt`), undated(n));
  // what cannot be committed
  expect(spawnSync('mkfifo', [join(dir, 'fifo.txt')]).status).toBe(0);
  symlinkSync('loop.txt', join(dir, 'loop.txt'));
  writeFileSync(join(dir, 'notes.md'), '# not an issue\n');
  mkdirSync(join(dir, '.git'));

  const failed = build(dir);
  const allowed = build(dir, { BAOKAN_ALLOW_SKIPPED: '1' });

  it('fails, naming every file it could not publish in one line, without a stack trace', () => {
    expect(failed.status).toBe(1);
    expect(lines(failed.log, 'ERROR')).toEqual([
      'skipped fifo.txt: not a regular file (FIFO): skipped without reading',
      'skipped loop.txt: symbolic link loop: skipped',
      'skipped notes.md: not a seed: only .txt and .pdf files (and .yaml hints beside them) are read',
      '3 thing(s) given were not published (listed above); fix them, or set BAOKAN_ALLOW_SKIPPED=1 to publish the rest anyway',
    ]);
    expect(failed.log).not.toMatch(/\n\s+at /);
    expect(failed.log).not.toMatch(/Stack trace/);
  });

  it('prints an account of what it read and published', () => {
    const account = lines(allowed.log).filter((l) => !l.startsWith('  '));
    expect(account).toContain(
      `9 seed file(s) in ${dir}: 9 parsed into 8 issue(s), 12 page(s), 55 article(s) published`,
    );
    expect(account).toContain('3 thing(s) given were not published:');
    expect(allowed.status).toBe(0);
  });

  it('keeps both texts of a repeated issue: no route conflict, no page lost', () => {
    expect(allowed.log).not.toMatch(/conflicts with higher priority route/);
    const issue = join(allowed.dist, 'hengyang-daily/2021/03/06');
    // (without the pre-compressed .br/.gz siblings, src/integrations/compress.ts)
    expect(
      readdirSync(issue)
        .filter((f) => !/\.(?:br|gz)$/.test(f))
        .sort(),
    ).toEqual([
      '1',
      '1-2',
      '2',
      '2-2',
      'card.png',
      'index.html',
      'issue.json',
      'issue.md',
      'source-1.txt',
      'source-2.txt',
    ]);
    expect(readFileSync(join(issue, 'source-2.txt'))).toEqual(
      readFileSync(join(seeds, '000_846a23c3b34aff37.txt')),
    );
    expect(lines(allowed.log, 'WARN')).toContain(
      '000_dup.txt:3: page 1 appears twice: 000_846a23c3b34aff37.txt:3 and 000_dup.txt:3; both are kept, the second as a variant (1-2)',
    );
    const date = readFileSync(join(allowed.dist, 'date/2021-03-06/index.html'), 'utf8');
    const links = [...date.matchAll(/href="([^"]*hengyang-daily\/2021\/03\/06\/index\.html)"/g)].map(
      (m) => m[1],
    );
    expect(new Set(links).size).toBe(links.length);
  });

  it('gives the same site, byte for byte, when built twice from the same input (search included)', () => {
    const a = hashes(failed.dist);
    const b = hashes(allowed.dist);
    expect(Object.keys(a).filter((f) => f.startsWith('pagefind/')).length).toBeGreaterThan(5);
    // pre-compressed siblings (src/integrations/compress.ts) included
    expect(Object.keys(a).filter((f) => /\.html\.(?:br|gz)$/.test(f)).length).toBeGreaterThan(50);
    expect(b).toEqual(a);
  });

  it('publishes undated files with names that slug alike as issues of their own', () => {
    const undatedDir = join(allowed.dist, 'unknown/undated');
    const issues = readdirSync(undatedDir);
    expect(issues).toHaveLength(3);
    for (const n of ['甲', '乙', '丙']) {
      const found = issues.filter((i) =>
        readFileSync(join(undatedDir, i, 'index.html'), 'utf8').includes(`社区${n}举办读书会`),
      );
      expect(found, n).toHaveLength(1);
    }
  });
});

describe('builds that publish nothing, or use an editorial file wrongly', () => {
  it('fails when the seed folder is empty (and says the corrections went unused)', () => {
    const empty = temp('baokan-integrity-empty-');
    const r = build(empty);
    expect(r.status).toBe(1);
    expect(lines(r.log, 'ERROR')).toEqual([
      `${root}/content/corrections.yaml:7: no seed file "004_0d7d69333001dc5b.txt": the correction of its line 94 is not applied`,
      `no issue was published from ${empty}`,
      '1 thing(s) given were not published (listed above); fix them, or set BAOKAN_ALLOW_SKIPPED=1 to publish the rest anyway',
    ]);
  });

  it('fails on a seed folder that is not there, or not a folder, in one line without a stack trace', () => {
    const missing = join(temp('baokan-integrity-missing-'), 'seeds');
    const r = build(missing);
    expect(r.status).toBe(1);
    expect(lines(r.log, 'ERROR')).toEqual([
      `${missing}: no such folder`,
      'the build stops: nothing to publish without the seed folder',
    ]);
    expect(r.log).not.toMatch(/\n\s+at /);
    expect(r.log).not.toMatch(/Stack trace/);
    const file = join(temp('baokan-integrity-file-'), 'seeds.txt');
    writeFileSync(file, undated('甲'));
    expect(lines(build(file).log, 'ERROR')).toEqual([
      `${file}: not a folder`,
      'the build stops: nothing to publish without the seed folder',
    ]);
  });

  it('fails on a paper id that is one of the site’s own folders, in one line', () => {
    const content = temp('baokan-integrity-content-');
    cpSync(join(root, 'content'), content, { recursive: true });
    const papers = join(content, 'papers.json');
    writeFileSync(papers, readFileSync(papers, 'utf8').replace('"id": "hengyang-daily"', '"id": "pagefind"'));
    const r = build(seeds, { BAOKAN_CONTENT: content });
    expect(r.status).toBe(1);
    const errors = lines(r.log, 'ERROR');
    expect(errors[0]).toMatch(
      new RegExp(`^${papers}:\\d+: paper id "pagefind" is reserved \\(the site's own folders: `),
    );
    expect(errors[1]).toBe('the build stops: fix the editorial file above');
    expect(r.log).not.toMatch(/\n\s+at /);
    expect(existsSync(join(r.dist, 'pagefind'))).toBe(false);
  });

  it('fails on corrections that are malformed (every problem, with its YAML line) or name no seed', () => {
    const content = temp('baokan-integrity-content-');
    cpSync(join(root, 'content'), content, { recursive: true });
    const corrections = join(content, 'corrections.yaml');
    writeFileSync(
      corrections,
      [
        '- file: 004_0d7d69333001dc5b.txt',
        '  line: 94',
        '  from: 123',
        '  to: 两会有关事宜',
        '  note: n',
        '  authority: a',
        '- file: 004_0d7d69333001dc5b.txt',
        '  line: zero',
        '  from: x',
        '  to: y',
        '  note: n',
        '  authority: a',
        '',
      ].join('\n'),
    );
    const bad = build(seeds, { BAOKAN_CONTENT: content });
    expect(bad.status).toBe(1);
    const errors = lines(bad.log, 'ERROR');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(new RegExp(`^${corrections}:3: `));
    expect(errors[1]).toMatch(new RegExp(`^${corrections}:8: `));
    expect(bad.log).not.toMatch(/\n\s+at /);

    writeFileSync(
      corrections,
      ['- file: 999.txt', '  line: 1', '  from: x', '  to: y', '  note: n', '  authority: a', ''].join('\n'),
    );
    const stray = build(seeds, { BAOKAN_CONTENT: content });
    expect(stray.status).toBe(1);
    expect(lines(stray.log, 'ERROR')[0]).toBe(
      `${corrections}:1: no seed file "999.txt": the correction of its line 1 is not applied`,
    );
  });
});
