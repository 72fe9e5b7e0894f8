import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../../tests/support/prng.ts';
import { listKeys, parseKeptListKeys, type KeptListKeys, type KeyedIssue } from './kept-list-keys.ts';
import { chunksFromOldest, type ListChunk } from './listing.ts';

/** An issue of the model archive: its date, its version (its digest), and which entries each article names. */
interface Issue {
  id: string;
  date: string | null;
  version: number;
  articles: string[][];
}

interface Item {
  id: string;
  date: string | null;
  /** what its line prints besides id and date: its issue's version stands for its title, paper, 版 … */
  printed: string;
}

const ENTRIES = ['甲', '乙', '丙', '丁'];
const day = (n: number) =>
  `2020-${String(1 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;

/** Each entry's list, newest first (undated last), within a date in the edition's order. */
function lists(issues: readonly Issue[]): Map<string, Item[]> {
  const inOrder = [...issues].sort(
    (a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id),
  );
  const out = new Map<string, Item[]>(ENTRIES.map((e) => [e, []]));
  for (const issue of inOrder)
    issue.articles.forEach((names, k) => {
      for (const e of new Set(names))
        out
          .get(e)!
          .push({ id: `${issue.id}-a${k}`, date: issue.date, printed: `${issue.version}:${names.join('')}` });
    });
  const rank = (x: Item) => x.date ?? '';
  for (const [e, list] of out) {
    // stable: newest date first, a date's items in the order given, undated last
    const sorted = list
      .map((x, k) => ({ x, k }))
      .sort((a, b) => rank(b.x).localeCompare(rank(a.x)) || a.k - b.k);
    out.set(
      e,
      sorted.map((s) => s.x),
    );
  }
  return out;
}

/** What a page's key digests: its slug, links and lines, and a head page what it prints of the whole list. */
const freshKey = (slug: string, c: ListChunk<Item>, whole: string | null) =>
  createHash('sha256')
    .update(JSON.stringify([slug, c.number, c.head, c.older, c.newer, c.items, whole]))
    .digest('hex');

/** What a head page prints of its whole list (its length, and what stands for its forms, mentions …). */
const wholeOf = (list: readonly Item[]) =>
  createHash('sha256')
    .update(JSON.stringify([list.length, list.map((x) => x.printed)]))
    .digest('hex');

function keyedIssues(issues: readonly Issue[]): Map<string, KeyedIssue> {
  return new Map(issues.map((i) => [i.id, { date: i.date, digest: `${i.version}` }]));
}

/** One build: every page's fresh key, the kept ones checked against it; what it keeps, and how many it kept. */
function build(issues: readonly Issue[], last: KeptListKeys | null, made = 'm', slug = (e: string) => e) {
  const keys = listKeys<Item>(last, made, keyedIssues(issues), (x) => x);
  let kept = 0;
  for (const [entry, list] of lists(issues))
    for (const c of chunksFromOldest(list, 3)) {
      const whole = c.head ? wholeOf(list) : null;
      const fresh = freshKey(slug(entry), c, whole);
      const rest = whole ?? undefined;
      const old = keys.kept(entry, slug(entry), c, rest);
      if (old !== undefined) {
        kept++;
        expect(old, `${entry} page ${c.number}`).toBe(fresh);
      }
      keys.keep(entry, slug(entry), c, old ?? fresh, rest);
    }
  // through JSON, as the build keeps it
  return { record: parseKeptListKeys(JSON.stringify(keys.record())), kept, counts: keys.counts };
}

describe('numbered list pages keep their keys', () => {
  it('only when their lines are what they were, through random days', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = random(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
      const names = () => Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(ENTRIES));
      const issue = (n: number, date: string | null): Issue => ({
        id: `i${n}`,
        date,
        version: 0,
        articles: Array.from({ length: 1 + Math.floor(r() * 3) }, names),
      });
      let next = 0;
      const issues: Issue[] = [];
      for (let d = 0; d < 40; d++) issues.push(issue(next++, day(d * 2)));
      if (r() < 0.3) issues.push(issue(next++, null));
      let last = build(issues, null).record;
      let newest = 80;
      let keptAny = 0;
      for (let step = 0; step < 25; step++) {
        const what = r();
        if (what < 0.45)
          issues.push(issue(next++, day(newest++))); // the day's issue
        else if (what < 0.6)
          issues.push(issue(next++, day(Math.floor(r() * newest)))); // a back issue
        else if (what < 0.8) {
          // an issue corrected: what its articles print, and maybe what they name
          const i = pick(issues);
          i.version++;
          if (r() < 0.5) i.articles = i.articles.map(names);
        } else if (issues.length > 5) issues.splice(Math.floor(r() * issues.length), 1); // an issue removed
        const b = build(issues, last);
        keptAny += b.kept;
        last = b.record;
      }
      expect(keptAny, `seed ${seed}`).toBeGreaterThan(0);
    }
  });

  it('keeps none after a change of the site inputs or code, and none of a page whose slug changed', () => {
    const issues: Issue[] = Array.from({ length: 30 }, (_, n) => ({
      id: `i${n}`,
      date: day(n),
      version: 0,
      articles: [['甲', '乙']],
    }));
    const first = build(issues, null).record;
    expect(build(issues, first).kept).toBeGreaterThan(0);
    expect(build(issues, first, 'other code').kept).toBe(0);
    expect(build(issues, first, 'm', (e) => `${e}-2`).kept).toBe(0);
  });

  it('keys a page with an undated article anew, and a head page without what else it prints', () => {
    const issues: Issue[] = [
      ...Array.from({ length: 12 }, (_, n) => ({
        id: `i${n}`,
        date: day(n),
        version: 0,
        articles: [['甲']],
      })),
      { id: 'u', date: null, version: 0, articles: [['甲']] },
    ];
    const first = build(issues, null).record!;
    const again = build(issues, first);
    // pages of 3: a head and three numbered pages, the oldest of which holds the undated article
    expect(again.counts).toEqual({ kept: 3, made: 1 });
    expect(Object.keys(first.pages)).toHaveLength(4);
    // a head page whose rest is not given is keyed anew, and not kept
    const keys = listKeys<Item>(first, 'm', keyedIssues(issues), (x) => x);
    const [head] = chunksFromOldest(lists(issues).get('甲')!, 3);
    expect(keys.kept('甲', '甲', head!)).toBeUndefined();
    keys.keep('甲', '甲', head!, 'k');
    expect(Object.keys(keys.record().pages)).toHaveLength(0);
  });

  it('reads back only a record of its own shape', () => {
    expect(parseKeptListKeys(null)).toBeNull();
    expect(parseKeptListKeys('{')).toBeNull();
    expect(parseKeptListKeys('{"made": "m"}')).toBeNull();
    expect(parseKeptListKeys('{"made": "m", "issues": {}, "pages": {}}')).toEqual({
      made: 'm',
      issues: {},
      pages: {},
    });
  });
});
