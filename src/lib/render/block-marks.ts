/**
 * The `data-bk` markers the mdast builder (body-mdast.ts) leaves on the elements each rehype plugin
 * of the article body finishes, and finding them in a hast tree (with unist-util-visit).
 */
import type { Element, Parent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Marker property (serialised as `data-bk`) naming what a block is; removed by the plugin that handles it. */
export const MARK = 'dataBk';

/** What a marked block is; each has one plugin that finishes it. */
export type BlockMark = 'paragraph' | 'figure' | 'table' | 'reference' | 'signature';

/** A marked element with its place in its parent. */
export interface MarkedElement {
  node: Element;
  parent: Parent;
  index: number;
}

/**
 * Elements carrying the given block marker, in document order. The list is collected before the
 * caller changes anything, so it may replace each element in its parent by one other node.
 */
export function marked(tree: Root, mark: BlockMark): MarkedElement[] {
  const found: MarkedElement[] = [];
  visit(tree, 'element', (node, index, parent) => {
    if (node.properties[MARK] === mark && parent && index !== undefined) found.push({ node, parent, index });
  });
  return found;
}

/** A string property of an element, or null. */
export function stringProp(node: Element, name: string): string | null {
  const v = node.properties[name];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

/** Remove the marker and the data properties the plugins used to talk to each other. */
export function unmark(node: Element, ...names: string[]): void {
  delete node.properties[MARK];
  for (const n of names) delete node.properties[n];
}
