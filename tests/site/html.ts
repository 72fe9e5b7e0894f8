/** Reading built HTML as hast trees (never with regular expressions). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(full);
      } else if (name.endsWith('.html')) out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

const cache = new Map<string, Root>();
export function tree(file: string): Root {
  let t = cache.get(file);
  if (!t) cache.set(file, (t = fromHtml(readFileSync(file, 'utf8'))));
  return t;
}

export function elements(node: Root | Element, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (n: Root | Element) => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (test(c)) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export function text(node: Element | Root): string {
  let s = '';
  for (const c of node.children) {
    if (c.type === 'text') s += c.value;
    else if (c.type === 'element') s += text(c);
  }
  return s;
}

export const ids = (t: Root) =>
  new Set(elements(t, (e) => typeof e.properties.id === 'string').map((e) => String(e.properties.id)));

/** An element's classes. */
export const classes = (e: Element): string[] => {
  const c = e.properties.className;
  return Array.isArray(c) ? c.map(String) : [];
};
/** Elements with a class, in document order. */
export const byClass = (t: Root | Element, name: string) => elements(t, (e) => classes(e).includes(name));
/** Elements with a tag name, in document order. */
export const byTag = (t: Root | Element, tag: string) => elements(t, (e) => e.tagName === tag);
/** An element's href ('' when none). */
export const hrefOf = (e: Element) => String(e.properties.href ?? '');
