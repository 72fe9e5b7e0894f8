import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog, loadCorrections, loadEdition, parseEdition } from './load-folder.ts';
import { bytesDigest, codeFingerprint, diskParseCache, parseKey } from './parse-cache.ts';
import type { Correction } from '../editorial/corrections.ts';

const root = resolve(import.meta.dirname, '../../..');
const catalog = loadCatalog(join(root, 'content/papers.json'));
const corrections = loadCorrections(join(root, 'content/corrections.yaml'));
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'baokan-parse-cache-'));
  made.push(d);
  return d;
};
const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('parses kept between builds', () => {
  it('gives the edition a fresh parse gives, parsing each file once', () => {
    const dir = temp();
    const fresh = loadEdition(join(root, 'seeds'), catalog, { corrections });
    const first = diskParseCache(dir, 'code-1', catalog);
    const cold = loadEdition(join(root, 'seeds'), catalog, { corrections, parseCache: first });
    expect(first.used.size).toBe(5);
    const second = diskParseCache(dir, 'code-1', catalog);
    let parsed = 0;
    const counting = {
      ...second,
      put: (k: string, i: Parameters<typeof second.put>[1]) => {
        parsed++;
        second.put(k, i);
      },
    };
    const warm = loadEdition(join(root, 'seeds'), catalog, { corrections, parseCache: counting });
    expect(parsed).toBe(0);
    expect(json(cold)).toEqual(json(fresh));
    expect(json(warm)).toEqual(json(fresh));
    // Another code fingerprint asks for other keys: the kept parses are not used, then pruned.
    const other = diskParseCache(dir, 'code-2', catalog);
    loadEdition(join(root, 'seeds'), catalog, { corrections, parseCache: other });
    expect(other.prune()).toBe(5);
  });

  it('yields an issue the caller keeps without reading its parses, and the others with their keys', () => {
    const dir = temp();
    const fresh = loadEdition(join(root, 'seeds'), catalog, { corrections });
    loadEdition(join(root, 'seeds'), catalog, { corrections, parseCache: diskParseCache(dir, 'c', catalog) });
    const cache = diskParseCache(dir, 'c', catalog);
    let read = 0;
    const counting = { ...cache, get: (k: string) => (read++, cache.get(k)) };
    const asked: string[] = [];
    const keep = new Set([fresh.issues[1]!.issue.id, fresh.issues[3]!.issue.id]);
    const items = [
      ...parseEdition(join(root, 'seeds'), catalog, {
        corrections,
        parseCache: counting,
        keptIssue: (id, keys) => {
          asked.push(id);
          expect(keys).toHaveLength(1);
          return keep.has(id);
        },
      }),
    ];
    // every issue was asked about, in the order a fresh parse gives them
    expect(asked).toEqual(fresh.issues.map((i) => i.issue.id));
    // the kept two are yielded as kept, their parses unread; the others whole, the same as fresh
    expect(items.filter((r) => 'kept' in r).map((r) => ('kept' in r ? r.kept.id : ''))).toEqual([...keep]);
    expect(read).toBe(3);
    const whole = items.filter((r) => 'issue' in r);
    expect(json(whole.map((r) => ('issue' in r ? r.issue : null)))).toEqual(
      json(fresh.issues.filter((i) => !keep.has(i.issue.id)).map((i) => i.issue)),
    );
    for (const r of whole) if ('issue' in r) expect(r.keys).toHaveLength(1);
    // heads are pruned with their parses: another code asks for other keys
    const other = diskParseCache(dir, 'code-2', catalog);
    expect(other.prune()).toBe(5);
  });

  it('keys a parse by the file, its hints, its own corrections and the catalogue', () => {
    const digest = bytesDigest(new TextEncoder().encode('衡阳日报'));
    const c: Correction = { file: 'a.txt', line: 1, from: '衡', to: '衡' } as Correction;
    const base = { name: 'a.txt', digest, corrections: [] as Correction[] };
    const k = parseKey('f', catalog, base);
    expect(parseKey('f', catalog, { ...base })).toBe(k);
    expect(parseKey('g', catalog, base)).not.toBe(k);
    expect(parseKey('f', catalog, { ...base, name: 'b.txt' })).not.toBe(k);
    expect(
      parseKey('f', catalog, { ...base, digest: bytesDigest(new TextEncoder().encode('衡阳晚报')) }),
    ).not.toBe(k);
    expect(parseKey('f', catalog, { ...base, hints: 'date: 2021-03-06' })).not.toBe(k);
    expect(parseKey('f', catalog, { ...base, corrections: [c] })).not.toBe(k);
    expect(parseKey('f', catalog, { ...base, corrections: [{ ...c, file: 'b.txt' }] })).toBe(k);
    expect(parseKey('f', { ...catalog, papers: [] } as typeof catalog, base)).not.toBe(k);
  });

  it('fingerprints the code: without loaders, any source file of src/lib, not its tests', () => {
    const r = temp();
    mkdirSync(join(r, 'src/lib/parse'), { recursive: true });
    writeFileSync(join(r, 'src/lib/parse/a.ts'), 'export const a = 1;');
    writeFileSync(join(r, 'package-lock.json'), '{}');
    const f = codeFingerprint(r);
    writeFileSync(join(r, 'src/lib/parse/a.test.ts'), 'test');
    expect(codeFingerprint(r)).toBe(f);
    writeFileSync(join(r, 'src/lib/parse/a.ts'), 'export const a = 2;');
    expect(codeFingerprint(r)).not.toBe(f);
  });

  it("fingerprints the code the loaders import, not the pages' helpers beside it", () => {
    const r = temp();
    const put = (path: string, text: string) => {
      mkdirSync(join(r, path, '..'), { recursive: true });
      writeFileSync(join(r, path), text);
    };
    put('package-lock.json', '{}');
    put(
      'src/loaders/loader.ts',
      "import type { B } from '../lib/parse/b.ts';\nimport {\n  a,\n} from '../lib/parse/a.ts';",
    );
    put('src/lib/parse/a.ts', "export { c } from './c.ts';\nexport const a = 1;");
    put('src/lib/parse/b.ts', 'export type B = number;');
    put('src/lib/parse/c.ts', 'export const c = 1;');
    put('src/lib/site/offline.ts', 'export const d = 1;');
    const f = codeFingerprint(r);
    put('src/lib/site/offline.ts', 'export const d = 2;'); // a page's helper: not the loaders'
    expect(codeFingerprint(r)).toBe(f);
    for (const [path, text] of [
      ['src/lib/parse/c.ts', 'export const c = 2;'], // through a re-export
      ['src/lib/parse/b.ts', 'export type B = string;'], // a type import counts too
      ['src/loaders/loader.ts', "import { a } from '../lib/parse/a.ts';"],
    ] as const) {
      const before = codeFingerprint(r);
      put(path, text);
      expect(codeFingerprint(r), path).not.toBe(before);
    }
    // an import that cannot be followed: every file of src/lib counts again
    put('src/loaders/other.ts', "import { x } from '../lib/gone.ts';");
    const all = codeFingerprint(r);
    put('src/lib/site/offline.ts', 'export const d = 3;');
    expect(codeFingerprint(r)).not.toBe(all);
  });
});
