import { describe, expect, it } from 'vitest';
import {
  candidateOf,
  checkCandidates,
  checkFragment,
  mergeAnswers,
  rankResults,
  type Fragment,
  type Proposed,
} from './results.ts';

function fragment(url: string, date: string | undefined, content: string, title = `标题${url}`): Fragment {
  const meta: Record<string, string> = { title, paper: '衡阳日报' };
  if (date) meta.date = date;
  return { url, content, meta, filters: { 报纸: ['衡阳日报'] } };
}

const proposed = (d: Fragment, score?: number): Proposed => ({ score, data: () => Promise.resolve(d) });

describe('candidateOf', () => {
  it('reads headline, kicker, subtitle and date from the metadata, the score from the engine', () => {
    const d: Fragment = {
      url: '/a/',
      content: '正文',
      meta: { title: '标题', kicker: '引题', subtitle: '副题', date: '2021-03-06', page: '第一版' },
      filters: {},
    };
    expect(candidateOf(d, 2.5)).toEqual({
      url: '/a/',
      content: '正文',
      title: '标题',
      kicker: '引题',
      subtitle: '副题',
      date: '2021-03-06',
      score: 2.5,
    });
  });
  it('reads a fragment without metadata as an article without a headline', () => {
    expect(candidateOf({ url: '/a/', content: '正文' } as Fragment).title).toBe('');
  });
});

describe('checkFragment', () => {
  it('keeps a fragment that contains the query as written, with the fragment', () => {
    const d = fragment('/a/', '2021-03-06', '医保帮扶，医保。');
    expect(checkFragment(d, 1, ['医保'], {})).toMatchObject({ hits: 2, inHeads: 0, data: d });
  });
  it('drops one that holds the characters apart, or lies outside the months', () => {
    expect(checkFragment(fragment('/a/', '2021-03-06', '医疗保障'), 1, ['医保'], {})).toBeNull();
    expect(checkFragment(fragment('/a/', '2021-03-06', '医保'), 1, ['医保'], { from: '2021-04' })).toBeNull();
  });
});

describe('checkCandidates', () => {
  const list = [
    proposed(fragment('/a/', '2021-03-06', '医保')),
    proposed(fragment('/b/', '2021-03-07', '医疗保障')),
    proposed(fragment('/c/', '2021-03-08', '医保')),
  ];
  it('checks every candidate, a batch at a time, telling the progress', async () => {
    const seen: string[] = [];
    const kept = await checkCandidates(
      list,
      ['医保'],
      {},
      {
        batch: 2,
        stale: () => false,
        progress: (done, total) => seen.push(`${done}/${total}`),
      },
    );
    expect(kept?.map((r) => r.data.url)).toEqual(['/a/', '/c/']);
    expect(seen).toEqual(['2/3', '3/3']);
  });
  it('stops when a newer search started', async () => {
    let batches = 0;
    const kept = await checkCandidates(
      list,
      ['医保'],
      {},
      {
        batch: 1,
        stale: () => batches++ > 0,
      },
    );
    expect(kept).toBeNull();
  });
  it('gives an empty list for no candidates', async () => {
    expect(await checkCandidates([], ['医保'], {}, { batch: 24, stale: () => false })).toEqual([]);
  });
});

describe('merging the shards', () => {
  // two shards of disjoint months, each answer in its own (score) order
  const newer = [
    checkFragment(fragment('/2023/b/', '2023-01-10', '医保'), 0.2, ['医保'], {})!,
    checkFragment(fragment('/2023/a/', '2023-01-02', '医保，医保'), 0.9, ['医保'], {})!,
  ];
  const older = [
    checkFragment(fragment('/2021/a/', '2021-03-06', '医保'), 0.5, ['医保'], {})!,
    checkFragment(fragment('/2021/b/', '2021-12-01', '医保'), 0.7, ['医保'], {})!,
  ];
  const merged = mergeAnswers([newer, null, older]);
  const urls = (sort: '' | 'date-desc' | 'date-asc') => rankResults(merged, sort, 1).map((r) => r.data.url);
  it('joins every shard’s answer (a shard without one adds none)', () => {
    expect(merged).toHaveLength(4);
  });
  it('by relevance: occurrences, then Pagefind’s score across shards', () => {
    expect(urls('')).toEqual(['/2023/a/', '/2021/b/', '/2021/a/', '/2023/b/']);
  });
  it('by date: one date order across the shards, either way', () => {
    expect(urls('date-desc')).toEqual(['/2023/b/', '/2023/a/', '/2021/b/', '/2021/a/']);
    expect(urls('date-asc')).toEqual(['/2021/a/', '/2021/b/', '/2023/a/', '/2023/b/']);
  });
});
