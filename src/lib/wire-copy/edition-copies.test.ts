import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copiesOnThread } from './copies-thread.ts';
import { editionCopies, type CopiesJob } from './edition-copies.ts';

/** Real paragraphs of the seeds, 80 characters or more (texts long enough to be copies). */
const paras = readdirSync('seeds')
  .sort()
  .flatMap((f) => readFileSync(join('seeds', f), 'utf8').split('\n'))
  .map((p) => p.trim())
  .filter((p) => p.length >= 80);

const WORKER = resolve('src/lib/wire-copy/copies-worker.ts');

describe('editionCopies', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
  });

  /**
   * Two parsed issues in a working folder: the second reprints the first's first article (its text
   * paragraphs; its subhead differs), and each has an article of its own.
   */
  function twoIssues(): CopiesJob {
    const work = mkdtempSync(join(tmpdir(), 'baokan-copies-'));
    folders.push(work);
    const article = (id: string, texts: string[], subhead: string) => ({
      id,
      paragraphs: [{ role: 'subhead', text: subhead }, ...texts.map((text) => ({ role: 'text', text }))],
    });
    const issues = [
      {
        id: 'i1',
        articles: [
          article('i1-a1', paras.slice(0, 4), '小标题一'),
          article('i1-a2', paras.slice(10, 13), ''),
        ],
      },
      {
        id: 'i2',
        articles: [
          article('i2-a1', paras.slice(20, 23), ''),
          article('i2-a2', paras.slice(0, 4), '另一小标题'),
        ],
      },
    ];
    return {
      work,
      issues: issues.map((issue) => {
        const parsedFile = join(work, `${issue.id}.json`);
        writeFileSync(parsedFile, JSON.stringify({ articles: issue.articles }));
        return {
          id: issue.id,
          key: `key-${issue.id}`,
          parsedFile,
          articles: issue.articles.map((a) => a.id),
        };
      }),
    };
  }

  it('finds the reprint across issues from the parsed files, and keeps what it measured', () => {
    const job = twoIssues();
    const found = editionCopies(job);
    expect(found.pairs.map((p) => [p.a, p.b])).toEqual([['i1-a1', 'i2-a2']]);
    expect(found.groups).toEqual([['i1-a1', 'i2-a2']]);
    expect(found.compared).toEqual(found.pairs);
    expect(found.stats).toMatchObject({ articles: 4, pairs: 1, kept: 0 });
    for (const f of ['wire-run.json', 'wire-run.bin', 'wire-signatures.json', 'wire-signatures.bin'])
      expect(existsSync(join(job.work, f)), f).toBe(true);
    // the next build with the same issues measures nothing again
    expect(editionCopies(job).stats).toMatchObject({ pairs: 1, kept: found.stats.candidates });
  });

  it('gives on its thread what it gives in process, the pairs listed by article being the same objects', async () => {
    const inProcess = editionCopies(twoIssues());
    const { copies, ms } = await copiesOnThread(WORKER, twoIssues());
    expect(ms).toBeGreaterThanOrEqual(0);
    const { stats: a, ...restA } = inProcess;
    const { stats: b, ...restB } = copies;
    expect(restB).toEqual(restA);
    expect({ ...b, ms: 0 }).toEqual({ ...a, ms: 0 });
    expect(copies.byArticle.get('i2-a2')![0]).toBe(copies.pairs[0]);
    expect(copies.compared[0]).toBe(copies.pairs[0]);
  });

  it('answers with one line naming the parsed issue it could not read', async () => {
    const job = twoIssues();
    rmSync(job.issues[1]!.parsedFile);
    await expect(copiesOnThread(WORKER, job)).rejects.toThrow(
      /^issue i2: the parsed issue cannot be read from the build cache \(.*i2\.json: .*\); build again$/,
    );
  });
});
