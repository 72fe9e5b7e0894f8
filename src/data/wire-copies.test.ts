import { describe, expect, it, vi } from 'vitest';
import type { Edition } from './site-graph.ts';

const thread = vi.hoisted(() =>
  vi.fn(() =>
    Promise.resolve({
      copies: { stats: { pairs: 0, groups: 0, articles: 0, candidates: 0, ms: 0, kept: 0, extended: false } },
      ms: 0,
    }),
  ),
);
vi.mock('astro:content', () => ({ getCollection: () => Promise.resolve([]) }));
vi.mock('../lib/wire-copy/copies-thread.ts', () => ({ copiesOnThread: thread }));

const { startCopies } = await import('./wire-copies.ts');

describe('the wire copies’ thread', () => {
  it('is started before startCopies returns, once an edition', async () => {
    const edition = { issues: [] } as unknown as Edition;
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const copies = startCopies(edition);
    // no await between: a caller that goes on with the name index has the thread beside it
    expect(thread).toHaveBeenCalledTimes(1);
    expect(startCopies(edition)).toBe(copies);
    expect(thread).toHaveBeenCalledTimes(1);
    await copies;
    startCopies({ issues: [] } as unknown as Edition);
    expect(thread).toHaveBeenCalledTimes(2);
  });
});
