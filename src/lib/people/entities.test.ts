/**
 * Rules of the name finder, one class at a time (the figures on the labelled samples are in
 * tests/people/mentions.test.ts). Expected mentions are read from the example sentences.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleMentions, kept, loadGazetteer, parseGazetteer } from './entities.ts';
import { fitsWords, tokens } from './tokens.ts';

const gaz = loadGazetteer(join(import.meta.dirname, '../../../content/gazetteer.yaml'));
const found = (...paragraphs: string[]) =>
  articleMentions({ paragraphs: paragraphs.map((text, i) => ({ id: `p${i + 1}`, text })) }, gaz)
    .map((f) => f.mention)
    .filter(kept)
    .map((m) => `${m.kind[0]}:${m.text}${m.name === m.text ? '' : `=${m.name}`}`);

describe('gazetteer names', () => {
  it('resolves provinces, prefecture-level cities and countries by their short names', () => {
    expect(found('山西、河北和日本的代表在长治市会面。')).toEqual([
      'p:山西=山西省',
      'p:河北=河北省',
      'p:日本',
      'p:长治市',
    ]);
  });
  it('takes a short name only where it stands as a word', () => {
    expect(found('美丽水乡平安顺利。')).toEqual([]);
    expect(found('孙中山先生')).not.toContain('p:中山=中山市');
    expect(fitsWords(tokens('湖南长沙市'), 0, 2)).toBe(true);
  });
  it('leaves ambiguous short names and set phrases out', () => {
    expect(found('大同小异，长治久安。')).toEqual([]);
    expect(found('推进中国式现代化。')).toEqual([]);
  });
  it('reads a short name with a division word after it as another division', () => {
    expect(found('淄博区已创办学校。')).not.toContain('p:淄博=淄博市');
  });
  it('makes the home-city form of a local name an alias', () => {
    const g = parseGazetteer(
      'organisations:\n  - { name: 衡阳市市场监督管理局, local: [市市场监管局] }\n',
      't.yaml',
    );
    expect(g.forms.get('衡阳市市场监管局')?.entry.name).toBe('衡阳市市场监督管理局');
  });
});

describe('organisations', () => {
  it('names a company from the last place that opens it to 有限公司', () => {
    expect(found('湖南长沙市比亚迪汽车有限公司总装车间')).toEqual([
      'p:湖南=湖南省',
      'o:长沙市比亚迪汽车有限公司',
    ]);
  });
  it('makes courts and their parts organisations of the place', () => {
    expect(found('天津市高级人民法院党组成员')).toEqual(['o:天津市高级人民法院']);
    expect(found('向天津市津南区人民法院执行局送来锦旗')).toEqual(['o:天津市津南区人民法院执行局']);
  });
  it('resolves national bodies by their short names', () => {
    expect(found('中宣部召开会议，全国政协委员出席。')).toEqual([
      'o:中宣部=中共中央宣传部',
      'o:全国政协=中国人民政治协商会议全国委员会',
    ]);
  });
});

describe('people', () => {
  it('finds names after national titles and again later in the article', () => {
    expect(found('董事长周超男从河北回来。', '周超男说：“很好。”')).toEqual([
      'p:周超男',
      'p:河北=河北省',
      'p:周超男',
    ]);
  });
  it('takes no verb for a name after a title', () => {
    expect(found('习近平总书记强调：要抓好落实。')).toEqual(['p:习近平']);
  });
  it('finds a name jieba does not know after a role', () => {
    expect(found('餐馆负责人张志国向法院送来锦旗。')).toContain('p:张志国');
  });
  it('leaves names in credits to the reporters index', () => {
    expect(found('本报天津1月14日电（记者武少民、李家鼎）执行款到账。')).toEqual(['p:天津=天津市']);
  });
});

describe('places by position', () => {
  it('takes the place of a dateline, and finds it again', () => {
    expect(found('【新华社延安十二日电】贝尔格莱德讯：条约已于九日在贝尔格莱德签订。')).toEqual([
      'o:新华社=新华通讯社',
      'p:延安=延安市',
      'p:贝尔格莱德',
      'p:贝尔格莱德',
    ]);
  });
  it('names buildings and works from names only', () => {
    expect(found('遥田水电站已建成。')).toEqual(['p:遥田水电站']);
    expect(found('部分电站已建成。')).toEqual([]);
  });
});
