import { describe, expect, it } from 'vitest';
import {
  brotliQuality,
  compressible,
  headersFile,
  IMMUTABLE,
  isGzip,
  REVALIDATE,
  SHORT,
  worthKeeping,
} from './wire.ts';

const top = [
  { name: '_astro', dir: true },
  { name: 'archive', dir: true },
  { name: 'hengyang-daily', dir: true },
  { name: 'index.html', dir: false },
  { name: 'index.html.br', dir: false },
  { name: 'manifest.webmanifest', dir: false },
  { name: 'pagefind', dir: true },
  { name: 'reader.0123456789.js', dir: false },
  { name: 'reader.0123456789.js.br', dir: false },
  { name: 'site.abcdef0123.css', dir: false },
  { name: 'sw.js', dir: false },
  { name: 'robots.txt', dir: false },
  { name: '_headers', dir: false },
];

/** path → Cache-Control, from a _headers file */
function rules(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let path = '';
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) path = line;
    else {
      const m = /^\s+Cache-Control: (.*)$/.exec(line);
      expect(m, line).not.toBeNull();
      expect(out.has(path), `${path} twice`).toBe(false);
      out.set(path, m![1]!);
    }
  }
  return out;
}

/** How Netlify and Cloudflare Pages match a rule: `*` anything, `:name` one segment. */
function matches(rule: string, path: string): boolean {
  const re = rule
    .split('/')
    .map((seg) =>
      seg === '*' ? '.*' : seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${re}$`).test(path);
}

describe('_headers', () => {
  const file = headersFile('/', top);
  const r = rules(file);

  it('caches hashed names for a year and pages for ten minutes, each path by exactly one rule', () => {
    const expectations: [string, string][] = [
      ['/_astro/site.Bx12ab.js', IMMUTABLE],
      ['/pagefind/2020-11_2023-01/index/zh_6255982.pf_index', IMMUTABLE],
      ['/pagefind/2020-11_2023-01/fragment/zh_1f14e3c.pf_fragment', IMMUTABLE],
      ['/pagefind/2020-11_2023-01/filter/zh_1.pf_filter', IMMUTABLE],
      ['/pagefind/2020-11_2023-01/pagefind.js', SHORT],
      ['/pagefind/2020-11_2023-01/pagefind-entry.json', SHORT],
      ['/pagefind/shards.json', SHORT],
      ['/', SHORT],
      ['/index.html', SHORT],
      ['/archive/2021/03/', SHORT],
      ['/hengyang-daily/2021/03/06/1/a001/', SHORT],
      ['/site.abcdef0123.css', IMMUTABLE],
      ['/reader.0123456789.js', IMMUTABLE],
      ['/robots.txt', SHORT],
      ['/sw.js', REVALIDATE],
      ['/manifest.webmanifest', REVALIDATE],
    ];
    for (const [path, value] of expectations) {
      const hit = [...r].filter(([rule]) => matches(rule, path));
      expect(
        hit.map(([, v]) => v),
        path,
      ).toEqual([value]);
    }
    expect([...r.keys()].filter((k) => /_headers|\.(br|gz)$/.test(k))).toEqual([]);
  });

  it('carries the base path', () => {
    const under = rules(headersFile('/baokan/', top));
    expect([...under.keys()].every((k) => k.startsWith('/baokan/'))).toBe(true);
    expect(under.get('/baokan/_astro/*')).toBe(IMMUTABLE);
    expect(under.get('/baokan/site.abcdef0123.css')).toBe(IMMUTABLE);
    expect(under.get('/baokan/')).toBe(SHORT);
  });
});

describe('what is compressed', () => {
  it('takes text and Pagefind files, not images or what is compressed already', () => {
    for (const f of [
      'index.html',
      'site.css',
      'a.js',
      'issue.json',
      'sitemap-1.xml',
      'source.txt',
      'article.md',
      'favicon.svg',
    ])
      expect(compressible(f), f).toBe(true);
    for (const f of ['icon-192.png', 'index.html.br', 'index.html.gz', '_headers', 'data/2021.jsonl.gz'])
      expect(compressible(f), f).toBe(false);
    expect(compressible('pagefind/x/index/zh_1.pf_index')).toBe(true);
  });

  it('keeps a copy only when it is at least 10 % smaller', () => {
    expect(worthKeeping(1000, 900)).toBe(true);
    expect(worthKeeping(1000, 901)).toBe(false);
    expect(worthKeeping(0, 0)).toBe(false);
  });

  it('recognises gzip by its first bytes', () => {
    expect(isGzip(Uint8Array.from([0x1f, 0x8b, 8]))).toBe(true);
    expect(isGzip(new TextEncoder().encode('<!doctype html>'))).toBe(false);
  });

  it('spends the best brotli on the shell, a fast one on the bulk', () => {
    expect(brotliQuality('site.abcdef0123.css')).toBe(11);
    expect(brotliQuality('pagefind/shards.json')).toBe(11);
    expect(brotliQuality('hengyang-daily/2021/03/06/index.html')).toBe(7);
  });
});
