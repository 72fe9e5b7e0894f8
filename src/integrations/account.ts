/**
 * Astro integration: the build's account (src/lib/edition/account.ts). The edition loader writes what it
 * was given and what it published; at the end of the build this integration checks that every
 * issue, page and article it lists was written to the site, prints the account, and fails the
 * build (exit code 1) when anything given was not published — a file that could not be read or
 * parsed, a stray file in the seed folder, a correction that was not applied — unless
 * BAOKAN_ALLOW_SKIPPED=1 says to publish the rest anyway. A build that publishes nothing fails too.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  accountPath,
  lossAllowed,
  missingPages,
  summary,
  type BuildAccount,
} from '../lib/edition/account.ts';
import { hasPath, readPartition, type Partition } from '../lib/site/partition.ts';
import { pagesLeftInPlace } from './kept-log.ts';

/**
 * Whether the page at a site path (`a/b/`) is in the site: its `index.html` is there, or it is not
 * this build's to write (another part of a partitioned build). A page Astro left in place (site
 * paths of files, kept-log.ts) was there when Astro looked a moment ago, and is taken at its word:
 * at ten years those are 529,000 of the checks, some 2 s of a daily build.
 */
export function pageWritten(
  site: string,
  partition: Partition,
  inPlace: ReadonlySet<string>,
): (path: string) => boolean {
  return (p) => {
    if (!hasPath(partition, p)) return true;
    const file = `${p.endsWith('/') ? p : `${p}/`}index.html`;
    return inPlace.has(file) || existsSync(join(site, file));
  };
}

export default function accountIntegration(): AstroIntegration {
  let account = '';
  return {
    name: 'baokan-account',
    hooks: {
      'astro:config:done': ({ config }) => {
        // An account left by an earlier build must not stand in for this one's.
        account = accountPath(config.cacheDir, config.outDir);
        rmSync(account, { force: true });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!existsSync(account)) {
          logger.error('the edition loader left no account of this build: nothing was published');
          process.exit(1);
        }
        const data = JSON.parse(readFileSync(account, 'utf8')) as BuildAccount;
        const site = fileURLToPath(dir);
        // a partitioned build writes only its part's pages (src/lib/site/partition.ts)
        const partition = readPartition(process.env);
        const missing = missingPages(data, pageWritten(site, partition, pagesLeftInPlace() ?? new Set()));
        for (const line of summary(data)) logger.info(line);
        const failures: string[] = [];
        if (missing.length)
          failures.push(
            `${missing.length} page(s) of the edition were not written: ${missing.slice(0, 5).join(', ')}` +
              (missing.length > 5 ? ' …' : ''),
          );
        if (data.issues === 0) failures.push(`no issue was published from ${data.seeds}`);
        if (data.lost.length && !lossAllowed())
          failures.push(
            `${data.lost.length} thing(s) given were not published (listed above); ` +
              'fix them, or set BAOKAN_ALLOW_SKIPPED=1 to publish the rest anyway',
          );
        else if (data.lost.length) logger.warn('BAOKAN_ALLOW_SKIPPED is set: publishing without them');
        if (failures.length) {
          // One line each, no stack trace: the account above says what and where. Astro's own
          // output is complete by now (this integration runs last).
          for (const f of failures) logger.error(f);
          process.exit(1);
        }
      },
    },
  };
}
