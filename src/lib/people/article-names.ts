/**
 * The names an article's text gives, in the compact form the content store keeps (one item per
 * entry: its kind, its full name, the forms printed with their counts, and the #pN anchors of the
 * paragraphs that name it). Made once, when the issue is parsed (src/loaders/records.ts), so the
 * name index and the article pages never read article texts again. Kept mentions only (at or
 * above MIN_CONFIDENCE, entities.ts).
 */
import type { Article, Issue } from '../model/issue.ts';
import { articleMentions, kept, parseGazetteer, type EntityKind, type Gazetteer } from './entities.ts';
import type { NamesCache } from './names-cache.ts';

/** One entry an article names. */
export interface ArticleName {
  kind: EntityKind;
  /** the entry's full name (中共衡阳市委 for 市委) */
  name: string;
  /** the forms printed, each with how often (衡阳: 2, 衡阳市: 1) */
  forms: Record<string, number>;
  /** anchors of the paragraphs that name it, in reading order, each once */
  paragraphs: string[];
}

/** A gazetteer with no entries: for an editorial folder without content/gazetteer.yaml. */
export const EMPTY_GAZETTEER: Gazetteer = parseGazetteer('', 'gazetteer.yaml');

/**
 * The entries an article names in the given paragraphs (text paragraphs with their `pN` anchors,
 * the ones its page renders), in the order of their first mention.
 */
export function articleNames(
  paragraphs: readonly { id: string; text: string }[],
  gaz: Gazetteer,
): ArticleName[] {
  const byKey = new Map<string, ArticleName>();
  for (const { paragraph, mention: m } of articleMentions({ paragraphs }, gaz)) {
    if (!kept(m)) continue;
    const key = `${m.kind}|${m.name}`;
    let n = byKey.get(key);
    if (!n) byKey.set(key, (n = { kind: m.kind, name: m.name, forms: {}, paragraphs: [] }));
    n.forms[m.text] = (n.forms[m.text] ?? 0) + 1;
    if (!n.paragraphs.includes(paragraph)) n.paragraphs.push(paragraph);
  }
  return [...byKey.values()];
}

/** How often an article names an entry (the sum of its forms' counts). */
export const mentionCount = (n: Pick<ArticleName, 'forms'>): number =>
  Object.values(n.forms).reduce((s, c) => s + c, 0);

/** An article's paragraphs as the name finder reads them: each text with its anchor. */
export type NameParagraphs = { id: string; text: string }[];

/**
 * The paragraphs the name finder reads: running text (not subheads), each with the anchor its
 * page renders (its id; `p<n>` by position where it has none, as rehype-paragraph-anchors does).
 */
export function nameParagraphs(a: Article): NameParagraphs {
  return a.paragraphs.flatMap((p, i) =>
    p.role === 'text' ? [{ id: p.id || `p${i + 1}`, text: p.text }] : [],
  );
}

/**
 * The people, places and organisations each article's text names, by article id, with the
 * paragraphs that name them. They go to a file of the issue's own beside the parsed issue
 * (`namesFile`), not into the store: Astro holds the store several times over while it renders
 * (the loader's entries, the store module's text, its parsed copy), and the names were two fifths
 * of it; the name index reads them once (src/pages/names/_names.ts).
 */
export function articleNamesById(
  { issue }: { issue: Issue },
  gazetteer: Gazetteer = EMPTY_GAZETTEER,
  cache?: NamesCache,
  /** the names' key in the cache, when the caller has it (cache.keyOf of issueNameParagraphs) */
  key?: string,
): Record<string, ArticleName[]> {
  const paragraphs = issueNameParagraphs(issue);
  const find = () => paragraphs.map((p) => articleNames(p, gazetteer));
  const names = cache ? cache.names(paragraphs, find, key) : find();
  return namesById(
    issue.articles.map((a) => a.id),
    names,
  );
}

/** An issue's names (in its article order) by article id, as its names file holds them. */
export const namesById = (
  ids: readonly string[],
  names: readonly ArticleName[][],
): Record<string, ArticleName[]> => Object.fromEntries(ids.map((id, k) => [id, names[k]!]));

/** The text paragraphs names are found in, an article at a time (the names cache's key is made of them). */
export const issueNameParagraphs = (issue: Issue) => issue.articles.map(nameParagraphs);
