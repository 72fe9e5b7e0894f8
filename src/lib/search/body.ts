/**
 * Article pages as Pagefind is given them: the body of the page holds only the element marked
 * `data-pagefind-body`. Pagefind indexes what lies in that element and nothing outside it; the
 * rest of an article page (the masthead, the breadcrumbs, the pager, the list of the 版's other
 * articles: four fifths of its bytes) it parses and throws away, page after page, and before
 * that the build encodes it twice to send it there (pagefind-input.ts). A page whose other parts
 * carry a `data-pagefind-*` attribute other than `data-pagefind-ignore` (a filter, a meta or sort
 * value, a second body), or whose search body cannot be told from its start and end tags, is left
 * whole.
 *
 * The pages are the build's own output: every attribute quoted, `<` in text written `&lt;`, tag
 * names in lower case. The element is found by its start tag and closed by counting the start and
 * end tags of its name (an element of no end tag, such as an img, never closes: the page is left
 * whole); a quoted attribute value is read past whole, and a comment, script or style is skipped whole.
 */
import { ATTRIBUTE_NAME, ATTRIBUTE_VALUE } from './anchors.ts';

/** A start tag from its `<`: its name, then attributes (anchors.ts's grammar), then whether it ends `/>`. */
const START_TAG = new RegExp(
  String.raw`<([a-zA-Z][^\s/>]*)(?:\s+${ATTRIBUTE_NAME}(?:${ATTRIBUTE_VALUE})?)*\s*(\/?)>`,
  'y',
);
/** An end tag from its `<`. */
const END_TAG = /<\/([a-zA-Z][^\s/>]*)\s*>/y;
/** Elements whose content is not markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
/** One attribute of a start tag: its name. */
const ATTRIBUTE = new RegExp(String.raw`\s+(${ATTRIBUTE_NAME})(?:${ATTRIBUTE_VALUE})?`, 'g');
/** A Pagefind attribute that Pagefind reads outside the search body. */
const READ_OUTSIDE = /data-pagefind-(?!ignore[\s=>"'/])/;

/** Where the element that starts at `from` (a start tag) ends; -1 if its end is not found. */
function elementEnd(html: string, from: number): number {
  let depth = 0;
  let name = '';
  let at = from;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) return -1;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      if (close < 0) return -1;
      at = close + 3;
      continue;
    }
    START_TAG.lastIndex = lt;
    const start = START_TAG.exec(html);
    if (start) {
      const tag = start[1]!.toLowerCase();
      at = START_TAG.lastIndex;
      if (!name) {
        if (start[2]) return -1; // <x/>: no content of its own to keep
        name = tag;
      }
      if (RAW_TEXT.has(tag)) {
        const close = html.indexOf(`</${tag}`, at); // the build writes tag names in lower case
        if (close < 0) return -1;
        at = close;
        continue;
      }
      if (tag === name && !start[2]) depth++;
      continue;
    }
    END_TAG.lastIndex = lt;
    const end = END_TAG.exec(html);
    if (end) {
      at = END_TAG.lastIndex;
      if (end[1]!.toLowerCase() === name && --depth === 0) return at;
      continue;
    }
    at = lt + 1;
  }
  return -1;
}

/** The page with a body of its search body alone (see above); else the page as it is. */
export function searchBodyOnly(html: string): string {
  const marked = html.indexOf('data-pagefind-body');
  if (marked < 0) return html;
  const start = html.lastIndexOf('<', marked);
  START_TAG.lastIndex = start;
  const tag = start < 0 ? null : START_TAG.exec(html);
  if (!tag || START_TAG.lastIndex <= marked) return html;
  const names = [...tag[0].slice(1 + tag[1]!.length).matchAll(ATTRIBUTE)].map((a) => a[1]);
  if (!names.includes('data-pagefind-body')) return html;
  const body = /<body(?:\s[^>]*)?>/i.exec(html.slice(0, start));
  if (!body) return html;
  const end = elementEnd(html, start);
  if (end < 0) return html;
  const open = body.index + body[0].length;
  if (READ_OUTSIDE.test(html.slice(open, start)) || READ_OUTSIDE.test(html.slice(end))) return html;
  return `${html.slice(0, open)}${html.slice(start, end)}</body></html>`;
}
