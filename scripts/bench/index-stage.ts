/**
 * Benchmark stage: build the Pagefind index of a built site with the Pagefind Node API (the work
 * the search integration does at build end), in its own process so its time and memory show.
 *
 *   tsx scripts/bench/index-stage.ts <dist>                       one index → <dist>/pagefind/
 *   tsx scripts/bench/index-stage.ts <dist> name=glob [name=glob …]
 *        one index per shard, built one after another (the service is closed in between, so
 *        memory is that of the largest shard) → <dist>/pagefind/<name>/
 *
 * Prints a JSON line per shard and a last one with the totals.
 */
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';

const [distArg, ...shardArgs] = process.argv.slice(2);
if (!distArg) {
  process.stderr.write('usage: tsx scripts/bench/index-stage.ts <dist> [name=glob …]\n');
  process.exit(2);
}
const dist = resolve(distArg);
const shards = shardArgs.length
  ? shardArgs.map((a) => {
      const [name, glob] = a.split('=', 2);
      if (!name || !glob) throw new Error(`shard must be name=glob, got "${a}"`);
      return { name, glob, out: join(dist, 'pagefind', name) };
    })
  : [{ name: '', glob: undefined, out: join(dist, 'pagefind') }];

const t0 = performance.now();
let pages = 0;
for (const shard of shards) {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh', keepIndexUrl: true });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: dist, ...(shard.glob ? { glob: shard.glob } : {}) });
  if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: shard.out });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  pages += added.page_count;
  process.stdout.write(
    JSON.stringify({ shard: shard.name, pages: added.page_count, ms: performance.now() - started }) + '\n',
  );
}
process.stdout.write(JSON.stringify({ shards: shards.length, pages, ms: performance.now() - t0 }) + '\n');
