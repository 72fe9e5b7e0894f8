import { describe, expect, it } from 'vitest';
import { neighbour, pageCounts, pageName, pageSlots } from './page-nav.ts';

describe('pageName', () => {
  it('drops the inferred note and keeps the variant note', () => {
    expect(pageName('第一版')).toBe('第一版');
    expect(pageName('第二版（推定）')).toBe('第二版');
    expect(pageName('第二版（推定，另本）')).toBe('第二版（另本）');
    expect(pageName('第三版（另本2）')).toBe('第三版（另本2）');
  });
});

describe('pageSlots', () => {
  const p = (number: number, numberKnown = true) => ({ number, numberKnown });
  it('lists every page the masthead counts, with the pages held (今日8版, one held)', () => {
    const slots = pageSlots([p(1)], 8);
    expect(slots.map((s) => [s.name, s.pages.length])).toEqual([
      ['第一版', 1],
      ['第二版', 0],
      ['第三版', 0],
      ['第四版', 0],
      ['第五版', 0],
      ['第六版', 0],
      ['第七版', 0],
      ['第八版', 0],
    ]);
    expect(pageCounts([p(1)], 8)).toEqual({ printed: 8, held: 1 });
  });

  it('shows gaps between printed numbers without a masthead', () => {
    expect(pageSlots([p(1), p(3)], null).map((s) => s.pages.length)).toEqual([1, 0, 1]);
  });

  it('lists inferred pages as they are, and a variant under its number', () => {
    expect(pageCounts([p(1, false), p(2, false)], null)).toEqual({ printed: 2, held: 2 });
    const a = p(2);
    const b = p(2);
    expect(pageSlots([p(1), a, b], 2).map((s) => s.pages)).toEqual([[p(1)], [a, b]]);
    expect(pageSlots([], null)).toEqual([]);
  });
});

describe('neighbour', () => {
  it('marks a step into another page', () => {
    const list = [
      { id: 1, page: 'a' },
      { id: 2, page: 'a' },
      { id: 3, page: 'b' },
    ];
    expect(neighbour(list, 0, -1)).toBeNull();
    expect(neighbour(list, 0, 1)).toEqual({ article: list[1], crosses: false });
    expect(neighbour(list, 1, 1)).toEqual({ article: list[2], crosses: true });
    expect(neighbour(list, 2, 1)).toBeNull();
  });
});
