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

describe('rules added for the held-out misses (issue 14)', () => {
  it('reads a list set with spaces as names, a name that is also a word included', () => {
    const list = found('拟推荐人选：王建国 李秀英 周围 欧阳明 陈刚以上人员名单予以公示。');
    expect(list).toEqual(['p:王建国', 'p:李秀英', 'p:周围', 'p:欧阳明', 'p:陈刚']);
  });
  it('does not read a short run of words set with spaces as names', () => {
    expect(found('时间 地点 人物')).toEqual([]);
    expect(found('周围 王建国 李秀英')).toEqual([]);
  });
  it('does not look again for a listed name that is also a word', () => {
    expect(found('王建国 李秀英 周围 陈刚', '周围的群众都来了。')).toEqual([
      'p:王建国',
      'p:李秀英',
      'p:周围',
      'p:陈刚',
    ]);
  });
  it('ends institutions at 医院, 协会, 学会, 矿业 and 实业', () => {
    expect(found('他在长虹医院工作。')).toContain('o:长虹医院');
    expect(found('中国作家协会与中华诗词学会联合举办。')).toEqual(['o:中国作家协会', 'o:中华诗词学会']);
  });
  it('makes a part of an organisation jieba tags (…学会…分会) one mention', () => {
    expect(found('中华医学会儿科学分会发布指南。')).toEqual(['o:中华医学会儿科学分会']);
  });
  it('makes a place followed by 海关 a customs office', () => {
    expect(found('长沙海关查获一批走私货物。')).toEqual(['o:长沙海关']);
  });
  it('stops a building name at an unknown word that ends in a preposition', () => {
    expect(found('线路起于京港澳高速公路，止于广西。')).not.toContain('p:起于京港澳高速公路');
  });
  it('names the home city in a part of a local body', () => {
    expect(found('他来到市中心医院南湖分院。')).toEqual(['o:市中心医院南湖分院=衡阳市中心医院南湖分院']);
  });
  it('reads 政协 X 第N届委员会 as the CPPCC committee of X', () => {
    expect(found('召开政协衡阳市第十二届委员会第五次会议。')).toEqual([
      'o:政协衡阳市第十二届委员会=中国人民政治协商会议衡阳市委员会',
    ]);
  });
  it('gives a town or subdistrict no 政协 of its own', () => {
    expect(found('人民街道政协委员工作室成立。')).toContain('p:人民街道');
  });
  it('reads roads named with a direction as places', () => {
    expect(found('项目西起解放西路，东至蒸湘北路。')).toEqual(['p:解放西路', 'p:蒸湘北路']);
    expect(found('他走在回家的路上，一路向北路过小镇。')).toEqual([]);
  });
  it('takes a local body after 召开', () => {
    expect(found('召开市生态环境保护委员会全体会议。')).toEqual([
      'o:市生态环境保护委员会=衡阳市生态环境保护委员会',
    ]);
  });
});

describe('places by knowledge and by form (issue 14: place recall)', () => {
  it('knows the rivers and mountains of the region, and a river in 水 written with 河', () => {
    expect(found('耒水流域的水电站。')).toEqual(['p:耒水']);
    expect(found('污染耒水河的砂厂。')).toEqual(['p:耒水河']);
    expect(found('湘江两岸。')).toEqual(['p:湘江']);
    expect(found('南岳衡山等自保区。')).toEqual(['p:南岳衡山']);
    expect(found('衡山县的衡山。')).toEqual(['p:衡山县']);
  });
  it('knows the railways by their usual names, the liberated areas and macro regions', () => {
    expect(found('架设平汉线石安段之长途电话。')).toContain('p:平汉线=平汉铁路');
    expect(found('冀鲁豫、冀南两区与晋冀鲁豫边区。')).toEqual([
      'p:冀鲁豫=冀鲁豫区',
      'p:冀南=冀南区',
      'p:晋冀鲁豫边区',
    ]);
    expect(found('行走东北，过去猫冬。')).toEqual(['p:东北=东北地区']);
    expect(found('向东北方向刮东北风。')).toEqual([]);
    expect(found('随着泛珠三角区域合作的深化。')).toEqual(['p:泛珠三角']);
  });
  it('reads 专署 after a prefecture as its commissioner office', () => {
    expect(found('淄博专区专署开办教学研究会。')).toEqual(['o:淄博专区专署=淄博专区专员公署']);
  });
  it('does not read 之 into a body named after a place', () => {
    expect(found('晋冀鲁豫分会组织之救济小组。')).not.toContain('o:晋冀鲁豫分会组织之救济小组');
  });
  it('takes a street after its town, and the street again where the article repeats it', () => {
    expect(found('衡阳县新正街人防工程。', '为便于新正街的交通组织。')).toEqual([
      'p:衡阳县',
      'p:新正街',
      'p:新正街',
    ]);
    expect(found('荔湾区上下九步行街热闹非凡。')).toEqual(['p:荔湾区', 'p:上下九步行街']);
  });
  it('takes a county short name where the article names the county in full', () => {
    expect(found('南岳与深圳建立合作关系。', '南岳区持续举办庙会。')).toEqual([
      'p:南岳=南岳区',
      'p:深圳=深圳市',
      'p:南岳区',
    ]);
    expect(found('南岳与深圳建立合作关系。')).toEqual(['p:深圳=深圳市']);
    expect(found('衡山县的游客登上衡山。')).toEqual(['p:衡山县']);
  });
  it('takes short names of divisions and regions in a list of places', () => {
    expect(found('召集沙河永年邯郸磁县等各县市建设科长。')).toEqual([
      'p:沙河=沙河市',
      'p:永年=永年区',
      'p:邯郸=邯郸市',
      'p:磁县',
    ]);
    expect(found('冀鲁豫、冀南、太岳、太行等区各一。')).toEqual([
      'p:冀鲁豫=冀鲁豫区',
      'p:冀南=冀南区',
      'p:太岳=太岳区',
      'p:太行=太行区',
    ]);
    expect(found('巍巍太行，绵延千里。')).toEqual([]);
    expect(found('西起建设南路路口，东至清江中路路口。')).toEqual(['p:建设南路', 'p:清江中路']);
  });
  it('names a station or an interchange by its place and what it is', () => {
    expect(found('重庆铁路集装箱中心站灯火通明。')).toEqual(['p:重庆铁路集装箱中心站']);
    expect(found('他从衡阳火车站出发。')).toEqual(['p:衡阳火车站']);
    expect(found('衡阳的车站人多。')).toEqual(['p:衡阳=衡阳市']);
    expect(found('起于衡阳洪市互通。')).toEqual(['p:衡阳洪市互通']);
    expect(found('湖南信息互通。')).toEqual(['p:湖南=湖南省']);
  });
  it('reads no street or township into a word after a place (上街, 沿街, 城乡)', () => {
    expect(found('他在衡阳县上街买菜。')).toEqual(['p:衡阳县']);
    expect(found('南岳区沿街商铺，大街小巷。')).toEqual(['p:南岳区']);
    expect(found('衡阳县城乡居民。')).toEqual(['p:衡阳县']);
    expect(found('到祁东县蒋家桥镇西湖村担任驻村工作队队员。')).not.toContain('p:担任驻村');
  });
});
