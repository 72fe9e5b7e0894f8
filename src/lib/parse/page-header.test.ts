/** Printed page headers and e-paper page titles: the page number, and the paper and date they print. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_HEADER } from './assemble.ts';
import { loadCatalog } from '../edition/load-folder.ts';
import { openingTitle, parseIssue } from './parse-issue.ts';

const catalog = loadCatalog(resolve(import.meta.dirname, '../../../content/papers.json'));

describe('page headers', () => {
  it.each([
    ['第二版 要闻', '二'],
    ['2023年5月15日 星期一 第3版', '3'],
    ['青溪报 2025年3月1日 星期六 第三版 经济', '三'],
    ['青溪报 2025年03月01日 第03版：城事', '03'],
    ['《人民日报》（2025年03月01日第 01 版）', '01'],
    ['临江晚报  2024年10月 16 日 星期三  第 5 版', '5'],
    ['A3 要闻', undefined],
  ])('%s', (text, number) => {
    const m = PAGE_HEADER.exec(text);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(number);
  });

  it.each(['第二版的文章说', '本报讯 第三版刊登', '《人民日报》评论员文章'])('not a header: %s', (text) => {
    expect(PAGE_HEADER.exec(text)).toBeNull();
  });

  it('gives the paper and the date of a page whose text has no masthead', () => {
    // e-paper text: one paragraph per line, body lines indented with U+3000
    const text = [
      '《人民日报》（2025年03月01日第 04 版）',
      '坚持用改革精神和严的标准管党治党',
      '本报记者  赵  成',
      '　　2月27日，二十届中央纪委四次全会工作报告全文发布。',
      '　　工作报告通篇贯穿党的自我革命的重要思想，对2025年工作进行全面部署。',
      '',
    ].join('\r\n');
    const issue = parseIssue(new TextEncoder().encode(text), 'p.txt', { catalog }).issue;
    expect(issue.date).toMatchObject({ value: '2025-03-01', method: 'page-header', confidence: 'high' });
    expect(issue.paper).toMatchObject({ name: '人民日报', confidence: 'high' });
    // 人民日报 is in content/papers.json: the printed name finds its entry
    expect(issue.paper.id).toBe('peoples-daily');
    expect(issue.pages.map((p) => [p.number, p.numberSource])).toEqual([[4, 'header']]);
  });
});

describe('titles of items printed without a headline', () => {
  it.each([
    [
      '3月3日，石鼓区青山街道西湖一村社区在社区前坪开展学雷锋志愿服务活动。',
      '3月3日，石鼓区青山街道西湖一村社区在社区前坪',
    ],
    [
      '昨日（5月14日），市第一中学举行春季运动会，全校师生参加。',
      '昨日（5月14日），市第一中学举行春季运动会',
    ],
    [
      '常宁市委、市政府解决历史遗留重金属污染问题的主动性、自觉性不够',
      '常宁市委、市政府解决历史遗留重金属污染问题',
    ],
    ['短讯。', '短讯'],
  ])('%s → %s', (text, title) => {
    expect(openingTitle(text)).toBe(title);
    expect(openingTitle(text)).not.toContain('…');
  });

  it('titles a continuation with the headline it continues, when the page marks where', () => {
    const text = [
      '市政府召开常务会议',
      '',
      '本报讯（记者 王勤）市政府昨日召开常务会议，研究部署当前重点工作，会议由市长主持。（下转第二版①）',
      '',
      '第二版 要闻',
      '',
      '（上接第一版①）会议强调，要抓好安全生产，确保全市大局稳定。',
      '',
    ].join('\n');
    const issue = parseIssue(new TextEncoder().encode(text), 'c.txt', { catalog }).issue;
    expect(issue.articles.map((a) => a.title)).toEqual(['市政府召开常务会议', '（续）市政府召开常务会议']);
  });
});
