import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { CardSpec } from '../lib/site/cards.ts';
import { writeCards } from './cards.ts';

const work = mkdtempSync(join(tmpdir(), 'baokan-cards-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const spec = (path: string, title: string): CardSpec => ({
  path,
  kind: 'article',
  title,
  kicker: null,
  subtitle: null,
  paper: '衡阳晚报',
  date: '2023年1月5日',
  page: '第一版',
});

describe('writeCards', () => {
  const cache = join(work, 'cache');
  const specs = [spec('p/1/a001/', '寒潮来袭'), spec('p/1/a002/', '春运首日')];

  it('draws each card once and copies it from the cache on the next build', async () => {
    const site1 = join(work, 'site1');
    const first = await writeCards(specs, site1, cache);
    expect([first.cards, first.drawn, first.reused]).toEqual([2, 2, 0]);
    for (const s of specs) {
      const meta = await sharp(join(site1, s.path, 'card.png')).metadata();
      expect([meta.width, meta.height]).toEqual([1200, 630]);
    }
    const site2 = join(work, 'site2');
    const again = await writeCards(specs, site2, cache);
    expect([again.drawn, again.reused]).toEqual([0, 2]);
    expect(readFileSync(join(site2, 'p/1/a001/card.png'))).toEqual(
      readFileSync(join(site1, 'p/1/a001/card.png')),
    );
  }, 60000);

  it('redraws only the card whose text changed', async () => {
    const site3 = join(work, 'site3');
    const changed = [specs[0]!, spec('p/1/a002/', '春运首日客流回升')];
    const run = await writeCards(changed, site3, cache);
    expect([run.drawn, run.reused]).toEqual([1, 1]);
    expect(statSync(join(site3, 'p/1/a002/card.png')).size).toBeGreaterThan(1000);
  }, 60000);

  it('leaves a card that stays where it is, and writes the others', async () => {
    const site4 = join(work, 'site4');
    await writeCards(specs, site4, cache);
    // a001's card stays (the last build placed it from the same hash), a002's does not
    const asked: string[] = [];
    const placed = {
      stays: (path: string, hash: string) => {
        asked.push(`${path} ${hash.length}`);
        return path === 'p/1/a001/card.png';
      },
    };
    const site5 = join(work, 'site5');
    const run = await writeCards(specs, site5, cache, { placed });
    expect(asked.sort()).toEqual(['p/1/a001/card.png 32', 'p/1/a002/card.png 32']);
    expect([run.left, run.drawn, run.reused]).toEqual([1, 0, 1]);
    // left, so not written into this (empty) folder; the other one copied
    expect(existsSync(join(site5, 'p/1/a001/card.png'))).toBe(false);
    expect(readFileSync(join(site5, 'p/1/a002/card.png'))).toEqual(
      readFileSync(join(site4, 'p/1/a002/card.png')),
    );
  }, 60000);
});
