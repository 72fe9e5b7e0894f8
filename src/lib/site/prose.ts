/**
 * Prose pages (About, how to cite, corrections) written as Markdown in `content/pages/<name>.md`
 * and read with remark: front matter (YAML: `title`, optional `description`), then Markdown →
 * mdast (remark-parse) → hast (remark-rehype; raw HTML is not allowed) → HTML (rehype-stringify).
 *
 * Two additions to plain Markdown, both resolved here:
 * - `{{name}}` is replaced by a value the page gives (the edition's numbers); an unknown name is an
 *   error naming the file, so a typo never reaches readers.
 * - a link to `site:contents/` is a link to that site path, made relative to the page (the site
 *   opens from file:// and under any base path).
 * - a heading that ends with `{lang=en}` marks itself and what follows it, up to the next heading
 *   of its level or above, as written in that language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { relativeHref } from './urls.ts';

/** A prose page, ready for the layout. */
export interface ProsePage {
  /** the page's title (front matter `title`) */
  title: string;
  /** front matter `description` (meta description), when given */
  description: string | null;
  /** the body as HTML */
  html: string;
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

/** A prose page from its Markdown text, for the page at site path `here`. */
export function renderProse(
  text: string,
  file: string,
  here: string,
  values: Readonly<Record<string, string | number>> = {},
): ProsePage {
  const { title, description, body } = splitFrontMatter(text, file);
  const html = unified()
    .use(remarkParse)
    .use(remarkRehype)
    .use(rehypeSiteLinks, here)
    .use(rehypeSectionLang)
    .use(rehypeStringify)
    .processSync(fillValues(body, values, file))
    .toString();
  return { title, description, html };
}

/** The prose page `<dir>/pages/<name>.md` (dir: the editorial folder, content/). */
export function readProse(
  dir: string,
  name: string,
  here: string,
  values: Readonly<Record<string, string | number>> = {},
): ProsePage {
  const file = join(dir, 'pages', `${name}.md`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file}: the prose page "${name}" is missing (content/pages/${name}.md)`);
  }
  return renderProse(text, file, here, values);
}
