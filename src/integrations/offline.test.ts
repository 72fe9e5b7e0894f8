/**
 * The offline integration's files (offline.ts, writeOffline): the service worker, the month lists
 * and the search shards' lists are the same whether the site is walked or Astro's route outputs are
 * given (in the order Astro gives them, a path more than once), with the search bundles' files and
 * the top-level files found beside them.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOffline } from './offline.ts';

const root = mkdtempSync(join(tmpdir(), 'baokan-offline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The routes' outputs of a small site, in an order of routes, not of paths; two of them twice. */
const routes = [
  'paper/2021/02/01/1/a001/index.html',
  'paper/2021/02/01/index.html',
  'paper/2021/02/01/1/index.html',
  'paper/2021/01/31/index.html',
  'paper/2021/01/31/1/a001/index.html',
  'archive/2021/02/index.html',
  'archive/2021/01/index.html',
  'index.html',
  'search/index.html',
  '404.html',
  'index.html',
  'paper/2021/01/31/1/a001/index.html',
];
/** Files no route writes: the search bundles and top-level files of the integrations. */
const others = [
  'pagefind/shards.json',
  'pagefind/pagefind-highlight.js',
  'pagefind/2021-01_2021-02/pagefind-entry.json',
  'pagefind/2021-01_2021-02/pagefind.js',
  'pagefind/2021-01_2021-02/fragment/a.pf_fragment',
  'days.js',
  'site.0123456789.css',
];
const shards = {
  shards: [
    {
      id: '2021-01_2021-02',
      from: '2021-01',
      to: '2021-02',
      label: '2021年1月—2月',
      articles: 2,
      years: ['2021'],
    },
  ],
};

function site(name: string): string {
  const dir = join(root, name);
  for (const p of [...routes, ...others]) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), p === 'pagefind/shards.json' ? JSON.stringify(shards) : `<p>${p}</p>`);
  }
  return dir;
}

/** Every file below `dir` with its text, by path. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of readdirSync(dir, { recursive: true }) as string[])
    try {
      out[p] = readFileSync(join(dir, p), 'utf8');
    } catch {
      // a folder
    }
  return out;
}

describe('the offline lists and service worker', () => {
  it("are the same from Astro's route outputs as from a walk of the site", async () => {
    const walked = site('walked');
    const given = site('given');
    const a = await writeOffline(walked);
    const b = await writeOffline(given, routes);
    expect(b).toEqual(a);
    expect(a).toEqual({ shell: expect.any(Number), months: 2, shards: 1 });
    expect(files(given)).toEqual(files(walked));
    // what they hold: January's list names its issue's pages, the shard's list its files
    const january = JSON.parse(readFileSync(join(given, 'archive/2021/01/offline.json'), 'utf8')) as unknown;
    expect(JSON.stringify(january)).toContain('paper/2021/01/31/1/a001/index.html');
    expect(JSON.stringify(january)).not.toContain('paper/2021/02/01/');
    const sw = readFileSync(join(given, 'sw.js'), 'utf8');
    for (const p of ['index.html', 'search/index.html', 'site.0123456789.css', 'paper/2021/02/01/index.html'])
      expect(sw).toContain(p);
  });
});
