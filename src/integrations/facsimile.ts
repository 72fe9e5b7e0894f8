/**
 * Astro integration: the facsimile. At astro:build:done it reads the list the site wrote
 * (`facsimile.json`, src/pages/facsimile.json.ts): every 版 read from a PDF page. Each such page is
 * rendered once with MuPDF and sharp makes from it the WebP page images (480/960/1600 px), a
 * thumbnail, and each article's crop (its region; src/lib/pdf/render.ts, facsimile.ts); they go to
 * the 版 page's folder (`facsimile-<w>.webp`, `facsimile-thumb.webp`) and the article's
 * (`region.webp`). The list is removed from the site.
 *
 * Images are kept in the build cache under the PDF's sha256 and the image parameters
 * (`<cacheDir>/baokan-facsimile/<key>/`): a rebuild copies them and renders nothing unless a PDF,
 * a region or the parameters changed; what no page of the build uses any more is removed from the
 * cache (not in a partitioned build, which sees part of the edition). In a kept output folder an
 * image the last build placed there from the same cached file stays where it is (placed-files.ts).
 * Text-only editions list no page and cost nothing.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { facsimileImages, CROP_FILE, FACSIMILE_MANIFEST, type FacsimileSpec } from '../lib/pdf/facsimile.ts';
import { cropImageBytes, pageImages, renderPages, FACSIMILE_PARAMETERS } from '../lib/pdf/render.ts';
import { placedFiles, type Placed } from './placed-files.ts';

export interface FacsimileRun {
  pages: number;
  /** pages rendered by this build (the others came from the cache) */
  rendered: number;
  crops: number;
  /** ms in MuPDF's rasteriser, and in sharp (page images and crops) */
  renderMs: number;
  sharpMs: number;
  totalMs: number;
  /** bytes written to the site (page images, thumbnails, crops) */
  bytes: number;
  /** images and crops left where the last build placed them (placed-files.ts) */
  left: number;
  /** cached files removed because no page or crop of this build uses them */
  pruned: number;
}

/** In the facsimile's cache: the images the last build placed in its output folder, with their cached files. */
const PLACED = 'placed.json';

/** The cache folder of one PDF's images: its sha256 and the image parameters. */
const keyOf = (sha256: string) =>
  `${sha256.slice(0, 32)}-${createHash('sha256').update(FACSIMILE_PARAMETERS).digest('hex').slice(0, 8)}`;
const cropName = (index: number, box: FacsimileSpec['crops'][number]['box']) =>
  `p${index}-crop-${[box.x0, box.y0, box.x1, box.y1].join('_')}.webp`;

let tmpCount = 0;
/** Write through a temporary name of this process, so a build stopped midway leaves no torn file. */
async function writeAtomic(file: string, bytes: Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.${tmpCount++}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
}

/**
 * Write the images of every spec under `site`, rendering only what `cacheDir` does not hold; an
 * image that `placed` (placed-files.ts) says stays is left where it is.
 */
export async function writeFacsimiles(
  specs: readonly FacsimileSpec[],
  site: string,
  seeds: string,
  cacheDir: string,
  /** remove cached images this build does not use (not in a partitioned build: it sees part of the edition) */
  prune = true,
  placed?: Pick<Placed, 'stays'>,
): Promise<FacsimileRun> {
  const started = performance.now();
  const run: FacsimileRun = {
    pages: specs.length,
    rendered: 0,
    crops: 0,
    renderMs: 0,
    sharpMs: 0,
    totalMs: 0,
    bytes: 0,
    left: 0,
    pruned: 0,
  };
  /** copy a cached file (`name`, in the PDF's folder `key`) to `to` (a site path), unless it stays */
  const place = async (key: string, name: string, to: string) => {
    if (placed?.stays(to, `${key}/${name}`)) {
      run.left++;
      return;
    }
    const file = join(site, to);
    await mkdir(dirname(file), { recursive: true });
    await copyFile(join(cacheDir, key, name), file);
    run.bytes += (await stat(file)).size;
  };
  /** every cached file this build uses, by its folder */
  const used = new Map<string, Set<string>>();
  const byPdf = new Map<string, FacsimileSpec[]>();
  for (const s of specs) byPdf.set(s.file, [...(byPdf.get(s.file) ?? []), s]);
  for (const [file, pages] of byPdf) {
    const key = keyOf(pages[0]!.sha256);
    const dir = join(cacheDir, key);
    await mkdir(dir, { recursive: true });
    const pageFiles = (s: FacsimileSpec) => {
      const { images, thumb } = facsimileImages(s.pdf);
      return [...images, thumb].map((i) => i.file);
    };
    const missing = (s: FacsimileSpec) =>
      pageFiles(s).some((f) => !existsSync(join(dir, `p${s.pdf.index}-${f}`))) ||
      s.crops.some((c) => !existsSync(join(dir, cropName(s.pdf.index, c.box))));
    used.set(
      dir,
      new Set([
        ...(used.get(dir) ?? []),
        ...pages.flatMap((s) => [
          ...pageFiles(s).map((f) => `p${s.pdf.index}-${f}`),
          ...s.crops.map((c) => cropName(s.pdf.index, c.box)),
        ]),
      ]),
    );
    const todo = pages.filter(missing);
    if (todo.length) {
      const pdf = new Uint8Array(await readFile(join(seeds, file)));
      const bySpec = new Map(todo.map((s) => [s.pdf.index, s]));
      let t = performance.now();
      for await (const { index, rendering } of renderPages(
        pdf,
        todo.map((s) => ({ index: s.pdf.index, size: s.pdf })),
      )) {
        const t2 = performance.now();
        run.renderMs += t2 - t;
        const s = bySpec.get(index)!;
        for (const image of await pageImages(rendering, s.pdf))
          await writeAtomic(join(dir, `p${index}-${image.file}`), image.bytes);
        for (const c of s.crops)
          await writeAtomic(join(dir, cropName(index, c.box)), await cropImageBytes(rendering, s.pdf, c.box));
        t = performance.now();
        run.sharpMs += t - t2;
        run.rendered++;
      }
    }
    for (const s of pages) {
      for (const f of pageFiles(s)) await place(key, `p${s.pdf.index}-${f}`, `${s.path}${f}`);
      for (const c of s.crops) {
        await place(key, cropName(s.pdf.index, c.box), `${c.path}${CROP_FILE}`);
        run.crops++;
      }
    }
  }
  if (prune) run.pruned = await pruneCache(cacheDir, used);
  run.totalMs = performance.now() - started;
  return run;
}

/**
 * Remove what the cache holds and this build did not use: the folders of PDFs no longer in the
 * edition (or made with other image parameters) and crops of regions that moved. Returns the
 * number of files removed.
 */
async function pruneCache(cacheDir: string, used: ReadonlyMap<string, ReadonlySet<string>>): Promise<number> {
  let removed = 0;
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    if (name === PLACED) continue; // the record of what the build placed, not an image
    const dir = join(cacheDir, name);
    const keep = used.get(dir);
    for (const f of await readdir(dir).catch(() => [] as string[]))
      if (!keep?.has(f)) {
        await rm(join(dir, f), { force: true });
        removed++;
      }
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
  return removed;
}

/** The build's line about the facsimile (read back by the benchmark, scripts/bench/report.ts). */
export function facsimileSummary(run: FacsimileRun): string {
  const per = (ms: number) => (run.rendered ? ` (${(ms / run.rendered).toFixed(0)} ms a page)` : '');
  return (
    `${run.pages} facsimile page(s) and ${run.crops} crop(s) in ${Math.round(run.totalMs)} ms: ` +
    `${run.rendered} rendered${per(run.renderMs)}, sharp${per(run.sharpMs)}, ` +
    `${run.pages - run.rendered} from the cache; ${(run.bytes / 1024).toFixed(0)} KB written` +
    (run.left ? `, ${run.left} image(s) left where they were` : '') +
    (run.pruned ? `; ${run.pruned} unused cached file(s) removed` : '')
  );
}

export default function facsimileIntegration(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'baokan-facsimile',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'baokan-facsimile');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const manifest = join(site, FACSIMILE_MANIFEST);
        if (!existsSync(manifest)) {
          logger.warn(`no ${FACSIMILE_MANIFEST}: no facsimile images made`);
          return;
        }
        const specs = JSON.parse(await readFile(manifest, 'utf8')) as FacsimileSpec[];
        await rm(manifest, { force: true });
        // what the last build placed in this folder (none until this build has placed its own)
        const placed = await placedFiles(join(cacheDir, PLACED), site);
        if (specs.length === 0) return;
        // The seed folder, as the edition loader finds it (src/lib/editorial/inputs.ts, seedsDir).
        // Not imported from there: with that module among the config's imports, the share cards'
        // later import('satori') failed with "Vite module runner has been closed" (2026-12-04).
        const seeds = resolve(process.env.BAOKAN_SEEDS ?? 'seeds');
        const run = await writeFacsimiles(
          specs,
          site,
          seeds,
          cacheDir,
          !process.env.BAOKAN_PARTITION,
          placed,
        );
        await placed.finish();
        logger.info(facsimileSummary(run));
      },
    },
  };
}
