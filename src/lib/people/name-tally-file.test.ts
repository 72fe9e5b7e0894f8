import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../../tests/support/prng.ts';
import type { ArticleName } from './article-names.ts';
import type { EntityKind } from './entities.ts';
import { countNames, indexOfTally, nameIndexOf, newTally, type NamedArticle } from './name-index.ts';
import { tallyBuffer, tallyFromBuffer, type CountedIssue } from './name-tally-file.ts';

const NAMES: [EntityKind, string, string[]][] = [
  ['person', '秦国文', ['秦国文']],
  ['person', '朱健', ['朱健']],
  ['place', '衡阳市', ['衡阳市', '衡阳', '雁城']],
  ['place', '湖南省', ['湖南省', '湖南']],
  ['organisation', '中共衡阳市委', ['市委', '中共衡阳市委']],
  ['organisation', '南华大学', ['南华大学', '南华']],
  // two entries that read alike: the slugs' -2 depends on who appears first
  ['person', '李华', ['李华']],
  ['person', '李桦', ['李桦']],
];

/** An archive of `days` issues of random articles naming random entries (some undated). */
function archive(seed: number, days: number): { issue: CountedIssue; articles: NamedArticle[] }[] {
  const rnd = random(seed);
  return Array.from({ length: days }, (_, d) => {
    const date = rnd() < 0.05 ? null : `2020-01-${String(d + 1).padStart(2, '0')}`;
    const articles = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, k) => {
      const names: ArticleName[] = NAMES.filter(() => rnd() < 0.35).map(([kind, name, forms]) => {
        const printed: Record<string, number> = {};
        for (const f of forms) if (rnd() < 0.6) printed[f] = 1 + Math.floor(rnd() * 3);
        if (!Object.keys(printed).length) printed[forms[0]!] = 1;
        const paragraphs = ['p1', 'p2', 'p3', 'p4'].filter(() => rnd() < 0.5);
        return { kind, name, forms: printed, paragraphs: paragraphs.length ? paragraphs : ['p1'] };
      });
      return { id: `d${d}a${k}`, date, paper: '衡阳日报', title: `标题${d}-${k}`, names };
    });
    return { issue: { id: `i${d}`, digest: `v${d}` }, articles };
  });
}

const issuesOf = (days: ReturnType<typeof archive>) => days.map((d) => d.issue);
const articlesOf = (days: ReturnType<typeof archive>) => days.flatMap((d) => d.articles);

describe('the name tally', () => {
  it('gives the index of all the articles when they are counted in several steps', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const days = archive(seed, 30);
      const whole = nameIndexOf(articlesOf(days));
      const tally = newTally();
      for (let cut = 0; cut < days.length; cut += 7) countNames(tally, articlesOf(days.slice(cut, cut + 7)));
      expect(indexOfTally(tally)).toEqual(whole);
      // and making the index leaves the tally as it was: its lines in the order counted, and the
      // index made again the same
      for (const e of tally.entries)
        expect(e.articles.map((x) => x.place)).toEqual(e.articles.map((x) => x.place).sort((a, b) => a - b));
      expect(indexOfTally(tally)).toEqual(whole);
    }
  });

  it('is kept in a buffer and, read back, counts on to the same index as one made at once', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const days = archive(seed, 40);
      const first = days.slice(0, 25);
      const tally = newTally();
      countNames(tally, articlesOf(first));
      const buffer = tallyBuffer('made', issuesOf(first), tally);
      // read back under the same code and inputs, with the same issues first and more after them
      const kept = tallyFromBuffer(buffer, 'made', issuesOf(days));
      expect(kept?.counted).toBe(25);
      expect(indexOfTally(kept!.tally)).toEqual(indexOfTally(tally));
      countNames(kept!.tally, articlesOf(days.slice(25)));
      expect(indexOfTally(kept!.tally)).toEqual(nameIndexOf(articlesOf(days)));
    }
  });

  it('shares one list of paragraphs among the lines that name the same ones', () => {
    const tally = newTally();
    countNames(tally, articlesOf(archive(3, 30)));
    const lines = tally.entries.flatMap((e) => e.articles);
    expect(tally.lists.size).toBeLessThan(16); // subsets of p1–p4
    expect(new Set(lines.map((x) => x.paragraphs)).size).toBe(tally.lists.size);
    const back = tallyFromBuffer(tallyBuffer('made', [], tally), 'made', [])!.tally;
    expect(new Set(back.entries.flatMap((e) => e.articles).map((x) => x.paragraphs)).size).toBe(
      tally.lists.size,
    );
  });

  it('is not taken when the code or inputs differ, or an issue it counted is changed, gone or moved', () => {
    const days = archive(5, 12);
    const tally = newTally();
    countNames(tally, articlesOf(days.slice(0, 10)));
    const buffer = tallyBuffer('made', issuesOf(days.slice(0, 10)), tally);
    const issues = issuesOf(days);
    expect(tallyFromBuffer(buffer, 'made', issues)?.counted).toBe(10);
    expect(tallyFromBuffer(buffer, 'other code', issues)).toBeNull();
    // an issue it counted has another digest (a correction, a new parse)
    const changed = issues.map((i, k) => (k === 4 ? { ...i, digest: 'changed' } : i));
    expect(tallyFromBuffer(buffer, 'made', changed)).toBeNull();
    // one is gone; a back issue came before the last it counted
    expect(tallyFromBuffer(buffer, 'made', issues.slice(0, 9))).toBeNull();
    expect(tallyFromBuffer(buffer, 'made', issues.toSpliced(3, 0, { id: 'back', digest: 'b' }))).toBeNull();
    // the same issues in another order
    expect(tallyFromBuffer(buffer, 'made', issues.toSpliced(0, 2, issues[1]!, issues[0]!))).toBeNull();
    // not a tally at all, or one cut short
    expect(tallyFromBuffer(Buffer.from('not a tally'), 'made', issues)).toBeNull();
    expect(tallyFromBuffer(buffer.subarray(0, buffer.length >> 1), 'made', issues)).toBeNull();
  });
});
