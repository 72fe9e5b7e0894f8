import { describe, expect, it } from 'vitest';
import {
  checkingMessage,
  errorStatus,
  loadingMonthsMessage,
  outcomeMessage,
  type Outcome,
} from './messages.ts';

const outcome = (o: Partial<Outcome>): Outcome => ({
  q: '医保',
  found: 0,
  terms: 1,
  head: false,
  canWiden: false,
  ...o,
});

describe('outcomeMessage', () => {
  it.each<[Partial<Outcome>, string]>([
    [{ found: 1234 }, '找到 1,234 篇含“医保”的文章'],
    [{ found: 2, head: true }, '找到 2 篇标题含“医保”的文章'],
    [{}, '没有找到含“医保”的文章。'],
    [{ head: true }, '没有找到标题含“医保”的文章。'],
    [{ q: '刘越高 抗疫', terms: 2 }, '没有找到含“刘越高 抗疫”的文章（每个词都要出现）。'],
    [{ canWiden: true }, '没有找到含“医保”的文章。可以在“范围”中选“全部年份”。'],
  ])('%j → %s', (o, text) => {
    expect(outcomeMessage(outcome(o))).toBe(text);
  });
});

describe('progress', () => {
  it('counts what is checked and what is loaded', () => {
    expect(checkingMessage('衡阳', 48, 1200)).toBe('正在核对“衡阳”：48 / 1,200 篇……');
    expect(loadingMonthsMessage(3, 12)).toBe('正在载入本地索引：3 / 12 个月……');
  });
});

describe('errorStatus', () => {
  it("gives an error's message, or the thing thrown", () => {
    expect(errorStatus(new Error('坏了'))).toEqual(['检索出错：坏了']);
    expect(errorStatus('404')).toEqual(['检索出错：404']);
  });
});
