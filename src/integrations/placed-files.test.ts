import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesLeftInPlace } from './kept-output.ts';
import { placedFiles, readPlaced } from './placed-files.ts';

const work = mkdtempSync(join(tmpdir(), 'baokan-placed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('files placed from a cache', () => {
  const record = join(work, 'placed.json');

  it('stay where the last build placed them from the same source, in a kept folder only', async () => {
    const first = await placedFiles(record, '/site', true);
    expect(first.stays('a/card.png', 'h1')).toBe(false); // no record yet
    expect(first.stays('b/card.png', 'h2')).toBe(false);
    await first.finish();
    expect(readPlaced(record, '/site')).toEqual(
      new Map([
        ['a/card.png', 'h1'],
        ['b/card.png', 'h2'],
      ]),
    );

    const next = await placedFiles(record, '/site', true);
    expect(next.stays('a/card.png', 'h1')).toBe(true);
    expect(next.stays('b/card.png', 'h2 changed')).toBe(false);
    expect(next.stays('c/card.png', 'h3')).toBe(false);
    expect(next.left).toEqual(['a/card.png']);
    await next.finish();
    // the sweep keeps what stayed
    expect(filesLeftInPlace().has('a/card.png')).toBe(true);
    // b's new source is recorded; a file not placed this time (none here) would be gone from it
    expect(readPlaced(record, '/site')?.get('b/card.png')).toBe('h2 changed');

    // a folder that is not kept, or another site: nothing stays
    expect((await placedFiles(record, '/site', false)).stays('a/card.png', 'h1')).toBe(false);
    writeFileSync(record, JSON.stringify({ site: '/site', files: { 'a/card.png': 'h1' } }));
    expect((await placedFiles(record, '/elsewhere', true)).stays('a/card.png', 'h1')).toBe(false);
  });

  it('has no record from when a build starts placing until it finishes', async () => {
    writeFileSync(record, JSON.stringify({ site: '/site', files: { 'a/card.png': 'h1' } }));
    const stopped = await placedFiles(record, '/site', true);
    expect(stopped.stays('a/card.png', 'h1')).toBe(true);
    // a build stopped here: the next one finds no record and places everything again
    expect(readPlaced(record, '/site')).toBeUndefined();
    expect((await placedFiles(record, '/site', true)).stays('a/card.png', 'h1')).toBe(false);
  });

  it('reads no record it cannot read', () => {
    writeFileSync(record, '{"site": "/site", "files": ');
    expect(readPlaced(record, '/site')).toBeUndefined();
    expect(readPlaced(join(work, 'none.json'), '/site')).toBeUndefined();
  });
});
