/**
 * Astro integration: share cards. At astro:build:done it reads the card list the site wrote
 * (`cards.json`, src/pages/cards.json.ts), draws `<page>card.png` (1200×630) for every issue, page
 * (版) and article with src/lib/site/cards.ts, and removes the list from the site.
 *
 * Cards are cached by content hash in the build cache (`<cacheDir>/baokan-cards/<hash>.png`): a
 * rebuild copies unchanged cards and draws only new or changed ones. In a kept output folder a card
 * the last build placed there from the same hash stays where it is (placed-files.ts), so a daily
 * build writes the new issue's cards, not the archive's. `BAOKAN_CARDS=0` turns the cards (and the
 * pages' og:image) off, for archive-scale builds.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cardHash,
  cardsEnabled,
  cardText,
  drawCard,
  fontLoader,
  notoFaces,
  pickFaces,
  CARD_FILE,
  CARD_MANIFEST,
  type CardSpec,
} from '../lib/site/cards.ts';
import { placedFiles, type Placed } from './placed-files.ts';

export interface CardRun {
  cards: number;
  drawn: number;
  /** copied from the cache */
  reused: number;
  /** left where the last build placed them (`placed`) */
  left: number;
  /** ms spent drawing (satori + sharp), summed over cards drawn side by side (so more than wall time) */
  drawMs: number;
  totalMs: number;
  /** characters no font subset holds */
  missing: string[];
}

/**
 * Write every card of `specs` under `site`, drawing only those not in `cacheDir`; a card that
 * `opts.placed` (placed-files.ts) says stays is left where it is.
 */
export async function writeCards(
  specs: readonly CardSpec[],
  site: string,
  cacheDir: string,
  opts: { concurrency?: number; placed?: Pick<Placed, 'stays'> } = {},
): Promise<CardRun> {
  const started = performance.now();
  const require = createRequire(import.meta.url);
  const fontVersion = (
    JSON.parse(await readFile(require.resolve('@fontsource/noto-sans-sc/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  await mkdir(cacheDir, { recursive: true });
  const faces = notoFaces();
  const load = fontLoader();
  const run: CardRun = {
    cards: specs.length,
    drawn: 0,
    reused: 0,
    left: 0,
    drawMs: 0,
    totalMs: 0,
    missing: [],
  };
  const missing = new Set<string>();
  let next = 0;
  let tmpCount = 0;
  const worker = async () => {
    while (next < specs.length) {
      const spec = specs[next++]!;
      const hash = cardHash(spec, fontVersion);
      const path = `${spec.path}${CARD_FILE}`;
      if (opts.placed?.stays(path, hash)) {
        run.left++;
        continue;
      }
      const cached = join(cacheDir, `${hash}.png`);
      const out = join(site, path);
      await mkdir(dirname(out), { recursive: true });
      if (existsSync(cached)) {
        await copyFile(cached, out);
        run.reused++;
        continue;
      }
      const t = performance.now();
      const picked = pickFaces(cardText(spec), faces);
      for (const ch of picked.missing) missing.add(ch);
      const png = await drawCard(spec, load(picked.faces));
      run.drawMs += performance.now() - t;
      run.drawn++;
      // written under a temporary name of its own first (two cards may share a picture, and so a
      // cache file), then renamed, so that a build stopped midway leaves no torn card
      const tmp = `${cached}.${process.pid}.${tmpCount++}.tmp`;
      await writeFile(tmp, png);
      await rename(tmp, cached);
      await writeFile(out, png);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
  run.missing = [...missing].sort();
  run.totalMs = performance.now() - started;
  return run;
}

/** In the cards' cache: the cards the last build placed in its output folder, with their hashes. */
const PLACED = 'placed.json';

export default function cardsIntegration(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'baokan-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'baokan-cards');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const manifest = join(site, CARD_MANIFEST);
        // what the last build placed in this folder (none until this build has placed its own)
        const placed = await placedFiles(join(cacheDir, PLACED), site);
        if (!existsSync(manifest)) {
          logger.warn(`no ${CARD_MANIFEST}: no share cards drawn`);
          return;
        }
        const specs = JSON.parse(await readFile(manifest, 'utf8')) as CardSpec[];
        await rm(manifest, { force: true });
        if (!cardsEnabled(process.env)) {
          logger.info('BAOKAN_CARDS=0: no share cards');
          return;
        }
        const run = await writeCards(specs, site, cacheDir, { placed });
        await placed.finish();
        logger.info(
          `${run.cards} share cards in ${Math.round(run.totalMs)} ms: ${run.drawn} drawn` +
            (run.drawn ? ` (${(run.drawMs / run.drawn).toFixed(0)} ms of drawing each)` : '') +
            `, ${run.reused} from the cache, ${run.left} left where they were`,
        );
        if (run.missing.length)
          logger.warn(
            `no glyph in Noto Sans SC for ${run.missing.length} character(s): ${run.missing.join('')}`,
          );
      },
    },
  };
}
