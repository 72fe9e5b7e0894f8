import { describe, expect, it, vi } from 'vitest';
import { buildMemo, releaseBuildMemos } from './build-memo.ts';

describe('buildMemo', () => {
  it('makes its value once, and again only after a release', () => {
    let calls = 0;
    const value = buildMemo(() => ({ n: ++calls }));
    const first = value();
    expect(value()).toBe(first);
    expect(calls).toBe(1);
    expect(releaseBuildMemos()).toBeGreaterThanOrEqual(1);
    const second = value();
    expect(second).not.toBe(first);
    expect(second.n).toBe(2);
  });

  it('is released through globalThis, from another copy of the module', async () => {
    const value = buildMemo(() => Symbol('made'));
    const before = value();
    // a second instance of the module, as Vite's page bundle has
    vi.resetModules();
    const other = await import('./build-memo.ts');
    expect(other.releaseBuildMemos).not.toBe(releaseBuildMemos);
    other.releaseBuildMemos();
    expect(value()).not.toBe(before);
  });
});
