import { describe, expect, it } from 'vitest';
import { FONT_SIZE_HEAD, FONT_SIZE_KEY, FONT_SIZES } from './font-size.ts';

/** Run the <head> script against a stored value; returns the attribute it sets (or null). */
function runHead(stored: string | null, storageThrows = false): string | null {
  let attr: string | null = null;
  const localStorage = {
    getItem: (k: string) => {
      if (storageThrows) throw new Error('denied');
      return k === FONT_SIZE_KEY ? stored : null;
    },
  };
  const classes: string[] = [];
  const document = {
    documentElement: {
      setAttribute: (_: string, v: string) => (attr = v),
      classList: { add: (c: string) => classes.push(c) },
    },
  };
  new Function('localStorage', 'document', FONT_SIZE_HEAD)(localStorage, document);
  expect(classes).toEqual(['js']);
  return attr;
}

describe('字号', () => {
  it('offers 小, 中, 大', () => {
    expect(FONT_SIZES.map((s) => s.label)).toEqual(['小', '中', '大']);
  });

  it.each([
    ['l', 'l'],
    ['s', 's'],
    ['m', null],
    [null, null],
    ['huge', null],
  ])('applies a kept %s as %s before the page is drawn', (stored, want) => {
    expect(runHead(stored)).toBe(want);
  });

  it('leaves the page alone when storage is off', () => {
    expect(runHead('l', true)).toBeNull();
  });
});
