/** The one character classification of the reader, checked against the Unicode facts it stands for. */
import { describe, expect, it } from 'vitest';
import { charClass, isVisible, type CharClass } from './char-class.ts';

describe('charClass', () => {
  it.each<[string, number, CharClass]>([
    ['a letter', 0x61, 'ascii'],
    ['a tilde', 0x7e, 'ascii'],
    ['space', 0x20, 'space'],
    ['tab', 0x09, 'space'],
    ['ideographic space U+3000', 0x3000, 'space'],
    ['no-break space', 0xa0, 'space'],
    ['a byte order mark inside the text', 0xfeff, 'space'],
    ['line separator U+2028', 0x2028, 'space'],
    ['line feed', 0x0a, 'lf'],
    ['carriage return', 0x0d, 'cr'],
    ['NUL', 0x00, 'control'],
    ['vertical tab (white space to /\\s/, but a control here)', 0x0b, 'control'],
    ['DEL', 0x7f, 'control'],
    ['NEL U+0085 (white space to /\\s/, but a C1 control)', 0x85, 'control'],
    ['衡', '衡'.charCodeAt(0), 'han'],
    ['〇', 0x3007, 'han'],
    ['extension A 㐀', 0x3400, 'han'],
    ['compatibility ideograph U+F900', 0xf900, 'han'],
    ['first half of 𠀀 (U+20000, extension B)', '𠀀'.charCodeAt(0), 'han'],
    ['first half of an emoji', '😀'.charCodeAt(0), 'other'],
    ['second half of a pair', '😀'.charCodeAt(1), 'low-surrogate'],
    ['private use U+E000', 0xe000, 'pua'],
    ['replacement character', 0xfffd, 'fffd'],
    ['full-width comma', '，'.charCodeAt(0), 'other'],
    ['é', 0xe9, 'other'],
  ])('%s', (_what, code, expected) => {
    expect(charClass(code)).toBe(expected);
  });

  it('agrees with /\\s/ on every white space that is not a line end or a control', () => {
    for (let c = 0; c < 0x10000; c++) {
      const k = charClass(c);
      if (k === 'space') expect(/\s/.test(String.fromCharCode(c))).toBe(true);
      else if (/\s/.test(String.fromCharCode(c)) && k !== 'lf' && k !== 'cr' && k !== 'control')
        expect.fail(`U+${c.toString(16)} is white space but classed ${k}`);
    }
  });

  it('counts as visible exactly what a reader sees', () => {
    const all: CharClass[] = [
      'lf',
      'cr',
      'low-surrogate',
      'control',
      'space',
      'ascii',
      'fffd',
      'han',
      'pua',
      'other',
    ];
    expect(all.filter(isVisible)).toEqual(['ascii', 'fffd', 'han', 'pua', 'other']);
  });
});
