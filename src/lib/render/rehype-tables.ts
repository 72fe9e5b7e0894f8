/**
 * Tables: header cells get scope=col when the first row is a header; otherwise the first row is
 * an ordinary body row. Each table is wrapped in a focusable, labelled region that scrolls
 * sideways on narrow screens: <div class="table-wrap" tabindex="0" role="region" aria-label="表格">.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { marked, stringProp, unmark } from './block-marks.ts';

const isElement = (n: ElementContent, tag: string): n is Element => n.type === 'element' && n.tagName === tag;

function rowsOf(section: Element | undefined): Element[] {
  return section ? section.children.filter((c): c is Element => isElement(c, 'tr')) : [];
}

const rehypeTables: Plugin<[], Root> = function () {
  return (tree: Root) => {
    for (const { node, parent, index } of marked(tree, 'table')) {
      const header = stringProp(node, 'dataHeader') === 'true';
      const label = stringProp(node, 'dataLabel') ?? '表格';
      const id = stringProp(node, 'id');
      unmark(node, 'dataHeader', 'dataLabel', 'id');
      const thead = node.children.find((c): c is Element => isElement(c, 'thead'));
      const tbody = node.children.find((c): c is Element => isElement(c, 'tbody'));
      const headRows = rowsOf(thead);
      let bodyRows = rowsOf(tbody);
      if (header) {
        for (const row of headRows)
          for (const cell of row.children) if (isElement(cell, 'th')) cell.properties.scope = 'col';
      } else {
        for (const row of headRows)
          for (const cell of row.children) if (isElement(cell, 'th')) cell.tagName = 'td';
        bodyRows = [...headRows, ...bodyRows];
      }
      const sections: Element[] = [];
      if (header && headRows.length) sections.push(h('thead', headRows));
      if (bodyRows.length) sections.push(h('tbody', bodyRows));
      node.children = sections;
      const wrap = h(
        'div',
        { className: ['table-wrap'], tabIndex: 0, role: 'region', ariaLabel: label, ...(id ? { id } : {}) },
        [node],
      );
      parent.children[index] = wrap;
    }
  };
};

export default rehypeTables;
