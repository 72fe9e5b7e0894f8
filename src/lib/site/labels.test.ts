import { describe, expect, it } from 'vitest';
import {
  clip,
  dateSpanZh,
  dateZh,
  kindZh,
  monthKeyZh,
  monthZh,
  paperLabel,
  roleZh,
  shortTitle,
  UNKNOWN_DATE,
  UNKNOWN_PAPER,
} from './labels.ts';

describe('labels', () => {
  it.each([
    ['2021-03-06', '2021年3月6日'],
    ['2020-12-31', '2020年12月31日'],
    [null, '日期不详'],
    [undefined, '日期不详'],
  ])('dateZh(%s) = %s', (iso, want) => {
    expect(dateZh(iso)).toBe(want);
  });

  it.each([
    ['2021-03', '2021年3月'],
    ['2022-11', '2022年11月'],
    ['undated', '日期不详'],
  ])('monthKeyZh(%s) = %s', (key, want) => {
    expect(monthKeyZh(key)).toBe(want);
  });

  it('names a month, a paper, a span', () => {
    expect(monthZh(2023, 1)).toBe('2023年1月');
    expect(paperLabel('衡阳日报')).toBe('衡阳日报');
    expect(paperLabel(null)).toBe(UNKNOWN_PAPER);
    expect(UNKNOWN_PAPER).toBe('未知报纸');
    expect(UNKNOWN_DATE).toBe('日期不详');
    expect(dateSpanZh('2021-03-06', '2021-05-01')).toBe('2021年3月6日至2021年5月1日');
    expect(dateSpanZh('2021-03-06', '2021-03-06')).toBe('2021年3月6日');
    expect(dateSpanZh(null, '2021-03-06')).toBe('2021年3月6日');
    expect(dateSpanZh(null, null)).toBe('');
  });

  it.each([
    ['reporter', null, '记者'],
    ['reporter', '全媒体记者', '全媒体记者'],
    ['photographer', '摄', '摄影'],
    ['contributor', null, ''],
    ['editor', null, 'editor'],
  ])('roleZh(%s, %s) = %s', (role, printed, want) => {
    expect(roleZh(role, printed)).toBe(want);
  });

  it('names article kinds, unknown kinds as given', () => {
    expect(kindZh('news')).toBe('消息');
    expect(kindZh('continuation')).toBe('转版续文');
    expect(kindZh('poem')).toBe('poem');
  });

  it('cuts by characters, not code units, and marks the cut', () => {
    expect(clip('衡阳日报', 4)).toBe('衡阳日报');
    expect(clip('衡阳日报社', 4)).toBe('衡阳日报…');
    expect(clip('𠀀𠀁𠀂', 2)).toBe('𠀀𠀁…');
    expect(shortTitle('一'.repeat(25))).toBe(`${'一'.repeat(24)}…`);
    expect(shortTitle('一'.repeat(24))).toBe('一'.repeat(24));
  });
});

describe('wire copy labels', () => {
  it('says how much a copy shares and what the comparison counts', async () => {
    const { sharedZh, compareCountZh, compareLegendZh, printingZh } = await import('./labels.ts');
    expect(sharedZh(438, 0.9371)).toBe('共有约438字（占较短一稿的94%）');
    expect(compareCountZh(468, 32, 26)).toBe(
      '两稿共有468字；只见于前稿32字，只见于后稿26字（空格与标点不计）。',
    );
    expect(printingZh(null, '2021-03-08', '第三版')).toBe('未知报纸 2021年3月8日 第三版');
    const legend = compareLegendZh('衡阳日报 2021年3月6日 第一版', '衡阳晚报 2021年3月8日 第三版');
    expect(legend.join('')).toMatch(/删除线.*前稿.*下划线.*后稿/);
  });
});
