import { describe, expect, it } from 'vitest';
import { monthGrid } from './month-grid.ts';

describe('monthGrid', () => {
  it('starts weeks on Monday', () => {
    // 2021-03-01 was a Monday; March 2021 has 31 days → 5 weeks
    const g = monthGrid(2021, 3);
    expect(g[0]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(g).toHaveLength(5);
    expect(g[4]).toEqual([29, 30, 31, null, null, null, null]);
  });
  it('pads a month that starts late in the week', () => {
    // 2020-11-01 was a Sunday
    const g = monthGrid(2020, 11);
    expect(g[0]).toEqual([null, null, null, null, null, null, 1]);
    expect(g.flat().filter((d) => d !== null)).toHaveLength(30);
  });
  it('needs six weeks for a 31-day month that starts on a Sunday', () => {
    // 2021-08-01 was a Sunday
    const g = monthGrid(2021, 8);
    expect(g).toHaveLength(6);
    expect(g[5]).toEqual([30, 31, null, null, null, null, null]);
    // 2021-12-09, the masthead's 星期四, sits in the Thursday column
    const week = monthGrid(2021, 12).find((w) => w.includes(9))!;
    expect(week.indexOf(9)).toBe(3);
  });
  it('knows leap years', () => {
    expect(monthGrid(2024, 2).flat().filter(Boolean)).toHaveLength(29);
    expect(monthGrid(2023, 2).flat().filter(Boolean)).toHaveLength(28);
  });
});
