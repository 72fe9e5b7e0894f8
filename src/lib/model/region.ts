/**
 * Where things are printed, for issues read from PDFs (src/lib/pdf/): boxes in PDF points on a page,
 * origin at the page's top left, y growing downwards. Text seeds carry none of this.
 */
import { z } from 'zod';

/** An axis-aligned box on a page, in PDF points from the page's top left. */
export const boxSchema = z.object({
  /** left edge */
  x0: z.number(),
  /** top edge */
  y0: z.number(),
  /** right edge */
  x1: z.number(),
  /** bottom edge */
  y1: z.number(),
});
export type Box = z.infer<typeof boxSchema>;

/** Where an article is printed on its page (`Article.page`). */
export const regionSchema = z.object({
  /** the smallest box holding the whole article */
  box: boxSchema,
  /** its parts: the title block, each column leg, each picture */
  parts: z.array(boxSchema),
});
export type Region = z.infer<typeof regionSchema>;

/** The PDF page a 版 was read from. */
export const pdfPageSchema = z.object({
  /** 0-based index of the page in its source PDF (`Page.source`) */
  index: z.number().int(),
  /** page width in PDF points */
  width: z.number(),
  /** page height in PDF points */
  height: z.number(),
});
export type PdfPage = z.infer<typeof pdfPageSchema>;
