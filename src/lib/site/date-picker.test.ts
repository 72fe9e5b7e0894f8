import { describe, expect, it } from 'vitest';
import { daysScript, issueDayRange, issueDaysCode, nearestIssueDay } from './date-picker.ts';

const dates = ['2021-03-06', '2021-03-05', '2021-03-31', '2021-12-09', '2023-10-20'];

describe('issueDaysCode', () => {
  it('writes each month once, in order, with its days as a base-36 bit mask', () => {
    // March: days 5, 6, 31 → bits 4, 5, 30 = 16 + 32 + 2^30
    const march = (16 + 32 + 2 ** 30).toString(36);
    expect(issueDaysCode(dates)).toBe(
      `202103.${march} 202112.${(2 ** 8).toString(36)} 202310.${(2 ** 19).toString(36)}`,
    );
  });

  it('leaves out what is not an ISO date', () => {
    expect(issueDaysCode(['undated', '2021-3-6'])).toBe('');
  });
});

describe('nearestIssueDay', () => {
  const code = issueDaysCode(dates);
  it.each([
    ['2021-03-06', '2021-03-06'],
    ['2021-03-31', '2021-03-31'],
    ['2021-03-07', '2021-03-06'],
    ['2021-04-01', '2021-03-31'],
    ['2021-01-01', '2021-03-05'],
    ['2022-11-14', '2023-10-20'],
    ['2030-01-01', '2023-10-20'],
  ])('%s → %s', (iso, want) => {
    expect(nearestIssueDay(code, iso)).toBe(want);
  });

  it('takes the later of two equally near days', () => {
    expect(nearestIssueDay(issueDaysCode(['2021-03-01', '2021-03-05']), '2021-03-03')).toBe('2021-03-05');
  });

  it('answers null for no date or no days', () => {
    expect(nearestIssueDay(code, '')).toBeNull();
    expect(nearestIssueDay('', '2021-03-06')).toBeNull();
  });

  it('runs from its source text alone, as the page’s inline script does', () => {
    const copy = new Function(`return ${nearestIssueDay.toString()}`)() as typeof nearestIssueDay;
    expect(copy(code, '2021-03-07')).toBe('2021-03-06');
  });
});

describe('issueDayRange', () => {
  it('gives the first and the last day with issues', () => {
    expect(issueDayRange(issueDaysCode(dates))).toEqual(['2021-03-05', '2023-10-20']);
    expect(issueDayRange(issueDaysCode(['2021-03-31']))).toEqual(['2021-03-31', '2021-03-31']);
  });

  it('is null for a code without days', () => {
    expect(issueDayRange('')).toBeNull();
    expect(issueDayRange('nonsense')).toBeNull();
  });

  it('runs from its own source text, as reader.js runs it', () => {
    const again = new Function(`return (${issueDayRange.toString()})`)() as typeof issueDayRange;
    expect(again(issueDaysCode(dates))).toEqual(['2021-03-05', '2023-10-20']);
  });
});

describe('daysScript', () => {
  it('sets one global to the code, which a script element can load from file://', () => {
    const code = issueDaysCode(dates);
    const window: Record<string, unknown> = {};
    new Function('window', daysScript(code))(window);
    expect(window).toEqual({ baokanIssueDays: code });
  });
});
