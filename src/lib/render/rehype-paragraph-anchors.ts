/**
 * Paragraph anchors: every paragraph and subhead gets its stable id (p1, p2 … as in the data;
 * numbered in order where the data has none) and a small "¶" link to itself for citing it.
 * The link is left out of the search index (data-pagefind-ignore).
 */
import type { Root } from 'hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { marked, stringProp, unmark } from './block-marks.ts';

const rehypeParagraphAnchors: Plugin<[], Root> = function () {
  return (tree: Root) => {
    marked(tree, 'paragraph').forEach(({ node }, i) => {
      const id = stringProp(node, 'id') ?? `p${i + 1}`;
      unmark(node);
      node.properties.id = id;
      const label = node.tagName === 'p' ? `本段链接（${id}）` : `本节链接（${id}）`;
      node.children.push(
        { type: 'text', value: ' ' },
        h(
          'a',
          { className: ['anchor'], href: `#${id}`, ariaLabel: label, title: label, dataPagefindIgnore: '' },
          '¶',
        ),
      );
    });
  };
};

export default rehypeParagraphAnchors;
