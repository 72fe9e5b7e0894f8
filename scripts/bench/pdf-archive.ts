/**
 * `npm run bench -- --pdf`: the synthetic archive as an e-paper publishes it, one PDF per 版. Each
 * generated text issue is parsed, and every page set again as a multi-column PDF page by the
 * project's typesetter (src/lib/pdf/typeset.ts, pdf-writer.ts) from what the parser found (kicker,
 * headline, subtitle, byline, first caption, paragraphs and subheads; table rows as paragraphs),
 * with a hints file naming its paper, date and page, as a text seed may have; the text file is
 * then removed. A character no font subset holds is set as 口 (a synthetic archive: the figures,
 * not the text, are what count).
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Issue } from '../../src/lib/model/issue.ts';
import { parseIssue } from '../../src/lib/parse/parse-issue.ts';
import type { PaperCatalog } from '../../src/lib/parse/paper.ts';
import { FontSet } from '../../src/lib/pdf/fonts.ts';
import { writePdf } from '../../src/lib/pdf/pdf-writer.ts';
import type { TypesetArticle, TypesetPage } from '../../src/lib/pdf/typeset.ts';

/** Text the fonts can set: a character none of them holds becomes 口. */
function settable(fonts: FontSet, s: string): string {
  return Array.from(s, (ch) => (!ch.trim() || fonts.glyph(ch, 400) || fonts.glyph(ch, 700) ? ch : '口')).join(
    '',
  );
}

function typesetArticle(a: Article, set: (s: string) => string): TypesetArticle {
  const paragraphs = [
    ...a.paragraphs.map((p) => ({ text: set(p.text), subhead: p.role === 'subhead' })),
    ...a.tables.flatMap((t) => t.rows.map((r) => ({ text: set(r.join('　')) }))),
  ].filter((p) => p.text.trim());
  return {
    kicker: a.kicker && set(a.kicker),
    headline: set(a.headline),
    subtitle: a.subtitle && set(a.subtitle),
    byline: a.byline && set(a.byline.text),
    caption: a.captions[0] ? set(a.captions[0].text) : null,
    paragraphs: paragraphs.length ? paragraphs : [{ text: set(a.title) }],
  };
}

/** The pages of a parsed issue, ready to set. */
export function typesetPages(issue: Issue, fonts: FontSet): TypesetPage[] {
  const set = (s: string) => settable(fonts, s);
  return issue.pages.map((p, k) => ({
    masthead: [],
    header: [set(p.header ?? `${issue.paper.name ?? ''}  ${issue.date.value ?? ''}  第${p.number}版`)],
    footer: p.credits.map((c) => set(c.text)),
    articles: issue.articles.filter((a) => a.page === k).map((a) => typesetArticle(a, set)),
    columns: 3 + (k % 3),
    seed: k + 1,
  }));
}

export interface PdfArchive {
  /** PDFs written (one per 版) */
  pdfs: number;
  bytes: number;
  ms: number;
}

/** Replace every `.txt` issue of `dir` by one PDF per 版 and a hints file beside each. */
export function typesetArchive(dir: string, catalog: PaperCatalog): PdfArchive {
  const t0 = performance.now();
  const fonts = new FontSet();
  let pdfs = 0;
  let bytes = 0;
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const path = join(dir, name);
    const { issue } = parseIssue(new Uint8Array(readFileSync(path)), path, { catalog, name });
    const stem = name.replace(/\.txt$/, '');
    typesetPages(issue, fonts).forEach((page, k) => {
      if (page.articles.length === 0) return;
      const n = issue.pages[k]!.number;
      const { pdf } = writePdf([page], fonts);
      writeFileSync(join(dir, `${stem}-p${String(n).padStart(2, '0')}.pdf`), pdf);
      writeFileSync(
        join(dir, `${stem}-p${String(n).padStart(2, '0')}.yaml`),
        `paper: ${issue.paper.id}\ndate: ${issue.date.value}\npages: [${n}]\n`,
      );
      pdfs++;
      bytes += pdf.length;
    });
    rmSync(path);
  }
  return { pdfs, bytes, ms: performance.now() - t0 };
}
