/**
 * Share cards (Open Graph images, 1200×630) for articles, issues and pages (版): what a card says,
 * its layout as a satori element tree, the Noto Sans SC subsets its text needs, its content hash,
 * and the drawing (satori → SVG → sharp → PNG). The integration (src/integrations/cards.ts)
 * decides which cards to draw and caches them by hash.
 *
 * Fonts: @fontsource/noto-sans-sc (OFL-1.1), installed with the project, so no machine needs a
 * system CJK font. Its CSS cuts the font into ~100 woff subsets per weight, each with a
 * `unicode-range`; a card loads only the subsets that hold its characters (satori reads woff, not
 * woff2).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { switchedOn } from '../util/switch-setting.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Changes whenever the layout or the drawing changes: part of every card's hash. */
export const CARD_LAYOUT_VERSION = 'card-2';
/** A page's card, in its folder. */
export const CARD_FILE = 'card.png';
/** The card list the site writes for the integration (src/pages/cards.json.ts); removed after. */
export const CARD_MANIFEST = 'cards.json';

/** Cards are on unless `BAOKAN_CARDS=0` (or `false`, `off`, `no`). */
export function cardsEnabled(env: { BAOKAN_CARDS?: string | undefined }): boolean {
  return switchedOn(env.BAOKAN_CARDS);
}

/** The site path of a page's card: `…/a001/` → `…/a001/card.png`. */
export const cardPath = (pagePath: string) => `${pagePath}${CARD_FILE}`;

export interface CardSpec {
  /** site path of the page the card belongs to (`…/1/a001/`); the card is `<path>card.png` */
  path: string;
  kind: 'article' | 'issue' | 'page';
  /** the headline (article), the paper and date (issue), the 版 (page) */
  title: string;
  /** a line above the title (引题), or null */
  kicker: string | null;
  /** a line under the title (副题; the issue's or 版's first headlines), or null */
  subtitle: string | null;
  /** the paper's name */
  paper: string;
  /** the date as printed on the site (2021年3月6日), or 日期不详 */
  date: string;
  /** the 版 (第一版 要闻), or null for an issue */
  page: string | null;
}

// ---------------------------------------------------------------------------------------------
// Font subsets

export interface FontFace {
  /** absolute path of the woff file */
  file: string;
  weight: 400 | 700;
  /** inclusive code point ranges */
  ranges: [number, number][];
}

/** `U+4e00-4e0f,U+20` → [[0x4e00, 0x4e0f], [0x20, 0x20]] (wildcards such as U+4?? are widened). */
export function parseUnicodeRange(value: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of value.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/iu.exec(part);
    if (!m) continue;
    const lo = parseInt(m[1]!.replace(/\?/gu, '0'), 16);
    const hi = m[2] ? parseInt(m[2], 16) : parseInt(m[1]!.replace(/\?/gu, 'f'), 16);
    out.push([lo, hi]);
  }
  return out;
}

/** The @font-face blocks of a @fontsource CSS file: woff file (relative to the CSS) and ranges. */
export function parseFontFaces(css: string, cssDir: string, weight: 400 | 700): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const woff = /url\(([^)]+\.woff)\)\s*format\('woff'\)/u.exec(block);
    const range = /unicode-range:\s*([^;]+);/u.exec(block);
    if (!woff || !range) continue;
    faces.push({ file: join(cssDir, woff[1]!), weight, ranges: parseUnicodeRange(range[1]!) });
  }
  return faces;
}

const covers = (f: FontFace, cp: number) => f.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/**
 * The fewest faces (in the CSS's order) that cover these characters: for each character and each
 * weight, the first face of that weight whose range holds it. Characters no face holds are
 * returned as `missing` (satori draws nothing for them; the caller may warn).
 */
export function pickFaces(
  text: string,
  faces: readonly FontFace[],
): { faces: FontFace[]; missing: string[] } {
  const picked = new Set<FontFace>();
  const missing = new Set<string>();
  const weights = [...new Set(faces.map((f) => f.weight))];
  for (const ch of new Set(Array.from(text))) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0)) continue;
    for (const w of weights) {
      const face = faces.find((f) => f.weight === w && covers(f, cp));
      if (face) picked.add(face);
      else missing.add(ch);
    }
  }
  return { faces: faces.filter((f) => picked.has(f)), missing: [...missing] };
}

/** The Noto Sans SC faces installed with the project (weights 400 and 700). */
export function notoFaces(): FontFace[] {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  return ([400, 700] as const).flatMap((w) =>
    parseFontFaces(readFileSync(join(dir, `${w}.css`), 'utf8'), dir, w),
  );
}

// ---------------------------------------------------------------------------------------------
// Layout

/** A satori element: the React element shape, without React. */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: (CardNode | string)[] | string };
}
const el = (
  type: string,
  style: Record<string, string | number>,
  children?: (CardNode | string)[] | string,
): CardNode => ({ type, props: { style, ...(children === undefined ? {} : { children }) } });

/** At most `max` characters, with … when cut. */
export function clip(s: string, max: number): string {
  const chars = Array.from(s.replace(/\s+/gu, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** Headline size by length, so that long headlines still fit in three lines. */
export function titleSize(title: string): number {
  const n = Array.from(title).length;
  return n <= 12 ? 76 : n <= 18 ? 64 : n <= 28 ? 54 : 46;
}

/** Everything a card prints (the text its fonts must cover). */
export function cardText(spec: CardSpec): string {
  return [cardLines(spec).title, spec.kicker, spec.subtitle, spec.paper, spec.date, spec.page, BRAND]
    .filter(Boolean)
    .map((s) => clip(s!, 200))
    .join('');
}

const BRAND = '报刊 · baokan 数字版';
const INK = '#1f1a14';
const PAPER = '#f7f3ea';
const ACCENT = '#a3201c';
const MUTED = '#6b6257';
const PAD_X = 72;

function cardLines(spec: CardSpec) {
  return {
    title: clip(spec.title, 60),
    kicker: spec.kicker ? clip(spec.kicker, 40) : null,
    subtitle: spec.subtitle ? clip(spec.subtitle, 56) : null,
  };
}

/** The card as a satori element tree (flexbox only; every piece of text in its own div). */
export function cardTree(spec: CardSpec): CardNode {
  const { title, kicker, subtitle } = cardLines(spec);
  const where = [spec.paper, spec.date, spec.page].filter(Boolean).join('  ·  ');
  const main: CardNode[] = [];
  const width = CARD_WIDTH - 2 * PAD_X;
  if (kicker) main.push(el('div', { width, fontSize: 34, color: MUTED, marginBottom: 18 }, kicker));
  main.push(
    el(
      'div',
      { width, fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.25, color: INK, lineClamp: 3 },
      title,
    ),
  );
  if (subtitle)
    main.push(el('div', { width, fontSize: 32, color: MUTED, marginTop: 22, lineClamp: 2 }, subtitle));
  return el(
    'div',
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: PAPER,
      fontFamily: 'Noto Sans SC',
      padding: `40px ${PAD_X}px 48px`,
      borderTop: `18px solid ${ACCENT}`,
    },
    [
      el('div', { display: 'flex', fontSize: 30, color: ACCENT, fontWeight: 700 }, where),
      el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' }, main),
      el(
        'div',
        {
          display: 'flex',
          justifyContent: 'space-between',
          fontSize: 26,
          color: MUTED,
          borderTop: `2px solid #d8cfbf`,
          paddingTop: 18,
        },
        [
          el('div', {}, BRAND),
          el('div', {}, spec.kind === 'article' ? '文章' : spec.kind === 'issue' ? '本期' : '版面'),
        ],
      ),
    ],
  );
}

/** The card's content hash: layout version, fonts package version and everything it prints. */
export function cardHash(spec: CardSpec, fontVersion: string): string {
  const printed = { ...spec, path: undefined };
  return createHash('sha256')
    .update(JSON.stringify([CARD_LAYOUT_VERSION, fontVersion, printed]))
    .digest('hex')
    .slice(0, 32);
}

// ---------------------------------------------------------------------------------------------
// Drawing

export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

/** `…/noto-sans-sc-12-700-normal.woff` → `12` */
export const subsetName = (file: string) =>
  basename(file)
    .replace(/^noto-sans-sc-/u, '')
    .replace(/-\d+-normal\.woff$/u, '');

/** Font files, read once each. */
export function fontLoader(): (faces: readonly FontFace[]) => CardFont[] {
  const bytes = new Map<string, Buffer>();
  // satori falls back from font name to font name for glyphs a font lacks, and picks the weight
  // within a name: so each subset gets a name of its own, shared by its two weights.
  return (faces) =>
    faces.map((f) => {
      let data = bytes.get(f.file);
      if (!data) bytes.set(f.file, (data = readFileSync(f.file)));
      return { name: `Noto Sans SC ${subsetName(f.file)}`, data, weight: f.weight, style: 'normal' };
    });
}

/** Draw one card: satori (SVG, text as paths) → sharp (PNG). */
export async function drawCard(spec: CardSpec, fonts: CardFont[]): Promise<Buffer> {
  const { default: satori } = await import('satori');
  const { default: sharp } = await import('sharp');
  const svg = await satori(cardTree(spec) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  });
  // A 32-colour palette at the lowest effort: about 30 KB and 60 ms a card (the default effort
  // takes ~150 ms more for the same size; a full-colour PNG is twice the bytes).
  return sharp(Buffer.from(svg))
    .png({ palette: true, colours: 32, effort: 1, compressionLevel: 9 })
    .toBuffer();
}
