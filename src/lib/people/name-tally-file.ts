/**
 * The name index's tally kept between builds (name-index.ts NameTally), in V8's serialisation
 * format: first a head, what it was counted from (the site inputs and code, `made`, and the issues
 * in order, each with its digest), then the tally. A build whose issues begin with those same
 * issues takes the tally and counts only the issues after them (a new day's issue); any other build
 * reads no more than the head and counts every issue again. At ten years the tally holds 1.26
 * million entry lines: it is kept in columns (numbers in typed arrays, each article's id and title
 * once, dates, papers and lists of paragraphs once each), not as objects.
 */
import { deserialize, serialize } from 'node:v8';
import type { EntityKind } from './entities.ts';
import { anchorsKey, entryKey, type EntryArticle, type NameTally, type TallyEntry } from './name-index.ts';

/** Bumped when the record's shape changes. */
const VERSION = 1;

/** An issue the tally was counted from: its id and its digest. */
export interface CountedIssue {
  id: string;
  digest: string;
}

interface EntryColumns {
  kind: EntityKind;
  name: string;
  slug: string;
  key: string;
  forms: [string, number][];
  mentions: number;
  /** each line's article place and mentions */
  places: Int32Array;
  counts: Int32Array;
  /** each line's paragraphs, as a place in the record's `lists` */
  paragraphs: Int32Array;
  /** the pairs' other entries and counts, interleaved */
  pairs: Int32Array;
}

/** What the tally was counted from: read first, and the rest only when it fits. */
interface TallyHead {
  version: number;
  made: string;
  issues: string[];
}

interface TallyRecord {
  ids: string[];
  titles: string[];
  /** each article's date and paper, as its place in `values` (-1: none) */
  dates: Int32Array;
  papers: Int32Array;
  values: (string | null)[];
  /** each distinct list of paragraphs once: the entries' lines give their place in it */
  lists: string[][];
  /** the places of the entries each article names, end to end, and where each article's places end */
  named: Int32Array;
  ends: Int32Array;
  entries: EntryColumns[];
}

const issueLine = (i: CountedIssue) => `${i.id}\t${i.digest}`;

/** The tally as a buffer, with what it was counted from. */
export function tallyBuffer(made: string, issues: readonly CountedIssue[], tally: NameTally): Buffer {
  const n = tally.ids.length;
  // dates, papers and lists of paragraphs repeat: each is written once and given by its place
  const values: (string | null)[] = [];
  const valueAt = new Map<string | null, number>();
  const value = (v: string | null) => {
    let k = valueAt.get(v);
    if (k === undefined) valueAt.set(v, (k = values.push(v) - 1));
    return k;
  };
  const lists: string[][] = [];
  const listAt = new Map<string[], number>();
  const dates = new Int32Array(n).fill(-1);
  const papers = new Int32Array(n).fill(-1);
  const titles: string[] = new Array<string>(n).fill('');
  const entries: EntryColumns[] = tally.entries.map((e) => {
    const places = new Int32Array(e.articles.length);
    const counts = new Int32Array(e.articles.length);
    const paragraphs = new Int32Array(e.articles.length);
    e.articles.forEach((x, k) => {
      places[k] = x.place;
      counts[k] = x.mentions;
      // by identity: lines that share a list (NameTally.lists) share its place
      let at = listAt.get(x.paragraphs);
      if (at === undefined) listAt.set(x.paragraphs, (at = lists.push(x.paragraphs) - 1));
      paragraphs[k] = at;
      dates[x.place] = value(x.date);
      papers[x.place] = value(x.paper);
      titles[x.place] = x.title;
    });
    const pairs = new Int32Array(e.pairs.size * 2);
    let w = 0;
    for (const [other, count] of e.pairs) {
      pairs[w++] = other;
      pairs[w++] = count;
    }
    return {
      kind: e.kind,
      name: e.name,
      slug: e.slug,
      key: e.key,
      forms: [...e.forms],
      mentions: e.mentions,
      places,
      counts,
      paragraphs,
      pairs,
    };
  });
  let total = 0;
  for (const p of tally.named) total += p.length;
  const named = new Int32Array(total);
  const ends = new Int32Array(n);
  let w = 0;
  tally.named.forEach((p, k) => {
    for (const x of p) named[w++] = x;
    ends[k] = w;
  });
  const head: TallyHead = { version: VERSION, made, issues: issues.map(issueLine) };
  const record: TallyRecord = {
    ids: tally.ids,
    titles,
    dates,
    papers,
    values,
    lists,
    named,
    ends,
    entries,
  };
  // the head's length, the head, the record
  const headBytes = serialize(head);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headBytes.length);
  return Buffer.concat([length, headBytes, serialize(record)]);
}

/**
 * The tally a buffer holds, and how many of `issues` it counted, when it was made under `made` from
 * the first of `issues`, in order and with the same digests; null when it was not (or is not a
 * tally record at all).
 */
export function tallyFromBuffer(
  buffer: Buffer,
  made: string,
  issues: readonly CountedIssue[],
): { tally: NameTally; counted: number } | null {
  let head: TallyHead;
  let record: TallyRecord;
  try {
    const length = buffer.readUInt32LE(0);
    head = deserialize(buffer.subarray(4, 4 + length)) as TallyHead;
    if (head?.version !== VERSION || head.made !== made) return null;
    if (head.issues.length > issues.length) return null;
    for (let k = 0; k < head.issues.length; k++) if (head.issues[k] !== issueLine(issues[k]!)) return null;
    record = deserialize(buffer.subarray(4 + length)) as TallyRecord;
  } catch {
    return null;
  }
  const { ids, titles, dates, papers, values, lists, named: flat, ends } = record;
  const named: number[][] = [];
  let start = 0;
  for (const end of ends) {
    named.push(Array.from(flat.subarray(start, end)));
    start = end;
  }
  const entries: TallyEntry[] = record.entries.map((c) => {
    const articles: EntryArticle[] = [];
    for (let k = 0; k < c.places.length; k++) {
      const place = c.places[k]!;
      articles.push({
        id: ids[place]!,
        date: values[dates[place]!]!,
        paper: values[papers[place]!]!,
        title: titles[place]!,
        paragraphs: lists[c.paragraphs[k]!]!,
        mentions: c.counts[k]!,
        place,
      });
    }
    const pairs = new Map<number, number>();
    for (let k = 0; k < c.pairs.length; k += 2) pairs.set(c.pairs[k]!, c.pairs[k + 1]!);
    return {
      kind: c.kind,
      name: c.name,
      slug: c.slug,
      key: c.key,
      forms: new Map(c.forms),
      mentions: c.mentions,
      articles,
      pairs,
    };
  });
  const keyAt = entries.map(entryKey);
  const tally: NameTally = {
    entries,
    placeOf: new Map(keyAt.map((key, k) => [key, k])),
    keyAt,
    ids,
    named,
    lists: new Map(lists.map((list) => [anchorsKey(list), list])),
  };
  return { tally, counted: head.issues.length };
}
