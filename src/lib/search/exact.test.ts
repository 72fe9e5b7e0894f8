import { describe, expect, it } from 'vitest';
import {
  bodyText,
  containsAll,
  excerpt,
  fold,
  formatQuery,
  hitRanges,
  markedPieces,
  occurrences,
  parseQuery,
  rank,
  sentences,
  verify,
  type Candidate,
} from './exact.ts';

describe('parseQuery', () => {
  it('splits at spaces (also the ideographic space) and keeps quoted text whole', () => {
    expect(parseQuery('医保  衡阳')).toEqual(['医保', '衡阳']);
    expect(parseQuery('医保\u3000衡阳')).toEqual(['医保', '衡阳']);
    expect(parseQuery('"医保"')).toEqual(['医保']);
    expect(parseQuery('“医保”')).toEqual(['医保']);
    expect(parseQuery('「医保」 衡阳')).toEqual(['医保', '衡阳']);
    expect(parseQuery('"衡阳 日报" 医保')).toEqual(['衡阳 日报', '医保']);
    expect(parseQuery('"衡阳')).toEqual(['衡阳']);
  });
  it('drops punctuation typed around a term, empty terms and repeats', () => {
    expect(parseQuery('医保， 衡阳。')).toEqual(['医保', '衡阳']);
    expect(parseQuery('DRG drg ＤＲＧ')).toEqual(['DRG']);
    expect(parseQuery('  ')).toEqual([]);
    expect(parseQuery('"" ,')).toEqual([]);
  });
  it('writes a query back with phrases quoted', () => {
    expect(formatQuery(['衡阳 日报', '医保'])).toBe('“衡阳 日报” 医保');
  });
});

describe('occurrences', () => {
  it('finds a Chinese run as that exact string, not its characters', () => {
    expect(occurrences('医护人员保障医保', '医保')).toEqual([[6, 8]]);
    expect(occurrences('医护人员保障', '医保')).toEqual([]);
    expect(occurrences('健康衡阳贡献', '康衡阳贡')).toEqual([[1, 5]]);
  });
  it('matches Latin words and numbers as words', () => {
    expect(occurrences('推进DRG付费', 'DRG')).toEqual([[2, 5]]);
    expect(occurrences('ADRG', 'DRG')).toEqual([]);
    expect(occurrences('推进drg', 'DRG')).toEqual([[2, 5]]);
    expect(occurrences('推进ＤＲＧ', 'drg')).toEqual([[2, 5]]);
    expect(occurrences('15G网络', '5G')).toEqual([]);
    expect(occurrences('5G网络', '5G')).toEqual([[0, 2]]);
    expect(occurrences('5GB', '5G')).toEqual([]);
    expect(occurrences('2021年3月', '2021年')).toEqual([[0, 5]]);
    expect(occurrences('12021年', '2021年')).toEqual([]);
    expect(occurrences('2021年', '2021')).toEqual([[0, 4]]);
    expect(occurrences('年以来', '以来')).toEqual([[1, 3]]);
  });
  it('does not overlap, and merges overlapping hits of several terms', () => {
    expect(occurrences('哈哈哈', '哈哈')).toEqual([[0, 2]]);
    expect(hitRanges('衡阳日报医保', ['衡阳', '衡阳日报', '医保'])).toEqual([
      [0, 4],
      [4, 6],
    ]);
  });
  it('folds without changing lengths', () => {
    const s = 'ＡＢＣ，abc\u3000医保';
    expect(fold(s)).toHaveLength(s.length);
    expect(fold(s)).toBe('abc,abc 医保');
  });
  it('needs every term, each within one text', () => {
    expect(containsAll(['医保局', '衡阳'], ['医保', '衡阳'])).toBe(true);
    expect(containsAll(['医保局'], ['医保', '衡阳'])).toBe(false);
    expect(containsAll(['医', '保'], ['医保'])).toBe(false);
    expect(containsAll(['医保'], [])).toBe(false);
  });
});

const item = (over: Partial<Candidate>): Candidate => ({
  url: '/a/',
  title: '标题',
  content: '标题. 正文。',
  ...over,
});

describe('verify and rank', () => {
  it('keeps only articles that contain every term, in the headline when asked', () => {
    const a = item({ title: '医保帮扶', content: '医保帮扶. 医保帮扶见效。医保。' });
    expect(verify(a, ['医保'])).toEqual({ item: a, inHeads: 1, hits: 3 });
    expect(verify(item({ content: '医护保障。' }), ['医保'])).toBeNull();
    expect(verify(item({ content: '标题. 医保。' }), ['医保'], { headline: true })).toBeNull();
    expect(
      verify(item({ subtitle: '医保', content: '标题. 医保. 正文。' }), ['医保'], { headline: true }),
    ).not.toBeNull();
  });
  it('keeps only the months of a range', () => {
    const a = item({ date: '2021-03-06', content: '医保。' });
    expect(verify(a, ['医保'], { from: '2021-03', to: '2021-03' })).not.toBeNull();
    expect(verify(a, ['医保'], { from: '2021-04' })).toBeNull();
    expect(verify(a, ['医保'], { to: '2021-02' })).toBeNull();
    expect(verify(item({ content: '医保。' }), ['医保'], { from: '2021-01' })).toBeNull();
  });
  it('ranks headline matches first, then by occurrences; by date on request', () => {
    const body = verify(item({ url: '/b/', date: '2022-01-01', content: '标题. 医保医保医保。' }), ['医保'])!;
    const head = verify(item({ url: '/h/', title: '医保', date: '2020-01-01', content: '医保. 正文。' }), [
      '医保',
    ])!;
    const once = verify(item({ url: '/o/', date: '2023-01-01', content: '标题. 医保。' }), ['医保'])!;
    expect(rank([once, body, head]).map((v) => v.item.url)).toEqual(['/h/', '/b/', '/o/']);
    expect(rank([once, body, head], 'date-desc').map((v) => v.item.url)).toEqual(['/o/', '/b/', '/h/']);
    expect(rank([once, body, head], 'date-asc').map((v) => v.item.url)).toEqual(['/h/', '/b/', '/o/']);
  });
});

describe('excerpts', () => {
  const content =
    '【百年路】 巩固成果. 我市多措并举巩固成果. 本报讯（记者 许珂） 12月8日，记者从市乡村振兴局获悉。今年是开局之年。出台了健康帮扶、医保帮扶衔接政策，实现全员参保。住房安全方面，完成改造。';
  const heads = ['我市多措并举巩固成果', '百年路', '巩固成果'];
  it('leaves out the headings Pagefind puts first', () => {
    expect(bodyText(content, heads).startsWith('本报讯')).toBe(true);
  });
  it('cuts sentences at Chinese sentence ends and block joins', () => {
    const s = sentences('甲。乙！. 丙. 丁');
    expect(s.map(([a, b]) => '甲。乙！. 丙. 丁'.slice(a, b))).toEqual(['甲。', '乙！', '丙', '丁']);
  });
  it('is made of whole sentences around the hits, joined with …, the whole term marked', () => {
    const pieces = excerpt(content, ['医保帮扶'], heads);
    const text = pieces.map((p) => p.text).join('');
    expect(text).toBe('出台了健康帮扶、医保帮扶衔接政策，实现全员参保。');
    expect(pieces.filter((p) => p.hit).map((p) => p.text)).toEqual(['医保帮扶']);
    expect(text).not.toContain('我市多措并举');
  });
  it('joins sentences that do not follow each other with …', () => {
    const text = excerpt(content, ['记者', '住房'], heads)
      .map((p) => p.text)
      .join('');
    expect(text).toBe('本报讯（记者 许珂） 12月8日，记者从市乡村振兴局获悉。…住房安全方面，完成改造。');
  });
  it('cuts a long sentence around its hit, never inside a hit', () => {
    const long = '甲'.repeat(200) + '医保' + '乙'.repeat(200) + '。';
    const pieces = excerpt(long, ['医保'], [], 60);
    const text = pieces.map((p) => p.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(64);
    expect(pieces.find((p) => p.hit)?.text).toBe('医保');
  });
  it('keeps text as text: entities are not decoded again', () => {
    const text = excerpt('标题. 符号&lt;和<医保>。', ['医保'], ['标题'])
      .map((p) => p.text)
      .join('');
    expect(text).toBe('符号&lt;和<医保>。');
  });
  it('without hits (a headline match) gives the opening sentences', () => {
    const text = excerpt('医保. 第一句。第二句。', ['医保'], ['医保'])
      .map((p) => p.text)
      .join('');
    expect(text).toBe('第一句。第二句。');
  });
});

describe('markedPieces', () => {
  it('cuts a text into plain and marked pieces, the marks whole occurrences', () => {
    expect(markedPieces('衡阳医保，医保帮扶', ['医保'])).toEqual([
      { text: '衡阳', hit: false },
      { text: '医保', hit: true },
      { text: '，', hit: false },
      { text: '医保', hit: true },
      { text: '帮扶', hit: false },
    ]);
  });
  it('marks Latin terms only as whole words, full-width forms included', () => {
    expect(markedPieces('ADRG 与 ＤＲＧ', ['DRG'])).toEqual([
      { text: 'ADRG 与 ', hit: false },
      { text: 'ＤＲＧ', hit: true },
    ]);
  });
  it('gives the text unmarked without hits, and nothing for no text', () => {
    expect(markedPieces('衡阳', ['医保'])).toEqual([{ text: '衡阳', hit: false }]);
    expect(markedPieces('', ['医保'])).toEqual([]);
  });
});
