/**
 * Astro integration: share cards. At astro:build:done it reads the card list the site wrote
 * (`cards.json`, src/pages/cards.json.ts), draws `<page>card.png` (1200×630) for every issue, page
 * (版) and article with src/lib/site/cards.ts, and removes the list from the site.
 *
 * Cards are cached by content hash in the build cache (`<cacheDir>/baokan-cards/<hash>.png`): a
 * rebuild copies unchanged cards and draws only new or changed ones. In a kept output folder
 * (kept-output.ts) a card the last build wrote there from the same hash is left where it is (a file
 * left in place), so a daily build writes the new issue's cards, not the archive's: the record of
 * what each build placed is `<cacheDir>/baokan-cards/placed.json`. `BAOKAN_CARDS=0` turns the
 * cards (and the pages' og:image) off, for archive-scale builds.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
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
import { keepInPlace, outputKept } from './kept-output.ts';

export interface CardRun {
  cards: number;
  drawn: number;
  /** copied from the cache */
  reused: number;
  /** left where the last build wrote them (site paths): `inPlace` named them with the same hash */
  left: string[];
  /** every card's site path and hash, for the next build's `inPlace` */
  placed: Map<string, string>;
  /** ms spent drawing (satori + sharp), summed over cards drawn side by side (so more than wall time) */
  drawMs: number;
  totalMs: number;
  /** characters no font subset holds */
  missing: string[];
}

/**
 * Write every card of `specs` under `site`, drawing only those not in `cacheDir`; a card that
 * `opts.inPlace` (the last build's `placed`, in a kept output folder) names with the same hash is
 * left where it is.
 */
export async function writeCards(
  specs: readonly CardSpec[],
  site: string,
  cacheDir: string,
  opts: { concurrency?: number; inPlace?: ReadonlyMap<string, string> } = {},
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
    left: [],
    placed: new Map(),
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
      run.placed.set(path, hash);
      if (opts.inPlace?.get(path) === hash) {
        run.left.push(path);
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

/** The record of the cards placed in `site` (site path → hash). */
export function placedText(site: string, placed: ReadonlyMap<string, string>): string {
  return JSON.stringify({ site, cards: Object.fromEntries(placed) });
}

/** The cards a record says were placed in `site`; undefined for none, another site's, or one that cannot be read. */
export function readPlaced(file: string, site: string): Map<string, string> | undefined {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as { site?: unknown; cards?: Record<string, unknown> };
    if (r.site !== site || !r.cards) return undefined;
    return new Map(Object.entries(r.cards).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return undefined;
  }
}

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
        const record = join(cacheDir, PLACED);
        // what the last build placed in this folder; none until this build has placed its own
        const inPlace = outputKept() ? readPlaced(record, site) : undefined;
        await rm(record, { force: true });
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
        const run = await writeCards(specs, site, cacheDir, { inPlace });
        keepInPlace(run.left);
        await writeFile(record, placedText(site, run.placed));
        logger.info(
          `${run.cards} share cards in ${Math.round(run.totalMs)} ms: ${run.drawn} drawn` +
            (run.drawn ? ` (${(run.drawMs / run.drawn).toFixed(0)} ms of drawing each)` : '') +
            `, ${run.reused} from the cache, ${run.left.length} left where they were`,
        );
        if (run.missing.length)
          logger.warn(
            `no glyph in Noto Sans SC for ${run.missing.length} character(s): ${run.missing.join('')}`,
          );
      },
    },
  };
}
