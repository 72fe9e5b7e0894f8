/**
 * TypeScript made into one classic script, for pages that must also work from file:// (where the
 * browser loads no module script): the entry and everything it imports are bundled by esbuild
 * (the bundler Astro and Vite ship) into one function called at once (an IIFE), whose
 * declarations stay out of the global scope. The search page inlines the result into its HTML;
 * search/highlight.js is one such script served as a file. Runs at build time, in Node.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * The classic script of `entry` (a path relative to `root`, the project folder, where the build
 * runs). Minified; Chinese text kept as written (UTF-8, as the pages are).
 */
export async function classicScript(entry: string, root: string = process.cwd()): Promise<string> {
  const file = resolve(root, entry);
  if (!existsSync(file))
    throw new Error(`classicScript: ${entry} not found in ${root} (run the build from the project folder)`);
  const result = await build({
    entryPoints: [file],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text ?? '';
  if (/<\/script/i.test(text))
    throw new Error(`classicScript: ${entry} holds "</script", which would end the inline script`);
  return text;
}
