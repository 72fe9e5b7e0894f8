/**
 * The facsimile's plain geometry and names, shared by the page that shows it
 * (src/components/site/Facsimile.astro, RegionCrop.astro) and the integration that makes the
 * images (src/integrations/facsimile.ts): which image files a 版 gets and at what pixel sizes, the
 * `srcset` over them, an article's region in percent of the page (for a link laid over the image)
 * and the rectangle cut from the rendered page for the article's 版面位置 crop.
 *
 * Every size is derived from the PDF page size in points alone, so the page can state width and
 * height before any image exists, and the images are made to exactly those sizes.
 */
import type { Box, PdfPage } from '../model/issue.ts';

/** Widths (px) of the page image: phone, tablet and desktop, and a retina desktop. */
export const FACSIMILE_WIDTHS = [480, 960, 1600] as const;
/** Width (px) of the thumbnail for lists and the issue page. */
export const THUMB_WIDTH = 240;
/**
 * The largest an article's crop is made (px, either way): a 版面位置 thumbnail, shown at most
 * 20rem wide (RegionCrop.astro); a smaller region keeps its rendered size.
 */
export const CROP_MAX = 480;
/** White space kept around an article's region in its crop (points). */
export const CROP_MARGIN = 6;
/** The width the page is rendered at once, the source of every image: the widest. */
export const RENDER_WIDTH: number = FACSIMILE_WIDTHS[FACSIMILE_WIDTHS.length - 1]!;
/** How wide the page image is shown: the screen's width on phones, a 36rem column on wide screens (≥ 64rem). */
export const FACSIMILE_SIZES = '(min-width: 64rem) 36rem, 100vw';

/** An image file of a page, at its pixel size. */
export interface FacsimileImage {
  /** file name in the 版 page's folder */
  file: string;
  width: number;
  height: number;
}

/** A rectangle of pixels. */
export interface PixelRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** File name of the page image `width` px wide. */
export const facsimileFile = (width: number) => `facsimile-${width}.webp`;
/** File name of the page's thumbnail. */
export const THUMB_FILE = 'facsimile-thumb.webp';
/** File name of an article's crop, in the article's folder. */
export const CROP_FILE = 'region.webp';

/** Height in px of the page shown `width` px wide (rounded to the nearest pixel). */
export function heightAt(size: Pick<PdfPage, 'width' | 'height'>, width: number): number {
  return Math.max(1, Math.round((width * size.height) / size.width));
}

/** The page images of a 版, narrowest first, and its thumbnail. */
export function facsimileImages(size: Pick<PdfPage, 'width' | 'height'>): {
  images: FacsimileImage[];
  thumb: FacsimileImage;
} {
  const at = (file: string, width: number) => ({ file, width, height: heightAt(size, width) });
  return {
    images: FACSIMILE_WIDTHS.map((w) => at(facsimileFile(w), w)),
    thumb: at(THUMB_FILE, THUMB_WIDTH),
  };
}

/** `srcset` over the images, each addressed by `prefix` + file name (`a 480w, b 960w, …`). */
export function srcsetOf(images: readonly FacsimileImage[], prefix: string): string {
  return images.map((i) => `${prefix}${i.file} ${i.width}w`).join(', ');
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const pct = (n: number) => Math.round(n * 10000) / 100;

/**
 * A box on the page as CSS percentages of the page (left, top, width, height), clipped to the
 * page, to two decimals: a link laid over the image at any width.
 */
export function percentBox(
  box: Box,
  size: Pick<PdfPage, 'width' | 'height'>,
): { left: number; top: number; width: number; height: number } {
  const x0 = clamp(box.x0, 0, size.width);
  const x1 = clamp(box.x1, 0, size.width);
  const y0 = clamp(box.y0, 0, size.height);
  const y1 = clamp(box.y1, 0, size.height);
  return {
    left: pct(x0 / size.width),
    top: pct(y0 / size.height),
    width: pct(Math.max(0, x1 - x0) / size.width),
    height: pct(Math.max(0, y1 - y0) / size.height),
  };
}

/** The `style` of a link laid over the page image at a box. */
export function percentStyle(box: Box, size: Pick<PdfPage, 'width' | 'height'>): string {
  const p = percentBox(box, size);
  return `left:${p.left}%;top:${p.top}%;width:${p.width}%;height:${p.height}%`;
}

/**
 * The pixels of a page rendered `imageWidth` px wide that show a box (with CROP_MARGIN points
 * around it), clipped to the image; at least one pixel each way.
 */
export function cropRect(
  box: Box,
  size: Pick<PdfPage, 'width' | 'height'>,
  imageWidth: number = RENDER_WIDTH,
): PixelRect {
  const imageHeight = heightAt(size, imageWidth);
  const scale = imageWidth / size.width;
  const left = clamp(Math.floor((box.x0 - CROP_MARGIN) * scale), 0, imageWidth - 1);
  const top = clamp(Math.floor((box.y0 - CROP_MARGIN) * scale), 0, imageHeight - 1);
  const right = clamp(Math.ceil((box.x1 + CROP_MARGIN) * scale), left + 1, imageWidth);
  const bottom = clamp(Math.ceil((box.y1 + CROP_MARGIN) * scale), top + 1, imageHeight);
  return { left, top, width: right - left, height: bottom - top };
}

/** The size an article's crop is written at: its own, or scaled down to fit CROP_MAX × CROP_MAX. */
export function cropImage(
  box: Box,
  size: Pick<PdfPage, 'width' | 'height'>,
): { rect: PixelRect; width: number; height: number } {
  const rect = cropRect(box, size);
  const scale = Math.min(1, CROP_MAX / rect.width, CROP_MAX / rect.height);
  return {
    rect,
    width: Math.max(1, Math.round(rect.width * scale)),
    height: Math.max(1, Math.round(rect.height * scale)),
  };
}

/** The list of facsimile pages the site writes for the integration (src/pages/facsimile.json.ts); removed after. */
export const FACSIMILE_MANIFEST = 'facsimile.json';

/** One 版 read from a PDF page: what to render, and where its images and its articles' crops go. */
export interface FacsimileSpec {
  /** the PDF, by its name under the seed folder */
  file: string;
  /** the PDF's sha256 (the issue's `sources[].sha256`): the images are kept in the cache under it */
  sha256: string;
  /** the page: its 0-based index in the PDF and its size in points (`Page.pdf`) */
  pdf: PdfPage;
  /** site path of the 版 page's folder (`<issue>/<slug>/`): the page images go there */
  path: string;
  /** each article with a region on the page: its folder (the crop goes there) and its box */
  crops: { path: string; box: Box }[];
}
