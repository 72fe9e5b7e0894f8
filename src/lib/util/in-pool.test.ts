import { describe, expect, it } from 'vitest';
import { inPool } from './in-pool.ts';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('inPool', () => {
  it('does every item once, `jobs` at a time, no slot held by two calls at once', async () => {
    const done: number[] = [];
    const held = new Set<number>();
    let running = 0;
    let most = 0;
    await inPool([10, 11, 12, 13, 14, 15, 16], 2, async (item, i, slot) => {
      expect(item).toBe(10 + i);
      expect(held.has(slot)).toBe(false);
      expect(slot).toBeLessThan(2);
      held.add(slot);
      most = Math.max(most, ++running);
      for (let n = 0; n < (i % 3) + 1; n++) await tick();
      running--;
      held.delete(slot);
      done.push(item);
    });
    expect(done.sort()).toEqual([10, 11, 12, 13, 14, 15, 16]);
    expect(most).toBe(2);
  });

  it('starts nothing after a failure, lets running calls finish, then throws', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    await expect(
      inPool([0, 1, 2, 3, 4, 5], 2, async (item) => {
        started.push(item);
        await tick();
        if (item === 1) throw new Error('shard 1 failed');
        await tick();
        finished.push(item);
      }),
    ).rejects.toThrow('shard 1 failed');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([0]);
  });
});
