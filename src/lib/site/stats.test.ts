import { describe, expect, it } from 'vitest';
import { editionStats, spanCell, type StatIssue } from './stats.ts';

const issue = (
  paper: string,
  date: string | null,
  method: string,
  extra: Partial<StatIssue> = {},
): StatIssue => ({
  paper: { id: paper, name: paper === 'd' ? '衡阳日报' : '衡阳晚报' },
  date: { value: date, method },
  duplicates: 0,
  corrections: 0,
  pages: [{ numberKnown: true }],
  articles: [{ edits: {} }],
  ...extra,
});

describe('editionStats', () => {
  const issues = [
    issue('d', '2021-03-06', 'masthead', {
      pages: [{ numberKnown: true }, { numberKnown: false }],
      articles: [{ edits: { 'rejoined-split': 2, 'caption-moved': 1 } }, { edits: { 'rejoined-split': 1 } }],
      duplicates: 1,
    }),
    issue('e', '2023-10-20', 'latest-event-plus-one', { corrections: 2 }),
    issue('e', null, 'none', { pages: [{ numberKnown: false }] }),
    issue('d', '2021-12-09', 'hint'),
  ];
  const papers = [
    { id: 'd', name: '衡阳日报' },
    { id: 'e', name: '衡阳晚报' },
  ];
  const s = editionStats(issues, papers);

  it('counts the whole edition', () => {
    expect([s.issues, s.pages, s.articles]).toEqual([4, 5, 5]);
    expect([s.from, s.to]).toEqual(['2021-03-06', '2023-10-20']);
    // neither printed (masthead) nor given by an editor (hint): two
    expect(s.inferredDates).toBe(2);
    expect(s.inferredPages).toBe(2);
    expect([s.duplicates, s.corrections, s.rejoined, s.captions]).toEqual([1, 2, 3, 1]);
  });

  it('counts each paper, in the order given', () => {
    expect(s.papers).toEqual([
      { id: 'd', name: '衡阳日报', issues: 2, pages: 3, articles: 3, from: '2021-03-06', to: '2021-12-09' },
      { id: 'e', name: '衡阳晚报', issues: 2, pages: 2, articles: 2, from: '2023-10-20', to: '2023-10-20' },
    ]);
  });

  it('writes a span cell', () => {
    expect(spanCell('2021-03-06', '2021-12-09')).toBe('2021-03-06 至 2021-12-09');
    expect(spanCell('2023-10-20', '2023-10-20')).toBe('2023-10-20');
    expect(spanCell(null, null)).toBe('不详');
  });
});
