import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  candidatePairs,
  estimate,
  extendCandidates,
  BANDS,
  MAX_BUCKET,
  MIN_ESTIMATE,
  normalise,
  ROWS,
  shingles,
  signature,
  SIGNATURE_SIZE,
} from './minhash.ts';
import { isCopy, overlap } from './verify.ts';
import { comparedPairs, findCopies, otherOf, textSignature, type CopyPair, type LastRun } from './pairs.ts';
import { sentencesOf, syntheticEdition } from '../../../tests/support/synthetic-edition.ts';
import { mulberry32 } from '../../../tests/support/prng.ts';

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

  it('extends the candidates of an archive by a day: the same pairs as banding it all anew', () => {
    // 40 families of signatures, each signature a noisy copy of its family's, rows from 16 values
    const random = mulberry32(777);
    const next = () => Math.floor(random() * 2 ** 32);
    const base = Array.from({ length: 40 }, () =>
      Uint32Array.from({ length: SIGNATURE_SIZE }, () => next() % 16),
    );
    const sigs = Array.from({ length: 800 }, (_, k) =>
      k % 97 === 5
        ? new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff)
        : base[next() % 40]!.map((v) => (next() % 2 ? next() % 16 : v)),
    );
    for (const count of [0, 1, 400, 700, 760, 790, 799, 800]) {
      const before = candidatePairs(sigs.slice(0, count));
      expect(extendCandidates(sigs, count, before)).toEqual(candidatePairs(sigs));
    }
    expect(candidatePairs(sigs).length).toBeGreaterThan(1000);
  });

  it('extends by days whose articles take buckets of the archive over MAX_BUCKET: the same pairs', () => {
    // few families, rows from 4 values: many buckets near MAX_BUCKET, which new articles take over it
    const random = mulberry32(4242);
    const next = () => Math.floor(random() * 2 ** 32);
    const base = Array.from({ length: 6 }, () =>
      Uint32Array.from({ length: SIGNATURE_SIZE }, () => next() % 4),
    );
    const sigs = Array.from({ length: 500 }, () =>
      base[next() % 6]!.map((v) => (next() % 3 ? v : next() % 4)),
    );
    let overflowing = 0;
    for (let count = 300; count < 500; count += 20) {
      const before = candidatePairs(sigs.slice(0, count));
      const after = candidatePairs(sigs.slice(0, count + 20));
      // a day that drops pairs of the archive: a bucket of theirs grew over MAX_BUCKET
      const kept = new Set(after.map(([i, j]) => `${i},${j}`));
      if (before.some(([i, j]) => !kept.has(`${i},${j}`))) overflowing++;
      expect(extendCandidates(sigs.slice(0, count + 20), count, before)).toEqual(after);
    }
    expect(overflowing).toBeGreaterThanOrEqual(3);
  });

  it('drops the pairs of a bucket a new signature makes too large, unless another band keeps them', () => {
    const same = () => Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => i);
    const full = Array.from({ length: MAX_BUCKET }, same);
    // MAX_BUCKET alike: every pair a candidate; one more: the bucket is skipped, no pair is
    expect(candidatePairs(full)).toHaveLength((MAX_BUCKET * (MAX_BUCKET - 1)) / 2);
    expect(candidatePairs([...full, same()])).toEqual([]);
    expect(extendCandidates([...full, same()], MAX_BUCKET, candidatePairs(full))).toEqual([]);
    // two of them also alike on another band's rows, in a bucket of their own there: still a pair
    const twins = full.map((s, k) => (k < 2 ? s : s.map((v, r) => (r < ROWS ? v + 1000 + k : v))));
    const grownTwins = [...twins, same().map((v, r) => (r < ROWS ? v + 999 : v))];
    expect(candidatePairs(twins)).toHaveLength((MAX_BUCKET * (MAX_BUCKET - 1)) / 2);
    expect(extendCandidates(grownTwins, MAX_BUCKET, candidatePairs(twins))).toEqual(
      candidatePairs(grownTwins),
    );
    expect(candidatePairs(grownTwins)).toEqual([[0, 1]]);
    // a bucket too large already stays skipped: extended, and still no pair
    const over = [...full, same()];
    expect(extendCandidates([...over, same()], over.length, [])).toEqual([]);
    // one alike fewer: the new one joins a bucket of MAX_BUCKET
    const under = full.slice(1);
    expect(extendCandidates([...under, same()], under.length, candidatePairs(under))).toEqual(
      candidatePairs(full),
    );
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
  it('takes over the last run: a day added reads its candidates only, a changed issue its own', () => {
    const edition = syntheticEdition(sentencesOf([...seedTexts, ...corpusTexts]), 600, 20);
    const texts = new Map(edition.map((a) => [a.id, a.paragraphs.join('\n')]));
    const inputs = edition.map((a) => ({ id: a.id, issue: a.issue }));
    const signatures = new Map([...texts].map(([id, t]) => [id, textSignature(t)]));
    const signatureOf = (id: string) => signatures.get(id)!;
    const read = (asked: string[]) => (id: string) => (asked.push(id), texts.get(id)!);
    const whole = findCopies(inputs, textsOf(texts));
    const newest = inputs.at(-1)!.issue;
    const archive = inputs.filter((a) => a.issue !== newest);
    const cold = findCopies(archive, textsOf(texts), undefined, signatureOf);
    expect(cold.stats.kept).toBe(0);
    expect(cold.run.candidates.length).toBe(2 * cold.stats.candidates);
    // a day added: the archive's candidates extended, only the new articles' measured
    const day: string[] = [];
    const last: LastRun = { ...cold.run, at: Int32Array.from(archive, (_, i) => i) };
    const daily = findCopies(inputs, read(day), undefined, signatureOf, last);
    expect(daily.stats.extended).toBe(true);
    expect(daily.pairs).toEqual(whole.pairs);
    expect(daily.groups).toEqual(whole.groups);
    expect(daily.run).toEqual(whole.run);
    expect(daily.stats.kept).toBe(cold.stats.candidates);
    const fresh = new Set(inputs.filter((a) => a.issue === newest).map((a) => a.id));
    const touching = whole.pairs.filter((p) => fresh.has(p.a) || fresh.has(p.b));
    expect(touching.length).toBeGreaterThan(0);
    for (const p of touching) expect(day).toEqual(expect.arrayContaining([p.a, p.b]));
    expect(day.length).toBeLessThan(inputs.length / 10);
    // the next build, nothing changed: no text read
    const again: string[] = [];
    const same = findCopies(inputs, read(again), undefined, signatureOf, {
      ...daily.run,
      at: Int32Array.from(inputs, (_, i) => i),
    });
    expect(again).toEqual([]);
    expect(same.pairs).toEqual(whole.pairs);
    // an issue in the middle changed (its articles -1): banded anew, its candidates measured again
    const changed = inputs[300]!.issue;
    const at = Int32Array.from(inputs, (a, i) => (a.issue === changed ? -1 : i));
    const third: string[] = [];
    const mended = findCopies(inputs, read(third), undefined, signatureOf, { ...daily.run, at });
    expect(mended.stats.extended).toBe(false);
    expect(mended.pairs).toEqual(whole.pairs);
    const ofChanged = whole.pairs.filter((p) =>
      [p.a, p.b].some((id) => inputs.find((a) => a.id === id)!.issue === changed),
    );
    for (const p of ofChanged) expect(third).toEqual(expect.arrayContaining([p.a, p.b]));
    expect(third.length).toBeLessThan(inputs.length / 10);
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
