/**
 * The reporter index: every person credited by the edition's articles (src/lib/people/credits.ts),
 * with a page of their articles. Names sort by their reading (src/lib/people/readings.ts); a
 * person's URL segment is the reading of the name (许珂 → xuke), made unique.
 */
import type { StaffRole } from '../model/issue.ts';
import type { Credit } from './credits.ts';
import {
  initialOf,
  nameReading,
  NO_READINGS,
  slugOf,
  sortKey,
  type Readings,
  type Syllable,
} from './readings.ts';

/** Articles on one page of a reporter's list. */
export const REPORTER_PAGE_SIZE = 30;

/** One article as a reporter's page lists it. */
export interface ReporterArticle {
  id: string;
  date: string | null;
  role: StaffRole;
  roleText: string | null;
  photos: boolean;
}

export interface Reporter {
  name: string;
  /** URL segment: reporters/<slug>/ */
  slug: string;
  /** the reading with tone marks (xǔ kē) */
  reading: string;
  /** index letter A–Z */
  initial: string;
  /** sort key (readings.ts sortKey) */
  key: string;
  /** the articles, newest first (undated last), then in the order given */
  articles: ReporterArticle[];
  /** earliest and latest dates credited */
  first: string | null;
  last: string | null;
}

/** An article as the index reads it: id, date and credits, in reading order of the edition. */
export interface CreditedArticle {
  id: string;
  date: string | null;
  credits: readonly Credit[];
}

const MARKS = ['', '\u0304', '\u0301', '\u030c', '\u0300'];

/** `{ base: 'xu', tone: 3 }` → `xǔ` (the mark on a or e, on o in ou, else on the last vowel). */
export function marked({ base, tone }: Syllable): string {
  const s = base.replace(/v/g, 'ü');
  if (!tone) return s;
  const at = /[ae]/.exec(s)?.index ?? (s.includes('ou') ? s.indexOf('o') : s.search(/[iouü][^iouü]*$/));
  if (at < 0) return s;
  return (s.slice(0, at + 1) + MARKS[tone] + s.slice(at + 1)).normalize('NFC');
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Everyone the articles credit, sorted by reading. Slugs are the toneless reading; when two names
 * read alike, the one credited first (by date, then by reading) keeps it and the others get `-2`,
 * `-3` …, so a growing archive does not move anyone's page.
 */
export function reporterIndex(
  articles: Iterable<CreditedArticle>,
  readings: Readings = NO_READINGS,
): Reporter[] {
  const byName = new Map<string, Reporter>();
  for (const a of articles) {
    for (const c of a.credits) {
      let r = byName.get(c.name);
      if (!r) {
        const reading = nameReading(c.name, readings);
        r = {
          name: c.name,
          slug: slugOf(reading),
          reading: reading.map(marked).join(' '),
          initial: initialOf(reading),
          key: sortKey(c.name, reading),
          articles: [],
          first: null,
          last: null,
        };
        byName.set(c.name, r);
      }
      r.articles.push({ id: a.id, date: a.date, role: c.role, roleText: c.roleText, photos: c.photos });
    }
  }
  const all = [...byName.values()];
  for (const r of all) {
    // Stable sort: within a date the articles keep the order given.
    r.articles.sort((x, y) => cmp(y.date ?? '', x.date ?? ''));
    const dated = r.articles.filter((x) => x.date).map((x) => x.date!);
    r.first = dated.length ? dated[dated.length - 1]! : null;
    r.last = dated.length ? dated[0]! : null;
  }
  const taken = new Set<string>();
  for (const r of [...all].sort(
    (x, y) => cmp(x.first ?? '\uffff', y.first ?? '\uffff') || cmp(x.key, y.key),
  )) {
    let slug = r.slug || 'x';
    for (let n = 2; taken.has(slug); n++) slug = `${r.slug}-${n}`;
    taken.add(slug);
    r.slug = slug;
  }
  return all.sort((x, y) => cmp(x.key, y.key));
}

/** The roles a person was credited with, as printed, most frequent first (记者 5, 全媒体记者 2). */
export function roleCounts(
  r: Reporter,
  label: (role: StaffRole, printed: string | null) => string,
): { role: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const a of r.articles) {
    const l = label(a.role, a.roleText) || '署名';
    counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  return [...counts.entries()].map(([role, count]) => ({ role, count })).sort((x, y) => y.count - x.count);
}

/**
 * The printed byline cut into text and credited names, so that each name can be a link. A name
 * set with spaces (贺  勇) is found as printed; each name is marked once, at its first place.
 */
export function bylineParts(text: string, names: readonly string[]): { text: string; name?: string }[] {
  const spans: { start: number; end: number; name: string }[] = [];
  for (const name of names) {
    const re = new RegExp(
      Array.from(name)
        .map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\s\\u3000]*'),
      'gu',
    );
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (spans.every((s) => end <= s.start || start >= s.end)) {
        spans.push({ start, end, name });
        break;
      }
    }
  }
  spans.sort((x, y) => x.start - y.start);
  const out: { text: string; name?: string }[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    out.push({ text: text.slice(s.start, s.end), name: s.name });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
