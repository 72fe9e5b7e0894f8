/**
 * Prose pages (About, how to cite, corrections) written as Markdown in `content/pages/<name>.md`
 * and read with remark: front matter (YAML: `title`, optional `description`), then Markdown →
 * mdast (remark-parse) → hast (remark-rehype; raw HTML is not allowed) → HTML (rehype-stringify).
 *
 * Additions to plain Markdown, all resolved here:
 * - `{{name}}` is replaced by a value the page gives (the edition's numbers); an unknown name is an
 *   error naming the file, so a typo never reaches readers.
 * - a paragraph that is only `{{> name}}` is the place of something the page generates (the 数据
 *   page's table of files): the page names its places, each must appear once, and an unknown one
 *   is an error naming the file.
 * - a link to `site:contents/` is a link to that site path, made relative to the page (the site
 *   opens from file:// and under any base path).
 * - a heading that ends with `{lang=en}` marks itself and what follows it, up to the next heading
 *   of its level or above, as written in that language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { relativeHref } from './urls.ts';

/** A stretch of a prose page: rendered Markdown, or the place of something the page generates. */
export type ProsePart = { html: string } | { place: string };

/** A prose page, ready for the layout. */
export interface ProsePage {
  /** the page's title (front matter `title`) */
  title: string;
  /** front matter `description` (meta description), when given */
  description: string | null;
  /** the body as HTML (without the places) */
  html: string;
  /** the body in order: HTML, and the places the page fills (`{{> name}}`) between */
  parts: ProsePart[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/u;

/** Front matter and body of a Markdown file; `file` names it in errors. */
function splitFrontMatter(
  text: string,
  file: string,
): { title: string; description: string | null; body: string } {
  const m = FRONT_MATTER.exec(text);
  if (!m) throw new Error(`${file}: no front matter (a "---" block with a title) at the top`);
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch (e) {
    throw new Error(`${file}: front matter is not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  const fields = (data ?? {}) as Record<string, unknown>;
  if (typeof fields.title !== 'string' || !fields.title.trim())
    throw new Error(`${file}: front matter needs a "title"`);
  if (fields.description !== undefined && typeof fields.description !== 'string')
    throw new Error(`${file}: front matter "description" must be text`);
  return {
    title: fields.title.trim(),
    description: fields.description ?? null,
    body: text.slice(m[0].length),
  };
}

/** `{{name}}` replaced by its value; an unknown name throws, naming the file. */
export function fillValues(
  text: string,
  values: Readonly<Record<string, string | number>>,
  file: string,
): string {
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/gu, (_, name: string) => {
    if (!(name in values))
      throw new Error(
        `${file}: unknown value {{${name}}} (known: ${Object.keys(values).join(', ') || 'none'})`,
      );
    return String(values[name]);
  });
}

/** rehype plugin: `site:<path>` links made relative to the page at `here`. */
function rehypeSiteLinks(here: string) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      if (typeof href !== 'string' || !href.startsWith('site:')) return;
      const [path, hash] = href.slice('site:'.length).split('#') as [string, string | undefined];
      node.properties.href = relativeHref(here, path, hash ? `#${hash}` : '');
    });
  };
}

const LANG_MARK = /\s*\{lang=([A-Za-z-]+)\}\s*$/u;
const HEADING = /^h([1-6])$/u;

/** rehype plugin: `## Title {lang=en}` sets `lang` on the heading and its section. */
function rehypeSectionLang() {
  return (tree: Root) => {
    let lang: string | null = null;
    let level = 0;
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const h = HEADING.exec(node.tagName);
      if (h && Number(h[1]) <= level) lang = null;
      const last = h ? node.children[node.children.length - 1] : undefined;
      const mark = last?.type === 'text' ? LANG_MARK.exec(last.value) : null;
      if (mark && last?.type === 'text') {
        last.value = last.value.slice(0, mark.index);
        lang = mark[1]!;
        level = Number(h![1]);
      }
      if (lang) node.properties.lang = lang;
    }
  };
}

const PLACE = /^\{\{>\s*([\w.-]+)\s*\}\}$/u;

/** The name of the place a top-level node marks (a paragraph that is only `{{> name}}`), else null. */
function placeOf(node: RootContent): string | null {
  if (node.type !== 'element' || node.tagName !== 'p' || node.children.length !== 1) return null;
  const only = node.children[0]!;
  return only.type === 'text' ? (PLACE.exec(only.value.trim())?.[1] ?? null) : null;
}

const markdown = (here: string) =>
  unified().use(remarkParse).use(remarkRehype).use(rehypeSiteLinks, here).use(rehypeSectionLang);
const toHtml = (tree: Root) => unified().use(rehypeStringify).stringify(tree);

/** Markdown (no front matter) as hast, values filled in, for the page at site path `here`. */
function markdownTree(
  body: string,
  file: string,
  here: string,
  values: Readonly<Record<string, string | number>>,
): Root {
  const processor = markdown(here);
  return processor.runSync(processor.parse(fillValues(body, values, file))) as Root;
}

/**
 * A piece of Markdown without front matter (a paper's description), rendered like a prose page's
 * body: `{{name}}` values and `site:` links resolved, no raw HTML.
 */
export function renderMarkdown(
  body: string,
  file: string,
  here: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return toHtml(markdownTree(body, file, here, values));
}

/**
 * A prose page from its Markdown text, for the page at site path `here`, with `{{name}}` values
 * and the names of the places the page fills (each must appear once as `{{> name}}`).
 */
export function renderProse(
  text: string,
  file: string,
  here: string,
  values: Readonly<Record<string, string | number>> = {},
  places: readonly string[] = [],
): ProsePage {
  const { title, description, body } = splitFrontMatter(text, file);
  const tree = markdownTree(body, file, here, values);
  // cut the body at the places the page fills
  const parts: ProsePart[] = [];
  let run: RootContent[] = [];
  const blank = (n: RootContent | undefined) => n?.type === 'text' && !n.value.trim();
  const flush = () => {
    // drop the line breaks left at the cut
    while (blank(run[0])) run.shift();
    while (blank(run[run.length - 1])) run.pop();
    if (run.length) parts.push({ html: toHtml({ type: 'root', children: run }) });
    run = [];
  };
  const seen = new Set<string>();
  for (const node of tree.children) {
    const place = placeOf(node);
    if (place === null) {
      run.push(node);
      continue;
    }
    if (!places.includes(place))
      throw new Error(`${file}: unknown place {{> ${place}}} (known: ${places.join(', ') || 'none'})`);
    if (seen.has(place)) throw new Error(`${file}: the place {{> ${place}}} is given twice`);
    seen.add(place);
    flush();
    parts.push({ place });
  }
  flush();
  const missing = places.filter((p) => !seen.has(p));
  if (missing.length)
    throw new Error(
      `${file}: ${missing.map((p) => `{{> ${p}}}`).join(', ')} missing: a paragraph of its own where the page puts what it generates`,
    );
  const html = parts.map((p) => ('html' in p ? p.html : '')).join('\n');
  return { title, description, html, parts };
}

/** The prose page `<dir>/pages/<name>.md` (dir: the editorial folder, content/). */
export function readProse(
  dir: string,
  name: string,
  here: string,
  values: Readonly<Record<string, string | number>> = {},
  places: readonly string[] = [],
): ProsePage {
  const file = join(dir, 'pages', `${name}.md`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file}: the prose page "${name}" is missing (content/pages/${name}.md)`);
  }
  return renderProse(text, file, here, values, places);
}
