import { describe, expect, it } from 'vitest';
import { collapseLetterSpacing, isLetterSpaced } from './letter-spacing.ts';

describe('letter-spaced lines', () => {
  it('takes the tracking out of a line spaced character by character', () => {
    expect(collapseLetterSpacing('本 报 讯 （ 记 者  王 明 ） 昨 天 下 午 ， 市 委 召 开 会 议 。')).toBe(
      '本报讯（记者  王明）昨天下午，市委召开会议。',
    );
    expect(collapseLetterSpacing('2 0 2 5 年 3 月 1 日   星 期 六')).toBe('2025年3月1日   星期六');
  });
  it('keeps the indent, and reads a short tracked title (公 示, 青 溪 报)', () => {
    expect(collapseLetterSpacing('　　本 报 讯 （ 记 者 ）')).toBe('　　本报讯（记者）');
    expect(collapseLetterSpacing('青 溪 报')).toBe('青溪报');
    expect(collapseLetterSpacing('公 示')).toBe('公示');
  });
  it('leaves spaced names, name lists, phrases and Latin text alone', () => {
    for (const line of [
      '本报记者 赵 成',
      '刘虹梅 王文焱 邓江虹 尹利民 张文凯',
      '决胜全面小康 决战脱贫攻坚',
      '稳中求进  开局向新向优',
      'LINJIANG DAILY',
      '贺  勇',
      '姓名 性别 出生年月 现任职务',
    ]) {
      expect(isLetterSpaced(line), line).toBe(false);
      expect(collapseLetterSpacing(line)).toBe(line);
    }
  });
});
