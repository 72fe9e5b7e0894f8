/** vitest globalSetup: build the site twice (root and base path) before the site checks run. */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { build } from './build.ts';

export default function setup(project: TestProject) {
  const rootDir = build('/');
  const baseDir = build('/baokan/');
  project.provide('siteRoot', rootDir);
  project.provide('siteBase', baseDir);
  return () => {
    rmSync(rootDir, { recursive: true, force: true });
    rmSync(baseDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteRoot: string;
    siteBase: string;
  }
}
