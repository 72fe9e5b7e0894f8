/**
 * A small newspaper typesetter for test PDFs: lays out pages of articles as a 方正-style 版 —
 * masthead or page header over a rule, articles in rows on a grid of 2–5 columns (one article
 * across the row, or two side by side with a vertical rule between), each with its title block
 * spanning its columns (引题 and 副题 smaller than the bold 主题), a picture with its caption
 * under it, and the body hard-wrapped into balanced column legs with indented paragraphs, bold
 * subheads and the byline on a line of its own; editors' credits at the foot of the page.
 *
 * This module only places things (page coordinates in points, origin top left, y down); drawing
 * them into a PDF is pdf-writer.ts. The placement is returned too, so that tests can compare what
 * the reader finds with where each article was put. Deterministic: the same input gives the same
 * layout (choices vary with `seed`, never with time or chance).
 */
import type { FontSet, Weight } from './fonts.ts';
import type { Rect } from './geometry.ts';

/** One article to set. Strings are printed exactly as given. */
export interface TypesetArticle {
  /** 引题, set small above the headline */
  kicker: string | null;
  /** 主题, set large and bold; empty for an article without a headline (a continuation, a brief) */
  headline: string;
  /** 副题, set small under the headline */
  subtitle: string | null;
  /** title lines whose roles are not known: the first set as a headline, the others as subtitles */
  titleLines?: string[];
  /** a byline printed on a line of its own at the head of the body (an inline one stays in its paragraph) */
  byline: string | null;
  /** a photo caption: the article gets a picture with this caption under it */
  caption: string | null;
  paragraphs: { text: string; subhead?: boolean }[];
}

/** One page (版) to set. */
export interface TypesetPage {
  /** masthead lines of a front page: the first (the paper's name) set large, the rest small */
  masthead: string[];
  /** page header lines (报眉), set small over a rule */
  header: string[];
  /** lines at the foot of the page (责任编辑 …) */
  footer: string[];
  articles: TypesetArticle[];
  /** number of grid columns, 2–5 */
  columns: number;
  /** varies the layout choices (which rows hold two articles, centring) */
  seed: number;
}

/** A line of text as placed. */
export interface PlacedLine {
  /** each character with the x of its left edge */
  chars: { ch: string; x: number }[];
  /** top of the line box */
  y: number;
  size: number;
  weight: Weight;
}

/** A page as placed. */
export interface PlacedPage {
  width: number;
  height: number;
  lines: PlacedLine[];
  /** thin filled rectangles: rules between articles and under the header */
  rules: Rect[];
  /** picture areas (drawn as images) */
  pictures: Rect[];
  /** the box each article was given, in the order of `TypesetPage.articles` */
  articles: Rect[];
}

export const PAGE_WIDTH = 842;
export const MIN_PAGE_HEIGHT = 1191;
const MARGIN = 40;
const GUTTER = 12;
const BODY = 10;
const LEADING = 14;
const SMALL = 8;
const TITLE_SMALL = 12;
const RULE = 0.8;

/** Placed lines of one wrapped text. */
interface Wrapped {
  lines: { chars: { ch: string; dx: number }[]; width: number }[];
}

/** Wrap text into lines no wider than `width` (characters may break anywhere, as CJK text does). */
export function wrapText(
  fonts: FontSet,
  text: string,
  size: number,
  weight: Weight,
  width: number,
  firstIndent = 0,
): Wrapped {
  const lines: Wrapped['lines'] = [];
  let chars: { ch: string; dx: number }[] = [];
  let x = firstIndent;
  for (const ch of Array.from(text)) {
    const w = fonts.advance(ch, weight) * size;
    if (x + w > width + 0.01 && chars.length > 0) {
      lines.push({ chars, width: x });
      chars = [];
      x = 0;
    }
    chars.push({ ch, dx: x });
    x += w;
  }
  if (chars.length) lines.push({ chars, width: x });
  return { lines };
}

/** The geometry of a page's grid. */
interface Grid {
  columns: number;
  colWidth: number;
  left: number;
}

const spanWidth = (g: Grid, k: number) => k * g.colWidth + (k - 1) * GUTTER;
const colX = (g: Grid, c: number) => g.left + c * (g.colWidth + GUTTER);

/** Lines, pictures and height of one article set in `k` columns from (x, y). */
interface ArticleBox {
  lines: PlacedLine[];
  pictures: Rect[];
  height: number;
}

function placeWrapped(
  w: Wrapped,
  x: number,
  y: number,
  size: number,
  weight: Weight,
  boxWidth: number,
  center: boolean,
) {
  const out: PlacedLine[] = [];
  for (const line of w.lines) {
    const shift = center ? (boxWidth - line.width) / 2 : 0;
    out.push({ chars: line.chars.map((c) => ({ ch: c.ch, x: x + shift + c.dx })), y, size, weight });
    y += size * 1.3;
  }
  return { lines: out, y };
}

function titleParts(
  a: TypesetArticle,
  headlineSize: number,
): { text: string; size: number; weight: Weight }[] {
  if (a.titleLines?.length) {
    return a.titleLines.map((t, i) =>
      i === 0 ? { text: t, size: headlineSize, weight: 700 } : { text: t, size: TITLE_SMALL, weight: 400 },
    );
  }
  const parts: { text: string; size: number; weight: Weight }[] = [];
  if (a.kicker) parts.push({ text: a.kicker, size: TITLE_SMALL, weight: 400 });
  if (a.headline) parts.push({ text: a.headline, size: headlineSize, weight: 700 });
  if (a.subtitle) parts.push({ text: a.subtitle, size: TITLE_SMALL, weight: 400 });
  return parts;
}

/** The body as rows of one leg's width: byline, paragraphs (first line indented), subheads. */
function bodyRows(fonts: FontSet, a: TypesetArticle, width: number) {
  const rows: { chars: { ch: string; dx: number }[]; weight: Weight; width: number }[] = [];
  const add = (w: Wrapped, weight: Weight) => {
    for (const l of w.lines) rows.push({ chars: l.chars, weight, width: l.width });
  };
  if (a.byline) add(wrapText(fonts, a.byline, BODY, 400, width), 400);
  for (const p of a.paragraphs) {
    if (p.subhead) add(wrapText(fonts, p.text, BODY, 700, width), 700);
    else add(wrapText(fonts, p.text, BODY, 400, width, 2 * BODY), 400);
  }
  return rows;
}

function layoutArticle(
  fonts: FontSet,
  a: TypesetArticle,
  g: Grid,
  c0: number,
  k: number,
  y0: number,
  lead: boolean,
  center: boolean,
): ArticleBox {
  const x = colX(g, c0);
  const width = spanWidth(g, k);
  const lines: PlacedLine[] = [];
  const pictures: Rect[] = [];
  let y = y0;
  const headlineSize = lead ? 26 : k >= 2 ? 20 : 16;
  const parts = titleParts(a, headlineSize);
  for (const p of parts) {
    const placed = placeWrapped(
      wrapText(fonts, p.text, p.size, p.weight, width),
      x,
      y,
      p.size,
      p.weight,
      width,
      center,
    );
    lines.push(...placed.lines);
    y = placed.y + 2;
  }
  if (parts.length) y += 12;
  if (a.caption) {
    const h = Math.min(150, Math.round(width * 0.5));
    pictures.push({ x0: x, y0: y, x1: x + width, y1: y + h });
    y += h + 4;
    const placed = placeWrapped(
      wrapText(fonts, a.caption, SMALL, 400, width),
      x,
      y,
      SMALL,
      400,
      width,
      false,
    );
    lines.push(...placed.lines);
    y = placed.y + 12;
  }
  const rows = bodyRows(fonts, a, g.colWidth);
  const perLeg = Math.max(1, Math.ceil(rows.length / k));
  rows.forEach((r, i) => {
    const leg = Math.floor(i / perLeg);
    const lx = colX(g, c0 + leg);
    lines.push({
      chars: r.chars.map((c) => ({ ch: c.ch, x: lx + c.dx })),
      y: y + (i % perLeg) * LEADING,
      size: BODY,
      weight: r.weight,
    });
  });
  y += Math.min(rows.length, perLeg) * LEADING;
  return { lines, pictures, height: y - y0 };
}

/** How the articles go into rows: [article index, first column, columns] per article of each row. */
export function planRows(count: number, columns: number, seed: number): [number, number, number][][] {
  const rows: [number, number, number][][] = [];
  let i = 0;
  let r = 0;
  while (i < count) {
    const pair = columns >= 2 && count - i >= 2 && (seed + r) % 3 !== 0;
    if (pair) {
      const left = columns === 4 && (seed + r) % 2 ? 3 : Math.ceil(columns / 2);
      rows.push([
        [i, 0, left],
        [i + 1, left, columns - left],
      ]);
      i += 2;
    } else {
      rows.push([[i, 0, columns]]);
      i += 1;
    }
    r++;
  }
  return rows;
}

function smallLines(
  fonts: FontSet,
  texts: readonly string[],
  x: number,
  y: number,
  size: number,
  width: number,
) {
  const lines: PlacedLine[] = [];
  for (const t of texts) {
    const placed = placeWrapped(wrapText(fonts, t, size, 400, width), x, y, size, 400, width, false);
    lines.push(...placed.lines);
    y = placed.y + 2;
  }
  return { lines, y };
}

/** Place one page. */
export function layoutPage(fonts: FontSet, page: TypesetPage): PlacedPage {
  const columns = Math.min(5, Math.max(2, page.columns));
  const contentWidth = PAGE_WIDTH - 2 * MARGIN;
  const g: Grid = { columns, colWidth: (contentWidth - (columns - 1) * GUTTER) / columns, left: MARGIN };
  const lines: PlacedLine[] = [];
  const rules: Rect[] = [];
  const pictures: Rect[] = [];
  const boxes: Rect[] = new Array<Rect>(page.articles.length);
  const hrule = (y: number) => rules.push({ x0: MARGIN, y0: y, x1: PAGE_WIDTH - MARGIN, y1: y + RULE });
  let y = MARGIN;

  if (page.masthead.length) {
    const [name, ...rest] = page.masthead;
    const top = y;
    const placed = placeWrapped(
      wrapText(fonts, name!, 40, 700, contentWidth * 0.55),
      MARGIN,
      y,
      40,
      700,
      contentWidth,
      false,
    );
    lines.push(...placed.lines);
    const side = smallLines(fonts, rest, MARGIN + contentWidth * 0.62, top, 9, contentWidth * 0.38);
    lines.push(...side.lines);
    y = Math.max(placed.y, side.y) + 6;
    hrule(y);
    y += 12;
  }
  if (page.header.length) {
    const placed = smallLines(fonts, page.header, MARGIN, y, 9, contentWidth);
    lines.push(...placed.lines);
    y = placed.y + 2;
    hrule(y);
    y += 12;
  }

  planRows(page.articles.length, columns, page.seed).forEach((row, r) => {
    let height = 0;
    for (const [i, c0, k] of row) {
      const box = layoutArticle(
        fonts,
        page.articles[i]!,
        g,
        c0,
        k,
        y,
        i === 0 && row.length === 1,
        k >= 2 && (page.seed + r) % 2 === 0,
      );
      lines.push(...box.lines);
      pictures.push(...box.pictures);
      height = Math.max(height, box.height);
    }
    for (const [i, c0, k] of row) {
      boxes[i] = { x0: colX(g, c0), y0: y, x1: colX(g, c0) + spanWidth(g, k), y1: y + height };
    }
    if (row.length === 2) {
      const x = colX(g, row[1]![1]) - GUTTER / 2 - RULE / 2;
      rules.push({ x0: x, y0: y, x1: x + RULE, y1: y + height });
    }
    y += height + 6;
    hrule(y);
    y += 12;
  });

  if (page.footer.length) {
    const placed = smallLines(fonts, page.footer, MARGIN, y, SMALL, contentWidth);
    lines.push(...placed.lines);
    y = placed.y;
  }
  return {
    width: PAGE_WIDTH,
    height: Math.max(MIN_PAGE_HEIGHT, Math.ceil(y + MARGIN)),
    lines,
    rules,
    pictures,
    articles: boxes,
  };
}
