/**
 * The search shards on a server: pagefind/shards.json, and each shard's Pagefind search code
 * (`pagefind/<id>/pagefind.js`, a module of its own with its index below it), loaded once, when a
 * search first needs the shard, or when the reader starts typing (warm): never while the page
 * loads, since compiling Pagefind's WebAssembly and reading its entry file holds the page's thread.
 */
import { mergeAnswers, type Proposed } from '../../lib/search/results.ts';
import { SHARDS_FILE, type Shard, type ShardManifest } from '../../lib/search/shards.ts';

/** The parts of Pagefind's browser API used here. */
interface Pagefind {
  options(o: { excerptLength: number; noWorker: boolean }): Promise<void>;
  init(): Promise<void>;
  search(q: string, o: { filters: Record<string, string[]> }): Promise<{ results: Proposed[] } | null>;
}

/** The shards below `root` (the pagefind/ folder as the page reaches it); throws when it cannot be read. */
export async function readShards(root: string): Promise<Shard[]> {
  const r = await fetch(root + SHARDS_FILE);
  if (!r.ok) throw new Error(String(r.status));
  const manifest = (await r.json()) as Partial<ShardManifest>;
  return manifest.shards ?? [];
}

/** The shard's search code could not be loaded (the pagefind folder is missing or incomplete). */
export class EngineMissing extends Error {}

/** Loads each shard's search code once, and searches shards. */
export class PagefindShards {
  private readonly engines = new Map<string, Promise<Pagefind>>();

  constructor(private readonly root: string) {}

  /** The shard's search code, loaded once. */
  engine(s: Shard): Promise<Pagefind> {
    let e = this.engines.get(s.id);
    if (!e) {
      e = this.load(new URL(`${this.root}${s.id}/pagefind.js`, location.href).href);
      this.engines.set(s.id, e);
    }
    return e;
  }

  /** Start loading the shard's search code ahead of the first search; failures wait for the search. */
  warm(s: Shard): void {
    this.engine(s).catch(() => undefined);
  }

  private async load(url: string): Promise<Pagefind> {
    let pf: Pagefind;
    try {
      pf = (await import(url)) as Pagefind;
    } catch (e) {
      throw new EngineMissing(e instanceof Error ? e.message : String(e));
    }
    // No worker (one file less to load: the search of one shard is quick on the page's thread);
    // no filter lists up front (the counts are made from the checked results).
    await pf.options({ excerptLength: 0, noWorker: true });
    await pf.init();
    return pf;
  }

  /** Every shard's candidates for the query, with the chosen filters, in one list. */
  async search(
    shards: readonly Shard[],
    query: string,
    filters: Record<string, string[]>,
  ): Promise<Proposed[]> {
    const answers = await Promise.all(
      shards.map(async (s) => (await (await this.engine(s)).search(query, { filters }))?.results),
    );
    return mergeAnswers(answers);
  }
}
