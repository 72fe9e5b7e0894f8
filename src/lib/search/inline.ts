/**
 * Plain-JavaScript modules made into one classic script, for pages that must also work from
 * file:// (where the browser loads no module script): `export` keywords are dropped and the
 * sources are wrapped in one function, so their declarations are shared by the scripts that
 * follow them and stay out of the global scope. Only for files written for it (src/lib/search/
 * exact.js: no imports, exports only as `export function` / `export const` at the start of a line).
 */
export function classicScript(...sources: string[]): string {
  const body = sources
    .map((s) =>
      s.replace(/^\/\/ @ts-check\n/, '').replace(/^export (?=(async )?function |const |let |class )/gm, ''),
    )
    .join('\n;\n');
  if (/^\s*(import|export)\b/m.test(body))
    throw new Error('classicScript: a source still imports or exports');
  return `(function () {\n'use strict';\n${body}\n})();\n`;
}
