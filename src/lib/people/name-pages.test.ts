import { describe, expect, it } from 'vitest';
import { parseGazetteer } from './entities.ts';
import { nameIndex, entryKey } from './name-index.ts';
import { articleNameList, entryInitial, namePath, nameSections, paragraphLinks } from './name-pages.ts';

const gaz = parseGazetteer(
  `places:
  - { name: 衡阳市, aliases: [衡阳], level: city }
  - { name: 长沙市, aliases: [长沙], level: city }
organisations:
  - { name: 中共衡阳市委, local: [市委] }
`,
  'test.yaml',
);
const index = nameIndex(
  [
    {
      id: 'a1',
      date: '2021-03-06',
      paper: 'p',
      title: 't',
      paragraphs: [
        { id: 'p1', text: '市委书记秦国文在衡阳市调研。' },
        { id: 'p2', text: '市长朱健到长沙市考察。' },
      ],
    },
  ],
  gaz,
);

describe('name pages', () => {
  it('gives the paths of the index and of an entry, older pages numbered from the oldest', () => {
    expect(namePath()).toBe('names/');
    expect(namePath({ kind: 'person', slug: 'qinguowen' })).toBe('names/person/qinguowen/');
    expect(namePath({ kind: 'place', slug: 'hengyangshi' }, 'head')).toBe('names/place/hengyangshi/');
    expect(namePath({ kind: 'place', slug: 'hengyangshi' }, 1)).toBe('names/place/hengyangshi/1/');
    expect(namePath({ kind: 'organisation', slug: 'x-2' }, 3)).toBe('names/organisation/x-2/3/');
  });

  it('groups each kind by the first letter of the reading, in pinyin order, with counts', () => {
    const sections = nameSections(index);
    expect(sections.map((s) => [s.title, s.count])).toEqual([
      ['人物', 2],
      ['地名', 2],
      ['机构', 1],
    ]);
    // 秦 qín before 朱 zhū; 长沙 cháng before 衡阳 héng
    expect(sections[0]!.letters.map((g) => [g.letter, g.entries.map((e) => e.name)])).toEqual([
      ['Q', ['秦国文']],
      ['Z', ['朱健']],
    ]);
    expect(sections[1]!.letters.map((g) => g.letter)).toEqual(['C', 'H']);
    expect(entryInitial({ key: '1 2\u0001x' })).toBe('#');
  });

  it('leaves a kind without entries out', () => {
    expect(
      nameSections({ entries: index.entries.filter((e) => e.kind !== 'place') }).map((s) => s.kind),
    ).toEqual(['person', 'organisation']);
  });

  it('links each paragraph that names an entry to its anchor', () => {
    expect(paragraphLinks({ paragraphs: ['p1', 'p12'] })).toEqual([
      { hash: '#p1', label: '第1段' },
      { hash: '#p12', label: '第12段' },
    ]);
  });

  it("lists an article's names by kind with their slugs, leaving out names without an entry", () => {
    const byKey = new Map(index.entries.map((e) => [entryKey(e), e]));
    const list = articleNameList(
      [
        { kind: 'place', name: '衡阳市' },
        { kind: 'person', name: '秦国文' },
        { kind: 'person', name: '无此人' },
      ],
      byKey,
    );
    expect(list).toEqual([
      { kind: 'person', title: '文中人物', names: [{ kind: 'person', name: '秦国文', slug: 'qinguowen' }] },
      { kind: 'place', title: '文中地点', names: [{ kind: 'place', name: '衡阳市', slug: 'hengyangshi' }] },
    ]);
  });
});
