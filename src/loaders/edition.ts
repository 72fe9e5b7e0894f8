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
import { loadCatalog, loadCorrections, loadEdition, type EditionResult } from '../lib/edition.ts';
import type { PaperCatalog } from '../lib/paper.ts';
import { progress } from '../lib/progress.ts';
import { loadTopics, type Taxonomy } from '../lib/topics.ts';
import { articleRecords, issueRecord, pageRecords } from './records.ts';

export const seedsDir = () => resolve(process.env.BAOKAN_SEEDS ?? 'seeds');
export const catalogPath = () => resolve('content/papers.json');
export const correctionsPath = () => resolve('content/corrections.yaml');
export const topicsPath = () => resolve('content/topics.yaml');

let cached: { key: string; result: EditionResult; reported: boolean; stored: Set<string> } | null = null;

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

/** Parse the edition once per process (three collections share it). */
export function edition(onFile?: (done: number, total: number) => void): EditionResult {
  const key = `${seedsDir()}|${catalogPath()}`;
  if (!cached || cached.key !== key) {
    taxonomy(); // a bad taxonomy stops the build before the long parse
    cached = {
      key,
      result: loadEdition(seedsDir(), catalog(), corrections(), onFile),
      reported: false,
      stored: new Set(),
    };
  }
  return cached.result;
}

/** Write each parsed issue to its own file in the cache folder; the paths, by issue id. */
function writeParsedIssues(cacheDir: URL, result: EditionResult): Map<string, string> {
  const dir = join(fileURLToPath(cacheDir), 'baokan-issues');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paths = new Map<string, string>();
  for (const { issue } of result.issues) {
    const path = join(dir, `${issue.id}.json`);
    writeFileSync(path, JSON.stringify(issue));
    paths.set(issue.id, path);
  }
  return paths;
}

function report(logger: LoaderContext['logger'], result: EditionResult) {
  if (cached?.reported) return;
  if (cached) cached.reported = true;
  for (const e of result.errors) logger.error(`skipped ${e.message}`);
  for (const { issue } of result.issues) {
    for (const w of issue.warnings)
      logger.warn(`${issue.source.file}${w.line ? ':' + w.line : ''}: ${w.message}`);
  }
  const articles = result.issues.reduce((n, f) => n + f.issue.articles.length, 0);
  logger.info(`${result.issues.length} issues, ${articles} articles from ${seedsDir()}`);
}

type Kind = 'issues' | 'pages' | 'articles';

export function editionLoader(kind: Kind): Loader {
  return {
    name: `baokan-${kind}`,
    async load(ctx: LoaderContext) {
      const { store, parseData, generateDigest, logger, config } = ctx;
      const result = edition(progress((m) => logger.info(m), 'parse', 'files'));
      report(logger, result);
      const parsedFiles = kind === 'issues' ? writeParsedIssues(config.cacheDir, result) : null;
      store.clear();
      const stored = progress((m) => logger.info(m), `store ${kind}`, 'issues');
      for (const [k, file] of result.issues.entries()) {
        stored(k, result.issues.length);
        const records =
          kind === 'issues'
            ? [issueRecord(file, parsedFiles!.get(file.issue.id)!)]
            : kind === 'pages'
              ? pageRecords(file)
              : articleRecords(file, taxonomy());
        for (const { id, data } of records) {
          const parsed = await parseData({ id, data });
          store.set({ id, data: parsed, digest: generateDigest(data) });
        }
      }
      // Once all three collections hold their records, the parsed edition is no longer needed:
      // let it go, so a large archive's parse results are not kept alive through page rendering.
      cached?.stored.add(kind);
      if (cached?.stored.size === 3) cached = null;
    },
  };
}
