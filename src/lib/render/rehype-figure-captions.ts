/**
 * Caption figures: the editions carry photo captions but no photos, so each caption becomes
 * <figure id="f1"><p class="figure-missing">图片未收录</p><figcaption>text <span class="credit">credit</span></figcaption></figure>.
 * The builder already placed the figure before paragraph `afterParagraph`.
 */
import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { marked, unmark } from './block-marks.ts';

const rehypeFigureCaptions: Plugin<[], Root> = function () {
  return (tree: Root) => {
    for (const { node } of marked(tree, 'figure')) {
      unmark(node);
      node.tagName = 'figure';
      node.properties.className = ['caption-figure'];
      const inner: ElementContent[] = [];
      for (const child of node.children) {
        // a space between the caption and the credit, for reading without styles
        if (child.type === 'element' && inner.length) inner.push({ type: 'text', value: ' ' });
        inner.push(child);
      }
      node.children = [
        h('p', { className: ['figure-missing'], dataPagefindIgnore: '' }, '图片未收录'),
        h('figcaption', inner),
      ];
    }
  };
};

export default rehypeFigureCaptions;
