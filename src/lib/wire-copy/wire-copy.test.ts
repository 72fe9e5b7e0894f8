import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  candidatePairs,
  estimate,
  BANDS,
  MAX_BUCKET,
  MIN_ESTIMATE,
  normalise,
  ROWS,
  shingles,
  signature,
  SIGNATURE_SIZE,
} from './minhash.ts';
import { isCopy, overlap, type Overlap } from './verify.ts';
import {
  comparedPairs,
  findCopies,
  otherOf,
  textSignature,
  type CopyPair,
  type KeptOverlaps,
} from './pairs.ts';
import { sentencesOf, syntheticEdition } from '../../../tests/support/synthetic-edition.ts';

const seedTexts = readdirSync('seeds')
  .sort()
  .map((f) => readFileSync(join('seeds', f), 'utf8'));
/** The labelled corpus's texts too, for a pool of sentences large enough that random articles share none by chance. */
const corpusTexts = (readdirSync('tests/corpus', { recursive: true }) as string[])
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join('tests/corpus', f), 'utf8'));
/** Real paragraphs of the seeds, 80 characters or more. */
const paras = seedTexts
  .flatMap((t) => t.split(/\n\s*\n|\n/))
  .map((p) => p.trim())
  .filter((p) => p.length >= 80);

const textsOf = (m: Map<string, string>) => (id: string) => m.get(id) ?? '';

describe('minhash', () => {
  it('normalises to letters and digits', () => {
    expect(normalise('新华社北京3月5日电 （记者 王明）“好！”')).toBe('新华社北京3月5日电记者王明好');
  });

  it('gives the same signature on every run and for the same text', () => {
    const s = shingles(normalise(paras[0]!));
    const sig = signature(s);
    expect([...sig.slice(0, 4)]).toEqual([...signature(shingles(normalise(paras[0]!))).slice(0, 4)]);
    // fixed seeds: a value pinned so a change of hashing shows
    expect(sig.length).toBe(90);
    expect(signature(shingles('一二三四五'))[0]).toBe(signature(shingles('一二三四五'))[0]);
  });

  it('estimates Jaccard near the real one', () => {
    const a = shingles(normalise(paras.slice(0, 4).join('')));
    const b = shingles(normalise(paras.slice(1, 5).join('')));
    const real = overlap(a, b).jaccard;
    expect(Math.abs(estimate(signature(a), signature(b)) - real)).toBeLessThan(0.15);
  });

  it('makes a near copy a candidate and unrelated texts not', () => {
    const a = paras.slice(0, 3).join('');
    const copy = paras.slice(0, 2).join('') + paras[2]!.slice(0, 40);
    const other = paras.slice(10, 13).join('');
    const sigs = [a, copy, other].map((t) => signature(shingles(normalise(t))));
    expect(candidatePairs(sigs)).toEqual([[0, 1]]);
  });

  it('does not make a candidate of two articles that meet in one band by chance and agree on little else', () => {
    const base = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, r) => 1000 + r);
    /** base, agreeing on the first band and on `extra` rows more; the other rows differ */
    const agreeing = (extra: number) => base.map((v, r) => (r < ROWS + extra ? v : v + 1_000_000 + r * 7));
    const least = Math.ceil(MIN_ESTIMATE * SIGNATURE_SIZE) - ROWS;
    expect(candidatePairs([base, agreeing(0)])).toEqual([]);
    expect(candidatePairs([base, agreeing(least - 1)])).toEqual([]);
    expect(candidatePairs([base, agreeing(least)])).toEqual([[0, 1]]);
  });

  it('finds exactly the pairs that bucketing by the rows of each band themselves finds', () => {
    // 600 signatures with rows from a small range, so that many share a band, some share most rows
    let x = 12345;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    const base = Array.from({ length: 40 }, () =>
      Uint32Array.from({ length: SIGNATURE_SIZE }, () => next() % 4),
    );
    const sigs = Array.from({ length: 600 }, (_, k) =>
      base[k % 40]!.map((v) => (next() % 3 === 0 ? next() % 4 : v)),
    );
    // the rule written plainly: a bucket per band keyed by the rows' text
    const reference = new Set<string>();
    for (let b = 0; b < BANDS; b++) {
      const buckets = new Map<string, number[]>();
      sigs.forEach((s, i) => {
        const key = [...s.subarray(b * ROWS, (b + 1) * ROWS)].join(',');
        buckets.set(key, [...(buckets.get(key) ?? []), i]);
      });
      for (const list of buckets.values())
        if (list.length <= MAX_BUCKET)
          for (let p = 0; p < list.length; p++)
            for (let q = p + 1; q < list.length; q++)
              if (estimate(sigs[list[p]!]!, sigs[list[q]!]!) >= MIN_ESTIMATE)
                reference.add(`${list[p]},${list[q]}`);
    }
    const found = candidatePairs(sigs).map(([i, j]) => `${i},${j}`);
    expect(found.length).toBeGreaterThan(100);
    expect(new Set(found).size).toBe(found.length);
    expect(found.sort()).toEqual([...reference].sort());
  });
});

describe('verify', () => {
  it('never links a shared dateline or editor line alone', () => {
    const line = '新华社北京3月5日电（记者王明）责任编辑：李华 美术编辑：张三';
    const a = shingles(normalise(line + paras[0]));
    const b = shingles(normalise(line + paras[5]));
    expect(isCopy(overlap(a, b), false)).toBe(false);
  });

  it('links a cut copy, and in one issue only when the shared passage is long', () => {
    const a = shingles(normalise(paras.slice(0, 3).join('')));
    const b = shingles(normalise(paras.slice(0, 2).join('')));
    const o = overlap(a, b);
    expect(isCopy(o, false)).toBe(true);
    expect(o.containment).toBe(1);
    const short = shingles(normalise(paras.slice(0, 3).join('').slice(0, 300)));
    const o2 = overlap(a, short);
    expect(isCopy(o2, false)).toBe(true);
    expect(isCopy(o2, true)).toBe(false);
  });
});

describe('findCopies', () => {
  it('finds a retitled, cut copy both ways, and nothing among unrelated seed paragraphs', () => {
    const texts = new Map<string, string>();
    paras.slice(0, 40).forEach((p, i) => texts.set(`x${i}`, paras.slice(i * 3, i * 3 + 3).join('\n')));
    texts.set('copy', paras.slice(6, 8).join('\n')); // x2 without its last paragraph
    const inputs = [...texts.keys()].map((id) => ({ id, issue: id === 'copy' ? 'later' : 'first' }));
    const found = findCopies(inputs, textsOf(texts));
    expect(found.pairs.map((p) => [p.a, p.b])).toEqual([['x2', 'copy']]);
    expect(found.byArticle.get('x2')!.map((p) => otherOf(p, 'x2'))).toEqual(['copy']);
    expect(found.byArticle.get('copy')!.map((p) => otherOf(p, 'copy'))).toEqual(['x2']);
    expect(found.groups).toEqual([['x2', 'copy']]);
  });

  it('finds the planted copies of a synthetic edition and no others, the same on every run', () => {
    const edition = syntheticEdition(sentencesOf([...seedTexts, ...corpusTexts]), 2000, 50);
    const texts = new Map(edition.map((a) => [a.id, a.paragraphs.join('\n')]));
    const inputs = edition.map((a) => ({ id: a.id, issue: a.issue }));
    const found = findCopies(inputs, textsOf(texts));
    // planted copies that share enough to be copies (a short article cut down may not)
    const sets = (id: string) => shingles(normalise(texts.get(id)!));
    const planted = edition
      .filter((a) => a.copyOf && isCopy(overlap(sets(a.copyOf), sets(a.id)), false))
      .map((a) => `${a.copyOf}|${a.id}`);
    expect(planted.length).toBeGreaterThan(30);
    const got = new Set(found.pairs.map((p) => `${p.a}|${p.b}`));
    const recall = planted.filter((p) => got.has(p)).length / planted.length;
    expect(recall).toBeGreaterThanOrEqual(0.95);
    // a copy of a copy links all three; no pair outside the planted families
    const rootOf = (id: string): string => {
      const a = edition[Number(id.slice(1))]!;
      return a.copyOf ? rootOf(a.copyOf) : a.id;
    };
    for (const p of found.pairs) expect(rootOf(p.a)).toBe(rootOf(p.b));
    expect(findCopies(inputs, textsOf(texts)).pairs).toEqual(found.pairs);
  });

  it('takes kept signatures: the same copies, and texts read only for the articles of candidate pairs', () => {
    const texts = new Map<string, string>();
    paras.slice(0, 40).forEach((p, i) => texts.set(`x${i}`, paras.slice(i * 3, i * 3 + 3).join('\n')));
    texts.set('copy', paras.slice(6, 8).join('\n'));
    const inputs = [...texts.keys()].map((id) => ({ id, issue: id === 'copy' ? 'later' : 'first' }));
    const kept = new Map([...texts].map(([id, t]) => [id, textSignature(t)]));
    const asked: string[] = [];
    const found = findCopies(
      inputs,
      (id) => (asked.push(id), texts.get(id)!),
      undefined,
      (id) => kept.get(id)!,
    );
    expect(found.pairs).toEqual(findCopies(inputs, textsOf(texts)).pairs);
    expect(asked.length).toBeLessThan(inputs.length / 4);
    expect(asked).toContain('copy');
  });
  it('takes kept overlaps: the same copies, and no text read for a candidate measured before', () => {
    const edition = syntheticEdition(sentencesOf([...seedTexts, ...corpusTexts]), 600, 20);
    const texts = new Map(edition.map((a) => [a.id, a.paragraphs.join('\n')]));
    const inputs = edition.map((a) => ({ id: a.id, issue: a.issue }));
    const signatures = new Map([...texts].map(([id, t]) => [id, textSignature(t)]));
    const store = new Map<string, Overlap>();
    const kept: KeptOverlaps = {
      get: (a, b) => store.get(`${a.id}|${b.id}`),
      set: (a, b, o) => void store.set(`${a.id}|${b.id}`, o),
    };
    const read = (asked: string[]) => (id: string) => (asked.push(id), texts.get(id)!);
    const first: string[] = [];
    const cold = findCopies(inputs, read(first), undefined, (id) => signatures.get(id)!, kept);
    expect(cold.stats.kept).toBe(0);
    expect(store.size).toBe(cold.stats.candidates);
    expect(cold.pairs).toEqual(findCopies(inputs, textsOf(texts)).pairs);
    // the next build: every candidate measured before, no text read, the same pairs
    const second: string[] = [];
    const warm = findCopies(inputs, read(second), undefined, (id) => signatures.get(id)!, kept);
    expect(second).toEqual([]);
    expect(warm.stats.kept).toBe(cold.stats.candidates);
    expect(warm.pairs).toEqual(cold.pairs);
    // a pair the store has never seen is measured on its texts
    const [a, b] = [cold.pairs[0]!.a, cold.pairs[0]!.b];
    store.delete(`${a}|${b}`);
    const third: string[] = [];
    expect(findCopies(inputs, read(third), undefined, (id) => signatures.get(id)!, kept).pairs).toEqual(
      cold.pairs,
    );
    expect(third).toContain(a);
    expect(third).toContain(b);
    expect(third.length).toBeLessThan(10);
  });
});

describe('comparedPairs', () => {
  const pair = (a: string, b: string): CopyPair => ({ a, b, sharedChars: 200, containment: 0.9 });
  it('compares each printing of a group with the earliest it copies: one page each, not one for every two', () => {
    const pairs = [pair('a', 'b'), pair('a', 'c'), pair('b', 'c'), pair('b', 'd'), pair('c', 'd')];
    const byArticle = new Map<string, CopyPair[]>();
    for (const p of pairs) for (const id of [p.a, p.b]) byArticle.set(id, [...(byArticle.get(id) ?? []), p]);
    const compared = comparedPairs([['a', 'b', 'c', 'd']], byArticle);
    // d copies b and c, not a: it is compared with b, the earliest it copies
    expect(compared.map((p) => `${p.a}-${p.b}`)).toEqual(['a-b', 'a-c', 'b-d']);
  });
});
