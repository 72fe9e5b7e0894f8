import { describe, expect, it } from 'vitest';
import { authorNames, matchNameLine } from './byline.ts';

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
