/**
 * The names found in each issue's articles, kept between builds (`<cacheDir>/baokan-names/`): the
 * name finder costs about as much as the parser, and a daily build should not run it again over
 * the whole archive. An issue's names are found again only when its text paragraphs, the gazetteer
 * or the code (src/lib, package-lock.json: the parse cache's fingerprint) changed. Files this build
 * did not ask for are removed at the end (prune), as the parse cache does.
 */
import { createHash } from 'node:crypto';
import { pruneUnused, readJson, writeJsonAtomically } from '../util/json-files.ts';
import { join } from 'node:path';
import type { ArticleName } from './article-names.ts';

/** Names by article, in the issue's article order. */
export type IssueNames = ArticleName[][];

export interface NamesCache {
  /** the issue's names: kept ones when its key is known, else `find()`'s (then kept); `key` when the caller has it */
  names(
    paragraphs: readonly (readonly { id: string; text: string }[])[],
    find: () => IssueNames,
    key?: string,
  ): IssueNames;
  /**
   * the names kept under `key` for an issue of `articles` articles, or null (then `names` finds
   * them); kept ones count as reused, and stay through prune
   */
  kept(key: string, articles: number): IssueNames | null;
  /** the key of an issue's names */
  keyOf(paragraphs: readonly (readonly { id: string; text: string }[])[]): string;
  /** keep the names under `key` through prune (an issue kept whole by the build, its names not read) */
  keep(key: string): void;
  /** issues whose names were kept, issues whose names were found by this build, and the ms finding took */
  counts(): { reused: number; found: number; ms: number };
  /** remove kept names this build did not ask for; returns how many */
  prune(): number;
}

/** The key of an issue's names: the code, the gazetteer's text, and the articles' text paragraphs with their anchors. */
export function namesKey(
  fingerprint: string,
  gazetteer: string,
  paragraphs: readonly (readonly { id: string; text: string }[])[],
): string {
  return createHash('sha256')
    .update(`${fingerprint}\0`)
    .update(gazetteer)
    .update('\0')
    .update(JSON.stringify(paragraphs))
    .digest('hex');
}

/** A names cache in `dir`; `gazetteer` is the gazetteer file's text ('' when there is none). */
export function diskNamesCache(dir: string, fingerprint: string, gazetteer: string): NamesCache {
  const used = new Set<string>();
  let reused = 0;
  let found = 0;
  let ms = 0;
  const path = (key: string) => join(dir, key.slice(0, 2), `${key}.json`);
  const kept = (key: string, articles: number): IssueNames | null => {
    used.add(key);
    // not kept yet (or unreadable): found again
    const names = readJson<IssueNames>(path(key));
    if (!Array.isArray(names) || names.length !== articles) return null;
    reused++;
    return names;
  };
  return {
    kept,
    names(paragraphs, find, key = namesKey(fingerprint, gazetteer, paragraphs)) {
      const held = kept(key, paragraphs.length);
      if (held) return held;
      const started = performance.now();
      const names = find();
      ms += performance.now() - started;
      found++;
      writeJsonAtomically(path(key), names);
      return names;
    },
    keyOf: (paragraphs) => namesKey(fingerprint, gazetteer, paragraphs),
    keep: (key) => void used.add(key),
    counts: () => ({ reused, found, ms: Math.round(ms) }),
    prune: () => pruneUnused(dir, used),
  };
}
