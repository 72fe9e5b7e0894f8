import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml, linkFrom, pathUuid, toXml, x, type AtomEntry } from './feeds.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const entry = (n: number, date: string): AtomEntry => ({
  link: linkFrom('https://news.example', '/', 'p/feed.xml', `p/${date.replace(/-/gu, '/')}/`),
  path: `p/${date}/`,
  title: `第${n}期 <&>`,
  date,
  summary: '头版：甲；乙',
  html: '<ul><li>甲</li></ul>',
});

describe('xml builder', () => {
  it('escapes text and attributes and drops characters XML cannot hold', () => {
    expect(escapeXml('a<b>&"c"\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(toXml(x('a', { href: '?x=1&y="2"' }, ['<i>']))).toBe(
      '<a href="?x=1&amp;y=&quot;2&quot;">&lt;i&gt;</a>',
    );
    expect(toXml(x('e'))).toBe('<e/>');
  });

  it('makes stable version-5 UUIDs from paths', () => {
    expect(pathUuid('a/')).toBe(pathUuid('a/'));
    expect(pathUuid('a/')).not.toBe(pathUuid('b/'));
    expect(pathUuid('a/')).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u,
    );
  });
});

describe('atomFeed', () => {
  const feed = (origin: string | null, entries: AtomEntry[]) =>
    atomFeed({
      title: '衡阳日报',
      link: linkFrom(origin, '/baokan/', 'p/feed.xml', 'p/'),
      path: 'p/',
      self: linkFrom(origin, '/baokan/', 'p/feed.xml', 'p/feed.xml'),
      author: '衡阳日报',
      entries,
    });

  it('has the required Atom elements, absolute ids and links with an origin', () => {
    const xml = feed('https://news.example', [entry(2, '2021-03-06'), entry(1, '2021-03-05')]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const f = parser.parse(xml).feed;
    expect(f['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(f.id).toBe('https://news.example/baokan/p/');
    expect(f.title).toBe('衡阳日报');
    expect(f.updated).toBe('2021-03-06T00:00:00+08:00');
    expect(f.author.name).toBe('衡阳日报');
    expect(f.link.map((l: Record<string, string>) => l['@rel'])).toEqual(['alternate', 'self']);
    expect(f.link[1]['@href']).toBe('https://news.example/baokan/p/feed.xml');
    expect(f.entry).toHaveLength(2);
    expect(f.entry[0].title).toBe('第2期 <&>');
    expect(f.entry[0].id).toMatch(/^https:\/\/news\.example\/p\/2021\/03\/06\/$/u);
    expect(f.entry[0].link['@href']).toBe(f.entry[0].id);
    expect(f.entry[0].updated).toBe('2021-03-06T00:00:00+08:00');
    expect(f.entry[0].content['#text']).toBe('<ul><li>甲</li></ul>');
  });

  it('uses urn:uuid ids and relative links without an origin, and lists at most 30 entries', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      entry(i, `2021-01-${String((i % 28) + 1).padStart(2, '0')}`),
    ).map((e) => ({ ...e, link: linkFrom(null, '/', 'p/feed.xml', e.path) }));
    const f = parser.parse(feed(null, many)).feed;
    expect(f.id).toMatch(/^urn:uuid:/u);
    expect(f.link[0]['@href']).toBe('index.html');
    expect(f.entry).toHaveLength(30);
    expect(f.entry[0].link['@href']).toBe('2021-01-01/index.html');
  });
});
