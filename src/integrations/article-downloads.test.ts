import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDownloadFiles } from './article-downloads.ts';
import { watchWrittenFiles } from './written-files.ts';

describe("the step that writes the articles' Markdown", () => {
  it('writes each file into its folder, and the compressor’s watch is told of each', async () => {
    const site = mkdtempSync(join(tmpdir(), 'article-md-'));
    const told: string[] = [];
    const stop = watchWrittenFiles(site, (p) => told.push(p));
    try {
      const files = Array.from({ length: 40 }, (_, k) => ({
        path: `p/2024/01/01/${1 + (k % 3)}/a${String(k).padStart(3, '0')}/article.md`,
        text: `# 文章 ${k}\n`,
      }));
      await writeDownloadFiles(site, files);
      for (const f of files) expect(readFileSync(join(site, f.path), 'utf8')).toBe(f.text);
      expect(told.sort()).toEqual(files.map((f) => f.path).sort());
    } finally {
      stop();
      rmSync(site, { recursive: true, force: true });
    }
  });
});
