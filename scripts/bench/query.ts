/**
 * First search query in headless Chromium: serve the built site over HTTP, load the Pagefind
 * bundle in a fresh browser (empty cache) as the search page does (a zh-Hans page, so the query is
 * split into words the same way; no worker, no excerpts: src/components/search/pagefind-shards.ts),
 * run one query and fetch the first results' data, and count the bytes the server sent for it and
 * the milliseconds it took in the page. The server answers as a host that serves the build's
 * pre-compressed siblings does (nginx `brotli_static`/`gzip_static`, Caddy `precompressed`):
 * `<file>.br` or `<file>.gz` when the browser accepts it and the sibling is there. Both figures are
 * kept: the bytes sent (over the wire) and the sizes of the files asked for. The search page itself
 * goes on to fetch the fragment of every candidate to check it; that is not counted here.
 */
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

/** Find the folder of the Pagefind bundle (the one holding pagefind.js), shallowest first. */
export function findBundle(dist: string): string | null {
  const queue = [dist];
  while (queue.length) {
    const d = queue.shift()!;
    if (existsSync(join(d, 'pagefind.js')) && existsSync(join(d, 'pagefind-entry.json'))) return d;
    let entries: string[] = [];
    try {
      entries = readdirSync(d);
    } catch {
      continue;
    }
    // Only descend into likely places; article folders are many and never hold the bundle.
    for (const e of entries) {
      const p = join(d, e);
      if (/pagefind|search|^_/.test(e) && statSync(p).isDirectory()) queue.push(p);
    }
  }
  return null;
}

/** One file served: its site path, the bytes sent, the file's own size, and the encoding used. */
export interface Served {
  path: string;
  bytes: number;
  fileBytes: number;
  encoding: 'br' | 'gzip' | null;
}

/**
 * The sibling to send for `file` to a browser whose Accept-Encoding is `accept`: `.br` before
 * `.gz`, each only when accepted and present; null for the file itself.
 */
export function siblingFor(file: string, accept: string): { path: string; encoding: 'br' | 'gzip' } | null {
  const accepted = new Set(accept.split(',').map((e) => e.split(';')[0]!.trim().toLowerCase()));
  if (accepted.has('br') && existsSync(`${file}.br`)) return { path: `${file}.br`, encoding: 'br' };
  if (accepted.has('gzip') && existsSync(`${file}.gz`)) return { path: `${file}.gz`, encoding: 'gzip' };
  return null;
}

/** A static file server over `root` serving pre-compressed siblings, counting the bytes it sends. */
export function serve(root: string): Promise<{
  server: Server;
  url: string;
  sent: () => number;
  files: () => Served[];
  reset: () => void;
}> {
  let sent = 0;
  let files: Served[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/__blank__') {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html lang="zh-Hans"><title>blank</title></html>');
      return;
    }
    let file = normalize(join(root, path));
    if (relative(root, file).startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    if (file.endsWith(sep) || (existsSync(file) && statSync(file).isDirectory()))
      file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const fileBytes = statSync(file).size;
    const sibling = siblingFor(file, String(req.headers['accept-encoding'] ?? ''));
    const size = sibling ? statSync(sibling.path).size : fileBytes;
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-store',
      ...(sibling ? { 'content-encoding': sibling.encoding, vary: 'accept-encoding' } : {}),
    });
    sent += size;
    files.push({ path, bytes: size, fileBytes, encoding: sibling?.encoding ?? null });
    createReadStream(sibling?.path ?? file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://127.0.0.1:${port}`,
        sent: () => sent,
        files: () => files,
        reset: () => {
          sent = 0;
          files = [];
        },
      });
    });
  });
}

export interface QueryResult {
  query: string;
  /** results found */
  results: number;
  /** title of the first result */
  first: string | null;
  /**
   * bytes sent (over the wire: pre-compressed siblings where the browser accepts them) from the
   * moment the bundle was imported until the first results' data arrived
   */
  bytes: number;
  /** the sizes of the files asked for (what a host that compresses nothing would send) */
  fileBytes: number;
  /** requests made for it */
  requests: number;
  /** what was served */
  files: Served[];
  /** ms in the page: import + init + search + data of the first results */
  ms: number;
}

/** Run one query against the Pagefind bundle of `dist` in headless Chromium. */
export async function firstQuery(
  dist: string,
  query: string,
  opts: { bundle?: string; merge?: string[]; chromium?: string } = {},
): Promise<QueryResult> {
  const bundle = opts.bundle ?? findBundle(dist);
  if (!bundle) throw new Error(`no Pagefind bundle (pagefind.js) under ${dist}`);
  const url = (dir: string) => '/' + relative(dist, dir).split(sep).join('/') + '/';
  const bundleUrl = url(bundle);
  const merge = (opts.merge ?? []).map(url);
  const chromium = opts.chromium ?? '/usr/bin/chromium';
  const { chromium: pw } = await import('playwright-core');
  const srv = await serve(dist);
  // the server is closed whatever happens, a browser that does not start included (the bench would
  // otherwise wait on the open server after its report)
  let browser: Awaited<ReturnType<typeof pw.launch>> | null = null;
  try {
    browser = await pw.launch({
      executablePath: chromium,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const page = await browser.newPage();
    // A blank page of the same origin; only the search requests are counted.
    await page.goto(`${srv.url}/__blank__`);
    let requests = 0;
    page.on('request', () => requests++);
    srv.reset();
    const out = await page.evaluate(
      async ({ bundleUrl, merge, query }) => {
        const t0 = performance.now();
        const pf = await import(/* @vite-ignore */ `${bundleUrl}pagefind.js`);
        // As the search page loads it (src/components/search/pagefind-shards.ts): no worker, no excerpts.
        await pf.options({ basePath: bundleUrl, excerptLength: 0, noWorker: true });
        for (const m of merge) await pf.mergeIndex(m);
        await pf.init();
        const search = await pf.search(query);
        const top = await Promise.all(
          search.results
            .slice(0, 5)
            .map((r: { data: () => Promise<{ meta?: { title?: string } }> }) => r.data()),
        );
        return {
          results: search.results.length,
          first: top[0]?.meta?.title ?? null,
          ms: performance.now() - t0,
        };
      },
      { bundleUrl, merge, query },
    );
    const files = srv.files();
    const fileBytes = files.reduce((n, f) => n + f.fileBytes, 0);
    return { query, ...out, bytes: srv.sent(), fileBytes, requests, files };
  } finally {
    await browser?.close();
    srv.server.close();
  }
}
