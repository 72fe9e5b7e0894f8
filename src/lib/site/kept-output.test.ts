import { describe, expect, it } from 'vitest';
import {
  outputSettings,
  parseLedger,
  staleRoutes,
  sweep,
  vouchesFor,
  type OutputLedger,
} from './kept-output.ts';

const ledger: OutputLedger = {
  outDir: '/site/dist/',
  done: true,
  home: { size: 1200, mtimeMs: 1_700_000_000_123.4 },
  settings: 'BAOKAN_LIST_SIZE=2',
  routes: ['index.html', 'a/index.html'],
};

describe('the ledger of a kept output folder', () => {
  it('reads back what was written, and nothing from a broken or foreign file', () => {
    expect(parseLedger(JSON.stringify(ledger))).toEqual(ledger);
    expect(parseLedger(null)).toBeNull();
    expect(parseLedger('{')).toBeNull();
    expect(parseLedger('{"outDir":"/x"}')).toBeNull();
  });

  it('vouches for the folder only when the same finished build with the same settings wrote its home page', () => {
    const home = { size: 1200, mtimeMs: 1_700_000_000_123.4 };
    expect(vouchesFor(ledger, '/site/dist/', 'BAOKAN_LIST_SIZE=2', home)).toBe(true);
    expect(vouchesFor(null, '/site/dist/', 'BAOKAN_LIST_SIZE=2', home)).toBe(false);
    expect(vouchesFor({ ...ledger, done: false }, '/site/dist/', 'BAOKAN_LIST_SIZE=2', home)).toBe(false);
    expect(vouchesFor(ledger, '/other/dist/', 'BAOKAN_LIST_SIZE=2', home)).toBe(false);
    expect(vouchesFor(ledger, '/site/dist/', 'BAOKAN_LIST_SIZE=30', home)).toBe(false);
    // another build wrote the home page since: another time, or another size
    expect(
      vouchesFor(ledger, '/site/dist/', 'BAOKAN_LIST_SIZE=2', { ...home, mtimeMs: home.mtimeMs + 5 }),
    ).toBe(false);
    expect(vouchesFor(ledger, '/site/dist/', 'BAOKAN_LIST_SIZE=2', { ...home, size: 1201 })).toBe(false);
    expect(vouchesFor(ledger, '/site/dist/', 'BAOKAN_LIST_SIZE=2', null)).toBe(false);
  });

  it('takes as settings the BAOKAN_ variables but the inputs and folders, in a fixed order', () => {
    const env = {
      PATH: '/bin',
      BAOKAN_SEEDS: '/seeds',
      BAOKAN_CACHE_DIR: '/c',
      BAOKAN_BENCH_DIST: '/d',
      BAOKAN_CARDS: '0',
      BAOKAN_COMPRESS: '0',
    };
    expect(outputSettings(env)).toBe('BAOKAN_CARDS=0\nBAOKAN_COMPRESS=0');
    expect(outputSettings({ ...env, BAOKAN_SEEDS: '/other' })).toBe(outputSettings(env));
    expect(outputSettings({ ...env, BAOKAN_LOG_PAGES: '1' })).toBe(outputSettings(env)); // the log only
    // time and memory only: the heap's growth, the store's write-back, shards, files and pages at a
    // time, compression as pages are written, the names found on the loader's thread
    expect(
      outputSettings({
        ...env,
        BAOKAN_STORE_LAG: '100',
        BAOKAN_HEAP_GROWTH: '0',
        BAOKAN_SEARCH_JOBS: '1',
        BAOKAN_RENDER_CONCURRENCY: '1',
        BAOKAN_COMPRESS_EARLY: '0',
        BAOKAN_NAMES_INLINE: '1',
      }),
    ).toBe(outputSettings(env));
  });
});

describe('what a build on a kept folder removes', () => {
  it('removes the route outputs of the last build that this one did not write', () => {
    expect(
      staleRoutes(['a/index.html', 'b/index.html', 'b/x.md'], new Set(['a/index.html', 'c/index.html'])),
    ).toEqual(['b/index.html', 'b/x.md']);
  });

  it('sweeps files older than the build that no route wrote, and siblings that do not go with a staying file', () => {
    const start = 1000;
    const files = [
      { path: 'a/index.html', mtimeMs: 10 }, // a page Astro left in place: stays
      { path: 'a/index.html.br', mtimeMs: 20 }, // its sibling, not older than it: stays
      { path: 'a/index.html.gz', mtimeMs: 5 }, // older than its page: goes
      { path: 'cards/old.png', mtimeMs: 30 }, // written by an earlier build, no route: goes
      { path: 'cards/new.png', mtimeMs: 1500 }, // written by this build: stays
      { path: 'sitemap-2.xml', mtimeMs: 40 }, // goes
      { path: 'sitemap-2.xml.br', mtimeMs: 41 }, // its file goes: goes
      { path: 'gone.html.gz', mtimeMs: 1600 }, // its file is not there: a file of its own, new: stays
      { path: 'new/index.html', mtimeMs: 1200 }, // rendered by this build: stays
      { path: 'new/index.html.br', mtimeMs: 1300 }, // compressed by this build: stays
      { path: 'new/index.html.gz', mtimeMs: 900 }, // left from before the page was rendered again: goes
    ];
    expect(sweep(files, new Set(['a/index.html', 'new/index.html']), start).sort()).toEqual(
      ['a/index.html.gz', 'cards/old.png', 'new/index.html.gz', 'sitemap-2.xml', 'sitemap-2.xml.br'].sort(),
    );
  });
});
