import { describe, expect, it } from 'vitest';
import { cpuOf, run } from './measure.ts';

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
});
