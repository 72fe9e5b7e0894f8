/**
 * Test support: articles of a seed as the render functions receive them (the shape of the
 * `articles` collection entries), made straight from the parser so the tests do not depend on the loader;
 * with the editorial corrections of content/corrections.yaml applied, as the build applies them.
 */
import { resolve } from 'node:path';
import { loadCatalog, loadCorrections, parseFile } from '../../src/lib/edition/load-folder.ts';
import { articleDetail } from '../../src/loaders/records.ts';
import type { ProvenanceArticle } from '../../src/lib/render/provenance.ts';

const root = resolve(import.meta.dirname, '../..');
const catalog = loadCatalog(resolve(root, 'content/papers.json'));
const corrections = loadCorrections(resolve(root, 'content/corrections.yaml'));

export function seedArticles(seed: string): Map<string, ProvenanceArticle> {
  const r = parseFile(resolve(root, 'seeds', seed), catalog, corrections, seed);
  if (!('issue' in r)) throw new Error(r.message);
  const { issue, source } = r;
  const out = new Map<string, ProvenanceArticle>();
  for (const a of issue.articles) {
    const sourceLines: { no: number; text: string }[] = [];
    for (let no = a.lines.start; no <= a.lines.end; no++) {
      const text = source.lines[no - 1] ?? '';
      if (text.trim()) sourceLines.push({ no, text });
    }
    out.set(a.id, { ...articleDetail(issue, a.id), sourceLines });
  }
  return out;
}
