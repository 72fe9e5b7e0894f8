/**
 * Astro integration: the content store as many short string literals instead of one long one.
 *
 * Astro serialises the content store into one module, `export default JSON.parse("<the store>")`,
 * which the pages import when the build renders them. V8 scans a string literal into a buffer that,
 * past 1 MB, grows by 1 MB at a time, copying what it holds each time: the cost of a literal grows
 * with the square of its length. A year's store (21 MB) is scanned in well under a second; ten
 * years' (217 MB, 238 MB as a literal) took 361 s to import, against 14 s for the same text in
 * pieces of 500,000 characters joined at run time (measured 2026-12-04 on the benchmark's ten-year
 * store, the machine shared; a 66 MB module: 11.2 s in one literal, 2.0 s in pieces). Every build
 * pays it once, a daily build too.
 *
 * A Vite transform of Astro's store module (`\0astro:data-layer-content`) writes the same string as
 * pieces joined when the module runs. It changes nothing the pages see. When Astro writes the module
 * in another shape (a chunked store, an empty store) the module is left as it is.
 * Astro's own chunked storage (`experimental.collectionStorage`) also keeps literals short, but its
 * writer took the one-year content layer from 26 s to 50 s.
 */
import type { AstroIntegration } from 'astro';

/** Astro's resolved id of the content store module. */
export const STORE_MODULE_ID = '\0astro:data-layer-content';

/** Characters a piece: under the 1 MB past which V8's literal buffer grows linearly. */
export const PIECE_CHARS = 400_000;

const HEAD = 'export default JSON.parse(';

/**
 * `code` with its one JSON.parse string literal cut into pieces of at most `piece` characters,
 * joined at run time; null when the code has another shape or the literal is short already. The
 * one shape split is the whole module being `export default JSON.parse("…")` (read without a
 * regular expression: the literal is hundreds of megabytes).
 */
export function splitStoreLiteral(code: string, piece = PIECE_CHARS): string | null {
  if (code.length <= piece + HEAD.length + 8 || !code.startsWith(`${HEAD}"`)) return null;
  const tail = /\);?\s*$/.exec(code.slice(-16));
  if (!tail) return null;
  let text: unknown;
  try {
    text = JSON.parse(code.slice(HEAD.length, code.length - tail[0].length));
  } catch {
    return null;
  }
  if (typeof text !== 'string') return null;
  const pieces: string[] = [];
  for (let i = 0; i < text.length;) {
    let end = Math.min(text.length, i + piece);
    // never between the two halves of a surrogate pair
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(JSON.stringify(text.slice(i, end)));
    i = end;
  }
  // A loop, not `[…].join('')`, which a minifier may fold back into one literal.
  return (
    `const pieces = [\n${pieces.join(',\n')}\n];\n` +
    `let text = '';\nfor (const p of pieces) text += p;\n` +
    `export default JSON.parse(text);\n`
  );
}

export default function storeLiteral(): AstroIntegration {
  return {
    name: 'baokan-store-literal',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'baokan-store-literal',
                enforce: 'post',
                transform(code: string, id: string) {
                  if (id !== STORE_MODULE_ID) return null;
                  const split = splitStoreLiteral(code);
                  return split === null ? null : { code: split, map: { mappings: '' } };
                },
              },
            ],
          },
        });
      },
    },
  };
}
