import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { firstQuery, serve, siblingFor } from './query.ts';

const root = mkdtempSync(join(tmpdir(), 'bench-query-'));
const text = 'export const x = "衡阳";\n'.repeat(200);
writeFileSync(join(root, 'a.js'), text);
writeFileSync(join(root, 'a.js.gz'), gzipSync(text));
writeFileSync(join(root, 'b.js'), text);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('siblingFor', () => {
  it('takes .br before .gz, each only when accepted and present', () => {
    writeFileSync(join(root, 'c.js'), text);
    writeFileSync(join(root, 'c.js.br'), 'x');
    writeFileSync(join(root, 'c.js.gz'), 'y');
    expect(siblingFor(join(root, 'c.js'), 'gzip, deflate, br')?.encoding).toBe('br');
    expect(siblingFor(join(root, 'c.js'), 'gzip;q=1.0, deflate')?.encoding).toBe('gzip');
    expect(siblingFor(join(root, 'c.js'), '')).toBeNull();
    expect(siblingFor(join(root, 'a.js'), 'br, gzip')?.path).toBe(join(root, 'a.js.gz'));
    expect(siblingFor(join(root, 'b.js'), 'br, gzip')).toBeNull();
  });
});

describe('serve', () => {
  const get = (url: string, accept: string) =>
    new Promise<{ encoding?: string; bytes: number }>((resolve, reject) => {
      request(url, { headers: { 'accept-encoding': accept } }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], bytes }));
      })
        .on('error', reject)
        .end();
    });

  it('sends the sibling with its encoding and counts both the bytes sent and the file sizes', async () => {
    const srv = await serve(root);
    try {
      const gz = await get(`${srv.url}/a.js`, 'gzip, deflate');
      expect(gz.encoding).toBe('gzip');
      expect(gz.bytes).toBe(gzipSync(text).length);
      const plain = await get(`${srv.url}/b.js`, 'gzip, deflate');
      expect(plain.encoding).toBeUndefined();
      const served = srv.files();
      expect(served.map((f) => [f.path, f.encoding])).toEqual([
        ['/a.js', 'gzip'],
        ['/b.js', null],
      ]);
      const size = Buffer.byteLength(text);
      expect(served.map((f) => f.fileBytes)).toEqual([size, size]);
      expect(srv.sent()).toBe(gzipSync(text).length + size);
    } finally {
      srv.server.close();
    }
  });
});

describe('firstQuery', () => {
  it('rejects when the browser does not start, and leaves no server open', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'bench-query-dist-'));
    const servers = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;
    await new Promise((r) => setTimeout(r, 50)); // the servers of the tests above close
    const before = servers();
    try {
      await expect(
        firstQuery(dist, '衡阳', { bundle: join(dist, 'pagefind'), chromium: join(dist, 'no-chromium') }),
      ).rejects.toThrow(/no-chromium/);
      await new Promise((r) => setImmediate(r));
      expect(servers()).toBeLessThanOrEqual(before);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
