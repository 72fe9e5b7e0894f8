/**
 * Long lists' pages keep their keys from one build to the next (the rules:
 * src/lib/site/kept-list-keys.ts): the record is kept in the build's working folder, beside the
 * issues' files, one a list route, made under this build's site inputs and code.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkFolder } from './articles.ts';
import { digest, issueKeys } from './issue-keys.ts';
import type { Edition } from './site-graph.ts';
import { codeDigest } from '../lib/site/article-downloads.ts';
import { listKeys, parseKeptListKeys, type KeyedIssue, type ListKeys } from '../lib/site/kept-list-keys.ts';
import { buildMemo } from '../lib/util/build-memo.ts';

/**
 * What the three list routes' keys (and the name index's kept tally, name-tally.ts) are made under,
 * once a build: the site inputs and the code (the pages read package.json and content/ from the
 * project's folder, the build's working one), and each issue's date and digest.
 */
const keyedEdition = buildMemo(
  () => new WeakMap<Edition, { made: string; issues: Map<string, KeyedIssue> }>(),
);

export function madeUnder(edition: Edition): { made: string; issues: Map<string, KeyedIssue> } {
  const memo = keyedEdition();
  let under = memo.get(edition);
  if (!under) {
    const { site, issueData } = issueKeys();
    under = {
      made: digest(site, codeDigest(process.cwd())),
      issues: new Map(
        edition.issues.map((i) => [i.entry.id, { date: i.entry.data.date.value, digest: issueData(i) }]),
      ),
    };
    memo.set(edition, under);
  }
  return under;
}

/**
 * The keys the last build kept for the pages of the lists `name` (a file name's stem: `names`), read
 * now; `save` keeps this build's for the next one and says how many were kept. None are kept when
 * the edition has no working folder. `item` gives a list item's article id and date.
 */
export function keptListKeys<T>(
  edition: Edition,
  name: string,
  item: (x: T) => { id: string; date: string | null },
): { keys: ListKeys<T>; save(): void } {
  const folder = buildWorkFolder(edition.issues);
  const file = folder && join(folder, `${name}-page-keys.json`);
  const { made, issues } = madeUnder(edition);
  const last = file && existsSync(file) ? parseKeptListKeys(readFileSync(file, 'utf8')) : null;
  const keys = listKeys<T>(last, made, issues, item);
  return {
    keys,
    save() {
      if (file) writeFileSync(file, JSON.stringify(keys.record()));
      console.info(
        `${name} pages' keys: ${keys.counts.kept} numbered page(s) kept theirs from the last build, ` +
          `${keys.counts.made} keyed anew`,
      );
    },
  };
}
