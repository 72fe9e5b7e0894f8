import { describe, expect, it } from 'vitest';
import { authorNames, isGraphicCredit, matchNameLine } from './byline.ts';

describe('authorNames', () => {
  it.each([
    ['李洪兴', ['李洪兴']],
    ['崔  寅', ['崔寅']],
    ['李鹏飞  吴海军', ['李鹏飞', '吴海军']],
    ['李鹏飞\u3000吴海军', ['李鹏飞', '吴海军']],
  ])('%s → %j', (line, names) => {
    expect(authorNames(line)).toEqual(names);
  });

  it.each([['衡阳市'], ['市委书记'], ['深刻把握统筹发展'], ['李鹏飞  深刻把握']])('%s → none', (line) => {
    expect(authorNames(line)).toBeNull();
  });

  it('gives each name its credit', () => {
    expect(matchNameLine('李鹏飞  吴海军')?.staff.map((s) => s.name)).toEqual(['李鹏飞', '吴海军']);
  });
});

describe('isGraphicCredit', () => {
  it.each([
    ['数据来源：国家文物局　　制图：张芳曼'],
    ['制图：李明'],
    ['数据来源：财政部'],
    ['资料来源：国家统计局'],
  ])('%s is a graphic’s credit', (line) => {
    expect(isGraphicCredit(line)).toBe(true);
  });
  it.each([['来源：网络。'], ['数据来源：据统计，今年全市粮食产量达到历史最高水平。'], ['设计图纸已经完成']])(
    '%s is not',
    (line) => {
      expect(isGraphicCredit(line)).toBe(false);
    },
  );
});
