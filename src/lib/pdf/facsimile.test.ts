/** The facsimile's geometry: image sizes from the page size, regions in percent, crop rectangles. */
import { describe, expect, it } from 'vitest';
import {
  cropImage,
  cropRect,
  facsimileImages,
  heightAt,
  percentBox,
  percentStyle,
  srcsetOf,
} from './facsimile.ts';

// An A4-wide typeset page (842 × 1191 pt).
const A4 = { width: 842, height: 1191 };

describe('facsimile images', () => {
  it('sizes each image from the page size (1191/842 of its width, to the pixel)', () => {
    // 480 × 1191 / 842 = 678.96; 960 → 1357.91; 1600 → 2263.18; 240 → 339.48
    expect(facsimileImages(A4)).toEqual({
      images: [
        { file: 'facsimile-480.webp', width: 480, height: 679 },
        { file: 'facsimile-960.webp', width: 960, height: 1358 },
        { file: 'facsimile-1600.webp', width: 1600, height: 2263 },
      ],
      thumb: { file: 'facsimile-thumb.webp', width: 240, height: 339 },
    });
    expect(heightAt({ width: 100, height: 0.1 }, 10)).toBe(1);
  });

  it('writes a srcset with the width of each image', () => {
    expect(srcsetOf(facsimileImages(A4).images, '../2/')).toBe(
      '../2/facsimile-480.webp 480w, ../2/facsimile-960.webp 960w, ../2/facsimile-1600.webp 1600w',
    );
  });
});

describe('regions over the image', () => {
  it('gives a box in percent of the page, to two decimals', () => {
    // 40/842 = 4.7506 %, 64.3/1191 = 5.3988 %, 759.2/842 = 90.166 %, 126.2/1191 = 10.596 %
    const box = { x0: 40, y0: 64.3, x1: 799.2, y1: 190.5 };
    expect(percentBox(box, A4)).toEqual({ left: 4.75, top: 5.4, width: 90.17, height: 10.6 });
    expect(percentStyle(box, A4)).toBe('left:4.75%;top:5.4%;width:90.17%;height:10.6%');
  });

  it('clips a box reaching past the page edge', () => {
    expect(percentBox({ x0: -10, y0: 1000, x1: 900, y1: 1300 }, A4)).toEqual({
      left: 0,
      top: 83.96, // 1000/1191
      width: 100,
      height: 16.04, // 191/1191
    });
  });
});

describe('the article crop', () => {
  it('cuts the box and 6 pt around it from the page rendered 1600 px wide', () => {
    // scale 1600/842 = 1.9002: left floor(94 × s) = 178, top floor(194 × s) = 368,
    // right ceil(306 × s) = 582, bottom ceil(406 × s) = 772
    expect(cropRect({ x0: 100, y0: 200, x1: 300, y1: 400 }, A4)).toEqual({
      left: 178,
      top: 368,
      width: 404,
      height: 404,
    });
  });

  it('stays inside the rendered image', () => {
    // right edge: ceil(856 × s) = 1627 is past the image, so it stops at 1600; the foot likewise
    const r = cropRect({ x0: 830, y0: 1180, x1: 850, y1: 1200 }, A4);
    expect(r.left).toBe(1565); // floor(824 × s)
    expect(r.left + r.width).toBe(1600);
    expect(r.top + r.height).toBe(2263);
  });

  it('scales a crop down to fit 480 × 480 px, keeping its shape', () => {
    // 1467 × 264 px: floor(34 × s) = 64 … ceil(805.2 × s) = 1531; floor(58.3 × s) = 110 … ceil(196.5 × s) = 374
    const wide = cropImage({ x0: 40, y0: 64.3, x1: 799.2, y1: 190.5 }, A4);
    expect(wide.rect).toEqual({ left: 64, top: 110, width: 1467, height: 264 });
    expect([wide.width, wide.height]).toEqual([480, 86]); // 264 × 480 / 1467 = 86.4
    // 214 × 1924 px: one tall column
    const tall = cropImage({ x0: 100, y0: 100, x1: 200, y1: 1100 }, A4);
    expect([tall.rect.width, tall.rect.height]).toEqual([214, 1924]);
    expect([tall.width, tall.height]).toEqual([53, 480]); // 214 × 480 / 1924 = 53.4
    const small = cropImage({ x0: 100, y0: 200, x1: 300, y1: 400 }, A4);
    expect([small.width, small.height]).toEqual([404, 404]);
  });
});
