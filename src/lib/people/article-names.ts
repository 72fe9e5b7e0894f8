/**
 * The names an article's text gives, in the compact form the content store keeps (one item per
 * entry: its kind, its full name, the forms printed with their counts, and the #pN anchors of the
 * paragraphs that name it). Made once, when the issue is parsed (src/loaders/records.ts), so the
 * name index and the article pages never read article texts again. Kept mentions only (at or
 * above MIN_CONFIDENCE, entities.ts).
 */
import { articleMentions, kept, parseGazetteer, type EntityKind, type Gazetteer } from './entities.ts';

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
