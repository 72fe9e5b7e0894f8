/**
 * Articles from a page's regions and leaves in reading order (page-layout.ts), by what the page
 * shows rather than by guessing from words:
 *
 * - a run of lines set larger than the body (≥ 1.15 × its size) is a title block, and a title
 *   block after text starts a new article; so does every region (rules enclose articles);
 * - in a title block, the lines in the largest size are the 主题, the smaller lines before them
 *   the 引题, those after them the 副题;
 * - small lines (≤ 0.9 × body) right under a picture are its caption;
 * - body lines make paragraphs: a line indented from its leg's left edge, or after a line that
 *   ends short of the leg's right edge, starts one; a paragraph set in bold is a subhead;
 *   paragraphs go on from the foot of one leg to the head of the next.
 *
 * Bylines, photo credits and cross-references are then read from the text with the text
 * pipeline's own rules (src/lib/parse/byline.ts, cross-references.ts).
 */
import type { TextLine } from './extract.ts';
import { union, type Rect } from './geometry.ts';
import type { PageItem } from './page-layout.ts';
import type { Region } from './reading-order.ts';
import { joinLines } from '../text/characters.ts';

/** Text with the source lines (numbers in the PDF's reading order) it was read from. */
export interface Placed {
  text: string;
  lines: number[];
}

/** An article as read from the page, before bylines and references are taken out. */
export interface PdfArticleDraft {
  /** title lines with their sizes, in reading order */
  title: { text: string; size: number; line: number }[];
  paragraphs: (Placed & { bold: boolean })[];
  captions: Placed[];
  /** boxes of what the article holds (title block, column legs, pictures) in page coordinates */
  boxes: Rect[];
}

const TITLE = 1.15;
const SMALL = 0.9;
/** a caption starts at most this far under its picture */
const CAPTION_REACH = 20;

type LineNumber = (line: TextLine) => number;

interface Open {
  article: PdfArticleDraft | null;
  paragraph: { lines: TextLine[]; numbers: number[]; bold: boolean } | null;
  /** the last body line ended short of its leg's right edge */
  endedShort: boolean;
  picture: Rect | null;
  caption: Placed | null;
  captionBottom: number;
}

const hasBody = (a: PdfArticleDraft) => a.paragraphs.length > 0 || a.captions.length > 0;

function closeParagraph(o: Open) {
  if (o.paragraph && o.article) {
    o.article.paragraphs.push({
      text: joinLines(o.paragraph.lines.map((l) => l.text)),
      lines: o.paragraph.numbers,
      bold: o.paragraph.bold,
    });
  }
  o.paragraph = null;
}

function closeCaption(o: Open) {
  if (o.caption && o.article) o.article.captions.push(o.caption);
  o.caption = null;
}

function startArticle(o: Open, out: PdfArticleDraft[]): PdfArticleDraft {
  closeParagraph(o);
  closeCaption(o);
  o.article = { title: [], paragraphs: [], captions: [], boxes: [] };
  o.endedShort = false;
  o.picture = null;
  out.push(o.article);
  return o.article;
}

/** The articles of one page, in reading order. `number` gives each line its source line number. */
export function readArticles(
  regions: readonly Region<PageItem>[],
  bodySize: number,
  number: LineNumber,
): PdfArticleDraft[] {
  const out: PdfArticleDraft[] = [];
  const o: Open = {
    article: null,
    paragraph: null,
    endedShort: false,
    picture: null,
    caption: null,
    captionBottom: 0,
  };
  for (const region of regions) {
    o.article = null;
    o.paragraph = null;
    for (const leaf of region.leaves) {
      const body = leaf.flatMap((i) => (i.line && isBodyLine(i.line, bodySize) ? [i.line] : []));
      const legLeft = Math.min(...body.map((l) => l.box.x0));
      const legRight = Math.max(...body.map((l) => l.box.x1));
      const boxes: Rect[] = [];
      for (const item of leaf) {
        boxes.push(item.box);
        if (item.picture) {
          const a = o.article ?? startArticle(o, out);
          closeCaption(o);
          a.boxes.push(item.picture);
          o.picture = item.picture;
          continue;
        }
        readLine(item.line, o, out, { bodySize, legLeft, legRight, number });
      }
      const box = union(boxes);
      const current = o.article as PdfArticleDraft | null;
      if (box && current) current.boxes.push(box);
    }
    closeParagraph(o);
    closeCaption(o);
  }
  return out;
}

function isBodyLine(l: TextLine, bodySize: number) {
  return l.size < bodySize * TITLE && l.size > bodySize * SMALL;
}

interface LineContext {
  bodySize: number;
  legLeft: number;
  legRight: number;
  number: LineNumber;
}

function readLine(line: TextLine, o: Open, out: PdfArticleDraft[], c: LineContext) {
  const n = c.number(line);
  if (line.size >= c.bodySize * TITLE) {
    const a =
      o.article && !hasBody(o.article) && !o.paragraph && !o.caption ? o.article : startArticle(o, out);
    a.title.push({ text: line.text.trim(), size: line.size, line: n });
    return;
  }
  const a = o.article ?? startArticle(o, out);
  if (line.size <= c.bodySize * SMALL) {
    const underPicture =
      o.picture && line.box.y0 >= o.picture.y1 - 1 && line.box.y0 - o.picture.y1 <= CAPTION_REACH;
    const goesOn = o.caption && line.box.y0 - o.captionBottom <= line.size;
    if (underPicture && !o.caption) {
      closeParagraph(o);
      o.caption = { text: line.text.trim(), lines: [n] };
    } else if (goesOn && o.caption) {
      o.caption = { text: joinLines([o.caption.text, line.text]), lines: [...o.caption.lines, n] };
    } else {
      bodyLine(line, n, a, o, c);
      return;
    }
    o.captionBottom = line.box.y1;
    return;
  }
  closeCaption(o);
  bodyLine(line, n, a, o, c);
}

function bodyLine(line: TextLine, n: number, _a: PdfArticleDraft, o: Open, c: LineContext) {
  const indented = line.box.x0 - c.legLeft >= 1.2 * line.size;
  const fresh = !o.paragraph || indented || o.endedShort || o.paragraph.bold !== line.bold;
  if (fresh) {
    closeParagraph(o);
    o.paragraph = { lines: [], numbers: [], bold: line.bold };
  }
  o.paragraph!.lines.push(line);
  o.paragraph!.numbers.push(n);
  o.endedShort = c.legRight - line.box.x1 >= 1.5 * line.size;
}
