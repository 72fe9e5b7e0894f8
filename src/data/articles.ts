/**
 * Articles whole, for their own pages and the issue.json download: read from the parsed issue the
 * loader wrote to the build cache (the content store holds only what lists need; see
 * src/loaders/records.ts). A few issues are kept, since pages are rendered issue by issue.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Issue } from '../lib/model/issue.ts';
import type { ArticleName } from '../lib/people/article-names.ts';
import { articleDetail, type ArticleDetail } from '../loaders/records.ts';
import type { ArticleNode, IssueNode } from './site-graph.ts';
import { recent } from './recent.ts';

/** The text of a parsed issue's file, as the loader wrote it. */
export function parsedIssueText(issue: IssueNode): string {
  return readParsed(issue.entry.data.parsedFile, issue.entry.id);
}

function readParsed(path: string, issueId: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(
      `issue ${issueId}: the parsed issue is missing from the build cache (${path}); build again`,
      {
        cause: e,
      },
    );
  }
}

const parsed = recent(4, (key: string): Issue => {
  const [path, issueId] = key.split('\0') as [string, string];
  return JSON.parse(readParsed(path, issueId)) as Issue;
});

/** The parsed issue (baokan/issue@2). */
export function parsedIssue(issue: IssueNode): Issue {
  return parsed(`${issue.entry.data.parsedFile}\0${issue.entry.id}`);
}

/** An article whole: text, byline, captions, tables, references, edits, with its issue's notes. */
export function fullArticle(node: ArticleNode): ArticleDetail {
  return articleDetail(parsedIssue(node.page.issue), node.entry.id);
}

/** The names an issue's articles' texts give, by article id, as the loader wrote them (records.ts, articleNamesById). */
export function issueNames(issue: IssueNode): Record<string, ArticleName[]> {
  return JSON.parse(readParsed(issue.entry.data.namesFile, issue.entry.id)) as Record<string, ArticleName[]>;
}

/**
 * The build's working folder in Astro's cache, where the loader wrote the parsed issues (their
 * `issues/` folder is inside it): pages keep what they compute between builds beside it. '' for an
 * empty edition.
 */
export function buildWorkFolder(issues: readonly IssueNode[]): string {
  const first = issues[0];
  return first ? dirname(dirname(first.entry.data.parsedFile)) : '';
}
