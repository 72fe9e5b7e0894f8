import { describe, expect, it } from 'vitest';
import { cut } from '../segment.ts';
import { extraSearchTokens, hanRuns, icuWord } from './tokens.ts';

// A toy query dictionary, so the expected tokens can be worked out by hand.
const toyWords = ['衡阳', '青少年', '少年', '助力', '垃圾', '分类'];
const toyQueryWord = (s: string): boolean => toyWords.includes(s);

/** The segments Intl.Segmenter (as Pagefind in the browser) makes of `q`. */
function querySegments(q: string): string[] {
  return [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(q)]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment);
}

describe('hanRuns', () => {
  it('splits on punctuation, digits and Latin letters', () => {
    expect(hanRuns(['“衡阳群众”志愿者95万多人。DRG（按疾病诊断分组）'])).toEqual([
      '衡阳群众',
      '志愿者',
      '万多人',
      '按疾病诊断分组',
    ]);
  });
});

describe('extraSearchTokens', () => {
  it('takes, per position, the longest query word there, else the character', () => {
    // 衡阳 阳 青少年 少年 年 助力 力 垃圾 圾 分类 类, sorted by code point
    expect(extraSearchTokens(['衡阳青少年助力垃圾分类'], toyQueryWord)).toEqual(
      ['分类', '助力', '圾', '垃圾', '少年', '年', '力', '衡阳', '阳', '青少年', '类'].sort(),
    );
  });

  it('drops duplicates and tokens that are a prefix of another token', () => {
    // 少年 (from 青少年) and 少 (from 少年宫 → 少, 年, 宫): 少 is a prefix of 少年
    expect(extraSearchTokens(['青少年', '少年宫'], (s) => ['青少年', '少年'].includes(s))).toEqual(
      ['青少年', '少年', '年', '宫'].sort(),
    );
    expect(extraSearchTokens(['垃圾分类 垃圾分类'], toyQueryWord)).toEqual(
      ['分类', '圾', '垃圾', '类'].sort(),
    );
  });

  it('ignores text without Han characters', () => {
    expect(extraSearchTokens(['DRG 2021 0734-8523525'], toyQueryWord)).toEqual([]);
  });

  it('with ICU: every segment of every substring is the prefix of a token', () => {
    const texts = ['衡阳青少年助力垃圾分类', '为“一体两翼”和健康衡阳贡献医保力量', '由湖南省文明办主办'];
    const tokens = extraSearchTokens(texts);
    let checked = 0;
    for (const run of hanRuns(texts)) {
      const cs = Array.from(run);
      for (let i = 0; i < cs.length; i++) {
        for (let j = i + 1; j <= cs.length; j++) {
          for (const seg of querySegments(cs.slice(i, j).join(''))) {
            checked++;
            expect(
              tokens.some((w) => w.startsWith(seg)),
              `${cs.slice(i, j).join('')} → ${seg}`,
            ).toBe(true);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('keeps words ICU reads whole even where jieba cuts them finer', () => {
    const tokens = extraSearchTokens(['衡阳青少年助力垃圾分类']);
    expect(tokens).toContain('少年');
    expect(cut('衡阳青少年助力垃圾分类')).not.toContain('少年');
  });

  it('icuWord reads dictionary words as one word and loose pairs as two', () => {
    expect(icuWord('垃圾')).toBe(true);
    expect(icuWord('湖南省')).toBe(true);
    expect(icuWord('年助')).toBe(false);
    expect(icuWord('，')).toBe(false);
  });
});
