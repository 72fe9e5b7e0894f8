import type { AstroIntegration } from 'astro';
import { constants } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import gcTime, { countGc, gcLine, noGcTime } from './gc-time.ts';

const entry = (kind: number, duration: number) => ({ duration, detail: { kind } });

describe('garbage collection time', () => {
  it('counts pauses by kind', () => {
    const t = countGc(noGcTime(), [
      entry(constants.NODE_PERFORMANCE_GC_MINOR, 2),
      entry(constants.NODE_PERFORMANCE_GC_MINOR, 3),
      entry(constants.NODE_PERFORMANCE_GC_MAJOR, 400),
      entry(constants.NODE_PERFORMANCE_GC_INCREMENTAL, 7),
    ]);
    expect(t).toEqual({ pauses: 4, minor: 5, major: 400, other: 7 });
  });

  it('says it in one line, with the part until the pages were rendered', () => {
    const t = { pauses: 1200, minor: 3160, major: 8700, other: 60 };
    expect(gcLine(t, { pauses: 900, minor: 2500, major: 6000, other: 50 })).toBe(
      "garbage collection paused the build's thread for 11.9 s in 1200 pause(s): 3.2 s minor, 8.7 s major, " +
        '0.1 s incremental; 8.6 s of it until the pages were rendered',
    );
    expect(gcLine(t, null)).not.toContain('until');
  });

  it("the integration observes a build's real collections and logs them at its end", async () => {
    const { hooks } = gcTime() as AstroIntegration;
    const call = (hook: string, o: object) => (hooks as Record<string, (o: object) => unknown>)[hook]!(o);
    const logged: string[] = [];
    call('astro:config:setup', { command: 'build' });
    // garbage enough for several scavenges
    let keep = 0;
    for (let i = 0; i < 2_000_000; i++) keep += { i, s: `x${i}` }.s.length;
    await new Promise((r) => setTimeout(r, 20));
    call('astro:build:generated', {});
    call('astro:build:done', { logger: { info: (l: string) => logged.push(l) } });
    expect(keep).toBeGreaterThan(0);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      /paused the build's thread for [\d.]+ s in [1-9]\d* pause\(s\).*until the pages/,
    );
  });

  it('does nothing outside a build', () => {
    const { hooks } = gcTime() as AstroIntegration;
    const call = (hook: string, o: object) => (hooks as Record<string, (o: object) => unknown>)[hook]!(o);
    const logged: string[] = [];
    call('astro:config:setup', { command: 'dev' });
    call('astro:build:done', { logger: { info: (l: string) => logged.push(l) } });
    expect(logged).toEqual([]);
  });
});
