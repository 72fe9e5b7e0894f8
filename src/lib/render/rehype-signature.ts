/**
 * Notice signature block: the organisation lines and the date, one line each, right-aligned by the
 * stylesheet: <div class="signature"><p>中共衡阳市委</p><p>2022年3月31日</p></div>.
 * Lines are the printed lines; a date printed after the organisation on the same line
 * (… 纪检监察组 2020年11月17日) goes on a line of its own.
 */
import type { Root } from 'hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { toString } from 'hast-util-to-string';
import { marked, unmark } from './block-marks.ts';

const TRAILING_DATE = /^(.*\S)\s+(\d{4}年\d{1,2}月\d{1,2}日)$/u;

export function signatureLines(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter(Boolean)
    .flatMap((l) => {
      const m = TRAILING_DATE.exec(l);
      return m ? [m[1]!, m[2]!] : [l];
    });
}

const rehypeSignature: Plugin<[], Root> = function () {
  return (tree: Root) => {
    for (const { node } of marked(tree, 'signature')) {
      unmark(node);
      node.tagName = 'div';
      node.properties.className = ['signature'];
      node.children = signatureLines(toString(node)).map((line) => h('p', line));
    }
  };
};

export default rehypeSignature;
