/**
 * Atom feeds (RFC 4287): per paper, its latest issues with their front-page headlines
 * (`<paper>/feed.xml`); per topic, its latest articles (`topics/<slug>/feed.xml`). A tiny XML
 * builder (elements, attributes, escaped text) and the feed shape; the pages fill them in.
 *
 * Ids and links are absolute when the site's origin is configured. Without one, links are
 * relative to the feed (RFC 4287 resolves them against the feed's address) and ids are
 * `urn:uuid:` names made from the page's path, which stay the same from build to build.
 */
import { createHash } from 'node:crypto';
import { permalink } from './meta.ts';
import { relativeHref } from './urls.ts';

/** How many issues (paper feeds) or articles (topic feeds) a feed lists. */
export const FEED_LIMIT = 30;

export const paperFeedPath = (paperId: string) => `${paperId}/feed.xml`;
export const topicFeedPath = (slug: string) => `topics/${slug}/feed.xml`;

// ---------------------------------------------------------------------------------------------
// XML

export interface XmlElement {
  name: string;
  attrs?: Record<string, string | undefined>;
  children?: (XmlElement | string)[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// Characters XML 1.0 does not allow at all (C0 controls but tab, CR, LF; U+FFFE, U+FFFF).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu;

/** Text or an attribute value as XML: escaped, characters XML cannot hold left out. */
export function escapeXml(s: string): string {
  return s.replace(NOT_XML, '').replace(/[&<>"]/gu, (c) => ESCAPES[c]!);
}

export const x = (
  name: string,
  attrs: XmlElement['attrs'] = {},
  children: XmlElement['children'] = [],
): XmlElement => ({ name, attrs, children });

/** Serialise an element (two-space indent for element-only content). */
export function toXml(node: XmlElement, indent = ''): string {
  const attrs = Object.entries(node.attrs ?? {})
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const kids = node.children ?? [];
  if (!kids.length) return `${indent}<${node.name}${attrs}/>`;
  if (kids.every((k) => typeof k === 'string'))
    return `${indent}<${node.name}${attrs}>${kids.map((k) => escapeXml(k as string)).join('')}</${node.name}>`;
  const inner = kids
    .map((k) => (typeof k === 'string' ? `${indent}  ${escapeXml(k)}` : toXml(k, `${indent}  `)))
    .join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}

export const xmlDocument = (root: XmlElement) => `<?xml version="1.0" encoding="utf-8"?>\n${toXml(root)}\n`;

// ---------------------------------------------------------------------------------------------
// Atom

export interface Link {
  /** absolute URL, or a path relative to the feed */
  href: string;
  absolute: boolean;
}

export interface AtomEntry {
  /** the entry's page */
  link: Link;
  /** the page's site path (for the id when there is no origin) */
  path: string;
  title: string;
  /** ISO date (yyyy-mm-dd) of the issue */
  date: string;
  summary?: string | null;
  /** HTML content (escaped into the feed as type="html") */
  html?: string | null;
  authors?: string[];
  categories?: string[];
}

export interface AtomFeed {
  title: string;
  subtitle?: string;
  /** the page the feed belongs to */
  link: Link;
  path: string;
  /** the feed itself */
  self: Link;
  /** newest first; at most FEED_LIMIT are written */
  entries: AtomEntry[];
  /** the feed's author (each entry may have its own) */
  author: string;
}

/** A link from the file at site path `from` to site path `to`: absolute with an origin, else relative. */
export function linkFrom(origin: string | null, base: string, from: string, to: string): Link {
  const p = permalink(origin, base, to);
  return p.absolute ? p : { href: relativeHref(from, to), absolute: false };
}

/** A stable `urn:uuid:` for a site path (name-based, SHA-1, as a version 5 UUID). */
export function pathUuid(path: string): string {
  const h = createHash('sha1').update(`baokan:${path}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const idOf = (link: Link, path: string) => (link.absolute ? link.href : pathUuid(path));

/** An issue's date as an Atom date: the day's start in China (UTC+8). */
export const atomDate = (iso: string) => `${iso}T00:00:00+08:00`;

export function atomFeed(feed: AtomFeed): string {
  const entries = feed.entries.slice(0, FEED_LIMIT);
  const updated = entries.reduce((max, e) => (e.date > max ? e.date : max), '1970-01-01');
  const root = x('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'zh-Hans' }, [
    x('id', {}, [idOf(feed.link, feed.path)]),
    x('title', {}, [feed.title]),
    ...(feed.subtitle ? [x('subtitle', {}, [feed.subtitle])] : []),
    x('updated', {}, [atomDate(updated)]),
    x('link', { rel: 'alternate', type: 'text/html', href: feed.link.href }),
    x('link', { rel: 'self', type: 'application/atom+xml', href: feed.self.href }),
    x('author', {}, [x('name', {}, [feed.author])]),
    x('generator', {}, ['baokan']),
    ...entries.map((e) =>
      x('entry', {}, [
        x('id', {}, [idOf(e.link, e.path)]),
        x('title', {}, [e.title]),
        x('link', { rel: 'alternate', type: 'text/html', href: e.link.href }),
        x('updated', {}, [atomDate(e.date)]),
        x('published', {}, [atomDate(e.date)]),
        ...(e.authors ?? []).map((a) => x('author', {}, [x('name', {}, [a])])),
        ...(e.categories ?? []).map((c) => x('category', { term: c })),
        ...(e.summary ? [x('summary', {}, [e.summary])] : []),
        ...(e.html ? [x('content', { type: 'html' }, [e.html])] : []),
      ]),
    ),
  ]);
  return xmlDocument(root);
}
