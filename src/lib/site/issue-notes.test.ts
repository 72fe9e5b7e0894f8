import { describe, expect, it } from 'vitest';
import { dateMethodNote, mastheadLine, warningNote } from './issue-notes.ts';

describe('mastheadLine', () => {
  it('takes the masthead as printed', () => {
    expect(
      mastheadLine('2021-03-06', {
        weekday: '星期六',
        lunarDate: '辛丑年正月廿三',
        issueNumber: 18021,
        pageCount: 8,
      }),
    ).toBe('2021年3月6日 星期六 农历辛丑年正月廿三 · 第18021号 · 今日8版');
  });

  it('computes weekday and lunar date without a masthead', () => {
    // 2021-03-06 was a Saturday, the 23rd day of the first lunar month of 辛丑
    const line = mastheadLine('2021-03-06', null);
    expect(line).toMatch(/^2021年3月6日 星期六 农历/u);
    expect(line).toContain('正月');
    expect(line).toContain('廿三');
  });

  it('says the date is unknown', () => {
    expect(mastheadLine(null, null)).toBe('日期不详');
  });
});

describe('dateMethodNote', () => {
  it('says nothing for a printed date', () => {
    expect(dateMethodNote({ method: 'masthead', confidence: 'high' }, 'high')).toBeNull();
  });

  it('names the method and confidence, and a weakly inferred paper', () => {
    expect(dateMethodNote({ method: 'latest-event-plus-one', confidence: 'low' }, 'low')).toBe(
      '出版日期：据消息导语中的最近日期推定（次日出版），可信度低；报名系据署名形式推定',
    );
    expect(dateMethodNote({ method: 'file-name', confidence: 'medium' }, 'high')).toBe(
      '出版日期：file-name，可信度中',
    );
  });
});

describe('warningNote', () => {
  it('gives readers a note and keeps the message', () => {
    expect(warningNote({ code: 'date-unknown', message: 'no date found', file: 'a.txt', line: 12 })).toEqual({
      text: '无法推定出版日期。',
      where: '（a.txt 第12行）',
      message: 'no date found',
    });
  });

  it('shows the message itself for a code without a note', () => {
    expect(warningNote({ code: 'something-new', message: 'odd input', line: 3 })).toEqual({
      text: 'odd input',
      where: '（第3行）',
      message: null,
    });
    expect(warningNote({ code: 'x', message: 'm' }).where).toBe('');
  });
});
