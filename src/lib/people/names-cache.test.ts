import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskNamesCache, namesKey, type IssueNames } from './names-cache.ts';

const tmp = mkdtempSync(join(tmpdir(), 'baokan-names-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const issue = [[{ id: 'p1', text: '市委书记秦国文主持。' }], [{ id: 'p2', text: '衡阳市。' }]];
const found: IssueNames = [
  [{ kind: 'person', name: '秦国文', forms: { 秦国文: 1 }, paragraphs: ['p1'] }],
  [{ kind: 'place', name: '衡阳市', forms: { 衡阳市: 1 }, paragraphs: ['p2'] }],
];

describe('names cache', () => {
  it("finds an issue's names once and gives them back in the next build", () => {
    let calls = 0;
    const find = () => (calls++, found);
    const first = diskNamesCache(tmp, 'code', 'gazetteer');
    expect(first.names(issue, find)).toEqual(found);
    expect(first.counts()).toMatchObject({ reused: 0, found: 1 });
    expect(first.counts().ms).toBeGreaterThanOrEqual(0);
    const second = diskNamesCache(tmp, 'code', 'gazetteer');
    expect(second.names(issue, find)).toEqual(found);
    expect(second.counts()).toEqual({ reused: 1, found: 0, ms: 0 });
    expect(calls).toBe(1);
  });

  it('finds them again when the text, an anchor, the gazetteer or the code changed', () => {
    const key = namesKey('code', 'gazetteer', issue);
    expect(namesKey('code', 'gazetteer', [[{ id: 'p1', text: '市委书记秦国文主持' }], issue[1]!])).not.toBe(
      key,
    );
    expect(namesKey('code', 'gazetteer', [[{ id: 'p3', text: issue[0]![0]!.text }], issue[1]!])).not.toBe(
      key,
    );
    expect(namesKey('code', 'gazetteer 2', issue)).not.toBe(key);
    expect(namesKey('code 2', 'gazetteer', issue)).not.toBe(key);
    let calls = 0;
    diskNamesCache(tmp, 'code', 'gazetteer 2').names(issue, () => (calls++, found));
    expect(calls).toBe(1);
  });

  it('removes the names the last build did not ask for', () => {
    const files = () => readdirSync(tmp).flatMap((d) => readdirSync(join(tmp, d)));
    expect(files()).toHaveLength(2);
    const cache = diskNamesCache(tmp, 'code', 'gazetteer');
    cache.names(issue, () => found);
    expect(cache.prune()).toBe(1);
    expect(files()).toEqual([`${namesKey('code', 'gazetteer', issue)}.json`]);
  });

  it('gives the names kept under a key, or null when none are kept or they are for another number of articles', () => {
    const dir = mkdtempSync(join(tmp, 'kept-'));
    const key = namesKey('code', 'gazetteer', issue);
    const cache = diskNamesCache(dir, 'code', 'gazetteer');
    expect(cache.kept(key, 2)).toBeNull();
    cache.names(issue, () => found, key);
    const next = diskNamesCache(dir, 'code', 'gazetteer');
    expect(next.kept(key, 3)).toBeNull();
    expect(next.kept(key, 2)).toEqual(found);
    expect(next.counts()).toEqual({ reused: 1, found: 0, ms: 0 });
    // asked for, so kept through prune
    expect(next.prune()).toBe(0);
  });
});
