import { describe, expect, it } from 'vitest';
import {
  issueMonth,
  monthLists,
  newestIssuePages,
  searchRuntime,
  serviceWorker,
  shardList,
  shellFiles,
  shellVersion,
} from './offline.ts';
import type { Shard } from '../search/shards.ts';

const html = [
  'index.html',
  'search/index.html',
  'archive/2021/03/index.html',
  'archive/2021/index.html',
  'contents/2021-03/index.html',
  'date/2021-03-06/index.html',
  'date/2023-01-05/index.html',
  'hengyang-daily/2021/03/06/index.html',
  'hengyang-daily/2021/03/06/1/index.html',
  'hengyang-daily/2021/03/06/1/a001/index.html',
  'hengyang-daily/2021/03/06-2/1/a001/index.html',
  'hengyang-evening-news/2023/01/05/index.html',
  'hengyang-evening-news/2023/01/05/1/a001/index.html',
  'hengyang-daily/2023/01/04/index.html',
  'unknown/undated/x-1/index.html',
  'topics/2021/03/01/index.html',
];
const shards: Shard[] = [
  { id: '2022-01_2023-01', from: '2022-01', to: '2023-01', label: '', articles: 1, years: ['2023', '2022'] },
  { id: '2021-03_2021-03', from: '2021-03', to: '2021-03', label: '', articles: 2, years: ['2021'] },
];

describe('offline lists', () => {
  it('knows the month of issue, 版 and article pages only', () => {
    expect(issueMonth('hengyang-daily/2021/03/06/1/a001/index.html')).toBe('2021-03');
    expect(issueMonth('hengyang-daily/2021/03/06-2/index.html')).toBe('2021-03');
    expect(issueMonth('archive/2021/03/index.html')).toBeNull();
    expect(issueMonth('topics/2021/03/01/index.html')).toBeNull(); // a site folder, not a paper
    expect(issueMonth('unknown/undated/x-1/index.html')).toBeNull();
  });

  it('lists a month: its month, contents and day pages, every issue page, and its shard', () => {
    const lists = monthLists(html, shards);
    expect([...lists.keys()]).toEqual(['2021-03', '2023-01']);
    expect(lists.get('2021-03')).toEqual({
      schema: 'baokan/offline-month@1',
      month: '2021-03',
      pages: [
        'archive/2021/03/index.html',
        'contents/2021-03/index.html',
        'date/2021-03-06/index.html',
        'hengyang-daily/2021/03/06-2/1/a001/index.html',
        'hengyang-daily/2021/03/06/1/a001/index.html',
        'hengyang-daily/2021/03/06/1/index.html',
        'hengyang-daily/2021/03/06/index.html',
      ],
      shard: '2021-03_2021-03',
    });
    expect(lists.get('2023-01')!.shard).toBe('2022-01_2023-01');
  });

  it('lists a shard with shards.json, and its search code apart from its index', () => {
    const files = [
      'pagefind.js',
      'pagefind-entry.json',
      'wasm.unknown.pagefind',
      'index/zh_1.pf_index',
      'pagefind.js.br',
    ];
    expect(shardList('s', files.slice(0, 4)).files).toEqual([
      'pagefind/shards.json',
      'pagefind/s/index/zh_1.pf_index',
      'pagefind/s/pagefind-entry.json',
      'pagefind/s/pagefind.js',
      'pagefind/s/wasm.unknown.pagefind',
    ]);
    expect(searchRuntime('s', files)).toEqual([
      'pagefind/s/pagefind-entry.json',
      'pagefind/s/pagefind.js',
      'pagefind/s/wasm.unknown.pagefind',
    ]);
  });

  it('precaches the shell and the newest day’s issues', () => {
    expect(newestIssuePages(html)).toEqual([
      'hengyang-evening-news/2023/01/05/1/a001/index.html',
      'hengyang-evening-news/2023/01/05/index.html',
    ]);
    const shell = shellFiles(
      html,
      (p) => p !== 'icon-192.png',
      ['pagefind/s/pagefind.js'],
      ['index.html', 'reader.0123456789.js', 'site.abcdef0123.css', 'site.abcdef0123.css.br', 'robots.txt'],
    );
    expect(shell).toContain('index.html');
    expect(shell).toContain('search/index.html');
    expect(shell).toContain('site.abcdef0123.css');
    expect(shell).toContain('reader.0123456789.js');
    expect(shell).not.toContain('site.abcdef0123.css.br');
    expect(shell).not.toContain('robots.txt');
    expect(shell).toContain('pagefind/s/pagefind.js');
    expect(shell).toContain('hengyang-evening-news/2023/01/05/index.html');
    expect(shell).not.toContain('icon-192.png');
    expect(new Set(shell).size).toBe(shell.length);
  });
});

describe('the service worker', () => {
  it('is a script that parses, versioned by its shell’s contents', () => {
    const src = serviceWorker('abc', ['index.html']);
    expect(() => new Function(src)).not.toThrow();
    expect(src).toContain('const VERSION = "abc"');
    expect(src).toContain('const SHELL_FILES = ["index.html"]');
    const a = shellVersion([{ path: 'index.html', sha256: '1' }]);
    expect(shellVersion([{ path: 'index.html', sha256: '1' }])).toBe(a);
    expect(shellVersion([{ path: 'index.html', sha256: '2' }])).not.toBe(a);
  });

  it('takes files named by their content from its cache first: the stylesheet and reader script too', () => {
    const src = serviceWorker('abc', ['index.html']);
    const fn = /function hashed\(url\) \{[\s\S]*?\n\}/.exec(src)?.[0];
    expect(fn).toBeDefined();
    const hashed = new Function('ROOT', `${fn}; return hashed;`)(new URL('https://x.org/baokan/')) as (
      url: string,
    ) => boolean;
    expect(hashed('https://x.org/baokan/site.abcdef0123.css')).toBe(true);
    expect(hashed('https://x.org/baokan/reader.0123456789.js')).toBe(true);
    expect(hashed('https://x.org/baokan/_astro/x.Bx12ab.js')).toBe(true);
    expect(hashed('https://x.org/baokan/index.html')).toBe(false);
    expect(hashed('https://x.org/baokan/sw.js')).toBe(false);
    expect(hashed('https://x.org/baokan/hengyang-daily/site.abcdef0123.css')).toBe(false);
  });
});
