/**
 * The facsimile's images: a PDF page rendered once with MuPDF (raw pixels, RENDER_WIDTH px wide), then
 * sharp makes from that one rendering the WebP page images at each width, the thumbnail and each
 * article's crop (facsimile.ts gives the sizes and rectangles). Bytes in, bytes out: where they are
 * kept and written is the integration's business (src/integrations/facsimile.ts).
 */
import * as mupdf from 'mupdf';
import type { Box, PdfPage } from '../model/issue.ts';
import {
  cropImage,
  facsimileImages,
  heightAt,
  CROP_MARGIN,
  CROP_MAX,
  FACSIMILE_WIDTHS,
  RENDER_WIDTH,
  THUMB_WIDTH,
} from './facsimile.ts';

/** WebP quality of the page images and crops: newsprint text stays legible at 1600 px. */
export const WEBP_QUALITY = 78;
/** WebP effort (0–6): 2 is about twice as fast as the default 4 for a few per cent more bytes. */
export const WEBP_EFFORT = 2;
/** What the images depend on besides the PDF's bytes: a change makes every image again. */
export const FACSIMILE_PARAMETERS = JSON.stringify({
  v: 1,
  quality: WEBP_QUALITY,
  effort: WEBP_EFFORT,
  render: RENDER_WIDTH,
  widths: FACSIMILE_WIDTHS,
  thumb: THUMB_WIDTH,
  crop: [CROP_MAX, CROP_MARGIN],
});

/** Page size in points of each page of a PDF. */
export type PageSize = Pick<PdfPage, 'width' | 'height'>;

/** A page rendered: raw RGB pixels, RENDER_WIDTH × heightAt(size) (kept in memory, never encoded). */
export interface Rendering {
  data: Buffer;
  width: number;
  height: number;
}

const rawInput = (r: Rendering) => ({ raw: { width: r.width, height: r.height, channels: 3 as const } });

/**
 * Render pages of a PDF, each exactly RENDER_WIDTH px wide and heightAt(size) high, `size` being the
 * page size the issue states (`Page.pdf`), so that every image has the size the site's pages
 * announce (MuPDF renders at the scale that comes nearest; sharp sets the exact size). The pixels
 * stay raw: each image is made from them without decoding a PNG again. Pages come one at a time.
 */
export async function* renderPages(
  pdf: Uint8Array,
  pages: readonly { index: number; size: PageSize }[],
): AsyncGenerator<{ index: number; rendering: Rendering }> {
  const { default: sharp } = await import('sharp');
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    for (const { index, size } of pages) {
      const page = doc.loadPage(index);
      const [x0, , x1] = page.getBounds();
      const scale = RENDER_WIDTH / (x1 - x0);
      const pix = page.toPixmap([scale, 0, 0, scale, 0, 0], mupdf.ColorSpace.DeviceRGB, false, true);
      const [w, h, stride] = [pix.getWidth(), pix.getHeight(), pix.getStride()];
      const pixels = Buffer.from(pix.getPixels());
      pix.destroy();
      page.destroy();
      const height = heightAt(size, RENDER_WIDTH);
      const { data } = await sharp(pixels, { raw: { width: stride / 3, height: h, channels: 3 } })
        .extract({ left: 0, top: 0, width: w, height: h })
        .resize(RENDER_WIDTH, height, { fit: 'fill' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      // one page at a time: a page's pixels (~11 MB) are let go before the next is rendered
      yield { index, rendering: { data, width: RENDER_WIDTH, height } };
    }
  } finally {
    doc.destroy();
  }
}

/** The page images (facsimile.ts: facsimileImages) and the thumbnail, as WebP, from a rendering. */
export async function pageImages(
  page: Rendering,
  size: PageSize,
): Promise<{ file: string; bytes: Buffer }[]> {
  const { default: sharp } = await import('sharp');
  const { images, thumb } = facsimileImages(size);
  return Promise.all(
    [...images, thumb].map(async (i) => ({
      file: i.file,
      bytes: await sharp(page.data, rawInput(page))
        .resize(i.width, i.height, { fit: 'fill' })
        .webp({ quality: WEBP_QUALITY, effort: WEBP_EFFORT })
        .toBuffer(),
    })),
  );
}

/** An article's crop (its region and a margin) as WebP, from the page's rendering. */
export async function cropImageBytes(page: Rendering, size: PageSize, box: Box): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const crop = cropImage(box, size);
  return sharp(page.data, rawInput(page))
    .extract(crop.rect)
    .resize(crop.width, crop.height, { fit: 'fill' })
    .webp({ quality: WEBP_QUALITY, effort: WEBP_EFFORT })
    .toBuffer();
}
