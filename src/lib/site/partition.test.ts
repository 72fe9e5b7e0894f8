import { describe, expect, it } from 'vitest';
import { hasIssue, hasLists, hasPath, hasShard, partitionLabel, readPartition } from './partition.ts';

describe('readPartition', () => {
  it.each([
    [undefined, { kind: 'whole' }],
    ['', { kind: 'whole' }],
    ['lists', { kind: 'lists' }],
    ['years:2020-2021', { kind: 'years', from: 2020, to: 2021 }],
    ['years:2021', { kind: 'years', from: 2021, to: 2021 }],
    ['years:-2019', { kind: 'years', from: 0, to: 2019 }],
    ['years:2022-', { kind: 'years', from: 2022, to: 9999 }],
  ])('%s', (value, want) => {
    expect(readPartition({ BAOKAN_PARTITION: value })).toEqual(want);
  });

  it.each(['years', 'years:', 'years:-', 'years:2022-2020', 'years:21', 'list', 'years:2020,2021'])(
    'refuses %s in one line naming the setting',
    (value) => {
      expect(() => readPartition({ BAOKAN_PARTITION: value })).toThrow(
        new RegExp(`^BAOKAN_PARTITION="${value}" is not a partition: use years:2020-2021`),
      );
    },
  );
});

describe('what a partition builds', () => {
  const whole = readPartition({});
  const lists = readPartition({ BAOKAN_PARTITION: 'lists' });
  const early = readPartition({ BAOKAN_PARTITION: 'years:-2021' });
  const late = readPartition({ BAOKAN_PARTITION: 'years:2022-' });

  it('gives every dated issue to exactly one years partition, undated ones to the lists', () => {
    for (const date of ['1949-10-01', '2021-12-31', '2022-01-01', '2023-01-05', null]) {
      const owners = [lists, early, late].filter((p) => hasIssue(p, date));
      expect(owners, String(date)).toHaveLength(1);
      expect(hasIssue(whole, date)).toBe(true);
    }
    expect(hasIssue(early, '2021-12-31')).toBe(true);
    expect(hasIssue(late, '2022-01-01')).toBe(true);
    expect(hasIssue(lists, null)).toBe(true);
  });

  it('builds the list pages in the lists partition (and a whole build) only', () => {
    expect([whole, lists, early, late].map(hasLists)).toEqual([true, true, false, false]);
  });

  it('tells an issue’s pages by the date in their path, anything else is a list page', () => {
    expect(hasPath(early, 'hengyang-daily/2021/03/06/')).toBe(true);
    expect(hasPath(early, 'hengyang-daily/2021/03/06/2/a014/')).toBe(true);
    expect(hasPath(late, 'hengyang-daily/2021/03/06/2/')).toBe(false);
    expect(hasPath(lists, 'hengyang-daily/undated/x1/')).toBe(true);
    expect(hasPath(early, 'hengyang-daily/undated/x1/')).toBe(false);
    expect(hasPath(lists, 'topics/economy/')).toBe(true);
    expect(hasPath(early, 'archive/2021/')).toBe(false);
  });

  it('indexes the search shards wholly in its years; one across two partitions is left to the merge', () => {
    expect(hasShard(early, '2021-03', '2021-12')).toBe(true);
    expect(hasShard(late, '2021-11', '2022-02')).toBe(false);
    expect(hasShard(early, '2021-11', '2022-02')).toBe(false);
    expect(hasShard(lists, '2021-03', '2021-12')).toBe(false);
    expect(hasShard(lists, null, null)).toBe(true);
    expect(hasShard(early, null, null)).toBe(false);
    expect(hasShard(whole, '2021-11', '2022-02')).toBe(true);
  });

  it('says in words what it builds', () => {
    expect(partitionLabel(readPartition({ BAOKAN_PARTITION: 'years:2020-2021' }))).toBe(
      'the issues of 2020–2021',
    );
    expect(partitionLabel(late)).toBe('the issues of 2022–…');
    expect(partitionLabel(lists)).toBe('the list pages and the undated issues');
  });
});
