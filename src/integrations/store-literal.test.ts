import { describe, expect, it } from 'vitest';
import { splitStoreLiteral } from './store-literal.ts';

/** What the module exports, run as a function (`export default` made a return). */
const run = (code: string): unknown =>
  new Function(code.replace('export default ', 'return ').replace(/^export .*$/m, ''))();

const store = (text: string) => `export default JSON.parse(${JSON.stringify(text)})`;

describe('the content store in short literals', () => {
  const data = [['Map', 1, 2], 'articles', { title: '衡阳日报 “引号” \\ 反斜杠\n换行', emoji: '𠮷𝄞' }];
  const json = JSON.stringify(Array.from({ length: 40 }, () => data));

  it('gives the same value, in pieces no longer than asked', () => {
    const split = splitStoreLiteral(store(json), 50)!;
    expect(split).not.toBeNull();
    expect(run(split)).toEqual(JSON.parse(json));
    const literals = [...split.matchAll(/^".*",?$/gm)].map(
      (m) => JSON.parse(m[0].replace(/,$/, '')) as string,
    );
    expect(literals.length).toBeGreaterThan(json.length / 50);
    for (const l of literals) expect(l.length).toBeLessThanOrEqual(50);
    expect(literals.join('')).toBe(json);
  });

  it('never cuts a surrogate pair', () => {
    const text = JSON.stringify('𠮷'.repeat(500));
    for (const piece of [7, 8, 9, 10]) {
      const split = splitStoreLiteral(store(text), piece)!;
      for (const m of split.matchAll(/^(".*"),?$/gm)) {
        const l = JSON.parse(m[1]!) as string;
        expect(l.length ? l.charCodeAt(l.length - 1) : 0).not.toBe(0xd842); // 𠮷's high half
      }
      expect(run(split)).toBe(JSON.parse(text));
    }
  });

  it('leaves other shapes, and short stores, as they are', () => {
    expect(splitStoreLiteral(store(json))).toBeNull(); // shorter than a piece
    expect(splitStoreLiteral('export default new Map()', 5)).toBeNull();
    expect(splitStoreLiteral(`export default{"articles":[(await import("x"))]}`, 5)).toBeNull();
    expect(splitStoreLiteral(`export default JSON.parse("unterminated`, 5)).toBeNull();
  });
});
