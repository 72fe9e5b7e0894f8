/**
 * Reporters from bylines and photo credits, measured on every credit printed in the seeds
 * (tests/people/reporters.json, labelled by reading the seed text): precision and recall of
 * (article, name, role, photos) must both reach 0.99.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueCredits } from '../../src/lib/people/credits.ts';
import { repoRoot, seedEdition } from '../support/seed-edition.ts';

interface Labelled {
  credits: {
    file: string;
    line: number;
    article: string;
    printed: string;
    people: { name: string; role: string; photos: boolean }[];
  }[];
}

const labels = JSON.parse(readFileSync(join(repoRoot, 'tests/people/reporters.json'), 'utf8')) as Labelled;
const issues = seedEdition().issues.map((r) => r.issue);
const key = (article: string, p: { name: string; role: string; photos: boolean }) =>
  `${article}|${p.name}|${p.role}|${p.photos ? 'photos' : ''}`;

describe('reporters from the seeds’ bylines and credits', () => {
  const truth = new Set(labels.credits.flatMap((c) => c.people.map((p) => key(c.article, p))));
  const found = new Set(issues.flatMap(issueCredits).map((c) => key(c.article, c)));
  const hits = [...found].filter((k) => truth.has(k)).length;
  const precision = hits / found.size;
  const recall = hits / truth.size;

  it('labels name articles of the seeds, at the line they give', () => {
    const byId = new Map(issues.flatMap((i) => i.articles.map((a) => [a.id, { a, i }] as const)));
    for (const c of labels.credits) {
      const at = byId.get(c.article);
      expect(at, c.article).toBeDefined();
      const file = at!.i.sources[at!.i.pages[at!.a.page]!.source]!.file;
      expect(file, c.article).toBe(c.file);
      const text = readFileSync(join(repoRoot, 'seeds', c.file), 'utf8').split(/\r?\n/)[c.line - 1]!;
      expect(text.includes(c.printed.split(' | ')[0]!.trim()), `${c.file}:${c.line}`).toBe(true);
    }
  });

  it('finds the credited people with precision and recall ≥ 0.99', () => {
    console.log(
      `[people] reporters: ${truth.size} labelled credits, ${found.size} found, ${hits} right: ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    expect({
      missed: [...truth].filter((k) => !found.has(k)),
      wrong: [...found].filter((k) => !truth.has(k)),
    }).toEqual({ missed: [], wrong: [] });
    expect(precision).toBeGreaterThanOrEqual(0.99);
    expect(recall).toBeGreaterThanOrEqual(0.99);
  });
});
