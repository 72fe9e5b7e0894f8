/**
 * Small helpers shared by the rehype plugins of the article body: walking a hast tree and reading
 * the `data-bk` markers that the mdast builder leaves on the elements each plugin finishes.
 */
import type { Element, Parent, Root } from 'hast';

/** Marker property (serialised as `data-bk`) naming what a block is; removed by the plugin that handles it. */
export const MARK = 'dataBk';

export type BlockMark = 'paragraph' | 'figure' | 'table' | 'reference' | 'signature';

/**
 * Every element in document order, with its parent and index. The list is collected before the
 * callback runs, so callbacks may replace the element in its parent (the index stays valid as long
 * as each callback replaces one node by one node).
 */
export function elements(tree: Root | Parent): { node: Element; parent: Parent; index: number }[] {
  const found: { node: Element; parent: Parent; index: number }[] = [];
  const walk = (parent: Parent) => {
    parent.children.forEach((child, index) => {
      if (child.type !== 'element') return;
      found.push({ node: child, parent, index });
      walk(child);
    });
  };
  walk(tree);
  return found;
}

/** Elements carrying the given block marker, in document order. */
export function marked(tree: Root, mark: BlockMark): { node: Element; parent: Parent; index: number }[] {
  return elements(tree).filter(({ node }) => node.properties[MARK] === mark);
}

/** A string property of an element, or null. */
export function stringProp(node: Element, name: string): string | null {
  const v = node.properties[name];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

/** Remove marker and data properties the plugins used to talk to each other. */
export function unmark(node: Element, ...names: string[]): void {
  delete node.properties[MARK];
  for (const n of names) delete node.properties[n];
}

/** The text content of a node (text nodes only, in order). */
export function toString(node: Parent | Element): string {
  return node.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? toString(c) : ''))
    .join('');
}
