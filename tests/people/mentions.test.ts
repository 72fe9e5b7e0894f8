/**
 * People, places and organisations named in the text, measured on the two hand-labelled samples
 * (tests/people/entity-samples.ts: the seeds, in-sample, and the development corpus) and reporters
 * from bylines: every figure must stay at or above its floor in tests/people/floors.json (the
 * floors `npm run eval:entities -- --check` uses). A mention is right when article, kind, entry
 * and printed text agree (each occurrence counts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { belowFloors, scoreKind } from '../../src/lib/people/mention-score.ts';
import { repoRoot } from '../support/seed-edition.ts';
import {
  corpusArticles,
  corpusSample,
  figuresOf,
  heldoutSample,
  loadFloors,
  measureEntities,
  SEED_SAMPLE_CHARS,
  seedSample,
  seeds,
} from './entity-samples.ts';

describe('the labelled samples', () => {
  it('seeds: at least 100 mentions, every article a seed article with a text paragraph', () => {
    const s = seedSample();
    expect(s.labelled.length).toBeGreaterThanOrEqual(100);
  });

  it('corpus: at least 100 mentions, each printed in its paragraph, in reading order, on the page cited', () => {
    const s = corpusSample();
    const texts = corpusArticles();
    expect(s.labelled.length).toBeGreaterThanOrEqual(100);
    const squash = (t: string) => t.replace(/[\s\u3000]+/gu, '');
    for (const a of s.articles) {
      const page = squash(readFileSync(join(repoRoot, a.page), 'utf8'));
      for (const p of texts.get(a.id)!)
        expect(page.includes(squash(p.text)), `${a.id} ${p.id} on ${a.page}`).toBe(true);
    }
    const at = new Map<string, number>();
    for (const m of s.labelled) {
      const p = texts.get(m.article)?.find((x) => x.index === m.paragraph);
      expect(p, `${m.article} paragraph ${m.paragraph}`).toBeDefined();
      const where = `${m.article}|${m.paragraph}`;
      const i = p!.text.indexOf(m.text, (at.get(where) ?? -1) + 1);
      expect(i, `${m.article} paragraph ${m.paragraph}: ${m.text}`).toBeGreaterThanOrEqual(0);
      at.set(where, i);
    }
  });

  it('held out: every span in its article, every mention printed in its span, in reading order', () => {
    const s = heldoutSample();
    expect(s.labelled.length).toBeGreaterThanOrEqual(100);
    const squash = (t: string) => t.replace(/[\s\u3000]+/gu, '');
    const articles = new Map(seeds().issues.flatMap((r) => r.issue.articles.map((a) => [a.id, a] as const)));
    for (const id of s.articles) {
      const text = squash(
        articles
          .get(id)!
          .paragraphs.filter((p) => p.role === 'text')
          .map((p) => p.text)
          .join(''),
      );
      expect(text.includes(squash(s.spans[id]!)), id).toBe(true);
      expect(s.spans[id]!.length, id).toBeLessThanOrEqual(SEED_SAMPLE_CHARS);
    }
    const at = new Map<string, number>();
    for (const m of s.labelled) {
      const i = s.spans[m.article]!.indexOf(m.text, (at.get(m.article) ?? -1) + 1);
      expect(i, `${m.article}: ${m.text}`).toBeGreaterThanOrEqual(0);
      at.set(m.article, i);
    }
  });

  it('both together: at least 300 mentions', () => {
    expect(
      seedSample().labelled.length + corpusSample().labelled.length + heldoutSample().labelled.length,
    ).toBeGreaterThanOrEqual(300);
  });
});

describe('scoring', () => {
  const m = (text: string, name = text) => ({ article: 'a', kind: 'place' as const, name, text });
  it('counts each occurrence, and a wrong entry as both wrong and missed', () => {
    const s = scoreKind(
      [m('衡阳', '衡阳市'), m('衡阳', '衡阳市'), m('市委', '中共衡阳市委')],
      [m('衡阳', '衡阳市'), m('南岳')],
      'place',
    );
    expect(s).toMatchObject({ labelled: 3, found: 2, right: 1, precision: 0.5 });
    expect(s.recall).toBeCloseTo(1 / 3);
    expect(s.wrong).toEqual(['a|place|南岳|南岳']);
    expect(s.missed).toEqual(['a|place|衡阳市|衡阳', 'a|place|中共衡阳市委|市委']);
  });
  it('names the figures below their floors', () => {
    expect(
      belowFloors(
        { corpus: { place: { precision: 0.9, recall: 0.5 } }, reporters: { precision: 1, recall: 1 } },
        { corpus: { place: { precision: 0.95, recall: 0.5 } }, reporters: { precision: 0.99, recall: 0.99 } },
      ),
    ).toEqual(['corpus place precision 0.900 < floor 0.950']);
  });
});

describe('names in the text and reporters, against the committed floors', () => {
  const figures = measureEntities();
  it('every figure at or above its floor (tests/people/floors.json)', () => {
    for (const part of ['seeds', 'corpus', 'total'] as const)
      for (const [kind, s] of Object.entries(figures[part]))
        console.log(
          `[people] ${part} ${kind}: ${s.labelled} labelled, ${s.found} found, ${s.right} right: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`,
        );
    expect(belowFloors(figuresOf(figures), loadFloors())).toEqual([]);
  });
});
