import { describe, expect, it } from 'vitest';
import { declaredMonth, monthOf, planShards, shardOf, spanLabel, UNDATED } from './shards.ts';

const months = (entries: [string, number][]) => new Map(entries);

describe('search shards', () => {
  it('packs whole months from the oldest within the limit, listed newest first', () => {
    const shards = planShards(
      months([
        ['2022-11', 40],
        ['2022-12', 30],
        ['2023-01', 50],
        ['2023-02', 40],
        ['2023-03', 30],
      ]),
      100,
    );
    expect(shards.map((s) => [s.id, s.articles])).toEqual([
      ['2023-03', 30],
      ['2023-01_2023-02', 90],
      ['2022-11_2022-12', 70],
    ]);
    expect(shards[1]!.label).toBe('2023年1月—2月');
    expect(shards[2]!.years).toEqual(['2022']);
  });
  it('changes only the newest shards as issues are added, and never leaves a newest shard of a handful', () => {
    const archive: [string, number][] = [
      ['2022-09', 60],
      ['2022-10', 30],
      ['2022-11', 40],
      ['2022-12', 50],
    ];
    const ids = (extra: [string, number][]) =>
      planShards(months([...archive, ...extra]), 100).map((s) => s.id);
    // a new month of 10 articles: too few for a shard, it joins the newest (≤ 1.25 × the limit)
    expect(ids([['2023-01', 10]])).toEqual(['2022-11_2023-01', '2022-09_2022-10']);
    // once it holds a quarter of the limit it is a shard of its own; the older ones stay as they were
    expect(ids([['2023-01', 25]])).toEqual(['2023-01', '2022-11_2022-12', '2022-09_2022-10']);
    expect(ids([['2023-01', 70]])).toEqual(['2023-01', '2022-11_2022-12', '2022-09_2022-10']);
    expect(ids([])).toEqual(['2022-11_2022-12', '2022-09_2022-10']);
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
    expect(shardOf(shards, '2023-02').id).toBe('2023-01_2023-02');
    expect(shardOf(shards, '2023-01').id).toBe('2023-01_2023-02');
    expect(shardOf(shards, '2023-03').id).toBe('2023-03');
    expect(shardOf(shards, UNDATED).id).toBe('undated');
    expect(() => shardOf(shards, '2024-01')).toThrow(/no search shard holds the month 2024-01/);
    expect(declaredMonth('<div hidden data-search-month="2023-02" class="x">')).toBe('2023-02');
    expect(declaredMonth('<div hidden>')).toBeNull();
  });
});
