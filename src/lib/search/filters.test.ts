import { describe, expect, it } from 'vitest';
import { countFilters, filterGroups, NAME_VALUES_SHOWN, toggleFilter } from './filters.ts';

const results: { filters?: Record<string, string[]> }[] = [
  { filters: { 报纸: ['衡阳日报'], 年份: ['2021年'], 月份: ['2021年03月'], 专题: ['抗疫', '医保'] } },
  { filters: { 报纸: ['衡阳晚报'], 年份: ['2023年'], 月份: ['2023年01月'], 专题: ['医保'] } },
  { filters: { 报纸: ['衡阳晚报'], 年份: ['2022年'], 月份: ['2022年12月'] } },
  {},
];

describe('countFilters', () => {
  it('counts, per filter value, the results that hold it', () => {
    expect(countFilters(results)).toEqual({
      报纸: { 衡阳日报: 1, 衡阳晚报: 2 },
      年份: { '2021年': 1, '2023年': 1, '2022年': 1 },
      月份: { '2021年03月': 1, '2023年01月': 1, '2022年12月': 1 },
      专题: { 抗疫: 1, 医保: 2 },
    });
  });
  it('sums over the shards: the counts of two lists are those of the lists joined', () => {
    const one = countFilters(results.slice(0, 2));
    const two = countFilters(results.slice(2));
    const all = countFilters(results);
    expect(all.报纸!.衡阳晚报).toBe((one.报纸!.衡阳晚报 ?? 0) + (two.报纸!.衡阳晚报 ?? 0));
  });
});

describe('filterGroups', () => {
  const closed = { was: {}, openFirst: [] };
  it('lists the groups in the page order, leaving out those without values', () => {
    const groups = filterGroups(countFilters(results), {}, closed);
    expect(groups.map((g) => g.name)).toEqual(['报纸', '年份', '月份', '专题']);
  });
  it('lists years and months newest first, other values by count then by text', () => {
    const groups = filterGroups(countFilters(results), {}, closed);
    const values = (name: string) => groups.find((g) => g.name === name)!.values.map((v) => v.value);
    expect(values('年份')).toEqual(['2023年', '2022年', '2021年']);
    expect(values('月份')).toEqual(['2023年01月', '2022年12月', '2021年03月']);
    expect(values('报纸')).toEqual(['衡阳晚报', '衡阳日报']);
    expect(values('专题')).toEqual(['医保', '抗疫']);
  });
  it('keeps a chosen value that no result holds, checked, with 0, last', () => {
    const groups = filterGroups(countFilters(results), { 报纸: ['衡阳日报', '湘声报'] }, closed);
    expect(groups[0]!.values).toEqual([
      { value: '衡阳晚报', count: 2, checked: false },
      { value: '衡阳日报', count: 1, checked: true },
      { value: '湘声报', count: 0, checked: true },
    ]);
    expect(filterGroups({}, { 体裁: ['消息'] }, closed)).toEqual([
      { name: '体裁', open: true, values: [{ value: '消息', count: 0, checked: true }] },
    ]);
  });
  it('opens a group as it was, else when it is one to open first or has a choice', () => {
    const open = (was: Record<string, boolean>, chosen: Record<string, string[]> = {}) =>
      filterGroups(countFilters(results), chosen, { was, openFirst: ['报纸', '年份'] })
        .filter((g) => g.open)
        .map((g) => g.name);
    expect(open({})).toEqual(['报纸', '年份']);
    expect(open({ 报纸: false, 专题: true })).toEqual(['年份', '专题']);
    expect(open({}, { 月份: ['2021年03月'] })).toEqual(['报纸', '年份', '月份']);
  });
});

describe('name filters', () => {
  const closed = { was: {}, openFirst: [] };
  // 25 people, person k named in k + 1 results; 人物 first of all
  const many = Array.from({ length: 25 }, (_, k) => `人${String(k).padStart(2, '0')}`);
  const named = many.map((_, i) => ({ filters: { 人物: many.filter((__, k) => k >= i) } }));

  it('list after the topics, the commonest first, at most NAME_VALUES_SHOWN of them', () => {
    const groups = filterGroups(countFilters([...results, ...named]), {}, closed);
    expect(groups.map((g) => g.name)).toEqual(['报纸', '年份', '月份', '专题', '人物']);
    const people = groups.find((g) => g.name === '人物')!.values;
    expect(NAME_VALUES_SHOWN).toBe(20);
    expect(people).toHaveLength(20);
    expect(people[0]).toEqual({ value: '人24', count: 25, checked: false });
    expect(people[19]!.value).toBe('人05');
  });
  it('keep a chosen value that is not among the commonest', () => {
    const groups = filterGroups(countFilters(named), { 人物: ['人00'] }, closed);
    const people = groups.find((g) => g.name === '人物')!.values;
    expect(people).toHaveLength(21);
    expect(people[20]).toEqual({ value: '人00', count: 1, checked: true });
  });
});

describe('toggleFilter', () => {
  it('adds and removes a value; a filter with none left goes', () => {
    const one = toggleFilter({}, '报纸', '衡阳日报', true);
    expect(one).toEqual({ 报纸: ['衡阳日报'] });
    const two = toggleFilter(one, '报纸', '衡阳晚报', true);
    expect(two).toEqual({ 报纸: ['衡阳日报', '衡阳晚报'] });
    expect(toggleFilter(two, '报纸', '衡阳日报', false)).toEqual({ 报纸: ['衡阳晚报'] });
    expect(toggleFilter(one, '报纸', '衡阳日报', false)).toEqual({});
    expect(one).toEqual({ 报纸: ['衡阳日报'] });
  });
  it('does not add a value twice', () => {
    expect(toggleFilter({ 报纸: ['衡阳日报'] }, '报纸', '衡阳日报', true)).toEqual({ 报纸: ['衡阳日报'] });
  });
});
