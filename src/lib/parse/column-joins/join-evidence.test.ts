/** The evidence at a column-break seam, on seams from the seeds (checked against their text). */
import { describe, expect, it } from 'vitest';
import { decideJoin, type Seam } from './join-evidence.ts';

const seam = (left: string, right: string, how: Partial<Seam> = {}): Seam => ({
  left,
  right,
  rightHeading: false,
  leftCut: false,
  captionLifted: false,
  typical: 60,
  lines: [1, 3],
  ...how,
});
const joins = (left: string, right: string, how: Partial<Seam> = {}) =>
  decideJoin(seam(left, right, how)).join;

describe('join across a column break', () => {
  it('joins with evidence: a word across the seam, a phrase that cannot end there', () => {
    expect(joins('近年来，我市认真贯彻落实习近平总书记关于志愿服务工作的系列重', '要讲话精神')).toBe(true);
    expect(joins('2021年，全市医疗保障工作将', '在全面推进各项工作的同时')).toBe(true); // ends on 将
    expect(joins('衡阳县新正街单建式平战结合人防工程项目西', '起建设南路路口')).toBe(true); // lone locative
  });
  it('keeps apart a heading and the text under it, and finished sentences', () => {
    expect(joins('从“军官”到“村官”用初心勾勒', '2018年5月，刘义杰从驻武汉某空军部队转业')).toBe(false);
    expect(joins('三是标准不高、担当不够、机制不顺的现象仍然存在', '群众诉求沟通未到位。')).toBe(false);
    expect(joins('市领导张霞参加活动。', '为“一体两翼”贡献力量')).toBe(false);
  });
  it('joins around a lifted caption on weaker evidence', () => {
    expect(joins('活动现场，“衡阳群众”志愿者', '各司其职，宣讲雷锋精神', { captionLifted: true })).toBe(true);
    expect(joins('活动现场，“衡阳群众”志愿者', '各司其职，宣讲雷锋精神')).toBe(false);
  });
  it('decides certain printed forms by rule and says which', () => {
    expect(decideJoin(seam('……工作。', '下一步'))).toEqual({
      join: false,
      score: null,
      evidence: ['left-ends-sentence'],
    });
    expect(decideJoin(seam('我市将', '，在全市推开'))).toMatchObject({ join: true, score: null });
    expect(decideJoin(seam('行走东北，过去“猫冬”，现在“忙冬', '”。', { leftCut: true })).evidence).toEqual([
      'column-cut',
    ]);
  });
  it('names the evidence of a scored decision', () => {
    const d = decideJoin(seam('近年来，我市认真贯彻落实习近平总书记关于志愿服务工作的系列重', '要讲话精神'));
    expect(d.score).toBeGreaterThan(0);
    expect(d.evidence.join(' ')).toMatch(/word-spans-seam/u);
  });
});
