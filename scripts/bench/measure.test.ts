import { describe, expect, it } from 'vitest';
import { cpuBetween, cpuOf, run } from './measure.ts';

describe('CPU time from /proc', () => {
  it('reads a process its own CPU time, and 0 for one that is gone', () => {
    const before = cpuOf(process.pid);
    const until = performance.now() + 150;
    while (performance.now() < until); // busy for 150 ms
    expect(cpuOf(process.pid) - before).toBeGreaterThanOrEqual(100);
    expect(cpuOf(2 ** 22 + 1)).toBe(0); // above the kernel's largest pid
  });

  it("sums a child's CPU time, not its idle wall time", async () => {
    const busy = await run(process.execPath, ['-e', 'const t=Date.now()+600;while(Date.now()<t);'], {
      interval: 50,
    });
    const idle = await run(process.execPath, ['-e', 'setTimeout(()=>{},600)'], { interval: 50 });
    expect(busy.code).toBe(0);
    expect(busy.cpuMs).toBeGreaterThanOrEqual(400);
    expect(idle.cpuMs).toBeLessThan(busy.cpuMs / 2);
  });

  it('samples the CPU time so far, so that a stretch of the run has its own CPU time and cores', async () => {
    // idle for 400 ms, then busy for 600 ms; the child says when, for a machine slow to start it
    const child =
      "console.log('ready');setTimeout(()=>{console.log('go');const t=Date.now()+600;while(Date.now()<t);console.log('done')},400)";
    const r = await run(process.execPath, ['-e', child], { interval: 50 });
    const at = (text: string) => r.lines.find((l) => l.text === text)!.t;
    const times = r.samples.map((s) => s.cpuMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const idle = cpuBetween(r.samples, at('ready') + 60, at('go') - 10);
    const busy = cpuBetween(r.samples, at('go') + 60, at('done') - 10);
    expect(busy.ms).toBeGreaterThanOrEqual(250);
    expect(busy.cores).toBeGreaterThan(0.6);
    expect(idle.cores).toBeLessThan(busy.cores / 3);
  });

  it('gives no CPU time to a stretch before the first sample or to an empty one', () => {
    const samples = [
      { t: 100, rss: 1, cpuMs: 50 },
      { t: 200, rss: 1, cpuMs: 120 },
      { t: 300, rss: 1, cpuMs: 200 },
    ];
    expect(cpuBetween(samples, 0, 50)).toEqual({ ms: 0, cores: 0 });
    expect(cpuBetween(samples, 150, 250)).toEqual({ ms: 70, cores: 0.7 });
    expect(cpuBetween(samples, 0, 1000)).toEqual({ ms: 200, cores: 0.2 });
    expect(cpuBetween(samples, 200, 200)).toEqual({ ms: 0, cores: 0 });
  });
});
