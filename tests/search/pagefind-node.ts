/**
 * Run Pagefind's own browser search code (pagefind.js + its WebAssembly) in Node against a built
 * bundle on disk: `fetch` is replaced by a reader over the bundle folder that counts bytes, and a
 * minimal `document` gives the page language (zh-Hans) the way the browser would.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, relative } from 'node:path';

export interface NodeSearchResult {
  url: string;
  title: string;
  excerpt: string;
  /** the page's indexed text */
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** Pagefind's score */
  score: number;
}

export interface NodePagefind {
  search(query: string, options?: { filters?: Record<string, string[]> }): Promise<NodeSearchResult[]>;
  /** bytes read through fetch so far */
  bytes(): number;
  /** files read through fetch so far, in order */
  files(): string[];
  resetCounters(): void;
}

interface PagefindModule {
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  options(o: Record<string, unknown>): Promise<void>;
  search(
    q: string,
    o?: Record<string, unknown>,
  ): Promise<{
    results: {
      score: number;
      data(): Promise<{
        url: string;
        excerpt: string;
        content: string;
        meta: Record<string, string>;
        filters: Record<string, string[]>;
      }>;
    }[];
  } | null>;
}

/** The bundles of a built site's search shards (pagefind/shards.json), newest first. */
export function shardBundles(pagefindRoot: string): string[] {
  const manifest = JSON.parse(readFileSync(join(pagefindRoot, 'shards.json'), 'utf8')) as {
    shards: { id: string }[];
  };
  return manifest.shards.map((s) => join(pagefindRoot, s.id) + '/');
}

/**
 * Pagefind over one bundle, or over the shards of a site (`shardBundles`): the first bundle is
 * loaded, the others merged into it (mergeIndex): the same set of results the search page finds
 * over those shards (it orders them itself).
 */
export async function loadPagefind(bundles: string | string[], lang = 'zh-Hans'): Promise<NodePagefind> {
  const [bundleDir, ...merged] = typeof bundles === 'string' ? [bundles] : bundles;
  if (!bundleDir) throw new Error('no search bundle to load');
  let bytes = 0;
  let files: string[] = [];
  const g = globalThis as unknown as Record<string, unknown>;
  g.fetch = async (input: unknown): Promise<Response> => {
    const u = new URL(String(input));
    const path = fileURLToPath(u);
    const buf = readFileSync(path);
    bytes += buf.length;
    files.push(relative(dirname(bundleDir), path));
    return new Response(buf, { status: 200 });
  };
  g.document ??= { currentScript: null, querySelector: () => ({ getAttribute: () => lang }) };
  const mod = (await import(pathToFileURL(join(bundleDir, 'pagefind.js')).href)) as PagefindModule;
  await mod.options({ excerptLength: 30, baseUrl: '/' });
  for (const m of merged) await mod.mergeIndex(pathToFileURL(m).href, { baseUrl: '/' });
  await mod.init();
  return {
    async search(query, options) {
      const r = await mod.search(query, options?.filters ? { filters: options.filters } : {});
      if (!r) return [];
      const data = await Promise.all(r.results.map((x) => x.data()));
      return data.map((d, i) => ({
        url: d.url,
        title: d.meta.title ?? '',
        excerpt: d.excerpt,
        content: d.content,
        meta: d.meta,
        filters: d.filters,
        score: r.results[i]!.score,
      }));
    },
    bytes: () => bytes,
    files: () => files,
    resetCounters() {
      bytes = 0;
      files = [];
    },
  };
}
