import { describe, expect, it } from 'vitest';
import { decisionWords, evidenceWords } from './decision-notes.ts';

describe('decision notes', () => {
  it('names a feature in Chinese and keeps its weight', () => {
    expect(evidenceWords('word-spans-seam +3.17')).toBe('断处两侧连成一个词（+3.17）');
    expect(evidenceWords('left-closes-quote -10.00')).toBe('上文以引号或括号收束（-10.00）');
  });

  it('names the words a reading-order decision rests on', () => {
    expect(evidenceWords('tail-shares-next-headline: 政法队伍 教育 整顿')).toBe(
      '下文与其后标题共用本文未用的词，是那篇文章排在标题前的结尾：政法队伍 教育 整顿',
    );
    expect(evidenceWords('seam-attested-in-article')).toMatch(/屡次出现/u);
  });
  it('keeps a name it does not know as written', () => {
    expect(evidenceWords('some-new-feature +1.00')).toBe('some-new-feature（+1.00）');
  });

  it('says whether a rule or the model decided', () => {
    expect(decisionWords({ kind: 'join', lines: [9, 11], score: null, evidence: ['column-cut'] })).toEqual({
      decided: '分栏处接为一段',
      basis: '按版式规则：上一行排满栏宽而句子未完',
    });
    expect(
      decisionWords({ kind: 'subhead', lines: [59], score: 2, evidence: ['bylined-feature +3.00'] }),
    ).toEqual({ decided: '判为文中小标题', basis: '模型得分 +2：本文是有署名的长篇（+3.00）' });
  });
});

describe('every rule and feature the models use has words', () => {
  it('join and subhead features', async () => {
    const { JOIN_MODEL } = await import('../parse/column-joins/join-evidence.ts');
    const { SUBHEAD_MODEL, headingFeatures } = await import('../parse/subheads/subhead-evidence.ts');
    const names = [
      ...Object.keys(JOIN_MODEL.weights),
      ...Object.keys(SUBHEAD_MODEL.weights),
      ...Object.keys(
        headingFeatures({
          text: '标题',
          lines: [1],
          share: 0,
          bylined: false,
          staffByline: false,
          bareByline: false,
          feature: false,
          dashSubtitle: false,
          textFollows: true,
          ownClosingCredit: false,
          paragraphs: 0,
        }),
      ),
    ];
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((n) => evidenceWords(n) === n)).toEqual([]);
  });
});
