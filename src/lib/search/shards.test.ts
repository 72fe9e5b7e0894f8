import { describe, expect, it } from 'vitest';
import { declaredMonth, monthOf, planShards, shardOf, spanLabel, UNDATED } from './shards.ts';

const months = (entries: [string, number][]) => new Map(entries);

describe('search shards', () => {
  it('packs whole months newest first within the limit', () => {
    const shards = planShards(
      months([
        ['2022-11', 40],
        ['2022-12', 30],
        ['2023-01', 50],
        ['2023-02', 60],
        ['2023-03', 20],
      ]),
      100,
    );
    expect(shards.map((s) => [s.id, s.articles])).toEqual([
      ['2023-02_2023-03', 80],
      ['2022-12_2023-01', 80],
      ['2022-11', 40],
    ]);
    expect(shards[1]!.label).toBe('2022年12月—2023年1月');
    expect(shards[1]!.years).toEqual(['2023', '2022']);
  });
  it('gives a month over the limit a shard of its own, and undated articles the last one', () => {
    const shards = planShards(
      months([
        ['2021-03', 500],
        ['2021-02', 10],
        [UNDATED, 3],
      ]),
      100,
    );
    expect(shards.map((s) => s.id)).toEqual(['2021-03', '2021-02', 'undated']);
    expect(shards[2]).toMatchObject({ from: null, to: null, label: '日期不详', years: [] });
  });
  it('keeps a small archive in one shard, and counts every article once', () => {
    const input = months([
      ['2020-11', 10],
      ['2021-03', 9],
      ['2022-04', 9],
      ['2023-01', 5],
    ]);
    const shards = planShards(input);
    expect(shards).toHaveLength(1);
    expect(shards[0]).toMatchObject({
      id: '2020-11_2023-01',
      articles: 33,
      years: ['2023', '2022', '2021', '2020'],
    });
  });
  it('labels spans in Chinese', () => {
    expect(spanLabel('2023-10', '2023-12')).toBe('2023年10月—12月');
    expect(spanLabel('2022-11', '2023-01')).toBe('2022年11月—2023年1月');
    expect(spanLabel('2023-01', '2023-12')).toBe('2023年');
    expect(spanLabel('2023-05', '2023-05')).toBe('2023年5月');
  });
  it('reads month keys from ISO dates and rejects bad keys and limits', () => {
    expect(monthOf('2021-03-06')).toBe('2021-03');
    expect(monthOf(null)).toBe(UNDATED);
    expect(monthOf('2021-13-01')).toBe(UNDATED);
    expect(() => planShards(months([['2021/03', 1]]))).toThrow(/not a month key/);
    expect(() => planShards(months([]), 0)).toThrow(/positive integer/);
  });
  it('finds the shard of a month, and the month an article page declares', () => {
    const shards = planShards(
      months([
        ['2023-01', 5],
        ['2023-02', 5],
        ['2023-03', 5],
        [UNDATED, 1],
      ]),
      10,
    );
    expect(shardOf(shards, '2023-02').id).toBe('2023-02_2023-03');
    expect(shardOf(shards, '2023-01').id).toBe('2023-01');
    expect(shardOf(shards, UNDATED).id).toBe('undated');
    expect(() => shardOf(shards, '2024-01')).toThrow(/no search shard holds the month 2024-01/);
    expect(declaredMonth('<div hidden data-search-month="2023-02" class="x">')).toBe('2023-02');
    expect(declaredMonth('<div hidden>')).toBeNull();
  });
});
