import { describe, expect, it } from 'vitest';
import type { DiskMonthEntry } from './disk-read.ts';
import {
  forwards,
  isYear,
  monthsInScope,
  monthsSpanned,
  scopeFilters,
  scopeNote,
  scopeOptions,
  shardsInScope,
  type Range,
} from './scope.ts';
import { planShards, type Shard } from './shards.ts';

/** Shards of 2022-11 … 2023-03 (two months each, newest first) and the undated articles. */
const shards: Shard[] = planShards(
  new Map([
    ['2022-11', 10],
    ['2022-12', 10],
    ['2023-01', 10],
    ['2023-02', 10],
    ['2023-03', 1000],
    ['undated', 5],
  ]),
  20,
);
const ids = (list: readonly Shard[]) => list.map((s) => s.id);
const range = (r: Partial<Range>): Range => ({ scope: '', from: '', to: '', ...r });

describe('the shards planned for these tests', () => {
  it('are 2023-03, 2023-01_2023-02, 2022-11_2022-12 and undated', () => {
    expect(ids(shards)).toEqual(['2023-03', '2023-01_2023-02', '2022-11_2022-12', 'undated']);
  });
});

describe('shardsInScope', () => {
  it.each<[string, Partial<Range>, string[]]>([
    ['the newest by default', {}, ['2023-03']],
    ['the newest for an unknown value', { scope: 'newest' }, ['2023-03']],
    ['every one for all', { scope: 'all' }, ids(shards)],
    ['those touching a year', { scope: '2022' }, ['2022-11_2022-12']],
    ['those touching a year over two shards', { scope: '2023' }, ['2023-03', '2023-01_2023-02']],
    ['the newest for a year none holds', { scope: '1999' }, ['2023-03']],
    [
      'those holding a month of a range (over the switch)',
      { scope: 'all', from: '2022-12', to: '2023-01' },
      ['2023-01_2023-02', '2022-11_2022-12'],
    ],
    ['from a month on', { from: '2023-02' }, ['2023-03', '2023-01_2023-02']],
    ['up to a month', { to: '2022-11' }, ['2022-11_2022-12']],
    ['none for months outside every shard', { from: '2024-01' }, []],
  ])('%s', (_, r, want) => {
    expect(ids(shardsInScope(shards, range(r)))).toEqual(want);
  });
});

describe('scopeOptions', () => {
  it('offers the newest shard, each year newest first, and all years', () => {
    expect(scopeOptions(shards)).toEqual([
      ['', '最近：2023年3月'],
      ['2023', '2023年'],
      ['2022', '2022年'],
      ['all', '全部年份'],
    ]);
    expect(scopeOptions([])).toEqual([]);
  });
});

describe('scopeFilters', () => {
  const filters = { 报纸: ['衡阳日报'] };
  it("a year's range shows that year only", () => {
    expect(scopeFilters(filters, '2022')).toEqual({ 报纸: ['衡阳日报'], 年份: ['2022年'] });
    expect(scopeFilters({ 年份: ['2021年'] }, '2022')).toEqual({ 年份: ['2022年'] });
  });
  it('another range drops the year filter', () => {
    expect(scopeFilters({ ...filters, 年份: ['2022年'] }, 'all')).toEqual(filters);
  });
  it('read from the address, a year filter already chosen stays', () => {
    expect(scopeFilters({ 年份: ['2021年'] }, '2022', true)).toEqual({ 年份: ['2021年'] });
    expect(scopeFilters({}, '2022', true)).toEqual({ 年份: ['2022年'] });
    expect(scopeFilters({ 年份: ['2021年'] }, '', true)).toEqual({ 年份: ['2021年'] });
  });
  it('does not change the filters it is given', () => {
    const given = { 年份: ['2021年'] };
    scopeFilters(given, 'all');
    expect(given).toEqual({ 年份: ['2021年'] });
  });
});

describe('isYear', () => {
  it.each([
    ['2021', true],
    ['all', false],
    ['', false],
    ['20211', false],
  ])('%j → %s', (v, want) => expect(isYear(v)).toBe(want));
});

describe('monthsSpanned', () => {
  it('lists every month from the newest to the oldest, across years', () => {
    expect(monthsSpanned(shards)).toEqual(['2023-03', '2023-02', '2023-01', '2022-12', '2022-11']);
  });
  it('none for only undated articles', () => {
    expect(monthsSpanned(shards.filter((s) => s.id === 'undated'))).toEqual([]);
  });
});

describe('forwards', () => {
  it('reads a range given backwards forwards', () => {
    expect(forwards('2023-03', '2022-11')).toEqual({ from: '2022-11', to: '2023-03' });
    expect(forwards('2022-11', '2023-03')).toEqual({ from: '2022-11', to: '2023-03' });
    expect(forwards('2023-03', '')).toEqual({ from: '2023-03', to: '' });
  });
});

describe('monthsInScope', () => {
  const entry = (month: string): DiskMonthEntry => ({ month, file: `${month}.js`, articles: 1, bytes: 1 });
  const months = ['2023-03', '2023-02', '2023-01', '2022-12', '2022-11', 'undated'].map(entry);
  const of = (r: Partial<Range>) =>
    monthsInScope(months, shardsInScope(shards, range(r)), range(r)).map((m) => m.month);
  it("loads the chosen shards' months", () => {
    expect(of({})).toEqual(['2023-03']);
    expect(of({ scope: '2022' })).toEqual(['2022-12', '2022-11']);
  });
  it('the undated articles only with every shard and no months chosen', () => {
    expect(of({ scope: 'all' })).toEqual(['2023-03', '2023-02', '2023-01', '2022-12', '2022-11', 'undated']);
    expect(of({ from: '2022-12' })).toEqual(['2023-03', '2023-02', '2023-01', '2022-12']);
  });
  it('only the months from–to of shards that reach past them', () => {
    expect(of({ from: '2023-02', to: '2023-02' })).toEqual(['2023-02']);
  });
});

describe('scopeNote', () => {
  it('says the months searched when chosen (and that the switch does not apply)', () => {
    expect(scopeNote(shards, range({ from: '2022-11', to: '2023-01' }))).toBe(
      '检索范围：2022年11月至2023年1月的文章（“范围”不起作用）。',
    );
    expect(scopeNote(shards.slice(0, 1), range({ to: '2023-01' }))).toBe('检索范围：最早至2023年1月的文章。');
  });
  it('says what part of the articles the range holds', () => {
    expect(scopeNote(shards, range({}))).toBe(
      '检索范围：2023年3月，1,000 篇（全部 1,045 篇）。要检索更早的文章，请在“范围”中选年份或“全部年份”。',
    );
    expect(scopeNote(shards, range({ scope: '2022' }))).toBe(
      '检索范围：2022年，20 篇（全部 1,045 篇）。要检索更早的文章，请在“范围”中选年份或“全部年份”。',
    );
    expect(scopeNote(shards, range({ scope: 'all' }))).toBe('检索全部年份的 1,045 篇文章。');
  });
  it('says nothing for one shard and no months', () => {
    expect(scopeNote(shards.slice(0, 1), range({ scope: 'all' }))).toBeNull();
  });
});
