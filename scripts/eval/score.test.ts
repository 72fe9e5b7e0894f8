import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from '../../src/lib/model/issue.ts';
import type { CorpusLabels, LabelArticle } from './labels.ts';
import {
  aggregate,
  charKey,
  checkFloors,
  formatTable,
  paperRight,
  predictedJoins,
  scorePage,
  table,
} from './score.ts';
import { listLabels, runEval } from './run.ts';

type Art = Issue['articles'][number];
function art(p: Partial<Art> & { paras: [string, number[]][] }): Art {
  return {
    id: 'x',
    page: 0,
    order: 1,
    kind: 'news',
    column: null,
    kicker: null,
    headline: '',
    subtitle: null,
    title: '',
    byline: null,
    captions: [],
    tables: [],
    references: [],
    signature: null,
    edits: [],
    lines: { start: p.paras[0]![1][0]!, end: p.paras.at(-1)![1].at(-1)! },
    ...p,
    paragraphs: p.paras.map(([text, lines]) => ({ id: 'p', role: 'text', text, lines })),
  } as Art;
}
function issue(articles: Art[], date = '2025-03-01', paper = '人民日报'): Issue {
  return {
    articles,
    duplicates: [],
    date: { value: date, method: 'masthead', confidence: 'high', evidence: [] },
    paper: { id: 'p', name: paper, confidence: 'high', evidence: [] },
  } as unknown as Issue;
}
function label(a: Partial<LabelArticle> & { text: string[] }): LabelArticle {
  return {
    page: 1,
    kicker: null,
    headline: null,
    subtitle: null,
    byline: null,
    subheads: [],
    caption: null,
    lines: [],
    source: '',
    ...a,
  };
}
function labels(articles: LabelArticle[], joins: CorpusLabels['joins'] = null, form = 'pdf'): CorpusLabels {
  return {
    schema: 'baokan/corpus-labels@1',
    input: 'x.txt',
    name: 'x.txt',
    kind: 'k',
    form,
    composition: 'real',
    paper: '人民日报',
    date: '2025-03-01',
    dateEvidence: [],
    pages: [1],
    articles,
    joins,
  };
}

describe('eval scoring', () => {
  it('compares texts without white space and without order', () => {
    expect(charKey('甲 乙\n丙')).toBe(charKey('丙甲乙'));
    expect(charKey('甲乙')).not.toBe(charKey('甲乙乙'));
  });

  it('finds an article when one output article holds exactly its text', () => {
    const out = issue([
      art({ headline: '标题一', paras: [['正文一。', [3]]] }),
      art({
        headline: '标题二',
        paras: [
          ['正文二。', [5]],
          ['正文三。', [7]],
        ],
      }),
    ]);
    const gold = labels([
      label({ headline: '标题一', text: ['标题一', '正文一。'] }),
      label({ headline: '标题二', text: ['标题二', '正文二。'] }),
      label({ headline: '标题三', text: ['正文三。'] }),
    ]);
    const s = scorePage(out, gold, [], 1);
    expect(s).toMatchObject({ segFound: 1, segOutput: 2, segLabelled: 3, titleRight: 2 });
    const row = aggregate('r', [s]);
    expect(row.segP).toBeCloseTo(0.5);
    expect(row.segR).toBeCloseTo(1 / 3);
    expect(row.segF1).toBeCloseTo(0.4);
  });

  it('scores title blocks by role, or by lines when the roles are not known', () => {
    const out = issue([art({ kicker: '引', headline: '主', subtitle: null, paras: [['文。', [4]]] })]);
    const byRole = scorePage(
      out,
      labels([label({ headline: '引', subtitle: '主', text: ['引', '主', '文。'] })]),
      [],
      0,
    );
    expect(byRole.titleRight).toBe(0);
    const byLines = scorePage(
      out,
      labels([label({ titleLines: ['引', '主'], text: ['引', '主', '文。'] })]),
      [],
      0,
    );
    expect(byLines.titleRight).toBe(1);
  });

  it('scores bylines as printed, white space ignored', () => {
    const byline = {
      text: '本报讯（记者 王 五）',
      source: '本报讯',
      place: null,
      dateline: null,
      staff: [],
      lines: { start: 2, end: 2 },
    };
    const out = issue([art({ headline: '题', byline, paras: [['文。', [3]]] })]);
    const s = scorePage(
      out,
      labels([
        label({
          headline: '题',
          byline: '本报讯（记者 王五）',
          text: ['题', '本报讯（记者 王 五）', '文。'],
        }),
      ]),
      [],
      0,
    );
    expect(s.bylineRight).toBe(1);
  });

  it('counts a join where a paragraph crosses a block boundary', () => {
    const lines = ['题', '', '前半', '段', '', '后半段', ''];
    const out = issue([art({ headline: '题', paras: [['前半段后半段', [3, 4, 6]]] })]);
    expect(predictedJoins(out, lines, false)).toEqual(['4|6']);
    const s = scorePage(
      out,
      labels([label({ text: ['题', '前半', '段', '后半段'] })], [{ before: 4, after: 6 }]),
      lines,
      0,
    );
    expect(s).toMatchObject({ joinsRight: 1, joinsPredicted: 1, joinsLabelled: 1 });
    expect(predictedJoins(out, ['题', '前半', '段', '后半段'], true)).toHaveLength(2);
  });

  it('checks floors with one message per figure below', () => {
    const rows = table([
      {
        input: 'a',
        kind: 'k',
        form: 'f',
        segFound: 1,
        segOutput: 2,
        segLabelled: 2,
        titleRight: 1,
        bylineRight: 2,
        joinsRight: null,
        joinsPredicted: null,
        joinsLabelled: null,
        dateRight: true,
        paperRight: false,
        ms: 2,
        missed: [],
      },
    ]);
    expect(rows.map((r) => r.row)).toEqual(['k × f', 'total']);
    expect(rows[0]!.joinP).toBeNull();
    expect(checkFloors(rows, { total: { segF1: 0.4, paper: 0.5 }, 'k × f': { date: 1 } })).toEqual([
      'eval: total paper 0.000 is below its floor 0.500',
    ]);
    expect(formatTable(rows)).toMatch(/^row\s+pages/);
  });
});

describe('eval on the corpus (a subset, with the real parser)', () => {
  it('parses and scores a page of each kind and form', () => {
    const root = join(fileURLToPath(import.meta.url), '../../..');
    const all = listLabels(root);
    const seen = new Set<string>();
    const subset = all.filter((f) => {
      const key = f.split('/').slice(-2, -1)[0] + '|' + f.split('/').pop()!.split('-')[0];
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    expect(subset.length).toBeGreaterThanOrEqual(10);
    const result = runEval(root, subset);
    expect(result.failures).toEqual([]);
    const total = result.rows.at(-1)!;
    expect(total.row).toBe('total');
    expect(total.pages).toBe(subset.length);
    expect(total.segR).toBeGreaterThan(0);
    const seeds = result.rows.find((r) => r.row === 'seeds')!;
    expect(seeds.segF1).toBeGreaterThan(0.8);
  });
});

describe('paper accuracy', () => {
  const unknown = {
    ...issue([]),
    paper: { id: 'unknown', name: null, confidence: 'none', evidence: [] },
  } as Issue;
  const gold = labels([]); // the labelled paper: see labels() above
  const paper = gold.paper;

  it('wants the labelled paper where the page prints its name', () => {
    expect(paperRight(issue([], '2025-03-01', paper), gold, [`${paper} 2025年3月1日`], [])).toBe(true);
    expect(paperRight(unknown, gold, [`${paper} 2025年3月1日`], [])).toBe(false);
  });

  it('wants the labelled paper where the catalogue describes it', () => {
    expect(paperRight(unknown, gold, ['第2版 综合'], [paper])).toBe(false);
  });

  it('wants “unknown” where nothing the parser could know names the paper', () => {
    expect(paperRight(unknown, gold, ['第2版 综合'], [])).toBe(true);
    expect(paperRight(issue([], '2025-03-01', '衡阳日报'), gold, ['第2版 综合'], [])).toBe(false);
  });
});
