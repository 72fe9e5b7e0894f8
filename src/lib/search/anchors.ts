/**
 * Article pages as Pagefind indexes them: without `id` attributes. Pagefind records every element
 * with an id inside the search body as an anchor, its text repeated in the page's fragment (the
 * paragraphs p1, p2 … of an article: the whole text twice). The search page uses no anchors (a
 * result is its article; src/components/search/search-page.ts), but fetches the fragment of every
 * candidate it checks, so anchors were close to a third of a fragment's bytes.
 *
 * The pages are the build's own output (every attribute written by Astro, quoted), and an article
 * page is scanned in well under a millisecond here, where parsing it into a tree would cost
 * seconds a thousand pages: so start tags are found by their grammar, and in each the id
 * attribute is dropped; text, where `<` is always written `&lt;`, is left as it is. A tag-like
 * string inside a script or a comment may lose an id as well, which Pagefind does not read.
 */

/** An attribute's name, as the build writes it. */
export const ATTRIBUTE_NAME = String.raw`[^\s"'>/=]+`;
/** An attribute's value with its `=`: quoted, or not. */
export const ATTRIBUTE_VALUE = String.raw`\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+)`;

/** A start tag: its name, then attributes (name, optional value quoted or not). */
const START_TAG = new RegExp(
  String.raw`<[a-zA-Z][^\s/>]*(?:\s+${ATTRIBUTE_NAME}(?:${ATTRIBUTE_VALUE})?)*\s*\/?>`,
  'g',
);

/** One attribute of a start tag, with the white space before it. */
const ATTRIBUTE = new RegExp(String.raw`(\s+)(${ATTRIBUTE_NAME})(${ATTRIBUTE_VALUE})?`, 'g');

/** The page with no `id` attribute in any start tag; everything else byte for byte. */
export function withoutAnchors(html: string): string {
  return html.replace(START_TAG, (tag) =>
    tag.includes('id')
      ? tag.replace(ATTRIBUTE, (a, _space, name: string) => (name.toLowerCase() === 'id' ? '' : a))
      : tag,
  );
}
