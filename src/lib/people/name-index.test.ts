import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGazetteer } from './entities.ts';
import { articleNames, EMPTY_GAZETTEER, mentionCount } from './article-names.ts';
import { nameIndex, nameIndexOf, type IndexArticle } from './name-index.ts';
import { parseReadings } from './readings.ts';
import { commonLimit, relatedArticles, relatedIndex, relatedInputs } from './related.ts';

const gaz = parseGazetteer(
  `places:
  - { name: 湖南省, aliases: [湖南], level: province }
  - { name: 衡阳市, aliases: [衡阳], level: city }
organisations:
  - { name: 中共衡阳市委, local: [市委] }
  - { name: 南华大学 }
  - { name: 衡阳市人民政府, local: [市政府] }
`,
  'test.yaml',
);
const readings = parseReadings(
  readFileSync(join(import.meta.dirname, '../../../content/readings.yaml'), 'utf8'),
  'content/readings.yaml',
);
const article = (id: string, date: string | null, ...texts: string[]): IndexArticle => ({
  id,
  date,
  paper: 'hengyang-daily',
  title: `title ${id}`,
  paragraphs: texts.map((text, i) => ({ id: `p${i + 1}`, text })),
});
const articles = [
  article('a1', '2021-03-06', '市委书记秦国文在衡阳市调研。', '秦国文强调，衡阳要加快发展。'),
  article('a2', '2022-04-01', '市政府与南华大学签约。'),
  article('a3', '2020-11-21', '市长朱健在南华大学调研。'),
];
const index = nameIndex(articles, gaz, readings);
const entry = (name: string) => index.entries.find((e) => e.name === name)!;

describe('name index', () => {
  it('has one entry per name, of its kind, under the full name', () => {
    expect(index.entries.map((e) => `${e.kind}:${e.name}`).sort()).toEqual(
      [
        'organisation:中共衡阳市委',
        'organisation:南华大学',
        'organisation:衡阳市人民政府',
        'person:朱健',
        'person:秦国文',
        'place:衡阳市',
      ].sort(),
    );
  });

  it('lists the paragraphs that name an entry and the forms printed for it', () => {
    expect(entry('秦国文').articles).toEqual([
      {
        id: 'a1',
        date: '2021-03-06',
        paper: 'hengyang-daily',
        title: 'title a1',
        paragraphs: ['p1', 'p2'],
        mentions: 2,
        place: 0,
      },
    ]);
    expect(entry('衡阳市').forms).toEqual(['衡阳市', '衡阳']);
    expect(entry('衡阳市').articles[0]!.paragraphs).toEqual(['p1', 'p2']);
    expect(entry('中共衡阳市委').forms).toEqual(['市委']);
  });

  it('orders articles newest first and gives the first and last appearance', () => {
    const u = entry('南华大学');
    expect(u.articles.map((a) => a.id)).toEqual(['a2', 'a3']);
    // each article's place among those given, whatever order the entry lists them in
    expect(u.articles.map((a) => a.place)).toEqual([1, 2]);
    expect(u.first).toEqual({ article: 'a3', date: '2020-11-21' });
    expect(u.last).toEqual({ article: 'a2', date: '2022-04-01' });
    expect(u.mentions).toBe(2);
  });

  it('counts the entries named in the same articles', () => {
    expect(entry('南华大学').with.map((w) => `${w.name}:${w.articles}`)).toEqual([
      '衡阳市人民政府:1',
      '朱健:1',
    ]);
    expect(entry('秦国文').with.map((w) => w.name)).toEqual(['衡阳市', '中共衡阳市委']);
  });

  it('makes slugs from the reading, unique, the first to appear keeping the plain one', () => {
    expect(entry('衡阳市').slug).toBe('hengyangshi');
    expect(entry('南华大学').slug).toBe('nanhuadaxue');
    expect(entry('秦国文').slug).toBe('qinguowen');
    const twins = nameIndex(
      [article('b1', '2024-01-02', '主任周祺出席。'), article('b2', '2023-05-06', '书记周琪主持。')],
      gaz,
      readings,
    );
    expect(twins.entries.map((e) => `${e.name}:${e.slug}`)).toEqual(['周琪:zhouqi', '周祺:zhouqi-2']);
  });

  it('keeps the entries of each article for related articles', () => {
    expect(index.byArticle.get('a3')).toEqual(['person|朱健', 'organisation|南华大学']);
  });

  it('leaves out what it is not sure of: local names where another city is named', () => {
    const other = nameIndex(
      [article('c1', '2021-01-01', '长沙市委书记在株洲市调研，市委要求……')],
      parseGazetteer(
        `places:
  - { name: 长沙市, level: city }
  - { name: 株洲市, level: city }
organisations:
  - { name: 中共衡阳市委, local: [市委] }
`,
        'test.yaml',
      ),
    );
    expect(other.entries.map((e) => e.name)).not.toContain('中共衡阳市委');
  });
});

describe('related articles', () => {
  it('relates articles of the name index by shared names and topics', () => {
    const inputs = relatedInputs(
      articles.map((a, i) => ({ ...a, topics: i === 0 ? ['shizheng'] : ['jiaoyu'] })),
      index.byArticle,
    );
    expect(inputs[2]).toEqual({
      id: 'a3',
      date: '2020-11-21',
      items: ['person|朱健', 'organisation|南华大学', 'topic:jiaoyu'],
    });
    // a2 (2022) and a3 (2020) share 南华大学 and a topic; a1 shares nothing with a3. Lists look
    // back: a2 finds a3, a3 (the oldest) finds nothing earlier.
    const r = relatedIndex(inputs);
    expect(relatedArticles('a2', r).map((x) => [x.id, x.shared])).toContainEqual([
      'a3',
      ['organisation|南华大学', 'topic:jiaoyu'],
    ]);
    expect(relatedArticles('a3', r)).toEqual([]);
  });

  // x is the newest (with z, of the same day); every other article is earlier
  const rows = [
    { id: 'x', date: '2021-03-01', items: ['person|甲', 'place|乙', 'topic:common'] },
    { id: 'y', date: '2021-02-01', items: ['person|甲', 'topic:common'] },
    { id: 'z', date: '2021-03-01', items: ['person|甲', 'topic:common'] },
    { id: 'w', date: '2021-01-01', items: ['place|乙', 'topic:common'] },
    { id: 'v', date: '2021-01-01', items: ['topic:common'] },
    { id: 'u', date: '2021-01-01', items: ['topic:common', 'person|丙'] },
  ];
  const idx = relatedIndex(rows);

  it('weighs shared items by rarity, an item every article has counting nothing', () => {
    const r = relatedArticles('x', idx);
    // 甲 in 3 of 6 articles: log 2; 乙 in 2 of 6: log 3; common in all: 0
    expect(r.map((a) => a.id)).toEqual(['w', 'y', 'z']);
    expect(r[0]!.score).toBeCloseTo(Math.log(3));
    expect(r[1]!.score).toBeCloseTo(Math.log(2));
    expect(r[0]!.shared).toEqual(['place|乙']);
  });

  it('prefers other dates: articles of the same date come after every other, whatever their score', () => {
    const r = relatedArticles('x', idx);
    expect(r.find((a) => a.id === 'z')!.score).toBeCloseTo(Math.log(2));
    // s, of x's day, shares both 甲 and 乙 (a higher score than w or y): still last
    const withS = relatedIndex([
      ...rows,
      { id: 's', date: '2021-03-01', items: ['person|甲', 'place|乙', 'topic:common'] },
    ]);
    const ids = relatedArticles('x', withS).map((a) => a.id);
    expect(ids).toEqual(['w', 'y', 's', 'z']);
    expect(relatedArticles('x', withS)[2]!.score).toBeGreaterThan(relatedArticles('x', withS)[0]!.score);
  });

  it('counts only the holders in view: an item common later is still rare for an older article', () => {
    // 丁 is held by o1 and o2 (2020) and by 20 articles of 2022; at o2's date only two hold it
    const inputs = [
      { id: 'o1', date: '2020-01-01', items: ['person|丁'] },
      { id: 'o2', date: '2020-01-02', items: ['person|丁'] },
      ...Array.from({ length: 8 }, (_, i) => ({ id: `f${i}`, date: '2020-01-01', items: ['place|戊'] })),
      ...Array.from({ length: 20 }, (_, i) => ({ id: `n${i}`, date: '2022-01-01', items: ['person|丁'] })),
    ];
    const r = relatedIndex(inputs);
    expect(relatedArticles('o2', r).map((a) => a.id)).toEqual(['o1']);
    expect(relatedArticles('o2', r)[0]!.score).toBeCloseTo(Math.log(10 / 2));
    // at 2022 丁 is in 22 of 30 articles, over the limit of 10: nothing relates n0
    expect(relatedArticles('n0', r)).toEqual([]);
  });

  it('looks back only: a newer article leaves an older one’s list as it was', () => {
    const later = relatedIndex([...rows, { id: 't', date: '2021-04-01', items: ['person|甲', 'place|乙'] }]);
    expect(relatedArticles('x', later)).toEqual(relatedArticles('x', idx));
    expect(relatedArticles('w', later)).toEqual(relatedArticles('w', idx));
    // the newer one finds x first (甲 and 乙 both)
    expect(relatedArticles('t', later)[0]!.id).toBe('x');
  });

  it('gives at most five, none for an article that shares nothing, none for an unknown id', () => {
    // m0…m7 and m9 name 甲, m8 nothing; m9 is the newest
    const many = relatedIndex(
      Array.from({ length: 10 }, (_, i) => ({
        id: `m${i}`,
        date: `2020-01-${String(i + 1).padStart(2, '0')}`,
        items: i === 8 ? [] : ['person|甲'],
      })),
    );
    expect(relatedArticles('m9', many)).toHaveLength(5);
    expect(relatedArticles('m9', many)[0]!.id).toBe('m7'); // equal scores: newest first
    expect(relatedArticles('m0', many)).toEqual([]); // nothing earlier
    expect(relatedArticles('m8', many)).toEqual([]);
    expect(relatedArticles('nope', many)).toEqual([]);
  });
});

describe('related articles: common items', () => {
  it('skips items held by more than 5 % of the articles (at least 10, at most 2000)', () => {
    expect(commonLimit(43)).toBe(10);
    expect(commonLimit(1000)).toBe(50);
    expect(commonLimit(1_000_000)).toBe(2000);
    // 30 articles: 12 share 甲 (over the limit of 10), two share 乙
    const inputs = Array.from({ length: 30 }, (_, i) => ({
      id: `k${String(i).padStart(2, '0')}`,
      date: '2021-01-01',
      items: [...(i < 12 ? ['person|甲'] : []), ...(i === 0 || i === 29 ? ['place|乙'] : [])],
    }));
    expect(relatedArticles('k00', relatedIndex(inputs)).map((r) => r.id)).toEqual(['k29']);
    // with a higher limit 甲 relates them again
    expect(relatedArticles('k00', relatedIndex(inputs, 12))).toHaveLength(5);
  });
});

describe('name index from stored names', () => {
  it('gives the same index from the names the loader keeps as from the texts', () => {
    const named = articles.map((a) => ({ ...a, names: articleNames(a.paragraphs, gaz) }));
    const stored = nameIndexOf(JSON.parse(JSON.stringify(named)) as typeof named, readings);
    expect(stored.entries).toEqual(index.entries);
    expect(stored.byArticle).toEqual(index.byArticle);
  });

  it('keeps per article the printed forms with counts and the paragraphs, in first-mention order', () => {
    // checked against the text: 衡阳市 in p1, 衡阳 in p2; 秦国文 in both
    expect(articleNames(articles[0]!.paragraphs, gaz)).toEqual([
      { kind: 'organisation', name: '中共衡阳市委', forms: { 市委: 1 }, paragraphs: ['p1'] },
      { kind: 'person', name: '秦国文', forms: { 秦国文: 2 }, paragraphs: ['p1', 'p2'] },
      { kind: 'place', name: '衡阳市', forms: { 衡阳市: 1, 衡阳: 1 }, paragraphs: ['p1', 'p2'] },
    ]);
    expect(mentionCount({ forms: { 衡阳市: 1, 衡阳: 2 } })).toBe(3);
  });

  it("lists an entry's articles newest first, a date's in the order given, undated last, in any order given", () => {
    const name = (id: string, date: string | null) => ({
      id,
      date,
      paper: '衡阳日报',
      title: id,
      names: [{ kind: 'place' as const, name: '衡阳市', forms: { 衡阳: 1 }, paragraphs: ['p1'] }],
    });
    const ids = (given: ReturnType<typeof name>[]) =>
      nameIndexOf(given).entries[0]!.articles.map((a) => a.id);
    // oldest first, as the edition gives them
    const oldestFirst = [
      name('u1', null),
      name('a1', '2021-01-01'),
      name('a2', '2021-01-01'),
      name('b1', '2021-01-02'),
      name('c1', '2021-01-03'),
      name('c2', '2021-01-03'),
    ];
    expect(ids(oldestFirst)).toEqual(['c1', 'c2', 'b1', 'a1', 'a2', 'u1']);
    // another order: the same stable order by date
    const mixed = [
      oldestFirst[3]!,
      oldestFirst[1]!,
      oldestFirst[0]!,
      oldestFirst[5]!,
      oldestFirst[2]!,
      oldestFirst[4]!,
    ];
    expect(ids(mixed)).toEqual(['c2', 'c1', 'b1', 'a1', 'a2', 'u1']);
  });

  it('works without a gazetteer: no gazetteer names (市政府), the other rules still find names', () => {
    const text = [{ id: 'p1', text: '市政府与南华大学签约。' }];
    expect(articleNames(text, gaz).map((n) => n.name)).toEqual(['衡阳市人民政府', '南华大学']);
    expect(articleNames(text, EMPTY_GAZETTEER).map((n) => n.name)).toEqual(['南华大学']);
  });
});
