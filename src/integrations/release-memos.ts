/**
 * Astro integration: once the pages are rendered (astro:build:generated), the values they shared
 * (the edition's graph, the name index, the wire copies, the page keys: src/lib/util/build-memo.ts)
 * are let go, so that the search, compression and offline hooks that follow in the same process do
 * not carry them through every full collection of the heap.
 */
import type { AstroIntegration } from 'astro';
import { releaseBuildMemos } from '../lib/util/build-memo.ts';

export default function releaseMemos(): AstroIntegration {
  return {
    name: 'baokan-release-memos',
    hooks: {
      'astro:build:generated': () => {
        releaseBuildMemos();
      },
    },
  };
}
