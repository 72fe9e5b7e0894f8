/** What the integrations' tests compare and collect: a folder's files by digest, and a logger that keeps its lines. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every file below `root` with the digest of its bytes (sha256, hex), by its path in the folder. */
export async function digests(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await readdir(root, { recursive: true, withFileTypes: true }))
    if (f.isFile()) {
      const path = join(f.parentPath, f.name);
      out[relative(root, path)] = createHash('sha256')
        .update(await readFile(path))
        .digest('hex');
    }
  return out;
}

/** A logger for the integrations' steps that keeps what it is told, a line each. */
export function logger(): { lines: string[]; info(m: string): void; warn(m: string): void } {
  const lines: string[] = [];
  return { lines, info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
}
