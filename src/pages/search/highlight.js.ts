/**
 * search/highlight.js: the article page's highlighter (src/components/search/SearchHighlight.astro
 * loads it when the URL carries ?highlight=term&highlight=…). Marks every occurrence of each term
 * in the article body, the whole matched string, by the search's own rules (src/lib/search/
 * exact.js), outside elements marked data-pagefind-ignore, and scrolls to the first. A classic
 * script, so it also runs from file://. A term is found within one text node (a match running
 * across an element boundary is not marked).
 */
import exactScript from '../../lib/search/exact.js?raw';
import { classicScript } from '../../lib/search/inline.ts';

const highlighter = `
const terms = [];
new URLSearchParams(location.search).getAll('highlight').forEach(function (h) {
  parseQuery(h).forEach(function (t) {
    terms.push(t);
  });
});
function mark() {
  const root = document.querySelector('[data-pagefind-body]');
  if (!root || !terms.length) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: function (n) {
      const p = n.parentElement;
      return !p || p.closest('[data-pagefind-ignore], script, style, mark.search-hit')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  let first = null;
  nodes.forEach(function (node) {
    const text = node.data;
    const ranges = hitRanges(text, terms);
    if (!ranges.length) return;
    const frag = document.createDocumentFragment();
    let pos = 0;
    ranges.forEach(function (r) {
      frag.appendChild(document.createTextNode(text.slice(pos, r[0])));
      const m = document.createElement('mark');
      m.className = 'search-hit';
      m.textContent = text.slice(r[0], r[1]);
      frag.appendChild(m);
      if (!first) first = m;
      pos = r[1];
    });
    frag.appendChild(document.createTextNode(text.slice(pos)));
    node.parentNode.replaceChild(frag, node);
  });
  if (first) first.scrollIntoView({ block: 'center' });
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mark);
else mark();
`;

export function GET(): Response {
  return new Response(classicScript(exactScript, highlighter), {
    headers: { 'content-type': 'text/javascript; charset=utf-8' },
  });
}
