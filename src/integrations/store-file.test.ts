import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import storeFile, { handOver, STORE_MODULE_ID, storeModule } from './store-file.ts';

/** The store module written to a file and imported, as the build imports it. */
async function importModule(code: string, dir: string): Promise<unknown> {
  const file = join(dir, `store-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

/**
 * The Vite plugin the integration adds for a command and storage, or undefined. The build is
 * then done: the store its set-up caught is let go before another test runs.
 */
async function pluginFor(command: string, cacheDir: URL, collectionStorage?: string) {
  const plugins: unknown[] = [];
  const hooks = (storeFile() as AstroIntegration).hooks;
  await hooks['astro:config:setup']!({
    command,
    config: { cacheDir, experimental: { collectionStorage } },
    updateConfig: (c: { vite: { plugins: unknown[] } }) => plugins.push(...c.vite.plugins),
  } as never);
  await (hooks['astro:build:done'] as () => unknown)();
  return plugins[0] as
    { load: { order: string; handler: (id: string) => { code: string; meta: unknown } | null } } | undefined;
}

describe('the content store read from its file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baokan-store-'));
  // a devalue array as Astro writes it, with text that JSON must escape
  const store = [['Map', 1, 2], 'articles', { title: '衡阳日报 “引号” \\ 反斜杠\n换行 𠮷𝄞' }];

  it('gives the value the file holds', async () => {
    const file = join(dir, 'data-store.json');
    writeFileSync(file, JSON.stringify(store));
    expect(await importModule(storeModule(file), dir)).toEqual(store);
  });

  it('gives an empty store when there is no file, as Astro does', async () => {
    const value = await importModule(storeModule(join(dir, 'none', 'data-store.json')), dir);
    expect(value).toBeInstanceOf(Map);
    expect((value as Map<unknown, unknown>).size).toBe(0);
  });

  it("loads Astro's store module first in a build, with its content-data mark", async () => {
    const cacheDir = pathToFileURL(`${dir}/`);
    const plugin = (await pluginFor('build', cacheDir))!;
    expect(plugin.load.order).toBe('pre');
    expect(plugin.load.handler('/src/pages/index.astro')).toBeNull();
    const loaded = plugin.load.handler(STORE_MODULE_ID)!;
    expect(loaded.code).toContain(JSON.stringify(join(dir, 'data-store.json')));
    // the same mark as Astro's own loader gives it (read from Astro's file: not an exported path)
    const astroMeta = (await import(
      pathToFileURL(resolve('node_modules/astro/dist/core/build/incremental-metadata.js')).href
    )) as { createContentDataIncrementalMetadata(): unknown };
    expect(loaded.meta).toEqual(astroMeta.createContentDataIncrementalMetadata());
  });

  it('leaves the dev server and chunked storage to Astro', async () => {
    const cacheDir = pathToFileURL(`${dir}/`);
    expect(await pluginFor('dev', cacheDir)).toBeUndefined();
    expect(await pluginFor('build', cacheDir, 'chunked')).toBeUndefined();
    expect(await pluginFor('build', cacheDir, 'single-file')).toBeDefined();
  });
});

describe('the store the build holds, handed to the store module', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baokan-store-hand-'));
  const file = join(dir, 'data-store.json');
  writeFileSync(file, JSON.stringify([['Map', 1, 2], 'on file', { from: 'the file' }]));

  it('is what the module gives for its file, each collection in the order of its ids; another file is read', async () => {
    const held = new Map([
      [
        'articles',
        new Map<string, unknown>([
          ['b', { n: 2 }],
          ['a', { n: 1 }],
          ['B', { n: 0 }],
        ]),
      ],
    ]);
    handOver(file, () => held);
    try {
      const value = (await importModule(storeModule(file), dir)) as typeof held;
      expect([...value.get('articles')!.keys()]).toEqual(['B', 'a', 'b']);
      expect(value.get('articles')!.get('a')).toBe(held.get('articles')!.get('a'));
      expect(await importModule(storeModule(join(dir, 'other.json')), dir)).toBeInstanceOf(Map);
    } finally {
      handOver(null, () => undefined);
    }
    expect(await importModule(storeModule(file), dir)).toEqual([
      ['Map', 1, 2],
      'on file',
      { from: 'the file' },
    ]);
  });

  it("is caught where Astro's content sync loads it, in a build, and let go when the build is done", async () => {
    const cacheDir = pathToFileURL(`${dir}/`);
    const hooks = (storeFile() as AstroIntegration).hooks;
    await hooks['astro:config:setup']!({
      command: 'build',
      config: { cacheDir, experimental: {} },
      updateConfig: () => undefined,
    } as never);
    const { MutableDataStore } = (await import(
      pathToFileURL(resolve('node_modules/astro/dist/content/mutable-data-store.js')).href
    )) as {
      MutableDataStore: { fromFile(f: URL): Promise<{ _collections: Map<string, Map<string, unknown>> }> };
    };
    // devalue's form of Map { articles → Map { x → { title: '衡阳' } } }, as Astro writes it
    writeFileSync(
      file,
      JSON.stringify([['Map', 1, 2], 'articles', ['Map', 3, 4], 'x', { title: 5 }, '衡阳']),
    );
    try {
      const store = await MutableDataStore.fromFile(new URL('data-store.json', cacheDir));
      const value = (await importModule(storeModule(file), dir)) as Map<string, Map<string, unknown>>;
      expect(value.get('articles')!.get('x')).toEqual({ title: '衡阳' });
      expect(value.get('articles')!.get('x')).toBe(store._collections.get('articles')!.get('x'));
    } finally {
      await (hooks['astro:build:done'] as () => unknown)();
    }
    // let go: the module reads the file again
    expect(Array.isArray(await importModule(storeModule(file), dir))).toBe(true);
  });

  it("puts the caught store's write-back off as BAOKAN_STORE_LAG says, and says so", async () => {
    const cacheDir = pathToFileURL(`${dir}/`);
    const hooks = (storeFile() as AstroIntegration).hooks;
    const said: string[] = [];
    const was = process.env.BAOKAN_STORE_LAG;
    process.env.BAOKAN_STORE_LAG = '60';
    try {
      await hooks['astro:config:setup']!({
        command: 'build',
        config: { cacheDir, experimental: {} },
        updateConfig: () => undefined,
        logger: { info: (m: string) => said.push(m) },
      } as never);
    } finally {
      if (was === undefined) delete process.env.BAOKAN_STORE_LAG;
      else process.env.BAOKAN_STORE_LAG = was;
    }
    const { MutableDataStore } = (await import(
      pathToFileURL(resolve('node_modules/astro/dist/content/mutable-data-store.js')).href
    )) as {
      MutableDataStore: {
        fromFile(f: URL): Promise<{
          set(c: string, k: string, v: unknown): void;
          waitUntilSaveComplete(): Promise<void>;
        }>;
      };
    };
    // two records on file; one more (1 of 3) is put off at 60 %; three more (4 of 6) are written
    writeFileSync(
      file,
      JSON.stringify([['Map', 1, 2], 'articles', ['Map', 3, 4, 5, 4], 'x', { title: 6 }, 'y', '衡阳']),
    );
    const before = readFileSync(file, 'utf8');
    try {
      const store = await MutableDataStore.fromFile(new URL('data-store.json', cacheDir));
      store.set('articles', 'z', { title: '雁城' });
      await store.waitUntilSaveComplete();
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect(said.at(-1)).toBe(
        'content store: 1 of 3 record(s) changed since it was read; write-back put off (BAOKAN_STORE_LAG 60 %)',
      );
      store.set('articles', 'w', { title: '雁城' });
      store.set('articles', 'v', { title: '雁城' });
      store.set('articles', 'u', { title: '雁城' });
      await store.waitUntilSaveComplete();
      expect(said.at(-1)).toBe('content store: 4 of 6 record(s) changed since it was read; written back');
      expect(readFileSync(file, 'utf8')).toContain('雁城');
    } finally {
      await (hooks['astro:build:done'] as () => unknown)();
    }
  });
});
