import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holdersFor, relatedArticles, relatedIndex, type RelatedInput } from './related.ts';
import { relatedLists, viewDigests } from './related-memo.ts';

/** A small archive: four days, names and topics shared across them, one undated article. */
const archive: RelatedInput[] = [
  { id: 'a1', date: '2021-01-01', items: ['person|甲', 'place|乙', 'topic:t1'] },
  { id: 'a2', date: '2021-01-01', items: ['place|乙', 'topic:t2'] },
  { id: 'b1', date: '2021-01-02', items: ['person|甲', 'topic:t1'] },
  { id: 'b2', date: '2021-01-02', items: ['person|丙', 'place|乙'] },
  { id: 'c1', date: '2021-01-03', items: ['person|甲', 'person|丙', 'topic:t2'] },
  { id: 'd1', date: '2021-01-04', items: ['place|乙', 'person|丙', 'topic:t1'] },
  { id: 'u1', date: null, items: ['person|甲', 'place|乙'] },
];

/** Every non-empty list, computed directly (what the memo must give). */
const direct = (inputs: RelatedInput[]) => {
  const index = relatedIndex(inputs);
  return new Map(
    inputs.map((a) => [a.id, relatedArticles(a.id, index)] as const).filter(([, r]) => r.length > 0),
  );
};

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});
const memoFile = () => join((dir = mkdtempSync(join(tmpdir(), 'related-memo-'))), 'related.json');

describe('viewDigests', () => {
  it("changes a day's view and every later one when an article changes, and no earlier one", () => {
    const before = viewDigests(relatedIndex(archive));
    const edited = archive.map((a) => (a.id === 'b2' ? { ...a, items: [...a.items, 'topic:t3'] } : a));
    const after = viewDigests(relatedIndex(edited));
    expect(after.get('2021-01-01')).toBe(before.get('2021-01-01'));
    for (const d of ['2021-01-02', '2021-01-03', '2021-01-04', ''])
      expect(after.get(d)).not.toBe(before.get(d));
  });

  it('gives undated articles the whole archive: the view of the last day', () => {
    const views = viewDigests(relatedIndex(archive));
    expect(views.get('')).toBe(views.get('2021-01-04'));
  });
});

describe('relatedLists', () => {
  it('gives exactly the lists computed directly, without a record and from one', () => {
    const file = memoFile();
    const first = relatedLists(relatedIndex(archive), file);
    expect(first.lists).toEqual(direct(archive));
    expect(first.counts).toEqual({ kept: 0, computed: 5 });
    const again = relatedLists(relatedIndex(archive), file);
    expect(again.lists).toEqual(direct(archive));
    expect(again.counts).toEqual({ kept: 5, computed: 0 });
  });

  it('computes a new day and the undated articles again, keeping the days before it', () => {
    const file = memoFile();
    relatedLists(relatedIndex(archive), file);
    const grown = [...archive, { id: 'e1', date: '2021-01-05', items: ['person|甲', 'place|乙'] }];
    const r = relatedLists(relatedIndex(grown), file);
    expect(r.lists).toEqual(direct(grown));
    // four days kept; the new day and the undated ones (they see the whole archive) computed
    expect(r.counts).toEqual({ kept: 4, computed: 2 });
  });

  it("collects the holders of the computed days' items only, oldest first, each article once", () => {
    const file = memoFile();
    relatedLists(relatedIndex(archive), file);
    const grown = [
      ...archive,
      { id: 'e1', date: '2021-01-05', items: ['person|甲', 'place|乙', 'person|甲'] },
    ];
    const index = relatedIndex(grown);
    relatedLists(index, file);
    // the new day's items and the undated article's (it sees the whole archive), nothing else
    expect([...index.byItem.keys()].sort()).toEqual(['person|甲', 'place|乙']);
    // undated first, then by date, input order within a date; e1 names 甲 twice and is listed once
    expect(index.byItem.get('person|甲')).toEqual(['u1', 'a1', 'b1', 'c1', 'e1']);
    expect(index.byItem.get('place|乙')).toEqual(['u1', 'a1', 'a2', 'b2', 'd1', 'e1']);
    holdersFor(index, ['topic:t9']);
    expect(index.byItem.get('topic:t9')).toEqual([]);
  });

  it('computes again every day from an edited one on', () => {
    const file = memoFile();
    relatedLists(relatedIndex(archive), file);
    const edited = archive.map((a) => (a.id === 'b1' ? { ...a, items: ['person|丙', 'topic:t2'] } : a));
    const r = relatedLists(relatedIndex(edited), file);
    expect(r.lists).toEqual(direct(edited));
    expect(r.counts).toEqual({ kept: 1, computed: 4 });
  });

  it('does not use a record made under other rules, or one it cannot read', () => {
    const file = memoFile();
    relatedLists(relatedIndex(archive), file);
    const record = JSON.parse(readFileSync(file, 'utf8')) as { rules: string };
    writeFileSync(file, JSON.stringify({ ...record, rules: 'other' }));
    expect(relatedLists(relatedIndex(archive), file).counts).toEqual({ kept: 0, computed: 5 });
    writeFileSync(file, '{ not json');
    const r = relatedLists(relatedIndex(archive), file);
    expect(r.counts).toEqual({ kept: 0, computed: 5 });
    expect(r.lists).toEqual(direct(archive));
  });

  it('drops the lists of a day that is gone', () => {
    const file = memoFile();
    relatedLists(relatedIndex(archive), file);
    const shorter = archive.filter((a) => a.date !== '2021-01-04');
    const r = relatedLists(relatedIndex(shorter), file);
    expect(r.lists).toEqual(direct(shorter));
    const days = Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { days: object }).days);
    expect(days.sort()).toEqual(['', '2021-01-01', '2021-01-02', '2021-01-03']);
  });
});
