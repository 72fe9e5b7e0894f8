import { describe, expect, it } from 'vitest';
import {
  chunkSlug,
  chunksFromOldest,
  chunkSummary,
  groupByDate,
  listPageSize,
  newestDated,
  newestFirst,
  type ListChunk,
  type ListPlace,
} from './listing.ts';

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

describe('newestDated', () => {
  it('takes the newest n dated items, leaving the undated out', () => {
    const items = [
      at('undated', null, 'a', 0, 1),
      at('old', '2021-03-05', 'a', 0, 1),
      at('new', '2021-03-06', 'a', 0, 1),
    ];
    const sorted = newestFirst(items, (i) => i.place);
    expect(newestDated(sorted, 2, (i) => i.place).map((i) => i.id)).toEqual(['new', 'old']);
    expect(newestDated(sorted, 5, (i) => i.place).map((i) => i.id)).toEqual(['new', 'old']);
    expect(newestDated(sorted, 0, (i) => i.place)).toEqual([]);
  });

  it('gives what a stable sort of the dated items by date, paper, page and order gives, cut to n', () => {
    // pseudo-random lists with ties (same date, same place), undated items and repeated places
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 50; round++) {
      const items = Array.from({ length: 1 + next(80) }, (_, k) =>
        at(`i${k}`, next(6) === 0 ? null : `2021-03-0${1 + next(4)}`, 'ab'[next(2)]!, next(3), next(5)),
      );
      const n = next(40);
      const reading = (p: ListPlace) =>
        `${p.paper}|${String(p.pageIndex).padStart(3, '0')}|${String(p.order).padStart(4, '0')}`;
      const expected = items
        .filter((i) => i.place.date)
        .sort((x, y) =>
          x.place.date !== y.place.date
            ? x.place.date! < y.place.date!
              ? 1
              : -1
            : reading(x.place) < reading(y.place)
              ? -1
              : reading(x.place) > reading(y.place)
                ? 1
                : 0,
        )
        .slice(0, n);
      const sorted = newestFirst(items, (i) => i.place);
      expect(newestDated(sorted, n, (i) => i.place).map((i) => i.id)).toEqual(expected.map((i) => i.id));
    }
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

describe('chunksFromOldest', () => {
  /** items n, n-1, … 1: the newest first, each the number of its place counted from the oldest */
  const list = (n: number) => Array.from({ length: n }, (_, i) => n - i);

  it.each([
    // n, size, [number, first item, last item] per page in the reader's order
    [0, 3, []],
    [1, 3, [[1, 1, 1]]],
    [5, 3, [[1, 5, 1]]],
    [
      6,
      3,
      [
        [2, 6, 4],
        [1, 3, 1],
      ],
    ],
    [
      8,
      3,
      [
        [2, 8, 4],
        [1, 3, 1],
      ],
    ],
    [
      9,
      3,
      [
        [3, 9, 7],
        [2, 6, 4],
        [1, 3, 1],
      ],
    ],
    [
      10,
      3,
      [
        [3, 10, 7],
        [2, 6, 4],
        [1, 3, 1],
      ],
    ],
  ])('%i items in pages of %i', (n, size, want) => {
    const chunks = chunksFromOldest(list(n), size);
    expect(chunks.map((c) => [c.number, c.items[0], c.items[c.items.length - 1]])).toEqual(want);
    // read newest first, the pages give the whole list once
    expect(chunks.flatMap((c) => c.items)).toEqual(list(n));
    if (n) expect(chunks.map((c) => c.head)).toEqual(chunks.map((_, i) => i === 0));
  });

  it('links each page to its older and newer neighbour; the newest numbered page to the head', () => {
    const chunks = chunksFromOldest(list(10), 3);
    expect(chunks.map((c) => [c.number, c.older, c.newer])).toEqual([
      [3, 2, null],
      [2, 1, 'head'],
      [1, null, 2],
    ]);
  });

  it('holds between size and 2·size − 1 items on the head once the list is that long', () => {
    for (let n = 30; n < 200; n++) {
      const head = chunksFromOldest(list(n), 30)[0]!;
      expect(head.items.length, String(n)).toBeGreaterThanOrEqual(30);
      expect(head.items.length, String(n)).toBeLessThan(60);
    }
  });

  it('changes only the head when a newer item is added, and at most three pages every size items', () => {
    const size = 4;
    const same = (a: ListChunk<number>, b: ListChunk<number>) => JSON.stringify(a) === JSON.stringify(b);
    for (let n = 0; n < 60; n++) {
      const before = chunksFromOldest(list(n), size);
      const after = chunksFromOldest(list(n + 1), size);
      const key = (c: ListChunk<number>) => chunkSlug('t', c.head ? 'head' : c.number);
      const old = new Map(before.map((c) => [key(c), c]));
      const changed = after.filter((c) => !old.has(key(c)) || !same(old.get(key(c))!, c)).map(key);
      // no page disappears
      for (const k of old.keys()) expect(after.map(key), `${n}: ${k}`).toContain(k);
      if ((n + 1) % size === 0 && n + 1 >= 2 * size) {
        // the head's older run becomes page k; page k − 1 links to it instead of the head
        const k = (n + 1) / size - 1;
        expect(changed.sort(), String(n)).toEqual(['t', `t/${k}`, ...(k > 1 ? [`t/${k - 1}`] : [])].sort());
      } else {
        expect(changed, String(n)).toEqual(['t']);
      }
    }
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => chunksFromOldest([1], 0)).toThrow(/positive integer, not 0/);
  });

  it('names the head at the list and numbered pages below it', () => {
    expect(chunkSlug('economy', 'head')).toBe('economy');
    expect(chunkSlug('economy', 1)).toBe('economy/1');
  });

  it('counts the whole list on the head and only itself on a numbered page', () => {
    expect(chunkSummary('共 45 篇', { head: true, number: 2, items: [] })).toBe('共 45 篇，新者在前。');
    expect(chunkSummary('共 45 篇', { head: false, number: 1, items: [1, 2, 3] })).toBe(
      '较早的文章：第 1 页（自最早一页数起），3 篇，新者在前。',
    );
  });
});

describe('listPageSize', () => {
  it('reads BAOKAN_LIST_SIZE, else the given default', () => {
    expect(listPageSize({})).toBe(30);
    expect(listPageSize({ BAOKAN_LIST_SIZE: '' }, 20)).toBe(20);
    expect(listPageSize({ BAOKAN_LIST_SIZE: '3' })).toBe(3);
  });

  it.each(['0', '-2', '2.5', 'x'])('refuses %s in one line', (v) => {
    expect(() => listPageSize({ BAOKAN_LIST_SIZE: v })).toThrow(
      `BAOKAN_LIST_SIZE must be a positive whole number, not "${v}"`,
    );
  });
});
