import { describe, expect, it } from 'vitest';
import { switchedOn } from './switch-setting.ts';

describe('switchedOn', () => {
  it('is on unless the setting says off', () => {
    for (const on of [undefined, '', '1', 'yes', 'on', 'true', ' 1 '])
      expect(switchedOn(on), String(on)).toBe(true);
    for (const off of ['0', 'false', 'off', 'no', 'OFF', 'No', ' 0 ', 'False\n'])
      expect(switchedOn(off), off).toBe(false);
  });
});
