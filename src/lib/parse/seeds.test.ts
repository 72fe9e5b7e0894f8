/**
 * Invariants over every seed, and facts read off the seeds by hand (not copied from parser output).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../edition/load-folder.ts';
import { accountedStrings, checkConservation } from './conservation.ts';
import { parseIssue } from './parse-issue.ts';
import type { Issue } from '../model/issue.ts';

const seedsDir = resolve(import.meta.dirname, '../../../seeds');
const catalog = loadCatalog(resolve(import.meta.dirname, '../../../content/papers.json'));
const files = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const parse = (f: string) =>
  parseIssue(new Uint8Array(readFileSync(join(seedsDir, f))), join(seedsDir, f), { catalog });
const parsed = Object.fromEntries(files.map((f) => [f.slice(0, 3), parse(f)]));
const issue = (k: string): Issue => parsed[k]!.issue;
const byHeadline = (k: string, h: string) => {
  const a = issue(k).articles.find((x) => x.headline === h);
  if (!a) throw new Error(`no article with headline ${h} in seed ${k}`);
  return a;
};

describe.each(files)('invariants: %s', (f) => {
  const { issue: iss, source } = parse(f);

  it('accounts for every non-white-space character exactly once', () => {
    const report = checkConservation(source.text, accountedStrings(iss));
    expect(report.missing).toEqual([]);
    expect(report.extra).toEqual([]);
    expect(iss.warnings.map((w) => w.code)).not.toContain('conservation-failed');
  });

  it('gives every article a title, and a printed headline where one is expected', () => {
    for (const a of iss.articles) {
      expect(a.title.trim()).not.toBe('');
      if (['news', 'feature', 'notice', 'teaser'].includes(a.kind) && a.byline?.source !== '又讯') {
        expect(a.headline.trim(), `${a.id} (${a.kind})`).not.toBe('');
      }
    }
  });

  it('has unique ids that are stable across runs', () => {
    const ids = iss.articles.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parse(f).issue.articles.map((a) => a.id)).toEqual(ids);
    for (const a of iss.articles) {
      const anchors = [...a.paragraphs.map((p) => p.id), ...a.captions.map((c) => c.id)];
      expect(new Set(anchors).size).toBe(anchors.length);
    }
  });

  it('gives every article text unless it is a photo, teaser or advert', () => {
    for (const a of iss.articles) {
      if (['photo', 'teaser', 'ad'].includes(a.kind)) continue;
      expect(a.paragraphs.length + a.tables.length, a.id).toBeGreaterThan(0);
    }
  });

  it('keeps articles on existing pages, in source order, within the file', () => {
    let last = 0;
    for (const a of iss.articles) {
      expect(iss.pages[a.page]).toBeDefined();
      expect(a.lines.start).toBeGreaterThanOrEqual(last);
      expect(a.lines.end).toBeLessThanOrEqual(source.lines.length);
      last = a.lines.start;
    }
    for (let k = 1; k < iss.pages.length; k++)
      expect(iss.pages[k]!.number).toBeGreaterThan(iss.pages[k - 1]!.number);
  });
});

describe('facts read off the seeds', () => {
  it('000: 衡阳日报 of 2021-03-06 (昨日是3·5 雷锋纪念日), two pages split at (上接第一版①)', () => {
    const i = issue('000');
    expect(i.date.value).toBe('2021-03-06');
    expect(i.paper.name).toBe('衡阳日报');
    expect(i.paper.confidence).toBe('low');
    expect(i.pages.map((p) => [p.number, p.numberKnown])).toEqual([
      [1, false],
      [2, false],
    ]);
    expect(i.pages[1]!.lines.start).toBe(99);
    const cont = i.articles.find((a) => a.kind === 'continuation')!;
    expect(cont.references[0]).toMatchObject({ kind: 'continued-from', page: 1, mark: '①' });
  });

  it('000: bylines in several forms, with staff and roles', () => {
    expect(byHeadline('000', '以更加饱满的热情擦亮“衡阳群众”品牌').byline!.staff).toEqual([
      { name: '许珂', role: 'reporter', roleText: '记者', photos: false },
      { name: '付星婷', role: 'intern', roleText: '实习生', photos: false },
    ]);
    const split = byHeadline('000', '市交通综合行政执法支队多种形式学雷锋');
    expect(split.byline!.text).toBe('本报讯（记者 金明达 通讯员 刘先军）');
    expect(split.byline!.lines).toEqual({ start: 65, end: 67 });
    expect(byHeadline('000', '以实际行动践行雷锋精神').byline!.staff[0]).toMatchObject({
      name: '金明达',
      photos: true,
    });
    const youxun = i('000').find((a) => a.byline?.source === '又讯')!;
    expect(youxun.byline!.staff.map((s) => s.name)).toEqual(['胡亚华', '叶怡岑']);
  });

  it('000: a column split is rejoined and the caption that interrupted it is lifted out', () => {
    const first = byHeadline('000', '以更加饱满的热情擦亮“衡阳群众”品牌');
    expect(first.subtitle).toBe('我市举行相关主题活动启动仪式。赖馨正宣布活动启动并授旗');
    expect(first.paragraphs[1]!.text).toContain('系列重要讲话精神');
    expect(first.paragraphs[1]!.lines).toEqual([9, 11, 13]); // 系列重|要 and 书写|好新时代
    const youxun = i('000').find((a) => a.byline?.source === '又讯')!;
    expect(youxun.captions.map((c) => c.text)).toEqual(['志愿者为老人理发']);
    expect(youxun.paragraphs.map((p) => p.text).join('')).toContain('活动现场，“衡阳群众”志愿者各司其职');
    expect(youxun.paragraphs.map((p) => p.text).join('')).toContain('开设了健康、就诊咨询点');
  });

  it('000: the paragraph printed twice is kept in the 交通执法 article and recorded', () => {
    const i0 = issue('000');
    expect(i0.duplicates).toHaveLength(1);
    expect(i0.duplicates[0]!.lines).toEqual([61]);
    const kept = byHeadline('000', '市交通综合行政执法支队多种形式学雷锋');
    expect(i0.duplicates[0]!.keptIn).toBe(kept.id);
    expect(kept.paragraphs.some((p) => p.text.startsWith('今年春运以来') && p.lines.join() === '71,73')).toBe(
      true,
    );
    const nanyue = byHeadline('000', '“道德模范与身边好人”宣讲全会精神');
    expect(nanyue.kicker).toBe('南岳区：');
    expect(nanyue.paragraphs.some((p) => p.text.startsWith('今年春运以来'))).toBe(false);
  });

  it('001: notices with signatures, a table, the paper named by 衡阳日报讯', () => {
    const i1 = issue('001');
    expect(i1.paper).toMatchObject({ id: 'hengyang-daily', confidence: 'high' });
    // events of 3月31日 are reported; notices are signed 2022年3月31日
    expect(i1.date.value).toBe('2022-04-01');
    const first = i1.articles[0]!;
    expect(first.kind).toBe('notice');
    expect(first.signature!.text).toBe('中共衡阳市委\n衡阳市人民政府\n2022年3月31日');
    const gongshi = byHeadline('001', '干部任前公示公告');
    expect(gongshi.tables[0]!.rows).toHaveLength(10);
    expect(gongshi.tables[0]!.rows[0]!.slice(0, 3)).toEqual(['姓名', '性别', '民族']);
    expect(gongshi.tables[0]!.rows[9]![0]).toBe('丁剑飞');
    expect(gongshi.tables[0]!.header).toBe(true);
    expect(byHeadline('001', '公示').signature!.text).toBe('衡阳日报\n2022年3月31日');
  });

  it('001: kickers marked with ——, a two-line headline, a caption after a picture gap, a column label', () => {
    expect(byHeadline('001', '请旅客提前了解防疫要求').kicker).toBe('注意，清明假期乘坐高铁——');
    expect(byHeadline('001', '请旅客提前了解防疫要求').captions[0]!.text).toBe(
      '受疫情影响，虽临近清明节，衡阳东站出行旅客数量少于往日。',
    );
    expect(byHeadline('001', '缅怀革命先烈 赓续精神血脉').byline!.staff[0]!.name).toBe('谢小青');
    expect(byHeadline('001', '抓好七个方面工作 谱写耒阳新篇章').kicker).toBe(
      '耒阳市第十八届人民代表大会第二次会议开幕——',
    );
    expect(byHeadline('001', '遇森林火灾如何脱险自救').column).toBe('安全生产三年行动 应急科普');
  });

  it('002: 2020-11-21, subtitle marked ——记, feature bylines with ■, a notice on the continued page', () => {
    const i2 = issue('002');
    expect(i2.date.value).toBe('2020-11-21');
    expect(i2.pages).toHaveLength(2);
    const feature = byHeadline('002', '一名转业军官的三次硬核“转身”');
    expect(feature.kind).toBe('feature');
    expect(feature.subtitle).toBe('——记市直工委基层组织建设指导部副部长刘义杰');
    expect(feature.byline!.staff.map((s) => [s.name, s.roleText])).toEqual([
      ['胡建军', '记者'],
      ['周妍', '通讯员'],
    ]);
    expect(feature.paragraphs.filter((p) => p.role === 'subhead').map((p) => p.text)).toEqual([
      '从“军官”到“村官”用初心勾勒',
      '从“驻村”到“驻企”用恒心勾勒',
      '从“追光者”到“志愿者”用爱心添彩',
    ]);
    expect(byHeadline('002', '2020年市州安全生产工作廉洁考核巡查公告').kind).toBe('notice');
    expect(byHeadline('002', '衡阳县新正街平战结合人防工程路面恢复通车').paragraphs[1]!.text).toContain(
      '项目西起建设南路路口',
    );
  });

  it('002: a run printed twice inside the continuation is removed once', () => {
    const d = issue('002').duplicates;
    expect(d).toHaveLength(1);
    expect(d[0]!.text).toContain('南岳与深圳建立了黄金搭档合作关系');
    expect(d[0]!.lines).toContain(167);
  });

  it('003: 衡阳晚报, bylines split across lines (全媒体记者 金明 | 达)', () => {
    const i3 = issue('003');
    expect(i3.paper).toMatchObject({ id: 'hengyang-evening-news', name: '衡阳晚报', confidence: 'high' });
    expect(i3.date.value).toBe('2023-01-05');
    expect(i3.articles).toHaveLength(5);
    expect(byHeadline('003', '泉南高速公路衡阳段护栏改造工程提前完工').byline!.staff[0]!.name).toBe('金明达');
    expect(byHeadline('003', '遥田水电站榜上有名').kicker).toBe('2022年度全国绿色小水电示范电站名单公布');
    expect(byHeadline('003', '遥田水电站榜上有名').byline!.text).toBe(
      '衡阳晚报讯 (全媒体记者 许珂 通讯员 王小云)',
    );
  });

  it('004: masthead fields, teasers to 第七版, a photo with credit, an advert', () => {
    const i4 = issue('004');
    expect(i4.date).toMatchObject({ value: '2021-12-09', method: 'masthead', confidence: 'high' });
    expect(i4.masthead).toMatchObject({
      paperName: '衡阳日报',
      paperNameEn: 'HENGYANG DAILY',
      weekday: '星期四',
      lunarDate: '辛丑年十一月初六',
      issueNumber: 18021,
      pageCount: 8,
      serial: 'CN 43-0004',
    });
    expect(i4.masthead!.hotlines).toEqual([
      { label: '新闻热线', number: '8611110' },
      { label: '广告热线', number: '8247111' },
    ]);
    expect(i4.pages[0]).toMatchObject({ number: 1, numberKnown: true, label: '第一版' });
    const teasers = i4.articles.filter((a) => a.kind === 'teaser');
    expect(teasers).toHaveLength(3);
    for (const t of teasers) expect(t.references[0]).toMatchObject({ kind: 'see', page: 7 });
    const photo = i4.articles.find((a) => a.kind === 'photo')!;
    expect(photo.captions[0]!.credit).toBe('■通讯员 王勤 摄');
    expect(i4.articles.filter((a) => a.kind === 'ad')).toHaveLength(1);
  });
});

function i(k: string) {
  return issue(k).articles;
}
