/** Topic taxonomy and rules: the real taxonomy over the seeds, texts from outside the seeds, bad files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleRecords } from '../../loaders/records.ts';
import { repoRoot, seedEdition } from '../../../tests/support/seed-edition.ts';
import { InputError } from '../parse/read.ts';
import { EditorialFileError } from './editorial-file.ts';
import { assignTopics, loadTopics, parseTopics, scoreTopics, type TopicInput } from './topics.ts';
import type { Article } from '../model/issue.ts';

const root = repoRoot;
const taxonomy = loadTopics(resolve(root, 'content/topics.yaml'));
const edition = seedEdition();
const articles = new Map<string, Article>();
for (const { issue } of edition.issues) for (const a of issue.articles) articles.set(a.id, a);

const slugs = (a: TopicInput) => assignTopics(a, taxonomy).map((t) => t.slug);
const seed = (id: string) => {
  const a = articles.get(id);
  if (!a) throw new Error(`no article ${id} in the seeds`);
  return slugs(a);
};

describe('the taxonomy in content/topics.yaml', () => {
  it('has 15–25 topics with unique ASCII slugs, names, descriptions and keywords', () => {
    expect(taxonomy.topics.length).toBeGreaterThanOrEqual(15);
    expect(taxonomy.topics.length).toBeLessThanOrEqual(25);
    const all = taxonomy.topics.map((t) => t.slug);
    expect(new Set(all).size).toBe(all.length);
    for (const t of taxonomy.topics) {
      expect(t.slug).toMatch(/^[a-z0-9-]+$/);
      expect(t.name).not.toBe('');
      expect(t.description).not.toBe('');
      if (!t.fallback) expect(t.keywords.length).toBeGreaterThan(4);
    }
  });

  it('has the catch-all 综合 (general) as its fallback', () => {
    expect(taxonomy.fallback).toMatchObject({ slug: 'general', name: '综合', keywords: [] });
  });

  it('keeps multi-word keywords as the words jieba cuts them into', () => {
    const env = taxonomy.topics.find((t) => t.slug === 'environment')!;
    expect(env.keywords.find((k) => k.word === '垃圾分类')?.tokens).toEqual(['垃圾', '分类']);
  });
});

describe('topics of the seed articles', () => {
  it('gives every seed article 1–3 topics from the taxonomy', () => {
    expect(articles.size).toBe(43);
    const known = new Set(taxonomy.topics.map((t) => t.slug));
    for (const a of articles.values()) {
      const got = slugs(a);
      expect(got.length, a.id).toBeGreaterThanOrEqual(1);
      expect(got.length, a.id).toBeLessThanOrEqual(3);
      expect(new Set(got).size, a.id).toBe(got.length);
      for (const s of got) expect(known.has(s), `${a.id} ${s}`).toBe(true);
    }
  });

  // Expectations checked by reading each article.
  it('衡阳青少年助力垃圾分类 → volunteering and environment', () => {
    expect(seed('hengyang-daily-2021-03-06-a003')).toEqual(
      expect.arrayContaining(['volunteering', 'environment']),
    );
  });

  it('全市医疗保障工作会议 (医保) → health first', () => {
    expect(seed('hengyang-daily-2021-03-06-a002')[0]).toBe('health');
  });

  it('干部任前公示公告 → appointments-notices first', () => {
    expect(seed('hengyang-daily-2022-04-01-a002')[0]).toBe('appointments-notices');
  });

  it('公示 of reporters passing the press-card check → appointments-notices', () => {
    expect(seed('hengyang-daily-2022-04-01-a009')[0]).toBe('appointments-notices');
  });

  it('the 生态环境保护督察 notice is a notice, but about the environment, not personnel', () => {
    const got = seed('hengyang-daily-2022-04-01-a001');
    expect(got[0]).toBe('environment');
    expect(got).not.toContain('appointments-notices');
  });

  it('遇森林火灾如何脱险自救 → work-safety first', () => {
    expect(seed('hengyang-daily-2022-04-01-a008')[0]).toBe('work-safety');
  });

  it('the 工伤预防 ad of the 安委办 → work-safety', () => {
    expect(seed('hengyang-daily-2021-12-09-a004')).toEqual(['work-safety']);
  });

  it('快递行业疫情防控 → epidemic first; 药店 check during the epidemic → epidemic and market regulation', () => {
    expect(seed('hengyang-daily-2020-11-21-a005')[0]).toBe('epidemic');
    expect(seed('hengyang-daily-2022-04-01-a003')).toEqual(
      expect.arrayContaining(['epidemic', 'market-regulation']),
    );
  });

  it('医疗美容 campaign → market regulation, law and health', () => {
    expect(seed('hengyang-evening-news-2023-01-05-a005')).toEqual(
      expect.arrayContaining(['market-regulation', 'law', 'health']),
    );
  });

  it('one article each for rural revitalisation, culture, labour, party-building, politics', () => {
    expect(seed('hengyang-daily-2021-12-09-a010')[0]).toBe('rural'); // 巩固拓展脱贫攻坚成果
    expect(seed('hengyang-daily-2020-11-21-a004')[0]).toBe('culture'); // 礼乐文明 lecture
    expect(seed('hengyang-daily-2022-04-01-a007')[0]).toBe('labour'); // 模范职工之家
    expect(seed('hengyang-daily-2021-12-09-a001')[0]).toBe('party-building'); // 六中全会 宣讲团
    expect(seed('hengyang-daily-2021-12-09-a008')[0]).toBe('politics'); // 市委常委会 on the 两会
  });

  it('headline-only teasers about congratulatory messages → politics', () => {
    for (const id of ['a005', 'a006', 'a007'])
      expect(seed(`hengyang-daily-2021-12-09-${id}`)).toEqual(['politics']);
  });

  it('transport: the expressway guard-rail works and the train travellers', () => {
    expect(seed('hengyang-evening-news-2023-01-05-a004')[0]).toBe('transport');
    expect(seed('hengyang-daily-2022-04-01-a004')).toContain('transport');
  });

  it('a continuation is judged on its own text (tourism in 南岳)', () => {
    expect(seed('hengyang-daily-2020-11-21-a008')[0]).toBe('tourism');
  });

  it('article records carry the topics', () => {
    const file = edition.issues.find((f) => f.issue.id === 'hengyang-daily-2022-04-01')!;
    const rec = articleRecords(file, taxonomy).find((r) => r.id === 'hengyang-daily-2022-04-01-a002')!;
    expect(rec.data.topics[0]).toEqual({ slug: 'appointments-notices', name: '人事公示' });
  });
});

/** Short news texts written for this test, not from the seeds: the rules must generalise. */
const news = (headline: string, body: string, extra: Partial<TopicInput> = {}): TopicInput => ({
  headline,
  paragraphs: body.split('\n').map((text) => ({ role: 'text' as const, text })),
  ...extra,
});

describe('topics of texts from outside the seeds', () => {
  it('a sports meet → sports', () => {
    const a = news(
      '市第十届运动会游泳比赛落幕',
      '经过三天激烈角逐，市第十届运动会游泳比赛昨日在市体育中心落下帷幕。来自各县市区的212名运动员参加了48个项目的比赛，' +
        '珠晖区代表队以15枚金牌位列奖牌榜第一。\n本届运动会共设田径、游泳、篮球、乒乓球等12个大项，是近年来规模最大的一次综合性体育赛事。',
    );
    expect(slugs(a)[0]).toBe('sports');
  });

  it('school opening → education', () => {
    const a = news(
      '全市中小学今日开学 新增学位6000个',
      '今天，全市中小学、幼儿园迎来新学期。为缓解城区入学压力，今年暑假我市新建改扩建学校11所，新增学位6000个。' +
        '\n开学第一天，各学校组织开展了安全教育第一课，教师们带领学生熟悉校园，家长们在校门口有序接送孩子。',
    );
    expect(slugs(a)[0]).toBe('education');
  });

  it('a hospital performs a new operation → health', () => {
    const a = news(
      '市中心医院成功完成首例心脏瓣膜微创手术',
      '近日，市中心医院心血管外科团队为一名72岁患者成功实施经导管主动脉瓣置换手术。该患者因胸闷气促多次住院，' +
        '传统开胸手术风险较高。\n医生介绍，手术仅用时两小时，患者术后第三天即可下床活动，目前已康复出院。',
    );
    expect(slugs(a)[0]).toBe('health');
  });

  it('a traffic accident → transport first, nothing unrelated', () => {
    const a = news(
      '雨天路滑 两车追尾致一人受伤',
      '昨日上午8时许，蒸湘北路与船山大道交叉路段发生一起交通事故，一辆小型轿车与一辆货车追尾，轿车驾驶员受轻伤被送医。' +
        '\n交警提醒，雨天路面湿滑，驾驶员应减速慢行，保持安全车距，避免急刹车，切勿疲劳驾驶。',
    );
    const got = slugs(a);
    expect(got[0]).toBe('transport');
    for (const s of got) expect(['transport', 'work-safety', 'law']).toContain(s);
  });

  it('the early rice harvest → agriculture', () => {
    const a = news(
      '早稻开镰收割 农民喜获丰收',
      '眼下正值早稻收割时节，祁东县的田野里一片金黄，收割机来回穿梭，农民们忙着抢收晒谷。' +
        '\n今年全县种植早稻12万亩，预计平均亩产达420公斤。县农业农村局组织农机合作社开展跨区作业，确保颗粒归仓。',
    );
    expect(slugs(a)[0]).toBe('agriculture');
  });

  it('a court case on phone fraud → law', () => {
    const a = news(
      '冒充客服骗取养老钱 诈骗团伙获刑',
      '日前，某区人民法院公开宣判一起电信网络诈骗案，8名被告人冒充电商客服，以退款为名骗取群众钱财共计120余万元。' +
        '\n法院以诈骗罪判处主犯有期徒刑十年。公安机关提醒，凡是要求转账的客服电话均是诈骗。',
    );
    expect(slugs(a)[0]).toBe('law');
  });

  it('a fire drill in a shopping centre → work-safety', () => {
    const a = news(
      '商场开展消防应急疏散演练',
      '为提高员工火灾应急处置能力，某商场联合辖区消防救援站开展消防演练。模拟火情发生后，员工迅速报警，组织顾客疏散，' +
        '并使用灭火器扑灭初起火灾。\n消防员还讲解了灭火器使用方法和火场逃生自救知识，提醒商家定期排查消防隐患。',
    );
    expect(slugs(a)[0]).toBe('work-safety');
  });

  it('a personnel appointment notice → appointments-notices', () => {
    const a = news(
      '市人民政府关于有关人员任免的通知',
      '经市人民政府研究决定：任命王某某为市教育局副局长；免去李某某的市财政局副局长职务。',
      { kicker: null },
    );
    expect(slugs(a)[0]).toBe('appointments-notices');
  });

  it('a weather brief that no topic fits → the fallback 综合', () => {
    const a = news(
      '明日天气',
      '明天白天多云转晴，最高气温二十六摄氏度，最低气温十七摄氏度，偏北风二到三级。',
    );
    expect(assignTopics(a, taxonomy)).toEqual([{ slug: 'general', name: '综合' }]);
  });

  it('an empty article gets the fallback too', () => {
    expect(slugs({ headline: '' })).toEqual(['general']);
  });
});

describe('scoring', () => {
  it('weights the headline above the body', () => {
    const inHeadline = scoreTopics(news('体育', '今天开会。'), taxonomy)[0]!;
    const inBody = scoreTopics(news('今天', '体育开会。'), taxonomy)[0]!;
    expect(inHeadline.slug).toBe('sports');
    expect(inBody.slug).toBe('sports');
    expect(inHeadline.score).toBeGreaterThan(inBody.score);
  });

  it('scales down a mention in a long article', () => {
    const filler = '今天天气很好，大家出门散步。'.repeat(60);
    const short = scoreTopics(news('消息', '学校开放日。'), taxonomy)[0]!;
    const long = scoreTopics(news('消息', `学校开放日。${filler}`), taxonomy)[0]!;
    expect(long.slug).toBe('education');
    expect(long.score).toBeLessThan(short.score);
  });

  it('matches words, not substrings: 交通 is not found inside 交通事故 alone', () => {
    const [only] = taxonomy.topics.filter((t) => t.slug === 'transport');
    const words = only!.keywords.map((k) => k.word);
    expect(words).toContain('交通事故'); // so the phrase is listed in its own right
    const s = scoreTopics(news('消息', '发生交通事故。'), taxonomy).find((t) => t.slug === 'transport')!;
    expect(s.matches.map((m) => m.word)).toEqual(['交通事故']);
  });

  it('lets a phrase take its words: 垃圾分类 does not count 垃圾 again for the same topic', () => {
    const env = scoreTopics(news('消息', '推进垃圾分类。'), taxonomy).find((t) => t.slug === 'environment')!;
    expect(env.matches).toEqual([{ word: '垃圾分类', count: 1 }]);
  });
});

describe('bad taxonomy files', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  const fileWith = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'baokan-topics-'));
    made.push(dir);
    const path = join(dir, 'topics.yaml');
    writeFileSync(path, text);
    return path;
  };
  const general = '  - {slug: general, name: 综合, description: 其他, fallback: true}\n';
  const sports = '  - {slug: sports, name: 体育, description: 体育, keywords: [体育, {比赛: 2}]}\n';
  const fails = (text: string, message: RegExp) => {
    const path = fileWith(text);
    let error: unknown;
    try {
      loadTopics(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(message);
  };

  it('accepts a minimal file, with plain and weighted keywords', () => {
    const t = loadTopics(fileWith(`topics:\n${sports}${general}`));
    expect(t.topics.map((x) => x.slug)).toEqual(['sports', 'general']);
    expect(t.topics[0]!.keywords.map((k) => [k.word, k.weight])).toEqual([
      ['体育', 1],
      ['比赛', 2],
    ]);
  });

  it('names the file when the YAML does not parse', () => {
    fails('topics:\n  - slug: [unclosed\n', /not valid YAML/);
  });

  it('names the file when it is missing', () => {
    let error: unknown;
    try {
      loadTopics('/nonexistent/topics.yaml');
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toMatch(/^\/nonexistent\/topics\.yaml: cannot read the topic taxonomy/);
  });

  it('rejects a file without a topics list', () => {
    fails('- slug: sports\n', /"topics" list/);
    fails('', /"topics" list/);
  });

  it('rejects duplicate slugs', () => {
    fails(`topics:\n${sports}${sports}${general}`, /slug "sports" is used twice/);
  });

  it('rejects non-ASCII or badly formed slugs', () => {
    fails(`topics:\n  - {slug: 体育, name: 体育, description: x, keywords: [体育]}\n${general}`, /ASCII/);
    fails(`topics:\n  - {slug: Sports_1, name: 体育, description: x, keywords: [体育]}\n${general}`, /ASCII/);
  });

  it('rejects empty names and descriptions', () => {
    fails(`topics:\n  - {slug: sports, name: '', description: x, keywords: [体育]}\n${general}`, /"name"/);
    fails(`topics:\n  - {slug: sports, name: 体育, keywords: [体育]}\n${general}`, /"description"/);
  });

  it('rejects missing or empty keywords, bad weights, repeated keywords', () => {
    fails(
      `topics:\n  - {slug: sports, name: 体育, description: x}\n${general}`,
      /"keywords" must be a non-empty list/,
    );
    fails(
      `topics:\n  - {slug: sports, name: 体育, description: x, keywords: []}\n${general}`,
      /non-empty list/,
    );
    fails(
      `topics:\n  - {slug: sports, name: 体育, description: x, keywords: ['']}\n${general}`,
      /non-empty word/,
    );
    fails(
      `topics:\n  - {slug: sports, name: 体育, description: x, keywords: [{体育: 0}]}\n${general}`,
      /positive/,
    );
    fails(
      `topics:\n  - {slug: sports, name: 体育, description: x, keywords: [{体育: a}]}\n${general}`,
      /positive/,
    );
    fails(
      `topics:\n  - {slug: sports, name: 体育, description: x, keywords: [体育, 体育]}\n${general}`,
      /twice/,
    );
  });

  it('rejects unknown fields (a typo must not be silently ignored)', () => {
    fails(
      `topics:\n  - {slug: sports, name: 体育, description: x, keyword: [体育]}\n${general}`,
      /unknown field "keyword"/,
    );
  });

  it('needs exactly one fallback topic, without keywords', () => {
    fails(`topics:\n${sports}`, /exactly one topic must have "fallback: true".*found 0/);
    fails(`topics:\n${general}  - {slug: other, name: 其他, description: x, fallback: true}\n`, /found 2/);
    fails(
      `topics:\n  - {slug: general, name: 综合, description: x, fallback: true, keywords: [体育]}\n`,
      /takes no keywords/,
    );
  });

  it('parseTopics reports the given path', () => {
    expect(() => parseTopics('topics: 3', 'content/topics.yaml')).toThrow(/^content\/topics\.yaml: /);
  });
});

describe('taxonomy problems: every one on a line of its own, with the YAML line', () => {
  const general = '  - {slug: general, name: 综合, description: 其他, fallback: true}\n';
  const problems = (text: string): string[] => {
    try {
      parseTopics(text, 'content/topics.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(EditorialFileError);
      return (e as Error).message.split('\n');
    }
    return [];
  };

  it.each([
    [
      'bad keywords, each named',
      `topics:\n  - slug: sports\n    name: 体育\n    description: x\n    keywords:\n      - {体育: 0}\n      - ''\n      - [a]\n      - 体育\n      - 比赛\n      - 比赛\n${general}`,
      [
        'content/topics.yaml:6: topic 1 (sports): keyword 1 "体育" needs a positive number as weight',
        'content/topics.yaml:7: topic 1 (sports): keyword 2 must be a non-empty word',
        'content/topics.yaml:8: topic 1 (sports): keyword 3 must be a word or "word: weight"',
      ],
    ],
    [
      'a repeated keyword',
      `topics:\n  - slug: sports\n    name: 体育\n    description: x\n    keywords:\n      - 比赛\n      - 比赛\n${general}`,
      ['content/topics.yaml:7: topic 1 (sports): keyword 2 "比赛" is listed twice'],
    ],
    [
      'several fields of one topic',
      `topics:\n  - slug: Sports\n    name: 3\n    keyword: [体育]\n${general}`,
      [
        'content/topics.yaml:2: topic 1 (Sports): "slug" must be ASCII lowercase letters, digits and hyphens',
        'content/topics.yaml:2: topic 1 (Sports): "description" is required',
        'content/topics.yaml:3: topic 1 (Sports): "name" must be text, not a number (put it in quotes)',
        'content/topics.yaml:4: topic 1 (Sports): unknown field "keyword"',
      ],
    ],
    [
      'a slug used twice',
      `topics:\n${general}  - slug: general\n    name: 体育\n    description: x\n    keywords: [体育]\n`,
      ['content/topics.yaml:3: topic 2 (general): slug "general" is used twice'],
    ],
    [
      'a topic that is not a mapping',
      'topics:\n  - 3\n',
      ['content/topics.yaml:2: topic 1 must be a mapping'],
    ],
    [
      'no fallback (a problem of the whole file, no line)',
      'topics:\n  - {slug: sports, name: 体育, description: x, keywords: [体育]}\n',
      ['content/topics.yaml: exactly one topic must have "fallback: true" (the catch-all), found 0'],
    ],
  ])('%s', (_what, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});
