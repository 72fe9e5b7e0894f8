/**
 * Each paper's description for its page: Markdown in `content/papers/<id>.md`, or a short
 * `description` in content/papers.json (plain text is Markdown too) for catalogues that keep it
 * there. A paper has one or the other. What the folder may hold is checked like the seed folder:
 * hidden files and README* are ignored; anything else must be `<paper id>.md` of a catalogue paper,
 * else the build stops with one line per problem naming the file.
 */
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../parse/read.ts';
import type { Catalog } from './papers.ts';

/** Folder of the descriptions, inside the editorial folder (content/). */
export const DESCRIPTIONS_DIR = 'papers';

/** A paper's description: its Markdown and the file it came from (for messages). */
export interface PaperDescription {
  markdown: string;
  file: string;
}

/** The descriptions of the catalogue's papers, by paper id (papers without one are absent). */
export function paperDescriptions(
  contentDir: string,
  catalog: Pick<Catalog, 'papers'>,
): Map<string, PaperDescription> {
  const out = new Map<string, PaperDescription>();
  const catalogFile = join(contentDir, 'papers.json');
  const byId = new Map(catalog.papers.map((p) => [p.id, p]));
  for (const p of catalog.papers)
    if (p.description?.trim()) out.set(p.id, { markdown: p.description, file: catalogFile });

  const dir = join(contentDir, DESCRIPTIONS_DIR);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out; // no folder: descriptions only from papers.json, if any
  }
  const problems: string[] = [];
  const known = [...byId.keys()].join(', ');
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.') || /^README/i.test(e.name)) continue;
    const file = join(dir, e.name);
    const id = e.name.endsWith('.md') ? e.name.slice(0, -'.md'.length) : null;
    if (!e.isFile() || id === null) {
      problems.push(`${file}: not a paper description (name it <paper id>.md; papers: ${known})`);
      continue;
    }
    if (!byId.has(id)) {
      problems.push(`${file}: no paper "${id}" in ${catalogFile} (papers: ${known})`);
      continue;
    }
    if (out.has(id)) {
      problems.push(`${file}: paper "${id}" has a "description" in ${catalogFile} too: keep one`);
      continue;
    }
    const markdown = readFileSync(file, 'utf8');
    if (!markdown.trim()) {
      problems.push(`${file}: empty (write the description, or delete the file)`);
      continue;
    }
    out.set(id, { markdown, file });
  }
  if (problems.length) {
    const error = new InputError(dir, 'paper descriptions');
    error.message = problems.join('\n');
    throw error;
  }
  return out;
}
