/**
 * A static host for Lighthouse that serves the built site as a real host would: the cache rules
 * of the site's own `_headers` file (Netlify / Cloudflare Pages syntax: `/path/*`, `:placeholder`)
 * and the pre-compressed `.br` / `.gz` siblings when the browser accepts them.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
};

/** The rules of a `_headers` file: a path pattern and its headers. */
export function parseHeadersFile(text: string): { pattern: RegExp; headers: [string, string][] }[] {
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .split('/')
        .map((part) =>
          part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const m = /^\s*([^:]+):\s*(.*)$/.exec(line);
      if (m && rules.length) rules[rules.length - 1]!.headers.push([m[1]!, m[2]!]);
    }
  }
  return rules;
}

/**
 * Serve the built site in `root` at `base` (the BAOKAN_BASE it was built for; `/` by default) on
 * 127.0.0.1, a random port; `url` is the origin.
 */
export async function host(root: string, base = '/'): Promise<{ url: string; close(): Promise<void> }> {
  const rules = parseHeadersFile(await readFile(join(root, '_headers'), 'utf8').catch(() => ''));
  const prefix = base.replace(/\/$/, '');
  const server = createServer(async (req, res) => {
    const full = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const path = prefix && full.startsWith(prefix + '/') ? full.slice(prefix.length) : full;
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) file = join(root, '404.html');
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    };
    for (const rule of rules) if (rule.pattern.test(path)) for (const [k, v] of rule.headers) headers[k] = v;
    const accepts = String(req.headers['accept-encoding'] ?? '');
    for (const [enc, ext] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (!accepts.includes(enc)) continue;
      const body = await readFile(file + ext).catch(() => null);
      if (body) {
        res.writeHead(200, { ...headers, 'content-encoding': enc, vary: 'Accept-Encoding' });
        res.end(body);
        return;
      }
    }
    const body = await readFile(file).catch(() => null);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(await readFile(join(root, '404.html')).catch(() => 'not found'));
      return;
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
