/**
 * A paper's description for its page: content/papers/<id>.md (or papers.json's `description`,
 * src/lib/editorial/paper-descriptions.ts) rendered as a prose page's body is (src/lib/site/prose.ts).
 */
import { join } from 'node:path';
import { contentDir } from '../../lib/editorial/inputs.ts';
import { paperDescriptions } from '../../lib/editorial/paper-descriptions.ts';
import { loadCatalog } from '../../lib/editorial/papers.ts';
import { renderMarkdown } from '../../lib/site/prose.ts';

/** The description of paper `id` as HTML for the page at site path `here`, or null without one. */
export function paperDescription(id: string, here: string): string | null {
  // read for each paper page (a handful): the dev server shows an edited description at once
  const dir = contentDir();
  const d = paperDescriptions(dir, loadCatalog(join(dir, 'papers.json'))).get(id);
  return d ? renderMarkdown(d.markdown, d.file, here) : null;
}
