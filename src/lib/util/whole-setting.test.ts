import { describe, expect, it } from 'vitest';
import { wholeSetting } from './whole-setting.ts';

describe('a count given in the environment', () => {
  it('is the value given, else the fallback', () => {
    expect(wholeSetting('BAOKAN_X', '12', 3, 'pages')).toBe(12);
    expect(wholeSetting('BAOKAN_X', ' 7 ', 3, 'pages')).toBe(7);
    expect(wholeSetting('BAOKAN_X', undefined, 3, 'pages')).toBe(3);
    expect(wholeSetting('BAOKAN_X', '', 3, 'pages')).toBe(3);
  });

  it('refuses anything but a positive whole number, in one line naming the setting', () => {
    for (const bad of ['0', '-1', '2.5', 'two'])
      expect(() => wholeSetting('BAOKAN_X', bad, 3, 'pages')).toThrow(
        `BAOKAN_X must be a positive whole number of pages, got "${bad}"`,
      );
  });
});
