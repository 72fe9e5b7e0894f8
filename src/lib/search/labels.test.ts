import { describe, expect, it } from 'vitest';
import { countLabel, dateLabel, FILTER_ORDER, FILTERS, monthLabel, monthValue, yearValue } from './labels.ts';

describe('search labels', () => {
  it('lists every filter once, in the page order', () => {
    expect(FILTER_ORDER).toEqual(['报纸', '年份', '月份', '专题', '人物', '地名', '机构', '版面', '体裁']);
    expect(new Set(FILTER_ORDER)).toEqual(new Set(Object.values(FILTERS)));
  });
  it.each([
    ['2021-03-06', '2021年3月6日'],
    ['2021-12-31', '2021年12月31日'],
    ['2021-3-6', ''],
    [undefined, ''],
  ])('date %s → %s', (iso, text) => {
    expect(dateLabel(iso)).toBe(text);
  });
  it('prints months without a leading zero, and indexes them with one', () => {
    expect(monthLabel('2021-03')).toBe('2021年3月');
    expect(monthValue('2021-03-06')).toBe('2021年03月');
    expect(yearValue('2021')).toBe('2021年');
  });
  it('groups thousands', () => {
    expect(countLabel(175000)).toBe('175,000');
  });
});
