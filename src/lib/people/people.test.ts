import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article, Byline, Caption } from '../model/issue.ts';
import { articleCredits } from './credits.ts';
import { isPersonName, joinSpacedNames, normaliseName } from './names.ts';
import { nameReading, parseReadings, sortKey, syllable, wordReading } from './readings.ts';
import { bylineParts, marked, reporterIndex } from './reporters.ts';

const readings = parseReadings(
  readFileSync(join(import.meta.dirname, '../../../content/readings.yaml'), 'utf8'),
  'content/readings.yaml',
);

function byline(text: string): Byline {
  return { text, source: '', place: null, dateline: null, staff: [], lines: { start: 1, end: 1 } };
}
const caption = (credit: string): Caption => ({ id: 'f1', text: '', credit, lines: [2], afterParagraph: 0 });
const credits = (b: string | null, ...captions: string[]) =>
  articleCredits({ byline: b === null ? null : byline(b), captions: captions.map(caption) } as Pick<
    Article,
    'byline' | 'captions'
  >).map((c) => `${c.name}:${c.role}${c.photos ? '+photos' : ''}`);

describe('names', () => {
  it('joins two-character names set with a space, and nothing else', () => {
    expect(joinSpacedNames('记者 贺  勇 通讯员 王勤')).toBe('记者 贺勇 通讯员 王勤');
    expect(joinSpacedNames('（记者 周\u3000琪）')).toBe('（记者 周琪）');
    expect(joinSpacedNames('记者 王勤 摄')).toBe('记者 王勤 摄');
    expect(joinSpacedNames('文 图')).toBe('文 图');
    expect(normaliseName('贺  勇')).toBe('贺勇');
  });
  it('tells names from words that stand where names stand', () => {
    for (const n of ['许珂', '欧阳修', '阿依古丽·买买提', '付星婷']) expect(isPersonName(n), n).toBe(true);
    for (const n of ['报道', '本报', '市交通局', '县委宣传部', '记者', '图片', '衡阳日报社', '某', '王'])
      expect(isPersonName(n), n).toBe(false);
  });
});

describe('credits of an article', () => {
  it('reads roles, photo credits and the reporter form', () => {
    expect(credits('本报讯（记者 许珂 实习生付星婷）')).toEqual(['许珂:reporter', '付星婷:intern']);
    expect(credits('本报记者（谢小青）')).toEqual(['谢小青:reporter']);
    expect(credits('本报讯（李建平 见习记者 刘紫叶）')).toEqual([
      '李建平:contributor',
      '刘紫叶:trainee-reporter',
    ]);
    expect(credits('本报记者（文/图 记者 金明达）')).toEqual(['金明达:reporter+photos']);
    expect(credits(null, '■通讯员 王勤 摄')).toEqual(['王勤:correspondent+photos']);
  });
  it('counts one person once, whether printed with spaces or not', () => {
    expect(credits('本报讯（记者 贺  勇 通讯员 王勤）', '记者 贺勇 摄')).toEqual([
      '贺勇:reporter+photos',
      '王勤:correspondent',
    ]);
  });
});

describe('readings', () => {
  it('reads tone marks', () => {
    expect(syllable('zēng')).toEqual({ base: 'zeng', tone: 1 });
    expect(syllable('lǘ')).toEqual({ base: 'lv', tone: 2 });
    expect(syllable('zeng1')).toBeNull();
    expect(marked({ base: 'lv', tone: 3 })).toBe('lǚ');
    expect(marked({ base: 'gou', tone: 1 })).toBe('gōu');
    expect(marked({ base: 'hui', tone: 1 })).toBe('huī');
  });
  it('reads surnames as the project says, the given name as commonly read', () => {
    const r = (n: string) =>
      nameReading(n, readings)
        .map((s) => s.base)
        .join(' ');
    expect(r('曾国藩')).toBe('zeng guo fan');
    expect(r('单田芳')).toBe('shan tian fang');
    expect(r('解缙')).toBe('xie jin');
    expect(r('区家麟')).toBe('ou jia lin');
    expect(r('查良镛')).toBe('zha liang yong');
    expect(r('乐嘉')).toBe('yue jia');
    expect(r('盖聂')).toBe('ge nie');
    expect(r('朴树')).toBe('piao shu');
    expect(r('仇英')).toBe('qiu ying');
    expect(
      wordReading('长沙市', readings)
        .map((s) => s.base)
        .join(' '),
    ).toBe('chang sha shi');
  });
  it('sorts by syllables, then tones', () => {
    const names = ['徐安', '许珂', '曾琪', '蔡明', '单亮', '陈润'];
    const sorted = [...names].sort((a, b) => {
      const ka = sortKey(a, nameReading(a, readings));
      const kb = sortKey(b, nameReading(b, readings));
      return ka < kb ? -1 : 1;
    });
    expect(sorted).toEqual(['蔡明', '陈润', '单亮', '徐安', '许珂', '曾琪']);
  });
  it('stops on a reading that is not one syllable per character, naming the line', () => {
    expect(() => parseReadings('surnames:\n  曾: zēng\n  欧阳: ōu\n', 'r.yaml')).toThrow(
      /^r\.yaml:3: "欧阳"/,
    );
  });
});

describe('reporter index', () => {
  const c = (name: string) => ({ name, role: 'reporter' as const, roleText: '记者', photos: false });
  const index = reporterIndex(
    [
      { id: 'a', date: '2021-01-02', credits: [c('许珂'), c('徐可')] },
      { id: 'b', date: '2020-05-01', credits: [c('徐可')] },
      { id: 'c', date: '2022-01-01', credits: [c('许珂'), c('曾琪')] },
      { id: 'd', date: null, credits: [c('许珂')] },
    ],
    readings,
  );
  it('sorts people by reading and their articles newest first, undated last', () => {
    expect(index.map((r) => r.name)).toEqual(['徐可', '许珂', '曾琪']);
    const xu = index.find((r) => r.name === '许珂')!;
    expect(xu.articles.map((a) => a.id)).toEqual(['c', 'a', 'd']);
    expect([xu.first, xu.last]).toEqual(['2021-01-02', '2022-01-01']);
    expect(xu.reading).toBe('xǔ kē');
  });
  it('gives names read alike distinct slugs, the earliest credited keeping the plain one', () => {
    expect(Object.fromEntries(index.map((r) => [r.name, r.slug]))).toEqual({
      徐可: 'xuke',
      许珂: 'xuke-2',
      曾琪: 'zengqi',
    });
  });
  it('cuts a byline into text and names, finding names set with spaces', () => {
    expect(bylineParts('本报讯（记者 贺  勇 实习生付星婷）', ['贺勇', '付星婷'])).toEqual([
      { text: '本报讯（记者 ' },
      { text: '贺  勇', name: '贺勇' },
      { text: ' 实习生' },
      { text: '付星婷', name: '付星婷' },
      { text: '）' },
    ]);
  });
});
