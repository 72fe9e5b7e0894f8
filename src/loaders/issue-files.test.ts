import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueFileKey, issueFiles, parsedDigest } from './issue-files.ts';

describe("an issue's files and the digest that stands for them", () => {
  const dir = mkdtempSync(join(tmpdir(), 'baokan-issue-files-'));
  const id = 'hengyang-daily-2021-03-06';

  it('names the files by the key when there is one', () => {
    const key = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    expect(issueFiles(dir, id, key)).toEqual({
      parsedFile: join(dir, `${id}.a1b2c3d4e5f60718.json`),
      namesFile: join(dir, `${id}.a1b2c3d4e5f60718.names.json`),
    });
    expect(issueFiles(dir, id, undefined).parsedFile).toBe(join(dir, `${id}.json`));
  });

  it('takes a keyed name without reading the file, and otherwise the bytes', () => {
    const keyed = issueFiles(dir, id, 'ffff0000ffff0000ffff').parsedFile;
    // never written: a keyed name is not read
    expect(parsedDigest(id, keyed)).toBe(basename(keyed));
    expect(parsedDigest(id, issueFiles(dir, id, 'eeee0000ffff0000ffff').parsedFile)).not.toBe(
      parsedDigest(id, keyed),
    );
    const plain = issueFiles(dir, id, undefined).parsedFile;
    writeFileSync(plain, '{"id":1}');
    const before = parsedDigest(id, plain);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(plain, '{"id":2}');
    expect(parsedDigest(id, plain)).not.toBe(before);
  });

  it('names the files by the parse keys and the gazetteer, nothing else', () => {
    const key = issueFileKey(id, ['k1', 'k2'], 'gaz');
    expect(issueFileKey(id, ['k1', 'k2'], 'gaz')).toBe(key);
    expect(issueFileKey(id, ['k2', 'k1'], 'gaz')).not.toBe(key);
    expect(issueFileKey(id, ['k1', 'k2'], 'gaz2')).not.toBe(key);
    expect(issueFileKey('other', ['k1', 'k2'], 'gaz')).not.toBe(key);
  });
});
