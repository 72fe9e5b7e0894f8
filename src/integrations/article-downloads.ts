/**
 * Astro integration: writes each article's `article.md` once the pages are rendered
 * (astro:build:generated), from the issues the pages handed over (src/lib/site/article-downloads.ts
 * says why this is not an Astro route). In an output folder the build keeps, an issue whose key is
 * the one recorded keeps its files where they are, as files left in place
 * (src/integrations/kept-output.ts); the files of issues gone are removed.
 *
 * It runs before the build's shared values are let go (release-memos.ts: the files are made from
 * the edition's graph) and while the compressor still takes each file written (compress.ts), so it
 * comes before both in astro.config.mjs.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import fsp, { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  codeDigest,
  downloadRecord,
  filesOf,
  parseDownloadRecord,
  planDownloads,
  takeDownloads,
  type DownloadFile,
} from '../lib/site/article-downloads.ts';
import { keepInPlace, noteWritten, outputKept, removeWithSiblings } from './kept-output.ts';

/** Files written at a time. */
const AT_ONCE = 16;

/** Write the files below `site`, AT_ONCE at a time, each named to a watch of the written files. */
export async function writeDownloadFiles(site: string, files: DownloadFile[]): Promise<void> {
  const folders = new Set<string>();
  let next = 0;
  const one = async (): Promise<void> => {
    while (next < files.length) {
      const { path, text } = files[next++]!;
      const file = join(site, path);
      const folder = dirname(file);
      if (!folders.has(folder)) {
        await mkdir(folder, { recursive: true });
        folders.add(folder);
      }
      // looked up on fs.promises when called, so that the compressor is told (written-files.ts); a
      // named import would be the function as it was before the watch
      await fsp.writeFile(file, text);
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, one));
}

export default function articleDownloads(): AstroIntegration {
  let outDir = '';
  let recordFile = '';
  let root = '';
  return {
    name: 'baokan-article-downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        root = fileURLToPath(config.root);
        recordFile = join(fileURLToPath(config.cacheDir), 'baokan-article-md.json');
      },
      'astro:build:generated': async ({ logger }) => {
        const given = takeDownloads();
        if (!given) return;
        const started = performance.now();
        const code = codeDigest(root);
        const offered = given.map((i) => ({ ...i, key: `${i.key}-${code}` }));
        let text: string | null = null;
        try {
          text = readFileSync(recordFile, 'utf8');
        } catch {
          // no record: every issue's files are written
        }
        const plan = planDownloads(offered, parseDownloadRecord(text), outDir, outputKept());
        let files = 0;
        for (const issue of plan.write) {
          const made = filesOf(issue);
          await writeDownloadFiles(outDir, made);
          noteWritten(made.map((f) => f.path));
          files += made.length;
        }
        keepInPlace(plan.keep);
        for (const p of plan.remove) await removeWithSiblings(outDir, p);
        await mkdir(dirname(recordFile), { recursive: true });
        await writeFile(recordFile, JSON.stringify(downloadRecord(outDir, offered)));
        logger.info(
          `article.md: ${files} written (${plan.write.length} issue(s)), ${plan.keep.length} left in place, ` +
            `${plan.remove.length} removed, in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
