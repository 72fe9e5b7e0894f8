/**
 * Content-layer loader: runs the edition pipeline over the seed folder once per build and feeds
 * the `issues`, `pages` and `articles` collections. Generated data is never written to the repo.
 *
 * The folder is `seeds/` unless BAOKAN_SEEDS names another (the benchmark uses that).
 *
 * The store holds what lists and indexes need; each issue parsed whole goes to a JSON file of its
 * own in `<cacheDir>/baokan-issues/` (named in the issue record), which article pages and the
 * issue.json download read one issue at a time (see records.ts for why).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Correction } from '../lib/corrections.ts';
import { loadCatalog, loadCorrections, parseEdition } from '../lib/edition.ts';
import type { PaperCatalog } from '../lib/paper.ts';
import { progress } from '../lib/progress.ts';
import { loadTopics, type Taxonomy } from '../lib/topics.ts';
import { articleRecords, issueRecord, pageRecords, type RecordOf } from './records.ts';

export const seedsDir = () => resolve(process.env.BAOKAN_SEEDS ?? 'seeds');
export const catalogPath = () => resolve('content/papers.json');
export const correctionsPath = () => resolve('content/corrections.yaml');
export const topicsPath = () => resolve('content/topics.yaml');

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

type Kind = 'issues' | 'pages' | 'articles';
type Records = Record<Kind, RecordOf<Record<string, unknown>>[]>;

/** The records of the three collections, made once per process (the three loaders share them). */
let cached: { key: string; records: Records; stored: Set<Kind> } | null = null;

/**
 * A record whose strings are its own. A string cut from a longer one (a headline from the seed
 * text) can keep the whole longer string alive in V8; a record made afresh by JSON keeps only
 * what it holds, so the seed texts are not retained by the store.
 */
const own = <T>(r: T): T => JSON.parse(JSON.stringify(r)) as T;

/**
 * Parse the seeds one file at a time: write each issue, parsed whole, to the build cache
 * (`<cacheDir>/baokan-issues/<issue id>.json`, read by the article pages), keep only the
 * collections' records, and log each file's warnings and each unreadable file by name.
 */
function editionRecords(cacheDir: URL, logger: LoaderContext['logger']): Records {
  const dir = join(fileURLToPath(cacheDir), 'baokan-issues');
  const key = `${seedsDir()}|${catalogPath()}|${correctionsPath()}|${dir}`;
  if (cached?.key === key) return cached.records;
  taxonomy(); // a bad taxonomy stops the build before the long parse
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const records: Records = { issues: [], pages: [], articles: [] };
  let articles = 0;
  const tick = progress((m) => logger.info(m), 'parse', 'files');
  for (const r of parseEdition(seedsDir(), catalog(), corrections(), tick)) {
    if (!('issue' in r)) {
      logger.error(`skipped ${r.message}`);
      continue;
    }
    const { issue } = r;
    for (const w of issue.warnings)
      logger.warn(`${issue.source.file}${w.line ? ':' + w.line : ''}: ${w.message}`);
    const path = join(dir, `${issue.id}.json`);
    writeFileSync(path, JSON.stringify(issue));
    records.issues.push(own(issueRecord(r, path)));
    for (const p of pageRecords(r)) records.pages.push(own(p));
    for (const a of articleRecords(r, taxonomy())) records.articles.push(own(a));
    articles += issue.articles.length;
  }
  logger.info(`${records.issues.length} issues, ${articles} articles from ${seedsDir()}`);
  cached = { key, records, stored: new Set() };
  return records;
}

export function editionLoader(kind: Kind): Loader {
  return {
    name: `baokan-${kind}`,
    async load(ctx: LoaderContext) {
      const { store, parseData, generateDigest, logger, config } = ctx;
      const records = editionRecords(config.cacheDir, logger)[kind];
      store.clear();
      const stored = progress((m) => logger.info(m), `store ${kind}`, 'records');
      for (const [k, { id, data }] of records.entries()) {
        stored(k, records.length);
        const parsed = await parseData({ id, data });
        store.set({ id, data: parsed, digest: generateDigest(data) });
      }
      // Once all three collections hold their records, let them go, so that they are not kept
      // alive through page rendering.
      cached?.stored.add(kind);
      if (cached?.stored.size === 3) cached = null;
    },
  };
}
