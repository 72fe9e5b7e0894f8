/**
 * The baseline: a bare Astro project that builds `count` plain pages (a heading and a few
 * paragraphs of seed text each, no content layer, no integrations), to compare baokan's build
 * time with what Astro itself needs for the same number of pages on the same machine and run.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Write the bare project into `dir` (replacing it); node_modules is a link to the repo's. */
export function writeBareProject(
  dir: string,
  count: number,
  sentences: readonly string[],
  repo: string,
): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(resolve(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ trailingSlash: 'always', build: { format: 'directory' } });\n`,
  );
  writeFileSync(join(dir, 'sentences.json'), JSON.stringify(sentences));
  writeFileSync(
    join(dir, 'src/pages/[n].astro'),
    `---
import sentences from '../../sentences.json';
export function getStaticPaths() {
  return Array.from({ length: ${count} }, (_, i) => ({ params: { n: String(i + 1) } }));
}
const n = Number(Astro.params.n);
const paras = [0, 1, 2, 3].map((k) => sentences[(n * 7 + k * 13) % sentences.length] + sentences[(n * 11 + k * 5) % sentences.length]);
---
<!doctype html>
<html lang="zh-Hans">
  <head><meta charset="utf-8" /><title>Page {n}</title></head>
  <body><main><h1>Page {n}</h1>{paras.map((p) => <p>{p}</p>)}</main></body>
</html>
`,
  );
}

export function bareExists(dir: string): boolean {
  return existsSync(join(dir, 'src/pages/[n].astro'));
}
