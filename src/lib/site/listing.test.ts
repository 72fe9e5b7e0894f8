import { describe, expect, it } from 'vitest';
import { groupByDate, listSummary, newestFirst, pagedSlug, paginate, type ListPlace } from './listing.ts';

const at = (id: string, date: string | null, paper: string, pageIndex: number, order: number) => ({
  id,
  place: { date, paper, pageIndex, order } satisfies ListPlace,
});

describe('newestFirst', () => {
  it('orders newest date first, undated last, then paper, page and reading order', () => {
    const items = [
      at('undated', null, 'a', 0, 1),
      at('old', '2021-03-05', 'a', 0, 1),
      at('b-p1', '2021-03-06', 'b', 0, 1),
      at('a-p2', '2021-03-06', 'a', 1, 1),
      at('a-p1-o10', '2021-03-06', 'a', 0, 10),
      at('a-p1-o2', '2021-03-06', 'a', 0, 2),
    ];
    expect(newestFirst(items, (i) => i.place).map((i) => i.id)).toEqual([
      'a-p1-o2',
      'a-p1-o10',
      'a-p2',
      'b-p1',
      'old',
      'undated',
    ]);
  });

  it('leaves the given list alone', () => {
    const items = [at('x', '2020-01-01', 'a', 0, 1), at('y', '2021-01-01', 'a', 0, 1)];
    newestFirst(items, (i) => i.place);
    expect(items.map((i) => i.id)).toEqual(['x', 'y']);
  });
});

describe('paginate', () => {
  it.each([
    [0, []],
    [1, [1]],
    [30, [30]],
    [31, [30, 1]],
    [65, [30, 30, 5]],
  ])('%i items make pages of %j', (n, sizes) => {
    const pages = paginate(Array.from({ length: n }, (_, i) => i));
    expect(pages.map((p) => p.items.length)).toEqual(sizes);
    pages.forEach((p, k) => {
      expect(p.page).toBe(k + 1);
      expect(p.pages).toBe(sizes.length);
      expect(p.total).toBe(n);
    });
  });

  it('keeps the order across pages', () => {
    const pages = paginate(['a', 'b', 'c', 'd', 'e'], 2);
    expect(pages.map((p) => p.items)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('names the routes of later pages', () => {
    expect(pagedSlug('economy', 1)).toBe('economy');
    expect(pagedSlug('economy', 3)).toBe('economy/3');
  });
});

describe('groupByDate', () => {
  it('groups runs of the same date, in order', () => {
    const groups = groupByDate(['2021-03-06', '2021-03-06', '2021-03-05', null, null], (d) => d);
    expect(groups.map((g) => [g.date, g.items.length])).toEqual([
      ['2021-03-06', 2],
      ['2021-03-05', 1],
      [null, 2],
    ]);
  });
});

describe('listSummary', () => {
  it('states the page only when there are several', () => {
    expect(listSummary('共 3 篇', 1, 1)).toBe('共 3 篇，新者在前。');
    expect(listSummary('共 45 篇', 2, 2)).toBe('共 45 篇，新者在前；第 2 / 2 页。');
  });
});
