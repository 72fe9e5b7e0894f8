/**
 * Collection records and the article reader: the store keeps what lists need and no article text;
 * an article page gets its article whole back from the parsed issue, exactly as the parser made it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fullArticle, issueNames, parsedIssue } from '../data/articles.ts';
import type { ArticleNode, IssueNode } from '../data/site-graph.ts';
import { recent } from '../data/recent.ts';
import { repoRoot, seedEdition } from '../../tests/support/seed-edition.ts';
import { loadTopics } from '../lib/editorial/topics.ts';
import { loadGazetteer } from '../lib/people/entities.ts';
import {
  articleDetail,
  articleNamesById,
  articleRecords,
  editCounts,
  issueRecord,
  lengthOf,
  nameParagraphs,
  openingOf,
} from './records.ts';

const taxonomy = loadTopics(resolve(repoRoot, 'content/topics.yaml'));
const edition = seedEdition();
const tmp = mkdtempSync(join(tmpdir(), 'baokan-records-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('article records', () => {
  const all = edition.issues.flatMap((f) => articleRecords(f, taxonomy).map((r) => ({ f, r })));

  it('hold no article text beyond the headings and the opening words', () => {
    const textKeys = ['paragraphs', 'captions', 'tables', 'byline', 'references', 'signature'];
    for (const { r } of all) for (const k of textKeys) expect(r.data).not.toHaveProperty(k);
    // Seed text: the whole body is far longer than what the store keeps.
    // (the names found in the text are the name index's data, measured on their own below)
    const stored = all.reduce((n, { r }) => n + JSON.stringify({ ...r.data, names: [] }).length, 0);
    const parsed = edition.issues.reduce((n, f) => n + JSON.stringify(f.issue.articles).length, 0);
    expect(stored).toBeLessThan(parsed / 2);
  });

  it('give the opening words, the length and the edit counts of the article', () => {
    const a = edition.issues
      .flatMap((f) => f.issue.articles)
      .find((x) => x.paragraphs.some((p) => p.role === 'text' && p.text.length > 120))!;
    const first = a.paragraphs.find((p) => p.role === 'text')!.text;
    expect(openingOf(a)).toBe(Array.from(first).slice(0, 100).join(''));
    expect(first.startsWith(openingOf(a, 10))).toBe(true);
    expect(lengthOf(a)).toBeGreaterThan(first.length);
    const photo = {
      ...a,
      paragraphs: [],
      captions: [{ ...a.paragraphs[0]!, text: '图为现场', credit: null, afterParagraph: 0 }],
    };
    expect(openingOf(photo as never)).toBe('图为现场');
    const kinds = a.edits.map((e) => e.kind);
    const counts = editCounts(a);
    expect(Object.values(counts).reduce((n, c) => n + c, 0)).toBe(kinds.length);
    for (const k of kinds) expect(counts[k]).toBe(kinds.filter((x) => x === k).length);
  });
});

describe("the names of an issue's articles (its names file)", () => {
  const gaz = loadGazetteer(resolve(repoRoot, 'content/gazetteer.yaml'));
  const named = edition.issues.flatMap((f) =>
    Object.entries(articleNamesById(f, gaz)).map(([id, names]) => ({ f, id, names })),
  );

  it('are given for every article of the issue, and the store records hold none', () => {
    for (const f of edition.issues) {
      expect(Object.keys(articleNamesById(f, gaz))).toEqual(f.issue.articles.map((a) => a.id));
      for (const r of articleRecords(f, taxonomy)) expect(r.data).not.toHaveProperty('names');
    }
  });

  it('name 秦国文 where seed 004 prints 市委书记秦国文 (line 33), with the anchors of those paragraphs', () => {
    const hits = named.filter(({ names }) => names.some((n) => n.name === '秦国文'));
    expect(hits.length).toBeGreaterThan(0);
    for (const { f, id, names } of hits) {
      const a = f.issue.articles.find((x) => x.id === id)!;
      const n = names.find((x) => x.name === '秦国文')!;
      expect(n.kind).toBe('person');
      // every listed paragraph is one of the article's and holds the name as printed
      for (const p of n.paragraphs) expect(a.paragraphs.find((x) => x.id === p)!.text).toContain('秦国文');
      // and every text paragraph that prints it is listed
      const printing = nameParagraphs(a).filter((p) => p.text.includes('秦国文'));
      expect(n.paragraphs).toEqual(printing.map((p) => p.id));
    }
  });

  it('are none without a gazetteer for gazetteer names (市委)', () => {
    const plain = edition.issues.flatMap((f) => Object.values(articleNamesById(f)));
    expect(plain.some((names) => names.some((n) => n.name === '中共衡阳市委'))).toBe(false);
    expect(named.some(({ names }) => names.some((n) => n.name === '中共衡阳市委'))).toBe(true);
  });
});

describe('articles read back from the parsed issue', () => {
  const file = edition.issues.find((f) => f.issue.duplicates.length > 0)!;
  const path = join(tmp, `${file.issue.id}.json`);
  writeFileSync(path, JSON.stringify(file.issue));
  const namesPath = join(tmp, `${file.issue.id}.names.json`);
  const names = articleNamesById(file, loadGazetteer(resolve(repoRoot, 'content/gazetteer.yaml')));
  writeFileSync(namesPath, JSON.stringify(names));
  const issueNode = { entry: issueRecord(file, path, namesPath) } as unknown as IssueNode;
  const node = (id: string) => ({ entry: { id }, page: { issue: issueNode } }) as unknown as ArticleNode;

  it('gives each article exactly as parsed, with the duplicates and corrections in its lines', () => {
    expect(parsedIssue(issueNode)).toEqual(JSON.parse(JSON.stringify(file.issue)));
    for (const a of file.issue.articles) {
      const d = fullArticle(node(a.id));
      expect(d.paragraphs).toEqual(a.paragraphs);
      expect(d.byline).toEqual(a.byline);
      expect(d.sourceFile).toBe(file.issue.sources[0]!.file);
      for (const dup of d.duplicatesRemoved)
        expect(dup.lines.some((l) => l >= a.lines.start && l <= a.lines.end)).toBe(true);
    }
    const removed = file.issue.articles.flatMap((a) => articleDetail(file.issue, a.id).duplicatesRemoved);
    expect(removed.length).toBeGreaterThanOrEqual(file.issue.duplicates.length);
  });

  it("gives the issue's names as the loader found them", () => {
    expect(Object.values(names).flat().length).toBeGreaterThan(0);
    expect(issueNames(issueNode)).toEqual(names);
  });

  it('names the seed when the parsed issue is missing, and an unknown article', () => {
    const gone = { entry: issueRecord(file, join(tmp, 'gone.json'), namesPath) } as unknown as IssueNode;
    expect(() => parsedIssue(gone)).toThrow(
      new RegExp(`issue ${file.issue.id}: the parsed issue is missing from the build cache`),
    );
    expect(() => articleDetail(file.issue, 'no-such-article')).toThrow(/no article no-such-article/);
  });
});

describe('recent', () => {
  it('remembers the last few answers and forgets the oldest', () => {
    const calls: string[] = [];
    const f = recent(2, (k: string) => {
      calls.push(k);
      return k.toUpperCase();
    });
    expect([f('a'), f('b'), f('a'), f('c'), f('b'), f('a')]).toEqual(['A', 'B', 'A', 'C', 'B', 'A']);
    // a, b loaded; a hit (now newest); c evicts b; b evicts a; a loaded again
    expect(calls).toEqual(['a', 'b', 'c', 'b', 'a']);
  });
});
