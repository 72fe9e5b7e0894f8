import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  cardHash,
  cardPath,
  cardsEnabled,
  cardText,
  clip,
  drawCard,
  fontLoader,
  notoFaces,
  parseUnicodeRange,
  pickFaces,
  type CardSpec,
} from './cards.ts';

const spec: CardSpec = {
  path: 'hengyang-daily/2021/03/06/1/a001/',
  kind: 'article',
  title: '以更加饱满的热情擦亮“衡阳群众”品牌',
  kicker: '弘扬雷锋精神',
  subtitle: null,
  paper: '衡阳日报',
  date: '2021年3月6日',
  page: '第一版 要闻',
};

describe('font subsets', () => {
  it('reads unicode-range lists, single points and wildcards', () => {
    expect(parseUnicodeRange('U+4e00-4e0f, U+20,U+3??')).toEqual([
      [0x4e00, 0x4e0f],
      [0x20, 0x20],
      [0x300, 0x3ff],
    ]);
  });

  const faces = notoFaces();
  it('finds the woff subsets of both weights in @fontsource/noto-sans-sc', () => {
    expect(faces.filter((f) => f.weight === 400).length).toBeGreaterThan(90);
    expect(faces.filter((f) => f.weight === 700).length).toBeGreaterThan(90);
    expect(faces.every((f) => f.file.endsWith('.woff'))).toBe(true);
  });

  it('picks only subsets that hold the card’s characters, and all it needs', () => {
    const text = cardText(spec);
    const { faces: picked, missing } = pickFaces(text, faces);
    expect(missing).toEqual([]);
    expect(picked.length).toBeLessThan(40);
    for (const ch of new Set(Array.from(text.replace(/\s/gu, '')))) {
      const cp = ch.codePointAt(0)!;
      for (const w of [400, 700])
        expect(
          picked.some((f) => f.weight === w && f.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)),
          `${ch} ${w}`,
        ).toBe(true);
    }
  });

  it('reports characters no subset holds', () => {
    expect(pickFaces('甲\u{10FFFD}', faces).missing).toEqual(['\u{10FFFD}']);
  });
});

describe('card content', () => {
  it('clips long text with an ellipsis', () => {
    expect(clip('一二三四五', 3)).toBe('一二…');
    expect(clip(' 一  二 ', 9)).toBe('一 二');
  });

  it('hashes what the card prints, not where it is', () => {
    const h = cardHash(spec, '5.3.0');
    expect(cardHash({ ...spec, path: 'elsewhere/' }, '5.3.0')).toBe(h);
    expect(cardHash({ ...spec, title: '另一个标题' }, '5.3.0')).not.toBe(h);
    expect(cardHash(spec, '5.4.0')).not.toBe(h);
  });

  it('is on unless BAOKAN_CARDS says off', () => {
    expect(cardsEnabled({})).toBe(true);
    expect(cardsEnabled({ BAOKAN_CARDS: '1' })).toBe(true);
    for (const off of ['0', 'false', 'OFF', 'no']) expect(cardsEnabled({ BAOKAN_CARDS: off })).toBe(false);
    expect(cardPath('a/b/')).toBe('a/b/card.png');
  });
});

describe('drawCard', () => {
  it('draws a 1200×630 PNG with the text in it', async () => {
    const faces = notoFaces();
    const load = fontLoader();
    const png = await drawCard(spec, load(pickFaces(cardText(spec), faces).faces));
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    // text drawn: the headline band has dark pixels, an empty card has none
    const empty = await drawCard({ ...spec, title: ' ', kicker: null }, load(faces.slice(0, 1)));
    const dark = async (buf: Buffer) => {
      const { data } = await sharp(buf)
        .extract({ left: 72, top: 200, width: 1056, height: 200 })
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return data.filter((v) => v < 100).length;
    };
    expect(await dark(png)).toBeGreaterThan(2000);
    expect(await dark(empty)).toBe(0);
  }, 30000);
});
