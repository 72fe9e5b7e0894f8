/**
 * Content-layer loader: runs the edition pipeline over the seed folder once per build and feeds
 * the `issues`, `pages` and `articles` collections. Generated data is never written to the repo.
 *
 * The folder is `seeds/` unless BAOKAN_SEEDS names another (the benchmark uses that).
 *
 * The store holds what lists and indexes need; each issue parsed whole goes to a JSON file of its
 * own in `<cacheDir>/baokan-<digest>/issues/` (named in the issue record), which article pages and the
 * issue.json download read one issue at a time, and the names its articles' texts give to another
 * beside it, which the name index reads (see records.ts for why).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCorrectionFiles, formatProblem } from '../lib/editorial/corrections.ts';
import {
  accountPath,
  addShare,
  buildWorkDir,
  emptyAccount,
  issueShare,
  type Loss,
} from '../lib/edition/account.ts';
import { parseEdition, type PartStore } from '../lib/edition/load-folder.ts';
import { codeFingerprint, diskParseCache } from '../lib/edition/parse-cache.ts';
import { seedDigests } from '../lib/edition/seed-digests.ts';
import { InputError } from '../lib/parse/read.ts';
import type { Issue } from '../lib/model/issue.ts';
import { progress } from '../lib/util/progress.ts';
import { diskNamesCache } from '../lib/people/names-cache.ts';
import { namesById } from '../lib/people/article-names.ts';
import { namesThread } from './names-thread.ts';
import {
  diskKeptRecords,
  headOf,
  loaderFingerprint,
  type Collection,
  type KeptEntry,
  type KeptHead,
} from './kept-records.ts';
import { issueFileKey, issueFiles } from './issue-files.ts';
import {
  catalog,
  catalogPath,
  corrections,
  correctionsPath,
  gazetteer,
  gazetteerPath,
  seedsDir,
  taxonomy,
  topicsPath,
} from '../lib/editorial/inputs.ts';
import { articleRecords, issueNameParagraphs, issueRecord, pageRecords } from './records.ts';

/** Parses waiting for their issue's other files, on disk (an archive's parses do not fit in memory). */
function diskParts(dir: string): PartStore {
  mkdirSync(dir, { recursive: true });
  const file = (k: number) => join(dir, `${k}.json`);
  return {
    put: (k, issue) => writeFileSync(file(k), JSON.stringify(issue)),
    take: (k) => {
      const issue = JSON.parse(readFileSync(file(k), 'utf8')) as Issue;
      rmSync(file(k));
      return issue;
    },
  };
}

type Kind = Collection;
const KINDS: readonly Kind[] = ['issues', 'pages', 'articles'];

/** A collection record as the loaders store it: its data read only when the store lacks it. */
interface StoredRecord {
  id: string;
  /** Astro's digest of its data */
  digest: string;
  data: () => Record<string, unknown>;
}
type Records = Record<Kind, StoredRecord[]>;

/** An entry's records of one collection. */
const recordsOf = (entry: KeptEntry, kind: Kind) => (kind === 'issues' ? [entry.issue] : entry[kind]);

/** The records of the three collections, made once per process (the three loaders share them). */
let cached: { key: string; records: Promise<Records>; stored: Set<Kind> } | null = null;

/**
 * A record whose strings are its own. A string cut from a longer one (a headline from the seed
 * text) can keep the whole longer string alive in V8; a record made afresh by JSON keeps only
 * what it holds, so the seed texts are not retained by the store.
 */
const own = <T>(r: T): T => JSON.parse(JSON.stringify(r)) as T;

/**
 * An input the build cannot go on without (an editorial file, the seed folder): one line a problem
 * and then `last`, with no stack trace (the message says file and line), and the build stops.
 * Exiting here (rather than throwing) keeps Astro from printing it three times, once per
 * collection, each with its stack. Any other error is left to the caller.
 */
function stopOnInputError(e: unknown, logger: LoaderContext['logger'], last: string): void {
  if (!(e instanceof InputError)) return;
  for (const line of e.message.split('\n')) logger.error(line);
  logger.error(last);
  process.exit(1);
}

/**
 * Parse the seeds one file at a time, group the files into issues, write each issue, parsed
 * whole, to the build cache (`<work dir>/issues/<issue id>.<key>.json`, read by the article
 * pages), keep only the collections' records, and log each file's warnings and each file that
 * could not be read by name. An issue unchanged since a kept build is kept whole
 * (kept-records.ts): its parses are not read and its records are the kept ones. The account of what was published and what not goes to
 * `<work dir>/account.json` for the baokan-account integration. The work dir is the build's
 * own folder in Astro's cache (src/lib/edition/account.ts, buildWorkDir). The names each issue's
 * text gives are found on a thread of their own (names-thread.ts) while the next issue is parsed.
 * Made once for the three loaders: each awaits the same records.
 */
function editionRecords(
  config: { cacheDir: URL; outDir: URL; root: URL },
  logger: LoaderContext['logger'],
  digestOf: (data: Record<string, unknown>) => string,
): Promise<Records> {
  const dir = join(buildWorkDir(config.cacheDir, config.outDir), 'issues');
  const key = `${seedsDir()}|${catalogPath()}|${correctionsPath()}|${dir}`;
  if (cached?.key !== key) {
    const records = readEdition(config, dir, logger, digestOf);
    // a build that failed is not remembered: the next one (the dev server's) reads the seeds again
    records.catch(() => {
      if (cached?.records === records) cached = null;
    });
    cached = { key, records, stored: new Set() };
  }
  return cached.records;
}

/** editionRecords' work, for the issues folder `dir`. */
async function readEdition(
  { cacheDir, outDir, root }: { cacheDir: URL; outDir: URL; root: URL },
  dir: string,
  logger: LoaderContext['logger'],
  digestOf: (data: Record<string, unknown>) => string,
): Promise<Records> {
  // Bad editorial files stop the build before the long parse, one line per problem.
  try {
    taxonomy();
    catalog();
    corrections();
    gazetteer();
  } catch (e) {
    stopOnInputError(e, logger, 'the build stops: fix the editorial file above');
    throw e;
  }
  // The folder is kept between builds: an issue kept whole (below) keeps its files there; the
  // files of issues this build does not publish are removed at the end.
  mkdirSync(dir, { recursive: true });
  const records: Records = { issues: [], pages: [], articles: [] };
  const account = emptyAccount(seedsDir());
  const tick = progress((m) => logger.info(m), 'parse', 'files');
  const onFile = (done: number, total: number) => {
    account.files = total;
    tick(done, total);
  };
  const parts = diskParts(join(dir, 'parts'));
  const code = codeFingerprint(fileURLToPath(root));
  // Files parsed by an earlier build with the same code, catalogue, hints and corrections are not parsed again.
  const parseCache = diskParseCache(join(fileURLToPath(cacheDir), 'baokan-parse'), code, catalog());
  // A seed unchanged since the last build (its size, times and inode) is not read for its parse key.
  const digests = seedDigests(join(fileURLToPath(cacheDir), 'baokan-seeds.json'));
  const gazetteerText = existsSync(gazetteerPath()) ? readFileSync(gazetteerPath(), 'utf8') : '';
  // Names found in an issue's text by an earlier build with the same code and gazetteer are not found again.
  const namesDir = join(fileURLToPath(cacheDir), 'baokan-names');
  const namesCache = diskNamesCache(namesDir, code, gazetteerText);
  const names = namesThread(fileURLToPath(new URL('src/loaders/names-worker.ts', root)), {
    cacheDir: namesDir,
    fingerprint: code,
    gazetteerText,
    gazetteerFile: gazetteerPath(),
  });
  // Issues whose files and everything else their records depend on are unchanged since a kept
  // build are kept whole: their parses are not read, their files not written again.
  const keptRecords = diskKeptRecords(
    join(fileURLToPath(cacheDir), 'baokan-records'),
    [
      code,
      loaderFingerprint(join(fileURLToPath(root), 'src', 'loaders')),
      existsSync(topicsPath()) ? readFileSync(topicsPath(), 'utf8') : '',
      gazetteerText,
      dir,
    ].join('\0'),
  );
  // An issue's files are named by what they are made from (issue-files.ts).
  const files = (id: string, keys: readonly string[] | undefined) =>
    issueFiles(dir, id, keys && issueFileKey(id, keys, gazetteerText));
  type Files = ReturnType<typeof files>;
  // A kept issue is read by its head only; its records' data when the store lacks one.
  const waiting = new Map<string, { key: string; head: KeptHead; files: Files }>();
  const keptIssue = (id: string, keys: readonly string[]) => {
    const key = keptRecords.key(id, keys);
    const made = files(id, keys);
    if (!existsSync(made.parsedFile) || !existsSync(made.namesFile)) return false;
    const head = keptRecords.head(key);
    if (head) waiting.set(id, { key, head, files: made });
    return head !== undefined;
  };
  const written = new Set<string>();
  const seedFiles: string[] = [];
  const add = ({ parsedFile, namesFile }: Files, head: KeptHead, entry: () => KeptEntry) => {
    for (const line of head.log) logger.warn(line);
    account.lost.push(...head.lost);
    for (const kind of KINDS)
      head.stored[kind].forEach(([rid, digest], k) =>
        records[kind].push({ id: rid, digest, data: () => recordsOf(entry(), kind)[k]!.data }),
      );
    addShare(account, head.share);
    seedFiles.push(...head.files);
    namesCache.keep(head.namesKey);
    written.add(parsedFile).add(namesFile);
  };
  const keptEntry = (id: string, key: string) => {
    let entry: KeptEntry | undefined;
    return () => {
      entry ??= keptRecords.get(key);
      if (!entry) throw new Error(`the kept records of issue ${id} (${key}) went missing during the build`);
      return entry;
    };
  };
  // the names thread is stopped if the loop below throws (finish waits for it otherwise)
  try {
    for (const r of parseEdition(seedsDir(), catalog(), {
      corrections: corrections(),
      onFile,
      parts,
      parseCache,
      seedDigests: digests,
      keptIssue,
    })) {
      if ('kept' in r) {
        const { key, head, files: made } = waiting.get(r.kept.id)!;
        add(made, head, keptEntry(r.kept.id, key));
        waiting.delete(r.kept.id);
        continue;
      }
      if (!('issue' in r)) {
        logger.error(`skipped ${r.message}`);
        account.lost.push(r);
        continue;
      }
      const { issue } = r;
      const first = issue.sources[0]!.file;
      const log: string[] = [];
      const lost: Loss[] = [];
      for (const w of issue.warnings) {
        log.push(`${w.file ?? first}${w.line ? ':' + w.line : ''}: ${w.message}`);
        if (w.code === 'correction-not-applied')
          lost.push({ file: w.file ?? first, message: `${w.file ?? first}:${w.line}: ${w.message}` });
      }
      const key = r.keys && keptRecords.key(issue.id, r.keys);
      const made = files(issue.id, r.keys);
      const { parsedFile, namesFile } = made;
      writeFileSync(parsedFile, JSON.stringify(issue));
      const paragraphs = issueNameParagraphs(issue);
      const namesKey = namesCache.keyOf(paragraphs);
      const ids = issue.articles.map((a) => a.id);
      const keptNames = namesCache.kept(namesKey, ids.length);
      // names kept by a build before are written here; others go to the names thread (names-thread.ts)
      if (keptNames) writeFileSync(namesFile, JSON.stringify(namesById(ids, keptNames)));
      else names.find({ file: namesFile, key: namesKey, ids, paragraphs });
      const entry: KeptEntry = {
        issue: own(issueRecord(r, parsedFile, namesFile)),
        pages: pageRecords(r).map(own),
        articles: articleRecords(r, taxonomy()).map(own),
        share: issueShare(issue),
        lost,
        log,
        namesKey,
      };
      const head = headOf(entry, digestOf);
      if (key) keptRecords.put(key, entry, head);
      add(made, head, () => entry);
    }
  } catch (e) {
    names.stop();
    // the seed folder itself (missing, not a folder, unreadable); a file's problem is in the account
    // instead, and anything else is a fault to be shown with its stack
    if (e instanceof InputError && e.file === seedsDir())
      stopOnInputError(e, logger, 'the build stops: nothing to publish without the seed folder');
    throw e;
  }
  // every names file is written before the issues' folder is swept and the names cache pruned
  const waitFrom = performance.now();
  const found = await names.finish();
  const waited = Math.round(performance.now() - waitFrom);
  rmSync(join(dir, 'parts'), { recursive: true, force: true });
  for (const f of readdirSync(dir))
    if (!written.has(join(dir, f))) rmSync(join(dir, f), { recursive: true, force: true });
  parseCache.prune();
  digests.save();
  namesCache.prune();
  keptRecords.prune();
  // A correction for a file that is not among the seeds is given and not used: say so.
  const seen = [...seedFiles, ...account.lost.map((l) => l.file)];
  for (const p of checkCorrectionFiles(corrections(), seen, correctionsPath())) {
    const message = formatProblem(correctionsPath(), p);
    logger.error(message);
    account.lost.push({ file: correctionsPath(), message });
  }
  writeFileSync(accountPath(cacheDir, outDir), JSON.stringify(account));
  const { reused, parsed } = parseCache.counts();
  const namesKept = namesCache.counts().reused;
  const whole = keptRecords.counts();
  const seeds = digests.counts();
  logger.info(
    `${account.issues} issues, ${account.articles} articles from ${seedsDir()} ` +
      `(${seeds.read} file(s) read, ${seeds.kept} unchanged; ${parsed} parsed, ${reused} parse(s) read ` +
      `from a kept build, ${whole.kept} issue(s) kept whole)`,
  );
  logger.info(
    `names found for ${found.found} issue(s) in ${found.ms} ms (${names.inline ? 'inline' : `on a thread of their own, ${found.helped} of them on the loader's while the thread was behind; waited for ${waited} ms after the last issue`}), ` +
      `${namesKept} kept from a build before`,
  );
  return records;
}

export function editionLoader(kind: Kind): Loader {
  return {
    name: `baokan-${kind}`,
    async load(ctx: LoaderContext) {
      const { store, parseData, generateDigest, logger, config } = ctx;
      const records = (await editionRecords(config, logger, generateDigest))[kind];
      // The store is kept between builds (Astro empties it when the collections' schemas change):
      // a record whose digest it holds already is left as it is, so a daily build checks and
      // stores only the new issue's records.
      const ids = new Set(records.map((r) => r.id));
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      const stored = progress((m) => logger.info(m), `store ${kind}`, 'records');
      let same = 0;
      for (const [k, { id, digest, data }] of records.entries()) {
        stored(k, records.length);
        if (store.get(id)?.digest === digest) {
          same++;
          continue;
        }
        store.set({ id, data: await parseData({ id, data: data() }), digest });
      }
      logger.info(`${kind}: ${records.length - same} record(s) stored, ${same} unchanged`);
      // Once all three collections hold their records, let them go, so that they are not kept
      // alive through page rendering.
      cached?.stored.add(kind);
      if (cached?.stored.size === 3) cached = null;
    },
  };
}
