/**
 * Stress test of the search integration's per-shard indexing (indexShard, the code the build
 * runs): many small shards, one after another, Pagefind closed after each, as a build does. Every
 * bundle must be complete when indexShard returns: the entry file parses and counts the shard's
 * pages, and every compressed file (page list, fragments, index and filter chunks, wasm)
 * decompresses to its end.
 *
 * This once failed at random: Pagefind up to 1.5.2 answered writeFiles() before its writes had
 * landed, and close() killed the process at once, leaving pagefind-entry.json empty (about one
 * shard in 25); see indexShard.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexShard } from './pagefind.ts';

const CYCLES = 40;
const SHARDS = 3;
const PAGES = 5;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baokan-pagefind-stress-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A small article page as the site builds it (a search body, a title, some Chinese text). */
function page(shard: number, n: number): string {
  const text = '报纸 文章 检索 索引 '.repeat(20 + n);
  return (
    `<!doctype html><html lang="zh-Hans"><head><title>第${shard}组第${n}篇</title></head>` +
    `<body><main data-pagefind-body><h1>第${shard}组第${n}篇</h1><p>${text}${shard * 100 + n}</p>` +
    `</main></body></html>`
  );
}

/** Problems with a written bundle: an entry file that is not whole, a cut-short compressed file. */
async function problems(bundle: string, pages: number): Promise<string[]> {
  const out: string[] = [];
  const text = await readFile(join(bundle, 'pagefind-entry.json'), 'utf8');
  try {
    const entry = JSON.parse(text) as { languages: Record<string, { page_count: number }> };
    const count = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    if (count !== pages) out.push(`entry file lists ${count} pages, not ${pages}`);
  } catch (e) {
    out.push(`entry file (${text.length} bytes) does not parse: ${(e as Error).message}`);
  }
  const files = await readdir(bundle, { recursive: true, withFileTypes: true });
  for (const f of files.filter((f) => f.isFile() && /\.(pf_\w+|pagefind)$/.test(f.name))) {
    const bytes = await readFile(join(f.parentPath, f.name));
    try {
      gunzipSync(bytes);
    } catch (e) {
      out.push(`${f.name} (${bytes.length} bytes) does not decompress: ${(e as Error).message}`);
    }
  }
  return out;
}

describe('indexing shard after shard, Pagefind closed after each', () => {
  it(`writes ${CYCLES * SHARDS} complete bundles in a row`, { timeout: 180_000 }, async () => {
    const site = join(dir, 'site');
    const files: string[][] = [];
    for (let s = 0; s < SHARDS; s++) {
      files.push([]);
      await mkdir(join(site, `s${s}`), { recursive: true });
      for (let n = 0; n < PAGES; n++) {
        const file = join(site, `s${s}`, `a${n}.html`);
        await writeFile(file, page(s, n));
        files[s]!.push(file);
      }
    }
    const failures: string[] = [];
    for (let c = 0; c < CYCLES; c++) {
      for (let s = 0; s < SHARDS; s++) {
        const bundle = join(dir, `out-${c}`, `s${s}`);
        try {
          const { pages } = await indexShard(site, files[s]!, bundle, { language: 'zh' });
          if (pages !== PAGES) failures.push(`cycle ${c} shard ${s}: ${pages} pages, not ${PAGES}`);
          for (const p of await problems(bundle, PAGES)) failures.push(`cycle ${c} shard ${s}: ${p}`);
        } catch (e) {
          failures.push(`cycle ${c} shard ${s}: ${(e as Error).message}`);
        }
      }
      await rm(join(dir, `out-${c}`), { recursive: true, force: true });
    }
    expect(failures, `${failures.length} of ${CYCLES * SHARDS} shards failed`).toEqual([]);
  });
});
