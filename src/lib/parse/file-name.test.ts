import { describe, expect, it } from 'vitest';
import { dateFromName, pageFromName, paperFromName } from './file-name.ts';
import { parseIssue } from './parse-issue.ts';

describe('dateFromName', () => {
  it.each([
    ['rmrb_20200107-p03.txt', '2020-01-07', '20200107'],
    ['2020-01-07.txt', '2020-01-07', '2020-01-07'],
    ['hyrb_2020_01_07_03.txt', '2020-01-07', '2020_01_07'],
    ['2020/01/07/p03.txt', '2020-01-07', '2020/01/07'],
    ['2021.3.6 第一版.txt', '2021-03-06', '2021.3.6'],
    ['衡阳日报2021年3月6日.txt', '2021-03-06', '2021年3月6日'],
    ['archive/2019-12-31/20200101_p01.txt', '2020-01-01', '20200101'],
    ['ljrb20250301第04版.txt', '2025-03-01', '20250301'],
  ])('%s → %s', (name, value, text) => {
    expect(dateFromName(name)).toEqual({ value, text });
  });

  it.each([
    ['000_846a23c3b34aff37.txt', 'hex digits are not a date'],
    ['2020/01/p03.txt', 'a year and a month give no day'],
    ['2020.txt', 'a year alone'],
    ['0107-p03.txt', 'a month and day without a year: no year is guessed'],
    ['20201301.txt', 'month 13'],
    ['20210229.txt', '29 February of a common year'],
    ['120200107.txt', 'a longer number'],
    ['2020-01_07.txt', 'mixed separators'],
    ['input.txt', 'no digits'],
  ])('%s → none (%s)', (name) => {
    expect(dateFromName(name)).toBeNull();
  });
});

describe('pageFromName', () => {
  it.each([
    ['rmrb_20200107-p03.txt', 3, 'p03'],
    ['2020/01/07/p03.txt', 3, 'p03'],
    ['page_P12.txt', 12, 'P12'],
    ['hyrb_2020_01_07_03.txt', 3, '_03'],
    ['衡阳日报20210306第03版.txt', 3, '第03版'],
    ['衡阳日报第三版.txt', 3, '第三版'],
    ['hywb-2023-01-05-A03.txt', 3, 'A03'],
    ['ljwb_2025_03_01_B2.txt', 2, 'B2'],
  ])('%s → page %i', (name, number, text) => {
    expect(pageFromName(name)).toMatchObject({ number, text });
  });

  it('keeps the section letter of an A03-style page', () => {
    expect(pageFromName('x-A03.txt')?.section).toBe('A');
  });

  it.each([
    ['000_846a23c3b34aff37.txt', 'a hex tail is not a page'],
    ['hyrb_20200107.txt', 'the date is not a page'],
    ['2020-01-07.txt', 'the date is not a page'],
    ['report-2021.txt', 'a year is not a page'],
    ['x_1000.txt', 'more than 999'],
    ['issue-undated-4.txt', 'a number after a hyphen alone'],
  ])('%s → none (%s)', (name) => {
    expect(pageFromName(name)).toBeNull();
  });
});

describe('the file name as date and page evidence in parsing', () => {
  const catalog = { papers: [] };
  const text = (s: string) => new TextEncoder().encode(s);
  const body = '江边的桃花开了\n\n三月的江边，桃花开了。市民纷纷走出家门，踏青赏花，公园里游人如织。\n';

  it('dates an issue whose text gives no date, and numbers its one page', () => {
    const issue = parseIssue(text(body), 'p03.txt', { catalog, name: '2020/01/07/p03.txt' }).issue;
    expect(issue.date).toMatchObject({ value: '2020-01-07', method: 'file-name', confidence: 'medium' });
    expect(issue.date.evidence[0]).toEqual({ kind: 'file-name', text: '2020/01/07' });
    expect(issue.pages[0]).toMatchObject({ number: 3, numberKnown: false });
    expect(issue.pages[0]!.evidence).toContainEqual({ kind: 'file-name', text: 'p03' });
  });

  it('keeps a masthead date and warns when the name disagrees', () => {
    const masthead = '衡阳日报\n\n2021年3月6日 星期六\n\n今日八版\n\n';
    const issue = parseIssue(text(masthead + body), 'x.txt', { catalog, name: 'hyrb_20210307.txt' }).issue;
    expect(issue.date).toMatchObject({ value: '2021-03-06', method: 'masthead' });
    expect(issue.warnings.map((w) => w.code)).toContain('date-file-name-disagrees');
  });

  it('leaves a name without a date alone', () => {
    const issue = parseIssue(text(body), 'x.txt', { catalog, name: 'input.txt' }).issue;
    expect(issue.date.method).not.toBe('file-name');
  });
});

describe('paperFromName', () => {
  const papers = ['衡阳日报', '衡阳晚报', '人民日报'];
  it.each([
    ['rmrb_20200107-p03.txt', '人民日报', 'rmrb'],
    ['hyrb/2020/01/07/p03.txt', '衡阳日报', 'hyrb'],
    ['HYWB20210306A04.txt', '衡阳晚报', 'HYWB'],
    ['pdf-rmrb-1946-05-17_02.txt', '人民日报', 'rmrb'],
    ['衡阳晚报2021-03-06第03版.txt', '衡阳晚报', '衡阳晚报'],
  ])('%s → %s', (name, paper, text) => {
    expect(paperFromName(name, papers)).toEqual({ name: paper, text });
  });

  it.each([
    ['ljrb_20250115-p02.txt', 'initials of a paper nobody described'],
    ['000_846a23c3b34aff37.txt', 'hex digits'],
    ['page_P12.txt', 'a word that is no candidate’s initials'],
  ])('%s → none (%s)', (name) => {
    expect(paperFromName(name, papers)).toBeNull();
  });

  it('initials two candidates share name neither', () => {
    expect(paperFromName('hyrb_20200107.txt', ['衡阳日报', '海阳日报'])).toBeNull();
  });
});

describe('the paper from the file name in a parse', () => {
  const catalog = {
    papers: [
      { id: 'hyrb', name: '衡阳日报' },
      { id: 'hywb', name: '衡阳晚报' },
    ],
  };
  const text = (s: string) => new TextEncoder().encode(s);
  const body = '市领导调研春耕生产\n\n本报讯（记者 王明）3月5日，市领导到田间地头调研春耕生产工作。\n';
  it('names the paper with medium confidence when nothing printed names it', () => {
    const issue = parseIssue(text(body), 'x.txt', { catalog, name: 'hyrb_20210306.txt' }).issue;
    expect(issue.paper).toMatchObject({ name: '衡阳日报', confidence: 'medium' });
    expect(issue.paper.evidence).toContainEqual({ kind: 'file-name', text: 'hyrb' });
  });

  it('gives way to a masthead that names another paper', () => {
    const masthead = '衡阳晚报\n\n2021年3月6日 星期六\n\n';
    const issue = parseIssue(text(masthead + body), 'x.txt', { catalog, name: 'hyrb_20210306.txt' }).issue;
    expect(issue.paper.name).toBe('衡阳晚报');
  });
});
