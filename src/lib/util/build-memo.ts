/**
 * Values a build makes once and shares among its pages (the edition's graph, the name index, the
 * wire copies, the page keys), let go when the pages are rendered.
 *
 * Why: Astro runs the integrations' build hooks (search, compression, offline lists) in the same
 * process after the pages, while the page modules, and what they remember, stay loaded. At ten
 * years these values are hundreds of megabytes that every later full collection of the heap marks
 * again. `releaseBuildMemos()` (src/integrations/release-memos.ts, at astro:build:generated) empties them.
 *
 * The page modules are bundled by Vite apart from the integrations, so each has its own copy of
 * this module: the release callbacks live in a registry on globalThis that both copies find.
 */

const REGISTRY = Symbol.for('baokan.build-memos');

type Registry = Set<() => void>;

function registry(): Registry {
  const g = globalThis as { [REGISTRY]?: Registry };
  return (g[REGISTRY] ??= new Set());
}

/** `make`, called once until the memos are released, then once more if asked again. */
export function buildMemo<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  registry().add(() => {
    made = null;
  });
  return () => (made ??= { value: make() }).value;
}

/** Let go of every value made by a buildMemo; returns how many were registered. */
export function releaseBuildMemos(): number {
  const all = registry();
  for (const release of all) release();
  return all.size;
}
