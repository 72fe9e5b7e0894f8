import { wholeSetting } from './whole-setting.ts';

/**
 * How many pages Astro renders at once (its `build.concurrency`). Astro renders on one thread; with
 * one page at a time, that thread waits for each page's writes (its file and the incremental
 * build's copy, each an open, a write and a close on libuv's pool) before it starts the next. A
 * one-year archive's render spent 42 % of its time so waiting (43.6 s of 103.7 s in a CPU profile);
 * with 8 pages at a time the next pages render meanwhile: 88 s → 54 s (2026-12-05, docs/scale.md).
 * More than 8 gained nothing more (16: 53.6 s). Pages do not depend on the order they render in.
 *
 * BAOKAN_RENDER_CONCURRENCY sets another number (1 renders one page at a time, as Astro does by
 * default). It changes the build's time only, not a byte of what it writes. Astro's incremental
 * build leaves it out of its config's hash, so a build with another number renders no page again;
 * the content layer hashes the whole config, so that build stores every record again, once (about
 * 25 s at ten years; no seed is parsed again).
 */
export const DEFAULT_RENDER_CONCURRENCY = 8;

/** Pages rendered at once, from BAOKAN_RENDER_CONCURRENCY or the default. */
export function renderConcurrency(env = process.env.BAOKAN_RENDER_CONCURRENCY): number {
  return wholeSetting('BAOKAN_RENDER_CONCURRENCY', env, DEFAULT_RENDER_CONCURRENCY, 'pages');
}
