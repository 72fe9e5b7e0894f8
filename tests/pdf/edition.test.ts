/**
 * A PDF edition built end to end: corpus pages (tests/corpus/pages/) typeset as PDFs by the
 * project's own typesetter (src/lib/pdf/typeset.ts, as `npm run eval:pdf` does; generated here,
 * never stored) — two one-版 PDFs of one day, one PDF holding a whole two-版 issue — beside a text
 * seed, and an editorial correction of a PDF line; then `astro build` of that folder. Checked
 * against what was given: every 版 from a PDF shows its page image with one region link per
 * article, each link leading to the article it names; every article shows its crop and links to
 * the PDF, which the site holds byte for byte; the text seed keeps the schematic. A scanned PDF
 * fails the build in one line naming it.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import * as mupdf from 'mupdf';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusDocument } from '../../scripts/pdf-corpus.ts';
import { writePdf } from '../../src/lib/pdf/pdf-writer.ts';
import { pdfSourceLines } from '../../src/lib/pdf/seed.ts';
import { build, root, temp, type Built } from '../integrity/harness.ts';
import { byClass, byTag, hrefOf, text, tree } from '../site/html.ts';
import type { Element } from 'hast';

const corpus = (f: string) => join(root, 'tests/corpus/pages/city-daily', `${f}.labels.json`);
/** seed name → the corpus pages typeset into it */
const PDFS: Record<string, string[]> = {
  'ljrb-20250301-p01.pdf': ['epaper-ljrb_20250301-p01'],
  'ljrb-20250301-p03.pdf': ['epaper-ljrb20250301第03版'],
  'ljrb-20250115.pdf': ['epaper-ljrb_20250115-p02', 'epaper-ljrb-2025-01-15_03'],
};
const TEXT_SEED = '社区读书会.txt';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Lines of the log logged by one of baokan's loggers at a level, without time and logger name. */
const logLines = (log: string, level: 'ERROR' | 'WARN') =>
  log
    .split('\n')
    .filter((l) => l.includes(`[${level}] [baokan-`))
    .map((l) => l.replace(/^.*?\[baokan-[a-z]+\] /, ''));

/** A content folder: the project's, with these corrections. */
function contentWith(corrections: string): string {
  const dir = temp('baokan-pdf-content-');
  cpSync(join(root, 'content'), dir, { recursive: true });
  writeFileSync(join(dir, 'corrections.yaml'), corrections);
  return dir;
}

const inputs = new Map<string, Uint8Array>();
let built: Built;
let correctedLine: { file: string; line: number };

beforeAll(() => {
  const seeds = temp('baokan-pdf-seeds-');
  for (const [name, pages] of Object.entries(PDFS)) {
    const { pdf } = writePdf(pages.flatMap((p) => corpusDocument(corpus(p)).pages));
    inputs.set(name, pdf);
    writeFileSync(join(seeds, name), pdf);
  }
  writeFileSync(
    join(seeds, TEXT_SEED),
    '社区举办读书会\n\n本周末，社区在活动中心举办读书会，三十多位居民参加，交流读书心得。\n',
  );
  // a correction of the lead headline's line of the first PDF, addressed like a text seed's
  const file = 'ljrb-20250301-p01.pdf';
  const lines = pdfSourceLines(inputs.get(file)!, file);
  const line = lines.findIndex((l) => l.includes('讨论政府工作报告')) + 1;
  expect(line).toBeGreaterThan(0);
  correctedLine = { file, line };
  const content = contentWith(
    [
      `- file: ${file}`,
      `  line: ${line}`,
      '  from: 讨论',
      '  to: 审议',
      '  note: 测试用校订',
      '  authority: 测试',
      '',
    ].join('\n'),
  );
  built = build(seeds, { BAOKAN_CONTENT: content });
  if (built.status !== 0) throw new Error(`the PDF edition did not build:\n${built.log}`);
}, 600_000);

/** The built page at a site path, as a hast tree. */
const page = (path: string) => tree(join(built.dist, path, 'index.html'));
/** A link's target as a site path, from the page at `from`. */
const resolve = (from: string, href: string) => posix.normalize(posix.join(from, href));
/** The site path of an `…/index.html` link target (its folder). */
const folderOf = (from: string, href: string) => resolve(from, href).replace(/index\.html$/, '');

interface IssueJson {
  sources: { file: string; sha256: string; bytes: number; encoding: string }[];
  pages: { slug: string; source: number; pdf?: { index: number; width: number; height: number } }[];
  articles: { id: string; page: number; title: string; regions?: { box: object }[] }[];
  corrections: { file: string; line: number; from: string; to: string }[];
}

/** Every issue of the build: its folder (site path) and its issue.json. */
function issues(): { path: string; json: IssueJson }[] {
  const out: { path: string; json: IssueJson }[] = [];
  const walk = (rel: string) => {
    const abs = join(built.dist, rel);
    if (existsSync(join(abs, 'issue.json'))) {
      out.push({ path: rel, json: JSON.parse(readFileSync(join(abs, 'issue.json'), 'utf8')) as IssueJson });
      return;
    }
    for (const e of readdirSync(abs, { withFileTypes: true }))
      if (e.isDirectory() && !/^(?:_|pagefind|search)/.test(e.name)) walk(`${rel}${e.name}/`);
  };
  walk('');
  return out;
}
const pdfIssues = () => issues().filter((i) => i.json.sources.every((s) => s.encoding === 'pdf'));

describe('a PDF edition, built', () => {
  it('publishes every PDF byte for byte, its sha256 in issue.json', () => {
    const published = pdfIssues().flatMap(({ path, json }) =>
      json.sources.map((s, k) => {
        const name = json.sources.length === 1 ? 'source.pdf' : `source-${k + 1}.pdf`;
        return { file: s.file, sha: s.sha256, bytes: readFileSync(join(built.dist, path, name)) };
      }),
    );
    expect(published.map((p) => p.file).sort()).toEqual(Object.keys(PDFS).sort());
    for (const p of published) {
      expect(Buffer.compare(p.bytes, Buffer.from(inputs.get(p.file)!)), p.file).toBe(0);
      expect(p.sha).toBe(sha256(inputs.get(p.file)!));
    }
  });

  it('shows each 版 from a PDF as its page image, one region link per article, named by its headline', async () => {
    let pages = 0;
    for (const { path, json } of pdfIssues()) {
      for (const [index, p] of json.pages.entries()) {
        const at = `${path}${p.slug}/`;
        const t = page(at);
        const [figure] = byClass(t, 'facsimile');
        expect(figure, at).toBeDefined();
        expect(byClass(t, 'page-map')).toHaveLength(0);
        const [img] = byTag(figure!, 'img') as [Element];
        const srcset = String(img.properties.srcSet ?? img.properties.srcset);
        expect(srcset).toMatch(
          /facsimile-480\.webp 480w, facsimile-960\.webp 960w, facsimile-1600\.webp 1600w/,
        );
        // the stated size is the image's own
        const meta = await sharp(join(built.dist, at, String(img.properties.src))).metadata();
        expect([meta.width, meta.height]).toEqual([
          Number(img.properties.width),
          Number(img.properties.height),
        ]);
        expect(meta.format).toBe('webp');
        // as tall as the PDF page is, for its width
        expect(meta.height).toBe(Math.round((meta.width! * p.pdf!.height) / p.pdf!.width));
        for (const f of ['facsimile-480.webp', 'facsimile-1600.webp', 'facsimile-thumb.webp'])
          expect(existsSync(join(built.dist, at, f)), `${at}${f}`).toBe(true);

        const links = byClass(figure!, 'facsimile-region');
        const articles = json.articles.filter((a) => a.page === index);
        expect(links.length, at).toBe(articles.length);
        expect(articles.every((a) => a.regions?.length === 1)).toBe(true);
        // in reading order, each to an article whose headline is the link's name
        links.forEach((a, k) => {
          const target = folderOf(at, hrefOf(a));
          const [h1] = byTag(page(target), 'h1');
          expect(String(a.properties.ariaLabel), target).toBe(text(h1!).trim());
          expect(text(h1!).trim()).toBe(articles[k]!.title);
          expect(String(a.properties.style)).toMatch(
            /^left:[\d.]+%;top:[\d.]+%;width:[\d.]+%;height:[\d.]+%$/,
          );
        });
        pages++;
      }
    }
    expect(pages).toBe(4);
  });

  it('shows each 版 read from a PDF as a thumbnail of its printed page on the issue page', async () => {
    for (const { path, json } of pdfIssues()) {
      const thumbs = byClass(page(path), 'page-thumb');
      expect(thumbs.length, path).toBe(json.pages.length);
      for (const [k, a] of thumbs.entries()) {
        const [img] = byTag(a, 'img') as [Element];
        const file = join(built.dist, path, String(img.properties.src));
        expect(String(img.properties.src)).toBe(`${json.pages[k]!.slug}/facsimile-thumb.webp`);
        const meta = await sharp(file).metadata();
        expect([meta.width, meta.height]).toEqual([
          Number(img.properties.width),
          Number(img.properties.height),
        ]);
      }
    }
  });

  it('shows each article from a PDF its region cropped, linking to its 版 and to the PDF', async () => {
    for (const { path, json } of pdfIssues()) {
      for (const a of json.articles) {
        const p = json.pages[a.page]!;
        const at = `${path}${p.slug}/${a.id.replace(/^.*-(a\d+)$/, '$1')}/`;
        const [crop] = byClass(page(at), 'region-crop');
        expect(crop, at).toBeDefined();
        const [img] = byTag(crop!, 'img') as [Element];
        const meta = await sharp(join(built.dist, at, String(img.properties.src))).metadata();
        expect([meta.width, meta.height]).toEqual([
          Number(img.properties.width),
          Number(img.properties.height),
        ]);
        const hrefs = byTag(crop!, 'a').map((l) => resolve(at, hrefOf(l)));
        expect(hrefs).toContain(`${path}${p.slug}/index.html`);
        const pdf = json.sources.length === 1 ? 'source.pdf' : `source-${p.source + 1}.pdf`;
        expect(hrefs).toContain(`${path}${pdf}`);
      }
    }
  });

  it('applies the correction to the PDF line, as for text', () => {
    const first = issues().find((i) => i.json.sources.some((s) => s.file === correctedLine.file));
    expect(first!.json.corrections).toEqual([
      expect.objectContaining({
        file: correctedLine.file,
        line: correctedLine.line,
        from: '讨论',
        to: '审议',
      }),
    ]);
    const lead = first!.json.articles.find((a) => a.title.includes('政府工作报告'))!;
    expect(lead.title).toContain('审议政府工作报告');
    expect(built.log).not.toContain('correction not applied');
  });

  it('keeps the schematic for the text seed', () => {
    const text = issues().filter((i) => i.json.sources[0]!.file === TEXT_SEED);
    expect(text).toHaveLength(1);
    const p = page(`${text[0]!.path}${text[0]!.json.pages[0]!.slug}/`);
    expect(byClass(p, 'page-map')).toHaveLength(1);
    expect(byClass(p, 'facsimile')).toHaveLength(0);
    expect(
      byClass(page(`${text[0]!.path}${text[0]!.json.pages[0]!.slug}/a001/`), 'region-crop'),
    ).toHaveLength(0);
  });
});

describe('a scanned PDF in the seed folder', () => {
  it('fails the build in one line naming it (OCR is not supported)', () => {
    const seeds = temp('baokan-pdf-scan-');
    const buffer = new mupdf.Buffer();
    const writer = new mupdf.DocumentWriter(buffer, 'pdf', '');
    const dev = writer.beginPage([0, 0, 200, 200]);
    const pix = new mupdf.Pixmap(mupdf.ColorSpace.DeviceGray, [0, 0, 4, 4], false);
    pix.clear(128);
    dev.fillImage(new mupdf.Image(pix), [100, 0, 0, 100, 50, 50], 1);
    writer.endPage();
    writer.close();
    mkdirSync(join(seeds, '2025'));
    writeFileSync(join(seeds, '2025/scan-p1.pdf'), buffer.asUint8Array());
    writeFileSync(
      join(seeds, TEXT_SEED),
      '社区举办读书会\n\n本周末，社区在活动中心举办读书会，三十多位居民参加。\n',
    );
    const r = build(seeds, { BAOKAN_CONTENT: contentWith('') });
    expect(r.status).toBe(1);
    expect(logLines(r.log, 'ERROR')).toEqual([
      'skipped 2025/scan-p1.pdf: the PDF has no text layer (a scanned page?); OCR is not supported',
      '1 thing(s) given were not published (listed above); fix them, or set BAOKAN_ALLOW_SKIPPED=1 to publish the rest anyway',
    ]);
    expect(r.log).not.toMatch(/\n\s+at /);
  }, 600_000);
});
