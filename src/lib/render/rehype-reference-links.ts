/**
 * Reference markers (>>>详见第七版>>>, （上接第一版①）, 下转…): linked to the target page when the
 * caller knows its address (pageHref returns a string); otherwise the marker stays plain text
 * followed by the note （该版未收录） when a target page is printed.
 */
import type { Root } from 'hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { marked, stringProp, unmark } from './block-marks.ts';

export interface ReferenceLinkOptions {
  pageHref: (pageNumber: number) => string | null;
}

const rehypeReferenceLinks: Plugin<[ReferenceLinkOptions], Root> = function (options) {
  return (tree: Root) => {
    for (const { node } of marked(tree, 'reference')) {
      const pageText = stringProp(node, 'dataRefPage');
      unmark(node, 'dataRefPage', 'dataRefKind');
      const page = pageText ? Number(pageText) : null;
      if (page === null || !Number.isInteger(page)) continue;
      const href = options.pageHref(page);
      if (typeof href === 'string') {
        node.children = [h('a', { href }, node.children)];
      } else {
        node.children.push(
          h('span', { className: ['reference-note'], dataPagefindIgnore: '' }, '（该版未收录）'),
        );
      }
    }
  };
};

export default rehypeReferenceLinks;
