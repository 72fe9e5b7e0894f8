import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, loadEdition } from '../../src/lib/edition/load-folder.ts';
import { parseIssue } from '../../src/lib/parse/parse-issue.ts';
import { issueText, materialFrom, PAPERS, planIssues, writeArchive, type Material } from './generate.ts';

const repo = resolve(import.meta.dirname, '../..');
const catalog = loadCatalog(join(repo, 'content/papers.json'));
let material: Material;

beforeAll(() => {
  material = materialFrom(loadEdition(join(repo, 'seeds'), catalog));
});

describe('material from the seeds', () => {
  it('takes headlines, sentences and staff names that the seeds print', () => {
    expect(material.headlines).toContain('衡阳青少年助力垃圾分类');
    expect(material.names).toContain('许珂');
    expect(material.names).toContain('陈润');
    expect(material.sentences.length).toBeGreaterThan(100);
    expect(material.clauses.length).toBeGreaterThan(material.sentences.length);
    for (const c of material.clauses) expect(c).not.toMatch(/[，；、。“”]/u);
    // No byline text or page reference leaks into body sentences.
    for (const s of material.sentences) expect(s).not.toMatch(/本报讯|记者|第[一二三四五六七八]版/u);
  });
});

describe('a synthetic issue through the real parser', () => {
  for (const paper of PAPERS) {
    it(`${paper.name}: masthead, 8 pages, 6–8 articles a page, bylines, 3–6 paragraphs`, () => {
      const text = issueText(material, paper, { y: 2016, m: 2, d: 29 }, 12345, 7);
      const issue = parseIssue(new TextEncoder().encode(text), `${paper.id}-2016-02-29.txt`, {
        catalog,
      }).issue;
      expect(issue.id).toBe(`${paper.id}-2016-02-29`);
      expect(issue.paper).toMatchObject({ id: paper.id, confidence: 'high' });
      expect(issue.date).toMatchObject({ value: '2016-02-29', method: 'masthead', confidence: 'high' });
      expect(issue.masthead?.weekday).toBe('星期一');
      expect(issue.masthead?.issueNumber).toBe(12345);
      expect(issue.pages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(issue.pages.every((p) => p.numberKnown)).toBe(true);
      for (let k = 0; k < 8; k++) {
        const n = issue.articles.filter((a) => a.page === k).length;
        expect(n).toBeGreaterThanOrEqual(6);
        expect(n).toBeLessThanOrEqual(8);
      }
      for (const a of issue.articles) {
        expect(a.kind).toBe('news');
        expect(a.headline).not.toBe('');
        expect(a.byline?.source).toBe(paper.agency);
        expect(a.byline?.staff[0]?.roleText).toBe(paper.role);
        expect(a.paragraphs.length).toBeGreaterThanOrEqual(3);
        expect(a.paragraphs.length).toBeLessThanOrEqual(6);
      }
      expect(issue.unclassified).toEqual([]);
      expect(issue.duplicates).toEqual([]);
      expect(issue.warnings).toEqual([]);
    });
  }

  it('is deterministic: same seed, same text; another seed or date, other text', () => {
    const paper = PAPERS[0]!;
    const a = issueText(material, paper, { y: 2014, m: 1, d: 1 }, 1, 1);
    expect(issueText(material, paper, { y: 2014, m: 1, d: 1 }, 1, 1)).toBe(a);
    expect(issueText(material, paper, { y: 2014, m: 1, d: 1 }, 1, 2)).not.toBe(a);
    expect(issueText(material, paper, { y: 2014, m: 1, d: 2 }, 1, 1)).not.toBe(a);
  });
});

describe('archive plan', () => {
  it('publishes every paper every day, in date order, and stops at maxIssues', () => {
    const all = [
      ...planIssues({ start: '2015-12-30', days: 3, papers: PAPERS, maxIssues: Infinity, seed: 1 }),
    ];
    expect(all.map((i) => `${i.paper.id} ${i.date.y}-${i.date.m}-${i.date.d}`)).toEqual([
      'hengyang-daily 2015-12-30',
      'hengyang-evening-news 2015-12-30',
      'hengyang-daily 2015-12-31',
      'hengyang-evening-news 2015-12-31',
      'hengyang-daily 2016-1-1',
      'hengyang-evening-news 2016-1-1',
    ]);
    expect([
      ...planIssues({ start: '2015-12-30', days: 3, papers: PAPERS, maxIssues: 4, seed: 1 }),
    ]).toHaveLength(4);
    expect([
      ...planIssues({ start: '2015-12-30', days: 3, papers: PAPERS.slice(0, 1), maxIssues: 9, seed: 1 }),
    ]).toHaveLength(3);
  });

  describe('writeArchive', () => {
    let dir = '';
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'baokan-gen-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it('writes one UTF-8 file per issue, named by paper and date, byte-identical on a rerun', () => {
      const plan = { start: '2014-01-01', days: 2, papers: PAPERS, maxIssues: Infinity, seed: 1 };
      const g = writeArchive(material, plan, dir);
      expect(g.files).toBe(4);
      expect(readdirSync(dir).sort()).toEqual([
        'hengyang-daily-2014-01-01.txt',
        'hengyang-daily-2014-01-02.txt',
        'hengyang-evening-news-2014-01-01.txt',
        'hengyang-evening-news-2014-01-02.txt',
      ]);
      const first = readFileSync(join(dir, 'hengyang-daily-2014-01-01.txt'));
      expect(first.toString('utf8').split('\n\n')).toContain('第二版 要闻');
      const again = writeArchive(material, plan, join(dir, 'again'));
      expect(again.bytes).toBe(g.bytes);
      expect(readFileSync(join(dir, 'again', 'hengyang-daily-2014-01-01.txt')).equals(first)).toBe(true);
    });
  });
});
