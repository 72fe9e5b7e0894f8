/** Issues from several files, page slugs, and ids that cannot collide. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { combineParts, pageLabel } from './combine.ts';
import { loadCatalog } from './load-folder.ts';
import { fileSlug, parseIssue } from '../parse/parse-issue.ts';
import type { Issue } from '../model/issue.ts';

const catalog = loadCatalog(resolve(import.meta.dirname, '../../../content/papers.json'));
const seedBytes = (f: string) =>
  new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../../seeds', f)));
const parse = (f: string, name: string, hints?: { pages?: number[] }): Issue =>
  parseIssue(seedBytes(f), name, { catalog, name, hints }).issue;

describe('page labels', () => {
  it.each([
    [1, true, 1, '第一版'],
    [2, false, 1, '第二版（推定）'],
    [3, true, 2, '第三版（另本）'],
    [3, false, 3, '第三版（推定，另本2）'],
  ])('page %i, known %s, text %i → %s', (n, known, variant, label) => {
    expect(pageLabel(n, known, variant)).toBe(label);
  });
});

describe('hinted page numbers that collide within one file', () => {
  // seed 000 has two pages; a hint naming only the first as 2 leaves the second, inferred, at 2
  const issue = parse('000_846a23c3b34aff37.txt', 'a.txt', { pages: [2] });

  it('keeps both pages, the second as a variant, and says so', () => {
    expect(issue.pages.map((p) => [p.number, p.slug, p.label])).toEqual([
      [2, '2', '第二版'],
      [2, '2-2', '第二版（推定，另本）'], // the second page's number is inferred
    ]);
    expect(issue.warnings.filter((w) => w.code === 'page-number-repeated').map((w) => w.message)).toEqual([
      'page 2 appears twice: a.txt:3 and a.txt:99; both are kept, the second as a variant (2-2)',
    ]);
  });
});

describe('an issue in two files, one per 版', () => {
  // seed 000 holds pages 1 and 2: split it at its second page and give each part its own file
  const whole = parse('000_846a23c3b34aff37.txt', 'whole.txt');
  const text = readFileSync(resolve(import.meta.dirname, '../../../seeds/000_846a23c3b34aff37.txt'), 'utf8');
  const lines = text.split('\n');
  const cut = whole.pages[1]!.lines.start - 1;
  const p1 = new TextEncoder().encode(lines.slice(0, cut).join('\n'));
  const p2 = new TextEncoder().encode(lines.slice(cut).join('\n'));
  const part1 = parseIssue(p1, 'b-p1.txt', { catalog, name: 'b-p1.txt' }).issue;
  const part2 = parseIssue(p2, 'a-p2.txt', {
    catalog,
    name: 'a-p2.txt',
    hints: { pages: [2] },
  }).issue;
  // the second 版 comes first in file-name order: pages still come in number order
  const combined = combineParts(whole.id, [part2, part1]);

  it('orders pages by number, each with its own file', () => {
    expect(combined.sources.map((s) => s.file)).toEqual(['a-p2.txt', 'b-p1.txt']);
    expect(combined.pages.map((p) => [p.id, p.number, p.slug, p.source])).toEqual([
      ['p1', 1, '1', 1],
      ['p2', 2, '2', 0],
    ]);
  });

  it('renumbers articles in reading order across the files, with the same headlines as one file', () => {
    expect(combined.articles.map((a) => a.id)).toEqual(
      combined.articles.map((_, k) => `${whole.id}-a${String(k + 1).padStart(3, '0')}`),
    );
    expect(combined.articles.map((a) => a.headline)).toEqual(
      [...part1.articles, ...part2.articles].map((a) => a.headline),
    );
    expect(combined.articles.map((a) => combined.pages[a.page]!.number)).toEqual([
      ...part1.articles.map(() => 1),
      ...part2.articles.map(() => 2),
    ]);
  });

  it('keeps every line number that of its own file, and names the file in its warnings', () => {
    const second = combined.articles.find((a) => combined.pages[a.page]!.number === 2)!;
    const original = part2.articles[0]!;
    expect(second.lines).toEqual(original.lines);
    for (const w of combined.warnings) expect(['a-p2.txt', 'b-p1.txt']).toContain(w.file);
    for (const d of combined.duplicates) expect(combined.articles.some((a) => a.id === d.keptIn)).toBe(true);
  });
});

describe('file slugs for undated ids', () => {
  it.each([
    ['000_846a23c3b34aff37.txt', '000_846a23c3b34aff37'],
    ['rmrb_20200107-p03.txt', 'rmrb_20200107-p03'],
  ])('keeps an ASCII name: %s → %s', (name, slug) => {
    expect(fileSlug(name)).toBe(slug);
  });

  it('adds a hash of the name when the slug loses characters, so names never collide', () => {
    const slugs = [
      '甲.txt',
      '乙.txt',
      '丙.txt',
      'a b.txt',
      'a-b.txt',
      '2020/01/p3.txt',
      '2020-01/p3.txt',
    ].map(fileSlug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(fileSlug('甲.txt')).toMatch(/^[0-9a-f]{8}$/);
    expect(fileSlug('a b.txt')).toMatch(/^a-b-[0-9a-f]{8}$/);
  });
});
