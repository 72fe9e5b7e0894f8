import { describe, expect, it } from 'vitest';
import {
  calendarDays,
  contentsMonth,
  contentsMonths,
  dateRange,
  daysOfMonth,
  monthKeys,
  monthNeighbours,
  monthsWith,
  monthsWithout,
  neighbours,
  yearMonthCounts,
  yearsNewestFirst,
} from './archive.ts';

type Issue = { paper: string; articles: number };
const byDate = new Map<string, Issue[]>([
  [
    '2021-03-06',
    [
      { paper: 'daily', articles: 10 },
      { paper: 'evening', articles: 4 },
    ],
  ],
  ['2021-03-05', [{ paper: 'daily', articles: 8 }]],
  ['2021-12-09', [{ paper: 'daily', articles: 7 }]],
  ['2023-10-20', [{ paper: 'evening', articles: 6 }]],
]);

describe('months and days', () => {
  it('lists months with issues, oldest first, and a month’s neighbours', () => {
    expect(monthKeys(byDate.keys())).toEqual(['2021-03', '2021-12', '2023-10']);
    expect(monthNeighbours(byDate.keys(), '2021-12')).toEqual({
      prev: { y: 2021, m: 3 },
      next: { y: 2023, m: 10 },
    });
    expect(monthNeighbours(byDate.keys(), '2021-03')).toEqual({ prev: null, next: { y: 2021, m: 12 } });
  });

  it('gives the neighbours in a sorted list, none for a key not in it', () => {
    expect(neighbours(['a', 'b', 'c'], 'c')).toEqual({ prev: 'b', next: null });
    expect(neighbours(['a', 'b', 'c'], 'x')).toEqual({ prev: null, next: null });
  });

  it('lists a month’s days in date order, and no day of another month', () => {
    expect(daysOfMonth(byDate, '2021-03').map(([iso, list]) => [iso, list.length])).toEqual([
      ['2021-03-05', 1],
      ['2021-03-06', 2],
    ]);
    expect(daysOfMonth(byDate, '2021-1')).toEqual([]);
  });

  it('gives years newest first and the range for the date picker', () => {
    expect(yearsNewestFirst(byDate.keys())).toEqual([2023, 2021]);
    expect(dateRange(byDate.keys())).toEqual({ min: '2021-03-05', max: '2023-10-20' });
    expect(dateRange([])).toBeNull();
  });
});

describe('yearMonthCounts', () => {
  it('counts issues a month, newest year first', () => {
    const rows = yearMonthCounts(byDate);
    expect(rows.map((r) => r.year)).toEqual([2023, 2021]);
    expect(rows[1]!.months).toEqual([0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(rows[0]!.months[9]).toBe(1);
  });

  it('names the months of a year with and without issues', () => {
    const row = yearMonthCounts(byDate).find((r) => r.year === 2021)!;
    expect(monthsWith(row)).toEqual([3, 12]);
    expect(monthsWithout(row)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('counts one paper’s issues, leaving out years without any', () => {
    const rows = yearMonthCounts(byDate, (i) => i.paper === 'daily');
    expect(rows.map((r) => r.year)).toEqual([2021]);
    expect(rows[0]!.months[2]).toBe(2);
  });
});

describe('calendarDays', () => {
  it('links each day and names its papers', () => {
    const days = calendarDays(
      byDate,
      (i) => (i.paper === 'daily' ? '衡阳日报' : '衡阳晚报'),
      (iso) => `date/${iso}/`,
      '2021-03-',
    );
    expect([...days.keys()]).toEqual(['2021-03-06', '2021-03-05']);
    expect(days.get('2021-03-06')).toEqual({
      href: 'date/2021-03-06/',
      label: '衡阳日报、衡阳晚报',
      papers: ['衡阳日报', '衡阳晚报'],
    });
  });
});

describe('总目', () => {
  it('files undated issues under undated, and sums a month', () => {
    expect(contentsMonth('2021-03-06')).toBe('2021-03');
    expect(contentsMonth(null)).toBe('undated');
    const issues = [
      { date: '2021-03-05', n: 8 },
      { date: '2021-03-06', n: 10 },
      { date: null, n: 3 },
    ];
    expect(
      contentsMonths(
        issues,
        (i) => i.date,
        (i) => i.n,
      ),
    ).toEqual([
      { key: '2021-03', issues: 2, articles: 18 },
      { key: 'undated', issues: 1, articles: 3 },
    ]);
  });
});
