/**
 * Related lists kept between builds. An article's list (relatedArticles) is a fact of the archive
 * up to its day: the articles printed on or before it and their items. So each day's lists are kept
 * under a digest of that view (viewDigests: a running digest over the days, oldest first), and a
 * build computes again only the days whose view changed: a new day's issue at the end of the
 * archive, or every day from an edited issue on. What is kept gives exactly what computing again
 * would (the rules — this module's and related.ts's code — are part of the record). Pure but for
 * the one file read and written.
 */
import { createHash } from 'node:crypto';
import { readJson, writeJsonAtomically } from '../util/json-files.ts';
import {
  COMMON_SHARE,
  MAX_HOLDERS,
  MIN_COMMON,
  RELATED_LIMIT,
  commonLimit,
  holdersFor,
  relatedArticles,
  type Related,
  type RelatedIndex,
  type RelatedInput,
} from './related.ts';

/** What decides a list besides the archive: the code and the limits. A record made under other rules is not used. */
const RULES = createHash('sha256')
  .update(
    `${relatedArticles}\0${commonLimit}\0${RELATED_LIMIT}\0${COMMON_SHARE}\0${MIN_COMMON}\0${MAX_HOLDERS}`,
  )
  .digest('hex')
  .slice(0, 16);

/** The key of undated articles' lists: they look at the whole archive. */
const UNDATED = '';

/**
 * For each date of the index's articles (and '' for undated ones: the whole archive), a digest of
 * what a list of that date sees: every article (id, date, items) on or before it, undated ones first,
 * in the index's order within a date; and the fixed common-item limit, if any.
 */
export function viewDigests(
  index: RelatedIndex,
  days: ReadonlyMap<string, readonly RelatedInput[]> = articlesByDay(index),
): Map<string, string> {
  const views = new Map<string, string>();
  let running = `${index.maxHolders ?? ''}`;
  // '' sorts first: undated articles count as earlier than every day
  for (const d of [...days.keys()].sort()) {
    const hash = createHash('sha256').update(running).update(`\0${d}\0`);
    for (const a of days.get(d)!) hash.update(`${a.id}\0${a.items.join('\x01')}\n`);
    running = hash.digest('hex').slice(0, 32);
    views.set(d, running);
  }
  // an undated article sees the whole archive: the last day's view
  if (days.has(UNDATED)) views.set(UNDATED, running);
  return views;
}

/** The index's articles by date ('' for undated ones), in the index's order within a date. */
function articlesByDay(index: RelatedIndex): Map<string, RelatedInput[]> {
  const days = new Map<string, RelatedInput[]>();
  for (const a of index.articles.values()) {
    const d = a.date ?? UNDATED;
    let list = days.get(d);
    if (!list) days.set(d, (list = []));
    list.push(a);
  }
  return days;
}

/** The kept lists: each date's view digest and its articles' lists (articles without one left out). */
interface Memo {
  rules: string;
  days: Record<string, [view: string, lists: Record<string, Related[]>]>;
}

/** What relatedLists did: days whose lists were kept, and days computed again. */
export interface MemoCounts {
  kept: number;
  computed: number;
}

/**
 * The related lists (non-empty ones) of the index's articles, taken from the record at `file` for the
 * days whose view is unchanged and computed for the others; the record is written again when anything
 * changed. Without a file, every list is computed.
 */
export function relatedLists(
  index: RelatedIndex,
  file?: string,
): { lists: Map<string, Related[]>; counts: MemoCounts } {
  const byDay = articlesByDay(index);
  const views = viewDigests(index, byDay);
  const before = file ? readJson<Memo>(file) : undefined;
  const kept = before?.rules === RULES ? before.days : {};
  const lists = new Map<string, Related[]>();
  const days: Memo['days'] = {};
  const counts: MemoCounts = { kept: 0, computed: 0 };
  const keptDay = (d: string) => kept[d]?.[0] === views.get(d);
  // the holders of the items of every day computed again, collected in one pass
  holdersFor(
    index,
    (function* () {
      for (const [d, articles] of byDay) if (!keptDay(d)) for (const a of articles) yield* a.items;
    })(),
  );
  for (const [d, articles] of byDay) {
    const view = views.get(d)!;
    const was = kept[d];
    let own: Record<string, Related[]>;
    if (was && was[0] === view) {
      own = was[1];
      counts.kept++;
    } else {
      own = {};
      for (const { id } of articles) {
        const r = relatedArticles(id, index);
        if (r.length) own[id] = r;
      }
      counts.computed++;
    }
    days[d] = [view, own];
    for (const { id } of articles) {
      const r = own[id];
      if (r) lists.set(id, r);
    }
  }
  const changed = counts.computed > 0 || Object.keys(kept).length !== byDay.size;
  if (file && changed) writeJsonAtomically(file, { rules: RULES, days } satisfies Memo);
  return { lists, counts };
}
