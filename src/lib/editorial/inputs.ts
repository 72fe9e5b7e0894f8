/**
 * Where a build finds what it is given, and the editorial files read once per process.
 *
 * The seed folder is `seeds/` unless BAOKAN_SEEDS names another (the benchmark uses that); the
 * editorial folder is `content/` unless BAOKAN_CONTENT does. The loader and the pages both read
 * them from here, so that a page's code does not include the loader's: Astro's incremental build
 * renders every page again when any module a page imports changes.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCorrections, type Correction } from './corrections.ts';
import { loadCatalog } from './papers.ts';
import { loadTopics, type Taxonomy } from './topics.ts';
import type { PaperCatalog } from '../parse/paper.ts';
import { EMPTY_GAZETTEER } from '../people/article-names.ts';
import { loadGazetteer, type Gazetteer } from '../people/entities.ts';

/** The seed folder. */
export const seedsDir = () => resolve(process.env.BAOKAN_SEEDS ?? 'seeds');
/** The editorial folder: `content/` unless BAOKAN_CONTENT names another. */
export const contentDir = () => resolve(process.env.BAOKAN_CONTENT ?? 'content');
export const catalogPath = () => join(contentDir(), 'papers.json');
export const correctionsPath = () => join(contentDir(), 'corrections.yaml');
export const topicsPath = () => join(contentDir(), 'topics.yaml');
export const gazetteerPath = () => join(contentDir(), 'gazetteer.yaml');

/** A file read once per process (again only when its path changes, as in tests). */
function perPath<T>(path: () => string, load: (path: string) => T): () => T {
  let cached: { path: string; value: T } | null = null;
  return () => {
    const p = path();
    if (cached?.path !== p) cached = { path: p, value: load(p) };
    return cached.value;
  };
}

/** The paper catalogue (content/papers.json). */
export const catalog: () => PaperCatalog = perPath(catalogPath, loadCatalog);
/** The editorial corrections (content/corrections.yaml). */
export const corrections: () => Correction[] = perPath(correctionsPath, loadCorrections);
/** The topic taxonomy (content/topics.yaml), checked when read. */
export const taxonomy: () => Taxonomy = perPath(topicsPath, loadTopics);
/** The gazetteer of the name finder (content/gazetteer.yaml); none when the folder has no such file. */
export const gazetteer: () => Gazetteer = perPath(gazetteerPath, (p) =>
  existsSync(p) ? loadGazetteer(p) : EMPTY_GAZETTEER,
);
