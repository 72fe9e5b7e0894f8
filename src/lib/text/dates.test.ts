import { describe, it, expect } from 'vitest';
import {
  addDays,
  cnNumber,
  compareYmd,
  findDates,
  findYears,
  inferYear,
  isoDate,
  isValidYmd,
  lunarDate,
  parseIso,
  parseWeekday,
  weekdayZh,
  type DateMention,
} from './dates.ts';

/** The essential fields of mentions, for compact comparisons. */
function brief(ms: DateMention[]): string[] {
  return ms.map((m) => {
    switch (m.kind) {
      case 'full':
        return `full ${m.y}-${m.m}-${m.d} @${m.index} ${m.text}`;
      case 'year-month':
        return `year-month ${m.y}-${m.m} @${m.index} ${m.text}`;
      case 'month-day':
        return `month-day ${m.m}-${m.d} @${m.index} ${m.text}`;
      case 'relative':
        return `relative ${m.offset}${m.m !== undefined ? ` ${m.m}-${m.d}` : ''} @${m.index} ${m.text}`;
    }
  });
}

describe('isoDate / parseIso', () => {
  it('formats with zero padding', () => {
    expect(isoDate({ y: 2021, m: 3, d: 6 })).toBe('2021-03-06');
    expect(isoDate({ y: 2022, m: 12, d: 31 })).toBe('2022-12-31');
  });

  it('parses strict YYYY-MM-DD', () => {
    expect(parseIso('2021-03-06')).toEqual({ y: 2021, m: 3, d: 6 });
    expect(parseIso('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
  });

  it.each([
    '2021-3-6',
    '2021-03-06 ',
    '2021/03/06',
    '2021-02-29',
    '1900-02-29',
    '2021-13-01',
    '2021-04-31',
    '2021-00-10',
  ])('rejects malformed or impossible %j', (text) => {
    expect(parseIso(text)).toBeNull();
  });

  it('round-trips', () => {
    expect(isoDate(parseIso('2000-02-29') ?? { y: 0, m: 0, d: 0 })).toBe('2000-02-29');
  });
});

describe('addDays / compareYmd / isValidYmd', () => {
  it.each([
    ['2021-12-31', 1, '2022-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2021-03-06', -1, '2021-03-05'],
    ['2022-01-01', -2, '2021-12-30'],
    ['2021-12-08', 365, '2022-12-08'],
    ['2021-12-08', 0, '2021-12-08'],
  ])('adds across month, year and leap-day boundaries: %s + %d days = %s', (from, days, to) => {
    expect(isoDate(addDays(parseIso(from)!, days))).toBe(to);
  });

  it('compares dates by sign', () => {
    expect(compareYmd({ y: 2021, m: 12, d: 9 }, { y: 2022, m: 1, d: 1 })).toBeLessThan(0);
    expect(compareYmd({ y: 2022, m: 3, d: 1 }, { y: 2022, m: 2, d: 28 })).toBeGreaterThan(0);
    expect(compareYmd({ y: 2022, m: 3, d: 5 }, { y: 2022, m: 3, d: 4 })).toBeGreaterThan(0);
    expect(compareYmd({ y: 2022, m: 3, d: 5 }, { y: 2022, m: 3, d: 5 })).toBe(0);
  });

  it('sorts with compareYmd', () => {
    const ds = [
      { y: 2022, m: 1, d: 2 },
      { y: 2021, m: 12, d: 29 },
      { y: 2021, m: 3, d: 5 },
    ];
    expect([...ds].sort(compareYmd).map(isoDate)).toEqual(['2021-03-05', '2021-12-29', '2022-01-02']);
  });

  it.each([
    [2024, 2, 29, true],
    [2000, 2, 29, true],
    [2100, 2, 29, false],
    [2021, 2, 29, false],
    [2021, 6, 31, false],
    [2021, 0, 1, false],
    [2021, 1, 0, false],
    [2021, 1.5, 1, false],
  ])('validates %d-%d-%d as a calendar date: %s', (y, m, d, valid) => {
    expect(isValidYmd({ y, m, d })).toBe(valid);
  });
});

describe('cnNumber', () => {
  it.each([
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十九', 29],
    ['三十一', 31],
    ['一百零五', 105],
    ['两千', 2000],
    ['二〇二一', 2021],
    ['二零二二', 2022],
    ['〇', 0],
    ['零', 0],
    ['九', 9],
    ['２０２１', 2021],
    ['０９', 9],
    ['2021', 2021],
  ])('reads %s as %d (十 numerals, digit by digit, zero, full-width and ASCII digits)', (text, value) => {
    expect(cnNumber(text)).toBe(value);
  });

  it.each(['', '初六', '廿一', '十一月', '二三十', 'abc', '20２1年'])(
    'returns null for the non-numeral %j',
    (text) => {
      expect(cnNumber(text)).toBeNull();
    },
  );
});

describe('weekdays', () => {
  it.each([
    [2021, 12, 9, '星期四'],
    [2022, 3, 31, '星期四'],
    [2020, 11, 21, '星期六'],
    [2022, 2, 1, '星期二'],
    [2021, 3, 7, '星期日'],
  ])('names the weekday of %d-%d-%d: %s', (y, m, d, name) => {
    expect(weekdayZh({ y, m, d })).toBe(name);
  });

  it.each([
    ['星期四', 4],
    ['周四', 4],
    ['礼拜四', 4],
    ['星期一', 1],
    ['周六', 6],
    ['星期日', 0],
    ['星期天', 0],
    ['礼拜天', 0],
    ['周日', 0],
  ])('parses %s as day %d of the week', (text, day) => {
    expect(parseWeekday(text)).toBe(day);
  });

  it.each(['星期八', '周末', '四', ''])('rejects the non-weekday %j', (text) => {
    expect(parseWeekday(text)).toBeNull();
  });

  it('round-trips weekdayZh through parseWeekday', () => {
    // 2021-12-05 is a Sunday; the next seven days cover the whole week.
    const got = [0, 1, 2, 3, 4, 5, 6].map((i) =>
      parseWeekday(weekdayZh(addDays({ y: 2021, m: 12, d: 5 }, i))),
    );
    expect(got).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('lunarDate', () => {
  it('matches the masthead of 2021-12-09 (农历辛丑年十一月初六)', () => {
    expect(lunarDate({ y: 2021, m: 12, d: 9 })).toEqual({
      yearName: '辛丑',
      month: '十一月',
      day: '初六',
      text: '辛丑年十一月初六',
    });
  });

  it('names leap months', () => {
    expect(lunarDate({ y: 2023, m: 3, d: 22 }).text).toBe('癸卯年闰二月初一');
    expect(lunarDate({ y: 2023, m: 4, d: 19 }).text).toBe('癸卯年闰二月廿九');
    expect(lunarDate({ y: 2023, m: 4, d: 20 }).text).toBe('癸卯年三月初一');
  });

  it('builds 初十, 二十, 廿X and 三十 day names', () => {
    expect(lunarDate({ y: 2021, m: 12, d: 13 }).day).toBe('初十');
    expect(lunarDate({ y: 2021, m: 12, d: 14 }).day).toBe('十一');
    expect(lunarDate({ y: 2021, m: 12, d: 23 }).day).toBe('二十');
    expect(lunarDate({ y: 2021, m: 12, d: 24 }).day).toBe('廿一');
    expect(lunarDate({ y: 2022, m: 1, d: 2 }).text).toBe('辛丑年十一月三十');
  });

  it('switches year name at the Spring Festival, not on January 1', () => {
    // 2022's New Year's Eve was 腊月廿九 (2022-01-31); the Spring Festival was 2022-02-01.
    expect(lunarDate({ y: 2022, m: 1, d: 31 }).text).toBe('辛丑年腊月廿九');
    expect(lunarDate({ y: 2022, m: 2, d: 1 }).text).toBe('壬寅年正月初一');
  });
});

describe('findDates', () => {
  it('finds a month-day and reports the year of a meeting name as nothing else', () => {
    expect(brief(findDates('3月5日上午，2021年全市医疗保障工作会议召开'))).toEqual([
      'month-day 3-5 @0 3月5日',
    ]);
  });

  it('finds both ends of a full-date range', () => {
    expect(brief(findDates('受理举报时间：2022年3月31日至2022年4月8日（五个工作日）'))).toEqual([
      'full 2022-3-31 @7 2022年3月31日',
      'full 2022-4-8 @18 2022年4月8日',
    ]);
  });

  it('finds a full-date range across New Year', () => {
    expect(brief(findDates('于2021年12月29日至2022年1月2日召开'))).toEqual([
      'full 2021-12-29 @1 2021年12月29日',
      'full 2022-1-2 @13 2022年1月2日',
    ]);
  });

  it('finds a month-day range as two month-days', () => {
    expect(brief(findDates('活动时间为3月31日至4月8日。'))).toEqual([
      'month-day 3-31 @5 3月31日',
      'month-day 4-8 @11 4月8日',
    ]);
  });

  it('gives a range ending in a bare day the month of its start', () => {
    expect(brief(findDates('3月5日至8日举行'))).toEqual(['month-day 3-5 @0 3月5日', 'month-day 3-8 @5 8日']);
    expect(brief(findDates('2022年3月5日—8日'))).toEqual([
      'full 2022-3-5 @0 2022年3月5日',
      'month-day 3-8 @10 8日',
    ]);
  });

  it('never reports a full date again as a month-day or year-month', () => {
    const ms = findDates('2022年3月31日');
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({
      kind: 'full',
      y: 2022,
      m: 3,
      d: 31,
      index: 0,
      length: 10,
      text: '2022年3月31日',
    });
  });

  it('finds year-months', () => {
    expect(brief(findDates('自2022年3月起实施'))).toEqual(['year-month 2022-3 @1 2022年3月']);
    expect(brief(findDates('2021年12月份'))).toEqual(['year-month 2021-12 @0 2021年12月']);
  });

  it('reads Chinese-numeral and full-width dates', () => {
    expect(brief(findDates('二〇二一年十二月九日'))).toEqual(['full 2021-12-9 @0 二〇二一年十二月九日']);
    expect(brief(findDates('二〇二二年三月三十一日'))).toEqual(['full 2022-3-31 @0 二〇二二年三月三十一日']);
    expect(brief(findDates('２０２１年１２月９日'))).toEqual(['full 2021-12-9 @0 ２０２１年１２月９日']);
    expect(brief(findDates('十二月九日'))).toEqual(['month-day 12-9 @0 十二月九日']);
  });

  it('reads dotted and dashed numeric dates', () => {
    expect(brief(findDates('发布日期：2021.12.09'))).toEqual(['full 2021-12-9 @5 2021.12.09']);
    expect(brief(findDates('发布日期：2021-12-09。'))).toEqual(['full 2021-12-9 @5 2021-12-09']);
    expect(findDates('电话：0734-8888-123')).toEqual([]);
    expect(findDates('版本 2021.13.09')).toEqual([]);
  });

  it('skips lunar dates', () => {
    expect(findDates('农历辛丑年十一月初六')).toEqual([]);
    expect(findDates('十二月初六')).toEqual([]);
    expect(findDates('正月十五闹元宵，腊月二十三过小年')).toEqual([]);
    expect(findDates('2021年十一月初六')).toEqual([]);
    expect(findDates('农历十一月二十日')).toEqual([]);
    expect(brief(findDates('2021年12月9日 星期四 农历辛丑年十一月初六'))).toEqual([
      'full 2021-12-9 @0 2021年12月9日',
    ]);
  });

  it('finds relative days with their offsets', () => {
    expect(brief(findDates('昨日，记者获悉'))).toEqual(['relative -1 @0 昨日']);
    expect(brief(findDates('昨天下午'))).toEqual(['relative -1 @0 昨天']);
    expect(brief(findDates('今日起'))).toEqual(['relative 0 @0 今日']);
    expect(brief(findDates('记者今天从市里获悉'))).toEqual(['relative 0 @2 今天']);
    expect(brief(findDates('前日晚'))).toEqual(['relative -2 @0 前日']);
    expect(brief(findDates('前天'))).toEqual(['relative -2 @0 前天']);
    expect(brief(findDates('明日开幕'))).toEqual(['relative 1 @0 明日']);
    expect(brief(findDates('明天有雨'))).toEqual(['relative 1 @0 明天']);
  });

  it('attaches a bracketed explicit date to a relative day', () => {
    const ms = findDates('昨日（3月5日）是');
    expect(ms).toEqual([
      { kind: 'relative', offset: -1, m: 3, d: 5, index: 0, length: 8, text: '昨日（3月5日）' },
    ]);
    expect(brief(findDates('今天(2021年3月6日，星期六)'))).toEqual([
      'relative 0 3-6 @0 今天(2021年3月6日，星期六)',
    ]);
    expect(findDates('今天(2021年3月6日)')[0]?.y).toBe(2021);
  });

  it('does not take words containing the relative characters for relative days', () => {
    expect(findDates('目前天气晴好')).toEqual([]);
    expect(findDates('当前日均客流')).toEqual([]);
    expect(findDates('据光明日报报道')).toEqual([]);
    expect(findDates('创造更加美好的明天')).toEqual([]);
    expect(findDates('如今天下太平')).toEqual([]);
  });

  it('rejects out-of-range years, months and days and 3·5 style', () => {
    expect(findDates('13月5日')).toEqual([]);
    expect(findDates('3月32日')).toEqual([]);
    expect(findDates('2月30日')).toEqual([]);
    expect(findDates('2022年13月')).toEqual([]);
    expect(findDates('2200年3月')).toEqual([]);
    expect(findDates('1850.03.05')).toEqual([]);
    expect(findDates('3·5学雷锋纪念日')).toEqual([]);
    expect(findDates('3·15晚会')).toEqual([]);
  });

  it('returns mentions in text order with correct positions', () => {
    const text = '昨日，2021年全市会议于3月5日召开，会期至3月8日。';
    const ms = findDates(text);
    expect(brief(ms)).toEqual([
      'relative -1 @0 昨日',
      'month-day 3-5 @13 3月5日',
      'month-day 3-8 @23 3月8日',
    ]);
    for (const m of ms) expect(text.slice(m.index, m.index + m.length)).toBe(m.text);
  });
});

describe('findYears', () => {
  it('finds YYYY年 years, including inside full dates, with positions', () => {
    expect(findYears('2021年全市会议；2022年3月31日；二〇二〇年')).toEqual([
      { y: 2021, index: 0 },
      { y: 2022, index: 10 },
      { y: 2020, index: 21 },
    ]);
  });

  it('ignores out-of-range years, bare numbers and dotted dates', () => {
    expect(findYears('1800年 2200年 12021年 2021 2021.12.09 3000多年')).toEqual([]);
  });
});

describe('inferYear', () => {
  it('keeps the old year when the new one only appears in near-future full dates', () => {
    const r = inferYear({ m: 12, d: 8 }, '会议定于2021年12月29日至2022年1月2日召开。');
    expect(r).not.toBeNull();
    expect(r?.y).toBe(2021);
    expect(r?.confidence).toBe('medium');
    expect(r?.evidence).toContain('2022');
  });

  it('uses the previous year with low confidence when it is not itself mentioned', () => {
    expect(inferYear({ m: 12, d: 8 }, '新年音乐会将于2022年1月2日举行。')).toMatchObject({
      y: 2021,
      confidence: 'low',
    });
  });

  it('takes the new year when a near-future date is too far after the anchor', () => {
    // 2022-05-01 is 144 days after 2021-12-08.
    expect(inferYear({ m: 12, d: 8 }, '2022年5月1日起施行')).toMatchObject({ y: 2022, confidence: 'medium' });
  });

  it('takes the new year when it is also mentioned outside a full date', () => {
    expect(inferYear({ m: 12, d: 8 }, '2022年1月2日召开2022年工作会议')?.y).toBe(2022);
  });

  it('takes the latest year, medium when mentioned twice', () => {
    const text = '2021年全市医疗保障工作会议召开。会议总结2020年工作，部署2021年任务。';
    expect(inferYear({ m: 3, d: 5 }, text)).toMatchObject({ y: 2021, confidence: 'medium' });
  });

  it('takes the latest year, low when mentioned once outside a full date', () => {
    expect(inferYear({ m: 1, d: 4 }, '市政协召开2023年第一次全体会议，回顾2022年工作')).toMatchObject({
      y: 2023,
      confidence: 'low',
    });
  });

  it('is medium for a single full date', () => {
    expect(inferYear({ m: 3, d: 5 }, '2021年3月4日')).toMatchObject({ y: 2021, confidence: 'medium' });
  });

  it('respects minYear and maxYear', () => {
    const text = '2035年远景目标；2021年工作';
    expect(inferYear({ m: 3, d: 5 }, text)?.y).toBe(2035);
    expect(inferYear({ m: 3, d: 5 }, text, { maxYear: 2025 })?.y).toBe(2021);
    expect(inferYear({ m: 3, d: 5 }, text, { minYear: 2040 })).toBeNull();
  });

  it('returns null when no year is mentioned', () => {
    expect(inferYear({ m: 3, d: 5 }, '3月5日上午，全市医疗保障工作会议召开')).toBeNull();
    expect(inferYear({ m: 3, d: 5 }, '')).toBeNull();
  });
});
