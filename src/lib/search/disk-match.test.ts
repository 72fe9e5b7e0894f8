import { describe, expect, it } from 'vitest';
import { diskCandidates, diskFragment, hasFilters } from './disk-match.ts';
import type { DiskRecord } from './disk-read.ts';

const record = (
  url: string,
  content: string,
  title: string,
  filters: Record<string, string[]>,
): DiskRecord => ({
  url,
  content,
  meta: { title, date: '2021-03-06' },
  filters,
});
const a = record('p/a/', '医疗保障局推进DRG改革。', '医保改革', { 报纸: ['衡阳日报'], 体裁: ['消息'] });
const b = record('p/b/', '医保帮扶。', '帮扶', { 报纸: ['衡阳晚报'], 体裁: ['消息', '通讯'] });

describe('hasFilters', () => {
  it('needs every chosen value of every filter', () => {
    expect(hasFilters(b, {})).toBe(true);
    expect(hasFilters(b, { 体裁: ['消息', '通讯'] })).toBe(true);
    expect(hasFilters(b, { 体裁: ['消息'], 报纸: ['衡阳日报'] })).toBe(false);
    expect(hasFilters({ ...b, filters: undefined } as unknown as DiskRecord, { 体裁: ['消息'] })).toBe(false);
  });
});

describe('diskCandidates', () => {
  it('proposes records whose text or headings hold every term (folded), with the filters', () => {
    expect(diskCandidates([a, b], {}, ['医保']).map((r) => r.url)).toEqual(['p/a/', 'p/b/']);
    expect(diskCandidates([a, b], {}, ['ｄｒｇ']).map((r) => r.url)).toEqual(['p/a/']);
    expect(diskCandidates([a, b], {}, ['医保', '帮扶']).map((r) => r.url)).toEqual(['p/b/']);
    expect(diskCandidates([a, b], { 报纸: ['衡阳日报'] }, ['医保']).map((r) => r.url)).toEqual(['p/a/']);
  });
  it('proposes, like Pagefind, more than the exact rules keep (DRG inside ADRG; verify drops it)', () => {
    const c = record('p/c/', 'ADRG分组。', '分组', {});
    expect(diskCandidates([c], {}, ['DRG'])).toHaveLength(1);
  });
});

describe('diskFragment', () => {
  it("links the article's index.html relative to the search page", () => {
    expect(diskFragment(a, '../search-disk/').url).toBe('../search-disk/../p/a/index.html');
  });
});
