/**
 * Bridge plugin: turns the body's mdast tree into hast with mdast-util-to-hast (raw HTML is never
 * allowed; the builder makes no `html` nodes anyway). Later plugins in the same processor get hast.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import type { Plugin } from 'unified';

const remarkToHast: Plugin<[], MdastRoot, HastRoot> = function () {
  return (tree: MdastRoot): HastRoot => {
    const out = toHast(tree, { allowDangerousHtml: false });
    if (out.type === 'root') return out;
    return { type: 'root', children: out.type === 'doctype' ? [] : [out] };
  };
};

export default remarkToHast;
