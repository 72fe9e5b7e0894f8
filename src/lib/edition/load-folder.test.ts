/** Bad input: every file is decoded correctly or rejected with a message naming it; the others still build. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog, loadEdition, parseFile } from './load-folder.ts';
import { accountedStrings, checkConservation } from '../parse/conservation.ts';

const catalog = loadCatalog(resolve(import.meta.dirname, '../../../content/papers.json'));
const seed = readFileSync(resolve(import.meta.dirname, '../../../seeds/003_535e0761a6686cfc.txt'), 'utf8');

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, Uint8Array | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'baokan-bad-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

function junk(n: number): Uint8Array {
  let x = 12345;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x & 0xff;
  }
  return out;
}

describe('bad input', () => {
  const dir = folder({
    'a-good.txt': seed,
    'b-empty.txt': '',
    'c-junk.txt': junk(4096),
    'd-gb18030.txt': iconv.encode(seed, 'gb18030'),
    'e-utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]),
    'f-bom-crlf.txt': '\ufeff' + seed.replace(/\n/g, '\r\n'),
    'g-controls.txt': seed.replace('市委书记', '市委\u0000书\u0007记'),
    'h-no-chinese.txt': 'Hello world.\n\nNothing to see here.\n',
    'i-no-headline.txt': '。，、\n\n……\n',
    'notes.md': '# not an issue',
  });
  const result = loadEdition(dir, catalog);
  const byFile = new Map(
    ['a-good.txt', 'd-gb18030.txt', 'e-utf16le.txt', 'f-bom-crlf.txt', 'g-controls.txt'].flatMap((f) => {
      const r = parseFile(join(dir, f), catalog);
      return 'issue' in r ? [[f, r.issue] as const] : [];
    }),
  );

  it('builds the good files and reports the bad ones by name, without stack traces', () => {
    expect(result.issues.flatMap((r) => r.issue.sources.map((s) => s.file))).toEqual([
      'a-good.txt',
      'd-gb18030.txt',
      'e-utf16le.txt',
      'f-bom-crlf.txt',
      'g-controls.txt',
    ]);
    const errors = Object.fromEntries(result.errors.map((e) => [e.file, e.message]));
    expect(errors['b-empty.txt']).toBe('b-empty.txt: empty file');
    expect(errors['c-junk.txt']).toMatch(/^c-junk\.txt: not text/);
    expect(errors['h-no-chinese.txt']).toBe('h-no-chinese.txt: no Chinese text found');
    expect(errors['i-no-headline.txt']).toMatch(/^i-no-headline\.txt: /);
    expect(errors['notes.md']).toMatch(/^notes\.md: not a seed/);
    for (const m of Object.values(errors)) expect(m).not.toMatch(/\n\s+at /);
  });

  it('decodes other encodings to the same edition', () => {
    const good = byFile.get('a-good.txt')!;
    const titles = good.articles.map((a) => a.title);
    expect(byFile.get('d-gb18030.txt')!.sources[0]!.encoding).toBe('gb18030');
    expect(byFile.get('e-utf16le.txt')!.sources[0]!.encoding).toBe('utf-16le');
    expect(byFile.get('f-bom-crlf.txt')!.sources[0]).toMatchObject({
      encoding: 'utf-8-bom',
      newline: 'CRLF',
    });
    for (const f of ['d-gb18030.txt', 'e-utf16le.txt', 'f-bom-crlf.txt', 'g-controls.txt']) {
      expect(
        byFile.get(f)!.articles.map((a) => a.title),
        f,
      ).toEqual(titles);
    }
  });

  it('removes control characters with a warning that names the line, and loses no text', () => {
    const issue = byFile.get('g-controls.txt')!;
    expect(issue.sources[0]!.removedCharacters).toBe(2);
    expect(issue.warnings.find((w) => w.code === 'input-repaired')?.message).toMatch(/line 11/);
    expect(issue.articles[0]!.paragraphs[0]!.text).toContain('市委书记');
  });

  it('keeps every file of the same paper and date in one issue, a repeated page as a variant', () => {
    expect(result.issues).toHaveLength(1);
    const issue = result.issues[0]!.issue;
    expect(issue.id).toBe('hengyang-evening-news-2023-01-05');
    expect(issue.pages.map((p) => [p.slug, p.source, p.label])).toEqual([
      // seed 003 prints no page number: 1 is inferred
      ['1', 0, '第一版（推定）'],
      ['1-2', 1, '第一版（推定，另本）'],
      ['1-3', 2, '第一版（推定，另本2）'],
      ['1-4', 3, '第一版（推定，另本3）'],
      ['1-5', 4, '第一版（推定，另本4）'],
    ]);
    const repeated = issue.warnings.filter((w) => w.code === 'page-number-repeated');
    expect(repeated.map((w) => w.file)).toEqual([
      'd-gb18030.txt',
      'e-utf16le.txt',
      'f-bom-crlf.txt',
      'g-controls.txt',
    ]);
    expect(repeated[0]!.message).toMatch(
      /^page 1 appears twice: a-good\.txt:\d+ and d-gb18030\.txt:\d+; both are kept/,
    );
    const perFile = [...byFile.values()].reduce((n, i) => n + i.articles.length, 0);
    expect(issue.articles).toHaveLength(perFile);
    expect(issue.articles.map((a) => a.order)).toEqual(issue.articles.map((_, k) => k + 1));
  });

  it('names a missing path', () => {
    const r = parseFile(join(dir, 'nope.txt'), catalog);
    expect(r).toMatchObject({ file: 'nope.txt' });
    expect('message' in r && r.message).toMatch(/^nope\.txt: /);
  });

  it('parses a 10 MB file without losing text', () => {
    const big = folder({ 'big.txt': Array.from({ length: 1000 }, () => seed).join('\n\n') });
    const r = parseFile(join(big, 'big.txt'), catalog);
    if (!('issue' in r)) throw new Error(r.message);
    expect(r.issue.sources[0]!.bytes).toBeGreaterThan(10_000_000);
    const report = checkConservation(r.source.text, accountedStrings(r.issue));
    expect(report.ok).toBe(true);
    expect(r.issue.articles.length).toBeGreaterThanOrEqual(4 * 1000);
  }, 120_000);
});

describe('hints beside a seed', () => {
  it('set paper, date and page numbers, and warn where the text says otherwise', () => {
    const seed004 = readFileSync(resolve(import.meta.dirname, '../../../seeds/004_0d7d69333001dc5b.txt'));
    const seed000 = readFileSync(resolve(import.meta.dirname, '../../../seeds/000_846a23c3b34aff37.txt'));
    const dir = folder({
      'a.txt': seed004,
      'a.yaml': 'paper: hengyang-evening-news\ndate: 2021-12-10\n',
      'b.txt': seed000,
      'b.yaml': 'date: 2021-03-06\npages: [1, 3]\n',
    });
    const { issues } = loadEdition(dir, catalog);
    const a = issues.find((r) => r.issue.sources[0]!.file === 'a.txt')!.issue;
    expect(a.paper).toMatchObject({ id: 'hengyang-evening-news', confidence: 'high' });
    expect(a.date).toMatchObject({ value: '2021-12-10', method: 'hint' });
    const contradictions = a.warnings.filter((w) => w.code === 'hint-contradicts-text').map((w) => w.message);
    expect(contradictions).toHaveLength(2);
    expect(contradictions.join()).toContain('2021-12-09');
    const b = issues.find((r) => r.issue.sources[0]!.file === 'b.txt')!.issue;
    expect(b.pages.map((p) => [p.number, p.numberKnown, p.label])).toEqual([
      [1, true, '第一版'],
      [3, true, '第三版'],
    ]);
    // the hinted date agrees with what the text suggests: no warning
    expect(b.warnings.some((w) => w.code === 'hint-contradicts-text')).toBe(false);
  });

  it('reject a hints file that is not valid, naming it', () => {
    const dir = folder({ 'c.txt': seed, 'c.yaml': 'date: yesterday\n' });
    const { errors } = loadEdition(dir, catalog);
    expect(errors).toEqual([{ file: 'c.txt', message: 'c.yaml:1: date must be YYYY-MM-DD' }]);
  });
});
