import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSiteFile } from './kept-output.ts';

const site = mkdtempSync(join(tmpdir(), 'baokan-site-file-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('a site file written again only when its bytes change (a kept output folder)', () => {
  const path = 'archive/2024/01/offline.json';
  const file = join(site, path);
  const old = new Date('2024-01-01T00:00:00Z');

  it('writes a new file, folders included', async () => {
    expect(await writeSiteFile(site, path, '{"a":1}\n', true)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n');
  });

  it('leaves a file with the same bytes where it is, untouched', async () => {
    utimesSync(file, old, old);
    expect(await writeSiteFile(site, path, Buffer.from('{"a":1}\n'), true)).toBe(false);
    expect(statSync(file).mtimeMs).toBe(old.getTime());
  });

  it('writes a file whose bytes differ, and always when the folder is not kept', async () => {
    expect(await writeSiteFile(site, path, '{"a":2}\n', true)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"a":2}\n');
    utimesSync(file, old, old);
    expect(await writeSiteFile(site, path, '{"a":2}\n', false)).toBe(true);
    expect(statSync(file).mtimeMs).not.toBe(old.getTime());
    writeFileSync(file, 'edited by hand');
    expect(await writeSiteFile(site, path, '{"a":2}\n', true)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"a":2}\n');
  });
});
