/** Unit tests per pipeline stage, on small inputs written for each rule. */
import { describe, expect, it } from 'vitest';
import { detectLayout, toBlocks } from './blocks.ts';
import { matchByline, matchPhotoCredit, parseCredits } from './byline.ts';
import { isHeadingLike, isKickerMarked, isSignature } from './block-shapes.ts';
import { removeDuplicates } from './ocr-duplicates.ts';
import { checkConservation } from './conservation.ts';
import { findMasthead } from './masthead.ts';
import { identifyPaper } from './paper.ts';
import { inferPublicationDate, type DateClues } from './pubdate.ts';
import { matchContinuedFrom, matchContinuedOn, matchSee } from './cross-references.ts';
import type { Article } from '../model/issue.ts';

const catalog = {
  papers: [
    {
      id: 'hengyang-daily',
      name: '衡阳日报',
      serial: 'CN 43-0004',
      region: ['衡阳'],
      houseBylines: ['本报讯'],
    },
    { id: 'hengyang-evening-news', name: '衡阳晚报', region: ['衡阳'] },
  ],
};

describe('blocks', () => {
  it('reads blank-line separated dumps as blocks that keep their inner lines', () => {
    const lines = ['', '标题', '', '中共衡阳市委', '衡阳市人民政府', '2022年3月31日', '', '', '', '图片说明'];
    expect(detectLayout(lines)).toBe('blank-separated');
    const b = toBlocks(lines);
    expect(b.map((x) => x.lines.map((l) => l.no))).toEqual([[2], [4, 5, 6], [10]]);
    expect(b[2]!.gapBefore).toBe(3);
  });
  it('reads one paragraph per line, with full-width indents', () => {
    const lines = ['标题一', '\u3000\u3000第一段。', '\u3000\u3000第二段。', '标题二'];
    expect(detectLayout(lines)).toBe('line-per-paragraph');
    const b = toBlocks(lines);
    expect(b).toHaveLength(4);
    expect(b[1]!.indented).toBe(true);
    expect(b[1]!.text).toBe('第一段。');
  });
});

describe('bylines', () => {
  it('reads 本报讯 with credits, glued and role-less names', () => {
    expect(matchByline('本报讯（李建平 见习记者 刘紫叶）3月5日上午，会议召开。')).toMatchObject({
      text: '本报讯（李建平 见习记者 刘紫叶）',
      source: '本报讯',
      rest: '3月5日上午，会议召开。',
      staff: [
        { name: '李建平', role: 'contributor', roleText: null },
        { name: '刘紫叶', role: 'trainee-reporter', roleText: '见习记者' },
      ],
    });
    expect(parseCredits('记者 许珂 实习生付星婷').map((s) => [s.name, s.role])).toEqual([
      ['许珂', 'reporter'],
      ['付星婷', 'intern'],
    ]);
  });
  it('reads datelines of other papers and agencies', () => {
    expect(matchByline('本报北京5月14日电（记者 王明远、李静）记者从…获悉')).toMatchObject({
      source: '本报北京5月14日电',
      place: '北京',
      dateline: { m: 5, d: 14 },
    });
    expect(matchByline('新华社日内瓦5月14日电 世界卫生组织14日发布报告')).toMatchObject({
      source: '新华社日内瓦5月14日电',
      rest: '世界卫生组织14日发布报告',
      staff: [],
    });
    expect(matchByline('人民日报记者（张三）')?.staff[0]?.name).toBe('张三');
  });
  it('reads the paper-named and bulleted forms, and open brackets', () => {
    expect(matchByline('衡阳晚报讯 (全媒体记者 陈润)')).toMatchObject({ source: '衡阳晚报讯', rest: '' });
    expect(matchByline('■本报记者 胡建军 通讯员 周妍')!.staff.map((s) => s.name)).toEqual(['胡建军', '周妍']);
    expect(matchByline('衡阳晚报讯 (全媒体记者 许珂 通')).toMatchObject({ open: true });
  });
  it('does not read ordinary sentences as bylines', () => {
    expect(matchByline('记者从市总工会获悉，今年我市将评选表彰43个模范职工之家。')).toBeNull();
    expect(matchByline('该旅行社电话咨询量大增。')).toBeNull();
    expect(matchByline('本报讯')).toMatchObject({ source: '本报讯', rest: '', staff: [] });
  });
  it('reads credit lines without an agency, before or after the text', () => {
    expect(matchByline('文/图 本报记者 李明')!.staff).toEqual([
      { name: '李明', role: 'reporter', roleText: '记者', photos: true },
    ]);
    expect(matchByline('（本报记者 赵敏 通讯员 孙亮）')!.staff.map((s) => s.name)).toEqual(['赵敏', '孙亮']);
    expect(matchByline('记者手记')).toBeNull();
    expect(matchByline('记者走访发现')).toBeNull();
  });
  it('reads photo credits', () => {
    expect(matchPhotoCredit('■通讯员 王勤 摄')).toEqual([
      { name: '王勤', role: 'correspondent', roleText: '通讯员', photos: true },
    ]);
    expect(matchPhotoCredit('近日，某地举行活动。')).toBeNull();
    expect(matchPhotoCredit('（新华社记者 张三 摄）')).toEqual([
      { name: '张三', role: 'reporter', roleText: '记者', photos: true },
    ]);
    expect(parseCredits('记者 张三 通讯员 李四 报道').map((s) => s.name)).toEqual(['张三', '李四']);
  });
});

describe('references', () => {
  it('reads continuations and cross-references with their target page', () => {
    expect(matchContinuedFrom('（上接第一版①）常宁市委…', 99)).toMatchObject({
      ref: { kind: 'continued-from', page: 1, mark: '①', text: '（上接第一版①）' },
      rest: '常宁市委…',
    });
    expect(matchContinuedOn('双方已经达成协议。（下转第二版）', 3)?.ref).toMatchObject({
      page: 2,
      kind: 'continued-on',
    });
    expect(matchSee('>>>详见第七版>>>', 76)).toMatchObject({ page: 7, kind: 'see' });
    expect(matchSee('（详见A3版）', 1)).toMatchObject({ page: 3 });
    expect(matchSee('详见第七版的报道内容如下', 1)).toBeNull();
  });
});

describe('classification', () => {
  const block = (text: string) => ({
    index: 0,
    lines: [{ no: 1, text }],
    text,
    gapBefore: 1,
    indented: false,
    indent: '',
  });
  it('tells headings from sentences', () => {
    expect(isHeadingLike(block('衡阳青少年助力垃圾分类'))).toBe(true);
    expect(isHeadingLike(block('市领导张霞参加活动。'))).toBe(false);
    expect(isHeadingLike(block('受理举报时间：2022年3月31日至4月8日'))).toBe(true); // field lines are excluded later
    expect(isHeadingLike(block('此次专项督察发现，衡阳市存在以下几方面突出问题：'))).toBe(false);
    expect(isKickerMarked('南岳区：')).toBe(true);
    expect(isKickerMarked('注意，清明假期乘坐高铁——')).toBe(true);
  });
  it('recognises signature blocks', () => {
    const sig = {
      index: 0,
      lines: ['中共衡阳市委', '衡阳市人民政府', '2022年3月31日'].map((text, k) => ({ no: k + 1, text })),
      text: '',
      gapBefore: 1,
      indented: false,
      indent: '',
    };
    expect(isSignature(sig)).toBe(true);
    expect(isSignature(block('中共湖南省纪委监委驻省应急厅纪检监察组 2020年11月17日'))).toBe(true);
    expect(isSignature(block('2022年3月31日下午，会议召开。'))).toBe(false);
  });
});

describe('masthead', () => {
  it('parses the fields a masthead prints', () => {
    const lines = [
      '衡阳日报',
      '',
      '国内统一连续出版物号 CN 43-0004',
      '',
      '2021年12月9日 星期四 农历辛丑年十一月初六',
      '',
      '今日八版',
      '',
      '第18021号',
      '',
      '新闻正文开始了，这是一段很长的正文。',
    ];
    const { count, masthead } = findMasthead(toBlocks(lines));
    expect(count).toBe(5);
    expect(masthead).toMatchObject({
      paperName: '衡阳日报',
      date: '2021-12-09',
      pageCount: 8,
      issueNumber: 18021,
      serial: 'CN 43-0004',
    });
  });
  it('does not take a headline for a masthead', () => {
    expect(findMasthead(toBlocks(['以更加饱满的热情擦亮品牌', '', '本报讯（记者 许珂）正文。'])).count).toBe(
      0,
    );
  });
});

describe('paper', () => {
  const none = { masthead: null, signatures: [], text: '' };
  it('names a paper from a byline that names it, even one not in the catalogue', () => {
    expect(identifyPaper({ ...none, bylines: [{ source: '衡阳晚报讯', line: 9 }] }, catalog)).toMatchObject({
      id: 'hengyang-evening-news',
      confidence: 'high',
    });
    const other = identifyPaper({ ...none, bylines: [{ source: '湘潭日报讯', line: 3 }] }, catalog);
    expect(other.name).toBe('湘潭日报');
    expect(other.id).toMatch(/^paper-[0-9a-f]{8}$/);
  });
  it('stays unknown without evidence, and is weak from house bylines alone', () => {
    expect(identifyPaper({ ...none, bylines: [] }, catalog).id).toBe('unknown');
    const weak = identifyPaper(
      {
        ...none,
        bylines: [
          { source: '本报讯', line: 1 },
          { source: '本报讯', line: 9 },
        ],
        text: '衡阳'.repeat(6),
      },
      catalog,
    );
    expect(weak).toMatchObject({ id: 'hengyang-daily', confidence: 'low' });
  });
});

describe('publication date', () => {
  const article = (lead: string, signature: string | null = null) =>
    ({
      kind: 'news',
      byline: {
        text: '本报讯',
        source: '本报讯',
        place: null,
        dateline: null,
        staff: [],
        lines: { start: 1, end: 1 },
      },
      paragraphs: [{ role: 'text' as const, text: lead, lines: [1] }],
      signature: signature ? { text: signature, lines: [2] } : null,
    }) as DateClues['articles'][number];
  it('takes the latest lead date plus one day, with the year from the text', () => {
    const d = inferPublicationDate({
      masthead: null,
      articles: [article('12月7日，会议召开。'), article('12月8日上午，签约仪式举行。')],
      text: '于2021年12月29日至2022年1月2日召开会议。2021年',
    });
    expect(d).toMatchObject({ value: '2021-12-09', method: 'latest-event-plus-one' });
  });
  it('uses 昨日（…） exactly', () => {
    const d = inferPublicationDate({
      masthead: null,
      articles: [article('昨日（3月5日），活动举行。')],
      text: '2021年',
    });
    expect(d).toMatchObject({ value: '2021-03-06', method: 'relative-word', confidence: 'medium' });
  });
  it('falls back to signatures, then to nothing', () => {
    const sig = { ...article('无日期的正文。', '某某单位\n2020年11月17日'), byline: null };
    expect(inferPublicationDate({ masthead: null, articles: [sig], text: '' })).toMatchObject({
      value: '2020-11-17',
      method: 'signature',
      confidence: 'low',
    });
    expect(inferPublicationDate({ masthead: null, articles: [], text: '' })).toMatchObject({
      value: null,
      method: 'none',
    });
  });
});

describe('duplicates', () => {
  const art = (id: string, headline: string, texts: string[]) =>
    ({
      id,
      headline,
      paragraphs: texts.map((text, k) => ({ id: `p${k}`, role: 'text', text, lines: [k + 1] })),
      edits: [],
    }) as unknown as Article;
  it('keeps a paragraph printed twice in the article it fits', () => {
    const stray = '交通执法人员始终奋战在春运第一线，保障市民平安出行，热情为复工复产群众提供咨询服务。';
    const a = art('a1', '南岳区宣讲全会精神', ['南岳区宣讲全会精神，村民聆听宣讲。', stray]);
    const b = art('a2', '交通执法支队学雷锋', ['交通执法人员走进公交车站开展志愿服务。', stray]);
    const d = removeDuplicates([a, b]);
    expect(d).toHaveLength(1);
    expect(d[0]!.keptIn).toBe('a2');
    expect(a.paragraphs).toHaveLength(1);
    expect(b.paragraphs).toHaveLength(2);
  });
  it('removes a long run repeated inside an article', () => {
    const run = '南岳与深圳建立了黄金搭档合作关系,两地共享文旅资源和客源市场,共促经济互动、人文交流';
    const a = art('a1', '', [`开头${run}中间还有别的内容和文字。修缮、${run}`]);
    const d = removeDuplicates([a]);
    expect(d.map((x) => x.text)).toEqual([run]);
    expect(a.paragraphs[0]!.text).toBe(`开头${run}中间还有别的内容和文字。修缮、`);
  });
});

describe('conservation check', () => {
  it('fails when a character is lost or added', () => {
    expect(checkConservation('甲乙 丙', ['甲', '乙丙']).ok).toBe(true);
    expect(checkConservation('甲乙丙', ['甲乙']).missing).toEqual([['丙', 1]]);
    expect(checkConservation('甲乙', ['甲乙乙']).extra).toEqual([['乙', 1]]);
  });
});
