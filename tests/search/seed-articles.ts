/**
 * The articles of seeds/*.txt as the search sees them: URL path (below the base, src/lib/site/urls.ts)
 * and the texts the article page shows in its indexed body.
 */
import { resolve } from 'node:path';
import { loadCatalog, loadEdition } from '../../src/lib/edition/load-folder.ts';
import { articleTexts } from '../../src/lib/search/fields.ts';
import { articlePath, issuePath, pagePath } from '../../src/lib/site/urls.ts';

export interface SeedArticle {
  path: string;
  title: string;
  texts: string[];
  /** kicker, headline and subtitle */
  heads: string[];
}

const root = resolve(import.meta.dirname, '../..');

export function seedArticles(): SeedArticle[] {
  const edition = loadEdition(resolve(root, 'seeds'), loadCatalog(resolve(root, 'content/papers.json')));
  const out: SeedArticle[] = [];
  for (const { issue } of edition.issues) {
    const date = issue.date.value;
    for (const a of issue.articles) {
      const page = issue.pages[a.page]!;
      out.push({
        path: articlePath(pagePath(issuePath(issue), page.number), a.id),
        title: a.title,
        texts: articleTexts({ ...a, paper: { id: issue.paper.id, name: issue.paper.name }, date }),
        heads: [a.kicker, a.headline, a.subtitle].filter((t): t is string => !!t),
      });
    }
  }
  return out;
}

export interface Query {
  q: string;
  type: 'person' | 'place' | 'org' | 'number' | 'latin' | 'phrase' | 'word2' | 'cross' | 'multi' | 'quoted';
  expect: string[];
  note: string;
}
