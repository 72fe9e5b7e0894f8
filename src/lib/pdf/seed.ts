/**
 * A PDF seed in the shape the edition's loader expects of a text seed (src/lib/edition/load-folder.ts
 * `parseFile`: the issue and its decoded source): the PDF's text lines in reading order stand for
 * the source text, so that line numbers, the source view and the conservation check work as they do
 * for text. Also what the site needs to show an article's source lines without parsing again
 * (`pdfSourceLines`).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Correction } from '../editorial/corrections.ts';
import type { Issue } from '../model/issue.ts';
import type { SourceText } from '../parse/read.ts';
import { parsePdf, type PdfParse, type PdfParseOptions } from './read-pdf.ts';

/** Is this seed a PDF (by its name)? */
export const isPdfName = (name: string) => /\.pdf$/iu.test(name);

/** Parse a PDF seed: the issue, the decoded source (its text lines), and the PDF's regions and page sizes. */
export function parsePdfSeed(
  bytes: Uint8Array,
  path: string,
  options: PdfParseOptions,
): { issue: Issue; source: SourceText; pdf: Omit<PdfParse, 'issue' | 'lines'> } {
  const file = options.name ?? basename(path);
  const read = parsePdf(bytes, path, options);
  const source: SourceText = {
    file,
    encoding: 'pdf',
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    newline: 'LF',
    text: read.lines.join('\n'),
    lines: read.lines,
    notes: [],
    removedCount: 0,
    removedSample: '',
  };
  return { issue: read.issue, source, pdf: { regions: read.regions, pageSizes: read.pageSizes } };
}

/**
 * The text lines of a PDF seed in reading order (line n is element n - 1), as its issue numbers
 * them, with the corrections naming the file applied as the build applies them.
 */
export function pdfSourceLines(
  bytes: Uint8Array,
  file: string,
  corrections: readonly Correction[] = [],
): string[] {
  return parsePdf(bytes, file, { catalog: { papers: [] }, name: file, corrections }).lines;
}
