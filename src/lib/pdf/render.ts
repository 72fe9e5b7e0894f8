/**
 * The facsimile's images: a PDF page rendered once with MuPDF (PNG, RENDER_WIDTH px wide), then
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
  CROP_MAX_WIDTH,
  FACSIMILE_WIDTHS,
  RENDER_WIDTH,
  THUMB_WIDTH,
} from './facsimile.ts';

/** WebP quality of the page images and crops: newsprint text stays legible at 1600 px. */
export const WEBP_QUALITY = 78;
/** What the images depend on besides the PDF's bytes: a change makes every image again. */
export const FACSIMILE_PARAMETERS = JSON.stringify({
  v: 1,
  quality: WEBP_QUALITY,
  render: RENDER_WIDTH,
  widths: FACSIMILE_WIDTHS,
  thumb: THUMB_WIDTH,
  crop: [CROP_MAX_WIDTH, CROP_MARGIN],
});

/** Page size in points of each page of a PDF. */
export type PageSize = Pick<PdfPage, 'width' | 'height'>;

/**
 * Render pages of a PDF to PNG, each exactly RENDER_WIDTH px wide and heightAt(size) high, `size`
 * being the page size the issue states (`Page.pdf`), so that every image has the size the site's
 * pages announce (MuPDF renders at the scale that comes nearest; sharp sets the exact size).
 */
export async function renderPages(
  pdf: Uint8Array,
  pages: readonly { index: number; size: PageSize }[],
): Promise<Map<number, Buffer>> {
  const { default: sharp } = await import('sharp');
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  const out = new Map<number, Buffer>();
  try {
    for (const { index, size } of pages) {
      const page = doc.loadPage(index);
      const [x0, , x1] = page.getBounds();
      const scale = RENDER_WIDTH / (x1 - x0);
      const pix = page.toPixmap([scale, 0, 0, scale, 0, 0], mupdf.ColorSpace.DeviceRGB, false, true);
      const raw = Buffer.from(pix.asPNG());
      pix.destroy();
      page.destroy();
      const png = await sharp(raw)
        .resize(RENDER_WIDTH, heightAt(size, RENDER_WIDTH), { fit: 'fill' })
        .png({ compressionLevel: 1 })
        .toBuffer();
      out.set(index, png);
    }
  } finally {
    doc.destroy();
  }
  return out;
}

/** The page images (facsimile.ts: facsimileImages) and the thumbnail, as WebP, from a rendering. */
export async function pageImages(png: Buffer, size: PageSize): Promise<{ file: string; bytes: Buffer }[]> {
  const { default: sharp } = await import('sharp');
  const { images, thumb } = facsimileImages(size);
  return Promise.all(
    [...images, thumb].map(async (i) => ({
      file: i.file,
      bytes: await sharp(png)
        .resize(i.width, i.height, { fit: 'fill' })
        .webp({ quality: WEBP_QUALITY })
        .toBuffer(),
    })),
  );
}

/** An article's crop (its region and a margin) as WebP, from the page's rendering. */
export async function cropImageBytes(png: Buffer, size: PageSize, box: Box): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const crop = cropImage(box, size);
  return sharp(png)
    .extract(crop.rect)
    .resize(crop.width, crop.height, { fit: 'fill' })
    .webp({ quality: WEBP_QUALITY })
    .toBuffer();
}
