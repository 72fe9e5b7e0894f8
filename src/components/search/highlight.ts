/**
 * The article page's highlighter, served as search/highlight.js (src/pages/search/highlight.js.ts,
 * one classic script bundled by src/lib/search/inline.ts, so it also runs from file://) and loaded
 * by SearchHighlight.astro when the URL carries ?highlight=term&highlight=…. Marks every
 * occurrence of each term in the article body, the whole matched string, by the search's own
 * rules (src/lib/search/exact.ts), outside elements marked data-pagefind-ignore, and scrolls to
 * the first. A term is found within one text node (a match running across an element boundary is
 * not marked).
 */
import { markedPieces } from '../../lib/search/exact.ts';
import { highlightTerms } from '../../lib/search/url-state.ts';
import { appendPieces } from './dom.ts';

/** The text nodes of the article body that may be marked. */
function textNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      const p = n.parentElement;
      return !p || p.closest('[data-pagefind-ignore], script, style, mark.search-hit')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Mark the terms in the article body; scroll to the first mark. */
function mark(terms: readonly string[]): void {
  const root = document.querySelector('[data-pagefind-body]');
  if (!root || !terms.length) return;
  for (const node of textNodes(root)) {
    const pieces = markedPieces(node.data, terms);
    if (!pieces.some((p) => p.hit)) continue;
    const frag = document.createDocumentFragment();
    appendPieces(frag, pieces, 'search-hit');
    node.replaceWith(frag);
  }
  document.querySelector('[data-pagefind-body] mark.search-hit')?.scrollIntoView({ block: 'center' });
}

const terms = highlightTerms(location.search);
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mark(terms));
else mark(terms);
