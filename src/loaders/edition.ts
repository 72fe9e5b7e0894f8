/**
 * Content-layer loader: runs the edition pipeline over the seed folder once per build and feeds
 * the `issues`, `pages` and `articles` collections. Generated data is never written to the repo.
 *
 * The folder is `seeds/` unless BAOKAN_SEEDS names another (the benchmark uses that).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { resolve } from 'node:path';
import { loadCatalog, loadCorrections, loadEdition, type EditionResult } from '../lib/edition.ts';
import { articleRecords, issueRecord, pageRecords } from './records.ts';

export const seedsDir = () => resolve(process.env.BAOKAN_SEEDS ?? 'seeds');
export const catalogPath = () => resolve('content/papers.json');
export const correctionsPath = () => resolve('content/corrections.yaml');

let cached: { key: string; result: EditionResult; reported: boolean } | null = null;

/** Parse the edition once per process (three collections share it). */
export function edition(): EditionResult {
  const key = `${seedsDir()}|${catalogPath()}`;
  if (!cached || cached.key !== key) {
    cached = {
      key,
      result: loadEdition(seedsDir(), loadCatalog(catalogPath()), loadCorrections(correctionsPath())),
      reported: false,
    };
  }
  return cached.result;
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
      const { store, parseData, generateDigest, logger } = ctx;
      const result = edition();
      report(logger, result);
      store.clear();
      for (const file of result.issues) {
        const records =
          kind === 'issues'
            ? [issueRecord(file)]
            : kind === 'pages'
              ? pageRecords(file)
              : articleRecords(file);
        for (const { id, data } of records) {
          const parsed = await parseData({ id, data });
          store.set({ id, data: parsed, digest: generateDigest(data) });
        }
      }
    },
  };
}
