import { execFileSync } from 'node:child_process';
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import heapGrowth, { DEFAULT_HEAP_GROWTH, heapGrowthFlag } from './heap-growth.ts';

describe('BAOKAN_HEAP_GROWTH', () => {
  it('is 300 % unless set; 0 leaves V8 its own choice', () => {
    expect(heapGrowthFlag({})).toBe(`--heap-growing-percent=${DEFAULT_HEAP_GROWTH}`);
    expect(heapGrowthFlag({ BAOKAN_HEAP_GROWTH: '' })).toBe('--heap-growing-percent=300');
    expect(heapGrowthFlag({ BAOKAN_HEAP_GROWTH: ' 50 ' })).toBe('--heap-growing-percent=50');
    expect(heapGrowthFlag({ BAOKAN_HEAP_GROWTH: '0' })).toBeUndefined();
  });

  it('must be a whole percentage, and the error names the setting', () => {
    for (const bad of ['-1', '1.5', 'lots', '1001', '1e9'])
      expect(() => heapGrowthFlag({ BAOKAN_HEAP_GROWTH: bad })).toThrow(
        new RegExp(
          `^BAOKAN_HEAP_GROWTH must be a whole number from 0 to 1000 \\(a percentage\\), not "${bad}"$`,
        ),
      );
  });
});

describe('the heap-growth integration', () => {
  /** The flags the integration sets through a run of its hooks (`generated`: the pages rendered). */
  const flagsSet = (env: NodeJS.ProcessEnv, command: string, generated = false) => {
    const set: string[] = [];
    const { hooks } = heapGrowth(env, (f) => set.push(f)) as AstroIntegration;
    (hooks['astro:config:setup'] as (o: object) => void)({ command, logger: { debug: () => {} } });
    if (generated) (hooks['astro:build:generated'] as (o: object) => void)({});
    return set;
  };

  it('sets the flag for a build only', () => {
    expect(flagsSet({}, 'build')).toEqual(['--heap-growing-percent=300']);
    expect(flagsSet({ BAOKAN_HEAP_GROWTH: '40' }, 'build')).toEqual(['--heap-growing-percent=40']);
    expect(flagsSet({ BAOKAN_HEAP_GROWTH: '0' }, 'build')).toEqual([]);
    expect(flagsSet({}, 'dev')).toEqual([]);
    expect(flagsSet({}, 'sync')).toEqual([]);
  });

  it('gives the choice back to V8 once the pages are rendered', () => {
    expect(flagsSet({}, 'build', true)).toEqual(['--heap-growing-percent=300', '--heap-growing-percent=0']);
    expect(flagsSet({ BAOKAN_HEAP_GROWTH: '0' }, 'build', true)).toEqual([]);
  });

  it('changes how often V8 collects when set at run time, as the integration sets it', () => {
    // A process holding a live heap while short-lived batches are promoted and dropped: with the
    // heap allowed to grow by a tenth it needs several times the full collections it needs at 300 %.
    const child = `
      import { setFlagsFromString } from 'node:v8';
      import { PerformanceObserver, constants } from 'node:perf_hooks';
      setFlagsFromString('--heap-growing-percent=' + process.argv[1]);
      let majors = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
      }).observe({ entryTypes: ['gc'] });
      const live = Array.from({ length: 600000 }, (_, i) => ({ i, s: 'live-' + i }));
      let held = [];
      for (let round = 0; round < 30; round++) {
        held = Array.from({ length: 100000 }, (_, i) => ({ round, i, s: 't-' + round + '-' + i }));
        await new Promise((r) => setImmediate(r));
      }
      setTimeout(() => console.log(majors, live.length + held.length), 10);`;
    const majors = (percent: number) => {
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', child, String(percent)], {
        encoding: 'utf8',
      });
      const [count, kept] = out.trim().split(' ').map(Number);
      expect(kept).toBe(700000);
      return count!;
    };
    const tight = majors(10);
    const loose = majors(300);
    expect(tight).toBeGreaterThan(2 * loose);
  }, 30_000);
});
