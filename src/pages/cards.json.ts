/**
 * The share cards to draw: one spec per issue, page (版) and article (src/lib/site/cards.ts), as JSON.
 * An internal file: the cards integration (src/integrations/cards.ts) reads it at the end of the
 * build, draws `<page>card.png` for each and removes it from the site.
 */
import type { APIRoute } from 'astro';
import { getEdition } from '../data/site-graph.ts';
import { hasIssue, readPartition } from '../lib/site/partition.ts';
import { dateZh, paperLabel } from '../lib/site/labels.ts';
import { pageName } from '../lib/site/page-nav.ts';
import { cardsEnabled, type CardSpec } from '../lib/site/cards.ts';

const join = (titles: string[]) => titles.filter(Boolean).join('；') || null;

export const GET: APIRoute = async () => {
  const specs: CardSpec[] = [];
  // no cards (BAOKAN_CARDS=0), no list to make: at ten years a list of 238,000 took some 4 s a build
  if (!cardsEnabled(process.env)) return cardList(specs);
  const edition = await getEdition();
  // a partitioned build draws its part's cards only (src/lib/site/partition.ts)
  const partition = readPartition(process.env);
  for (const issue of edition.issues) {
    if (!hasIssue(partition, issue.entry.data.date.value)) continue;
    const paper = paperLabel(issue.entry.data.paper.name);
    const date = dateZh(issue.entry.data.date.value);
    const front = issue.pages[0];
    specs.push({
      path: issue.path,
      kind: 'issue',
      title: `${paper} ${date}`,
      kicker: null,
      subtitle: front ? join(front.articles.slice(0, 3).map((a) => a.entry.data.title)) : null,
      paper,
      date,
      page: null,
    });
    for (const page of issue.pages) {
      const label = [pageName(page.entry.data.label), page.entry.data.header].filter(Boolean).join(' ');
      specs.push({
        path: page.path,
        kind: 'page',
        title: label,
        kicker: null,
        subtitle: join(page.articles.slice(0, 3).map((a) => a.entry.data.title)),
        paper,
        date,
        page: `${page.articles.length}篇`,
      });
      for (const a of page.articles) {
        specs.push({
          path: a.path,
          kind: 'article',
          title: a.entry.data.title,
          kicker: a.entry.data.kicker,
          subtitle: a.entry.data.subtitle,
          paper,
          date,
          page: label,
        });
      }
    }
  }
  return cardList(specs);
};

const cardList = (specs: CardSpec[]) =>
  new Response(JSON.stringify(specs), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
