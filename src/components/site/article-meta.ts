/**
 * The article page's citation (Astro glue): the article and where it sits, read from the
 * edition, handed to src/lib/site/article-cite.ts, which makes the permalink, the citation record,
 * the `citation_*` / JSON-LD input and the <title> from them.
 */
import { fullArticle } from '../../data/articles.ts';
import type { ArticleNode } from '../../data/site-graph.ts';
import { articleCitation as citeArticle, type ArticleCitation } from '../../lib/site/article-cite.ts';
import { pageName } from '../../lib/site/page-nav.ts';
import { paperPath } from '../../lib/site/urls.ts';
import { siteBase, siteOrigin } from './site-config.ts';

export type { ArticleCitation } from '../../lib/site/article-cite.ts';

/** The citation record, metadata, permalink and title of an article, under the site's base path. */
export function articleCitation(node: ArticleNode, base = siteBase()): ArticleCitation {
  const a = fullArticle(node);
  const page = node.page.entry.data;
  const issueNumber = node.page.issue.entry.data.masthead?.issueNumber;
  return citeArticle(
    { ...a, opening: node.entry.data.opening },
    {
      page,
      pageLabel: pageName(page.label),
      issueNumber: issueNumber != null ? String(issueNumber) : null,
      articlePath: node.path,
      issuePath: node.page.issue.path,
      paperPath: paperPath(a.paper.id),
    },
    siteOrigin().origin,
    base,
  );
}
