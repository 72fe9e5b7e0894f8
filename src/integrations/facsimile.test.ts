/** The facsimile images: made once per PDF page and kept by the PDF's hash; a rebuild renders nothing. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { writePdf } from '../lib/pdf/pdf-writer.ts';
import { parsePdf } from '../lib/pdf/read-pdf.ts';
import { cropImage, type FacsimileSpec } from '../lib/pdf/facsimile.ts';
import { facsimileSummary, writeFacsimiles } from './facsimile.ts';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'baokan-facsimile-'));
  made.push(d);
  return d;
};

describe('writeFacsimiles', () => {
  const { pdf } = writePdf([
    {
      masthead: [],
      header: ['衡阳日报  2025年3月6日  星期四  第2版  综合'],
      footer: [],
      columns: 2,
      seed: 1,
      articles: [
        {
          kicker: null,
          headline: '城区新增口袋公园十二处',
          subtitle: null,
          byline: null,
          caption: null,
          paragraphs: [{ text: '本报讯 今年城区将新建口袋公园十二处，方便市民就近休闲。' }],
        },
      ],
    },
  ]);
  const seeds = temp();
  writeFileSync(join(seeds, 'p2.pdf'), pdf);
  const issue = parsePdf(pdf, 'p2.pdf', { catalog: { papers: [] } }).issue;
  const box = issue.articles[0]!.regions![0]!.box;
  const spec: FacsimileSpec = {
    file: 'p2.pdf',
    sha256: issue.sources[0]!.sha256,
    pdf: issue.pages[0]!.pdf!,
    path: 'x/2025/03/06/2/',
    crops: [{ path: 'x/2025/03/06/2/a001/', box }],
  };
  const cache = temp();

  it('renders a page once and copies it from the cache on the next build', async () => {
    const first = temp();
    const cold = await writeFacsimiles([spec], first, seeds, cache);
    expect([cold.pages, cold.rendered, cold.crops]).toEqual([1, 1, 1]);
    const second = temp();
    const warm = await writeFacsimiles([spec], second, seeds, cache);
    expect([warm.pages, warm.rendered, warm.crops]).toEqual([1, 0, 1]);
    for (const f of [
      'facsimile-480.webp',
      'facsimile-960.webp',
      'facsimile-1600.webp',
      'facsimile-thumb.webp',
      'a001/region.webp',
    ])
      expect(
        readFileSync(join(second, spec.path, f)).equals(readFileSync(join(first, spec.path, f))),
        f,
      ).toBe(true);
  });

  it('leaves an image the last build placed from the same cached file where it is', async () => {
    const first = temp();
    await writeFacsimiles([spec], first, seeds, cache);
    // the record of the last build: its page images placed from their cached files, its crop from another
    const recorded = new Map<string, string>();
    const record = { stays: (path: string, source: string) => (recorded.set(path, source), false) };
    await writeFacsimiles([spec], temp(), seeds, cache, true, record);
    const crop = `${spec.crops[0]!.path}region.webp`;
    recorded.set(crop, `${recorded.get(crop)!}-moved`);
    const second = temp();
    const run = await writeFacsimiles([spec], second, seeds, cache, true, {
      stays: (path, source) => recorded.get(path) === source,
    });
    expect(run.left).toBe(4);
    expect(existsSync(join(second, spec.path, 'facsimile-480.webp'))).toBe(false);
    expect(readFileSync(join(second, crop)).equals(readFileSync(join(first, crop)))).toBe(true);
    expect(facsimileSummary(run)).toContain('4 image(s) left where they were');
  });

  it('makes each image at the size the page states', async () => {
    const site = temp();
    await writeFacsimiles([spec], site, seeds, cache);
    const size = async (f: string) => {
      const m = await sharp(join(site, spec.path, f)).metadata();
      return [m.width, m.height];
    };
    // 842 × 1191 pt at least (typeset.ts): 480 px wide is 480 × h / 842 high
    const h = spec.pdf.height;
    expect(await size('facsimile-480.webp')).toEqual([480, Math.round((480 * h) / 842)]);
    expect(await size('facsimile-thumb.webp')).toEqual([240, Math.round((240 * h) / 842)]);
    const crop = cropImage(box, spec.pdf);
    expect(await size('a001/region.webp')).toEqual([crop.width, crop.height]);
  });

  it('renders again when a region changes (a new crop), not when nothing does', async () => {
    const moved = { ...spec, crops: [{ ...spec.crops[0]!, box: { ...box, y1: box.y1 + 10 } }] };
    const run = await writeFacsimiles([moved], temp(), seeds, cache);
    expect(run.rendered).toBe(1);
    // the old crop is no longer used: removed from the cache, the page images kept
    expect(run.pruned).toBe(1);
    const cached = readdirSync(cache).flatMap((d) => readdirSync(join(cache, d)));
    expect(cached.filter((f) => f.includes('-crop-'))).toHaveLength(1);
    expect(cached.filter((f) => f.includes('facsimile-'))).toHaveLength(4);
  });

  it('removes a PDF that left the edition from the cache, unless the build is partitioned', async () => {
    const own = temp();
    await writeFacsimiles([spec], temp(), seeds, own);
    expect(readdirSync(own)).toHaveLength(1);
    expect((await writeFacsimiles([], temp(), seeds, own, false)).pruned).toBe(0);
    expect(readdirSync(own)).toHaveLength(1);
    expect((await writeFacsimiles([], temp(), seeds, own)).pruned).toBe(5);
    expect(readdirSync(own)).toHaveLength(0);
  });
});
