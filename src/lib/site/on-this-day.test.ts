import { describe, expect, it } from 'vitest';
import { onThisDay } from './on-this-day.ts';

const days = new Map<string, string[]>([
  ['2023-01-05', ['晚报 2023-01-05']],
  ['2021-01-05', ['日报 2021-01-05', '晚报 2021-01-05']],
  ['2022-01-05', ['日报 2022-01-05']],
  ['2022-01-06', ['日报 2022-01-06']],
  ['2022-11-05', ['日报 2022-11-05']],
  ['2020-02-29', ['日报 2020-02-29']],
  ['2024-02-29', ['日报 2024-02-29']],
  ['2023-02-28', ['日报 2023-02-28']],
]);

describe('历史上的今天', () => {
  it('gives the same month and day of other years, newest year first, with their issues', () => {
    expect(onThisDay(days, '2023-01-05')).toEqual([
      { date: '2022-01-05', year: 2022, issues: ['日报 2022-01-05'] },
      { date: '2021-01-05', year: 2021, issues: ['日报 2021-01-05', '晚报 2021-01-05'] },
    ]);
  });
  it('leaves out the day itself and days that differ by a day or a month', () => {
    const dates = onThisDay(days, '2022-01-05').map((d) => d.date);
    expect(dates).toEqual(['2023-01-05', '2021-01-05']);
    expect(dates).not.toContain('2022-01-06');
  });
  it('is empty when the archive holds no such day, or the newest day is unknown', () => {
    expect(onThisDay(days, '2022-11-06')).toEqual([]);
    expect(onThisDay(days, null)).toEqual([]);
    expect(onThisDay(days, 'undated')).toEqual([]);
  });
  it('matches 29 February only with 29 February', () => {
    expect(onThisDay(days, '2024-02-29').map((d) => d.date)).toEqual(['2020-02-29']);
    expect(onThisDay(days, '2021-02-28').map((d) => d.date)).toEqual(['2023-02-28']);
  });
});
