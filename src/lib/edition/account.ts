/**
 * The build's account: what it was given, what it published, and what it could not publish. The
 * loader fills it while it reads the seeds; the `baokan-account` integration checks it against
 * the built site, prints it, and fails the build when anything given was not published (unless
 * BAOKAN_ALLOW_SKIPPED=1), so that CI catches loss.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleSlug, issuePath, pagePath } from '../site/urls.ts';
import type { Issue } from '../model/issue.ts';

export const ACCOUNT_SCHEMA = 'baokan/build-account@1';

const pathOf = (p: URL | string) => (typeof p === 'string' ? p : fileURLToPath(p));

/**
 * The build's working folder in Astro's cache: `<cacheDir>/baokan-<digest of the output folder>/`,
 * so that two builds into different folders (the tests build twice, side by side) never share
 * their parsed issues.
 */
export function buildWorkDir(cacheDir: URL | string, outDir: URL | string): string {
  const digest = createHash('sha256').update(pathOf(outDir)).digest('hex').slice(0, 12);
  return join(pathOf(cacheDir), `baokan-${digest}`);
}

/** Where the loader writes the build's account: `account.json` in the build's working folder. */
export const accountPath = (cacheDir: URL | string, outDir: URL | string): string =>
  join(buildWorkDir(cacheDir, outDir), 'account.json');

/** Something given to the build that it could not publish or use, in one line naming the file. */
export interface Loss {
  /** the file (seed, hints or editorial file) */
  file: string;
  /** one line, starting with the file name (and line, where it helps) */
  message: string;
}

export interface BuildAccount {
  schema: typeof ACCOUNT_SCHEMA;
  /** the seed folder */
  seeds: string;
  /** seed files found (`.txt`) */
  files: number;
  /** seed files parsed into an issue */
  parsed: number;
  issues: number;
  pages: number;
  articles: number;
  /** what was given and not published: unreadable or unparsable files, stray files, unused corrections */
  lost: Loss[];
  /** warnings of the published issues, by code */
  warnings: Record<string, number>;
  /** every issue's folder with its pages' folders and their articles' (for the check of the built site) */
  published: { issue: string; pages: { path: string; articles: string[] }[] }[];
}

export function emptyAccount(seeds: string): BuildAccount {
  return {
    schema: ACCOUNT_SCHEMA,
    seeds,
    files: 0,
    parsed: 0,
    issues: 0,
    pages: 0,
    articles: 0,
    lost: [],
    warnings: {},
    published: [],
  };
}

/** An issue's share of the account (kept with the issue's records between builds). */
export interface IssueShare {
  /** its files */
  parsed: number;
  pages: number;
  articles: number;
  /** its warnings' codes */
  warnings: string[];
  published: BuildAccount['published'][number];
}

/** What a published issue adds to the account. */
export function issueShare(issue: Issue): IssueShare {
  const path = issuePath(issue);
  return {
    parsed: issue.sources.length,
    pages: issue.pages.length,
    articles: issue.articles.length,
    warnings: issue.warnings.map((w) => w.code),
    published: {
      issue: path,
      pages: issue.pages.map((p, k) => ({
        path: pagePath(path, p.slug),
        articles: issue.articles.filter((a) => a.page === k).map((a) => articleSlug(a.id)),
      })),
    },
  };
}

/** Add an issue's share to the account. */
export function addShare(account: BuildAccount, share: IssueShare): void {
  account.issues++;
  account.parsed += share.parsed;
  account.pages += share.pages;
  account.articles += share.articles;
  for (const code of share.warnings) account.warnings[code] = (account.warnings[code] ?? 0) + 1;
  account.published.push(share.published);
}

/** Built pages the account lists that are missing from the site, given a test of existence. */
export function missingPages(account: BuildAccount, exists: (path: string) => boolean): string[] {
  const missing: string[] = [];
  for (const i of account.published) {
    if (!exists(i.issue)) missing.push(i.issue);
    for (const p of i.pages) {
      if (!exists(p.path)) missing.push(p.path);
      for (const a of p.articles) if (!exists(`${p.path}${a}/`)) missing.push(`${p.path}${a}/`);
    }
  }
  return missing;
}

/** The account in a few lines for the build log. */
export function summary(account: BuildAccount): string[] {
  const warned = Object.entries(account.warnings)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, n]) => `${code} ${n}`);
  return [
    `${account.files} seed file(s) in ${account.seeds}: ${account.parsed} parsed into ` +
      `${account.issues} issue(s), ${account.pages} page(s), ${account.articles} article(s) published`,
    `warnings: ${warned.length ? warned.join(', ') : 'none'}`,
    ...(account.lost.length
      ? [
          `${account.lost.length} thing(s) given were not published:`,
          ...account.lost.map((l) => `  ${l.message}`),
        ]
      : ['nothing given was left out']),
  ];
}

/** Whether losses may pass: BAOKAN_ALLOW_SKIPPED=1 (or true/yes) says the builder accepts them. */
export function lossAllowed(env: string | undefined = process.env.BAOKAN_ALLOW_SKIPPED): boolean {
  return /^(1|true|yes)$/i.test(env ?? '');
}
