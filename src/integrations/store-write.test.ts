import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WRITER_MODULE, writeInThread, type Collections } from './store-write.ts';

const { FileWriter } = (await import(WRITER_MODULE)) as {
  FileWriter: new (file: URL | string) => { write(c: Collections): Promise<boolean> };
};

/** A store with what devalue must get right: a shared object, text to escape, undefined, a date, -0. */
function store(): Collections {
  const paper = { id: 'hyrb', name: '衡阳日报' };
  return new Map([
    [
      'articles',
      new Map<string, unknown>([
        ['b', { id: 'b', data: { paper, title: '“引号” \\ 反斜杠\n换行 𠮷', none: undefined }, digest: 'x' }],
        ['a', { id: 'a', data: { paper, when: new Date(Date.UTC(2020, 0, 2)), zero: -0 }, digest: 'y' }],
      ]),
    ],
    [
      'issues',
      new Map<string, unknown>([['i', { id: 'i', data: { pages: [{ collection: 'pages', id: 'p' }] } }]]),
    ],
  ]);
}

describe('the content store written by a thread of its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baokan-store-write-'));

  it("writes the bytes Astro's own writer writes, after the write has returned", async () => {
    const asAstro = join(dir, 'astro.json');
    await new FileWriter(asAstro).write(store());
    const file = join(dir, 'data-store.json');
    const writes = (await writeInThread(file))!;
    try {
      expect(await new FileWriter(pathToFileURL(file)).write(store())).toBe(true);
      const t = await writes.written();
      expect(t.writes).toBe(1);
      expect(t.bytes).toBeGreaterThan(0);
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(asAstro, 'utf8'));
    } finally {
      writes.release();
    }
  });

  it('leaves a write to another file to Astro, and gives the writer back when released', async () => {
    const file = join(dir, 'caught.json');
    const writes = (await writeInThread(file))!;
    const other = join(dir, 'other.json');
    try {
      await new FileWriter(other).write(store());
      // written when the write returns: not handed to a thread
      expect(readFileSync(other, 'utf8')).toContain('衡阳日报');
      expect((await writes.written()).writes).toBe(0);
    } finally {
      writes.release();
    }
    const after = join(dir, 'after.json');
    await new FileWriter(after).write(store());
    expect(readFileSync(after, 'utf8')).toBe(readFileSync(other, 'utf8'));
  });

  it('fails with the file named when the thread could not write it', async () => {
    const file = join(dir, 'no such folder', 'data-store.json');
    const writes = (await writeInThread(file))!;
    try {
      await new FileWriter(file).write(store());
      await expect(writes.written()).rejects.toThrow(`the content store could not be written to ${file}: `);
    } finally {
      writes.release();
    }
  });
});
