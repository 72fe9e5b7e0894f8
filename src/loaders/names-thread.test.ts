import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleNames, namesById } from '../lib/people/article-names.ts';
import { parseGazetteer } from '../lib/people/gazetteer.ts';
import { namesKey } from '../lib/people/names-cache.ts';
import { namesThread, type NamesJob } from './names-thread.ts';

const tmp = mkdtempSync(join(tmpdir(), 'baokan-names-thread-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const WORKER = resolve(import.meta.dirname, 'names-worker.ts');
const gazetteerText = 'places:\n  - name: 珠晖区\n';
const start = (cacheDir: string) => ({
  cacheDir,
  fingerprint: 'code',
  gazetteerText,
  gazetteerFile: 'content/gazetteer.yaml',
});
const issues: Omit<NamesJob, 'file' | 'key'>[] = [
  {
    ids: ['a001', 'a002'],
    paragraphs: [
      [{ id: 'p1', text: '市委书记秦国文在珠晖区调研。' }],
      [
        { id: 'p1', text: '衡阳市人民政府召开常务会议。' },
        { id: 'p2', text: '记者李明报道。' },
      ],
    ],
  },
  { ids: ['a001'], paragraphs: [[{ id: 'p1', text: '湖南省衡阳市雁峰区。' }]] },
];

describe.each([
  ['on a thread of its own', false],
  ['inline', true],
])('the name finder %s', (how, inline) => {
  it('writes each issue’s names file as the loader would, and keeps the names in the cache', async () => {
    const cacheDir = join(tmp, `cache-${how}`);
    const thread = namesThread(WORKER, start(cacheDir), inline);
    const jobs = issues.map((i, k) => ({
      ...i,
      file: join(tmp, `issue-${k}-${how}.names.json`),
      key: namesKey('code', gazetteerText, i.paragraphs),
    }));
    for (const job of jobs) thread.find(job);
    const counts = await thread.finish();
    expect(counts.found).toBe(2);
    const gazetteer = parseGazetteer(gazetteerText, 'content/gazetteer.yaml');
    for (const job of jobs) {
      const expected = namesById(
        job.ids,
        job.paragraphs.map((p) => articleNames(p, gazetteer)),
      );
      expect(JSON.parse(readFileSync(job.file, 'utf8'))).toEqual(expected);
      expect(existsSync(join(cacheDir, job.key.slice(0, 2), `${job.key}.json`))).toBe(true);
    }
    // the gazetteer was read: 珠晖区 is named
    expect(JSON.stringify(JSON.parse(readFileSync(jobs[0]!.file, 'utf8')).a001)).toContain('珠晖区');
  });

  it('finishes at once when it is given nothing, even when its thread could not start', async () => {
    await expect(
      namesThread('/no/such/worker.ts', start(join(tmp, 'none')), inline).finish(),
    ).resolves.toEqual({
      found: 0,
      ms: 0,
      helped: 0,
    });
  });

  it('stops when told, and then has nothing to finish', async () => {
    const thread = namesThread(WORKER, start(join(tmp, `cache-3-${how}`)), inline);
    const job = { ...issues[1]!, file: join(tmp, `stopped-${how}.json`), key: 'k'.repeat(64) };
    thread.find(job);
    thread.stop();
    await expect(thread.finish()).resolves.toEqual(
      inline ? { found: 1, ms: expect.any(Number), helped: 0 } : { found: 0, ms: 0, helped: 0 },
    );
  });

  it('fails with the names file it could not write', async () => {
    const thread = namesThread(WORKER, start(join(tmp, `cache-2-${how}`)), inline);
    const file = join(tmp, 'no/such/folder/issue.names.json');
    const job = { ...issues[1]!, file, key: namesKey('code', gazetteerText, issues[1]!.paragraphs) };
    if (inline) expect(() => thread.find(job)).toThrow(`ENOENT`);
    else {
      thread.find(job);
      await expect(thread.finish()).rejects.toThrow(`${file}: ENOENT`);
    }
  });
});

describe('the name finder’s thread', () => {
  it('starts at once, before it is given an issue, so that a daily build’s one issue does not wait for its start', async () => {
    // a stand-in for names-worker.ts that says it started
    const worker = join(tmp, 'started-worker.mjs');
    const marker = join(tmp, 'started');
    writeFileSync(
      worker,
      "import { writeFileSync } from 'node:fs'; import { workerData } from 'node:worker_threads';\n" +
        'writeFileSync(workerData.start.cacheDir, "yes");\n',
    );
    const thread = namesThread(worker, start(marker), false);
    const deadline = Date.now() + 10_000;
    while (!existsSync(marker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(readFileSync(marker, 'utf8')).toBe('yes');
    await expect(thread.finish()).resolves.toEqual({ found: 0, ms: 0, helped: 0 });
  });

  it('finds an issue’s names on the caller’s thread while the thread is behind, and writes the same files', async () => {
    const cacheDir = join(tmp, 'cache-helped');
    const thread = namesThread(WORKER, start(cacheDir), false, 2);
    // handed over at once, before the thread has loaded its finder: the first two go to the
    // thread, the rest are found here while it has two unfinished
    const jobs = Array.from({ length: 6 }, (_, k) => {
      const i = issues[k % 2]!;
      const paragraphs = i.paragraphs.map((p) => p.map((q) => ({ ...q, text: `${q.text}第${k}次。` })));
      return {
        ids: i.ids,
        paragraphs,
        file: join(tmp, `helped-${k}.names.json`),
        key: namesKey('code', gazetteerText, paragraphs),
      };
    });
    for (const job of jobs) thread.find(job);
    const counts = await thread.finish();
    expect(counts.found).toBe(6);
    expect(counts.helped).toBeGreaterThanOrEqual(1);
    expect(counts.helped).toBeLessThanOrEqual(4);
    const gazetteer = parseGazetteer(gazetteerText, 'content/gazetteer.yaml');
    for (const job of jobs)
      expect(JSON.parse(readFileSync(job.file, 'utf8'))).toEqual(
        namesById(
          job.ids,
          job.paragraphs.map((p) => articleNames(p, gazetteer)),
        ),
      );
  });
});
