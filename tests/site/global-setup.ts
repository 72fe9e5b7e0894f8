/**
 * vitest globalSetup: build the site twice before the site checks run: at the root with the
 * default search shards (one, for the seeds), and under a base path with shards of at most 12
 * articles, so the checks and the recall test also see a search split into several indexes.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from './build.ts';

export default function setup(project: TestProject) {
  const rootDir = build('/');
  const baseDir = build('/baokan/', { BAOKAN_SEARCH_SHARD: '12' });
  project.provide('siteRoot', rootDir);
  project.provide('siteBase', baseDir);
  return () => {
    // each build's folder: its output and its cache
    rmSync(dirname(rootDir), { recursive: true, force: true });
    rmSync(dirname(baseDir), { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteRoot: string;
    siteBase: string;
  }
}
