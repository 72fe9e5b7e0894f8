/**
 * The truth the search is measured against, written apart from the search's own matcher
 * (src/lib/search/exact.ts): an article contains a query when each of its space-separated terms
 * (quotes removed) occurs in one of the article's texts — a Chinese run as that exact string, a
 * term that begins or ends with a Latin letter or digit only where a word begins or ends.
 */
import type { SeedArticle } from './seed-articles.ts';

/** The terms of a query: quoted text whole, the rest split at spaces. */
export function truthTerms(q: string): string[] {
  const terms: string[] = [];
  for (const m of q.matchAll(/"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+)/gu)) {
    const t = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (t) terms.push(t);
  }
  return terms;
}

const ALNUM = '[0-9A-Za-z]';

function pattern(term: string): RegExp {
  const body = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pre = new RegExp(`^${ALNUM}`).test(term) ? `(?<!${ALNUM})` : '';
  const post = new RegExp(`${ALNUM}$`).test(term) ? `(?!${ALNUM})` : '';
  return new RegExp(pre + body + post, 'iu');
}

/** True when the texts contain every term of the query. */
export function contains(texts: readonly string[], q: string): boolean {
  const terms = truthTerms(q);
  return terms.length > 0 && terms.every((t) => texts.some((x) => pattern(t).test(x)));
}

/** The articles that contain the query, as their paths. */
export function containing(articles: readonly SeedArticle[], q: string): string[] {
  return articles.filter((a) => contains(a.texts, q)).map((a) => a.path);
}
