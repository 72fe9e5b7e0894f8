import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  codeDigest,
  downloadRecord,
  offerDownloads,
  parseDownloadRecord,
  planDownloads,
  takeDownloads,
  type OfferedIssue,
} from './article-downloads.ts';

const issue = (id: string, key: string, articles: string[]): OfferedIssue => ({
  id,
  key,
  paths: articles.map((a) => `${id}/${a}/article.md`),
  texts: () => articles.map((a) => `# ${a}`),
});
const OUT = '/site/dist';
const yesterday = [issue('p/2024/01/01', 'k1', ['a001', 'a002']), issue('p/2024/01/02', 'k2', ['a001'])];
const record = downloadRecord(OUT, yesterday);

describe("articles' Markdown files", () => {
  it('writes every issue’s files on a first build, and removes nothing', () => {
    const plan = planDownloads(yesterday, null, OUT, true);
    expect(plan.write.map((i) => i.id)).toEqual(['p/2024/01/01', 'p/2024/01/02']);
    expect([plan.keep, plan.remove]).toEqual([[], []]);
  });

  it('leaves an unchanged issue’s files where they are, and writes a new issue’s', () => {
    const today = [...yesterday, issue('p/2024/01/03', 'k3', ['a001'])];
    const plan = planDownloads(today, record, OUT, true);
    expect(plan.write.map((i) => i.id)).toEqual(['p/2024/01/03']);
    expect(plan.keep).toEqual([
      'p/2024/01/01/a001/article.md',
      'p/2024/01/01/a002/article.md',
      'p/2024/01/02/a001/article.md',
    ]);
    expect(plan.remove).toEqual([]);
  });

  it('writes again an issue whose key changed, and removes the files of what is gone', () => {
    const today = [issue('p/2024/01/01', 'k1-corrected', ['a001'])]; // a002 merged away; 01/02 removed
    const plan = planDownloads(today, record, OUT, true);
    expect(plan.write.map((i) => i.id)).toEqual(['p/2024/01/01']);
    expect(plan.keep).toEqual([]);
    expect(plan.remove.sort()).toEqual(['p/2024/01/01/a002/article.md', 'p/2024/01/02/a001/article.md']);
    // the same key with other files is written again too
    const moved = planDownloads([issue('p/2024/01/02', 'k2', ['a002'])], record, OUT, true);
    expect(moved.write.map((i) => i.id)).toEqual(['p/2024/01/02']);
    expect(moved.remove).toContain('p/2024/01/02/a001/article.md');
  });

  it('writes everything into a folder not kept, or another folder than the record’s', () => {
    for (const plan of [
      planDownloads(yesterday, record, OUT, false),
      planDownloads(yesterday, record, '/x', true),
    ]) {
      expect(plan.write).toHaveLength(2);
      expect([plan.keep, plan.remove]).toEqual([[], []]);
    }
  });

  it('reads its record back, and takes a broken one for none', () => {
    expect(parseDownloadRecord(JSON.stringify(record))).toEqual(record);
    for (const bad of [null, '', '{', '[]', '{"outDir":1,"issues":{}}'])
      expect(parseDownloadRecord(bad)).toBeNull();
  });

  it('hands the issues over from the pages once', () => {
    expect(takeDownloads()).toBeNull();
    offerDownloads(yesterday);
    expect(takeDownloads()).toBe(yesterday);
    expect(takeDownloads()).toBeNull();
  });

  it('takes the pages’ code into the key: a source file changed, not a test or an integration', () => {
    const root = mkdtempSync(join(tmpdir(), 'code-digest-'));
    try {
      mkdirSync(join(root, 'src/lib'), { recursive: true });
      writeFileSync(join(root, 'src/lib/markdown.ts'), 'export const a = 1;');
      writeFileSync(join(root, 'src/lib/markdown.test.ts'), 'test 1');
      const first = codeDigest(root);
      writeFileSync(join(root, 'src/lib/markdown.test.ts'), 'test 2');
      mkdirSync(join(root, 'src/integrations'));
      writeFileSync(join(root, 'src/integrations/writer.ts'), 'writes the files');
      expect(codeDigest(root)).toBe(first);
      writeFileSync(join(root, 'src/lib/markdown.ts'), 'export const a = 2;');
      expect(codeDigest(root)).not.toBe(first);
      const second = codeDigest(root);
      writeFileSync(join(root, 'package-lock.json'), '{}');
      expect(codeDigest(root)).not.toBe(second);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
