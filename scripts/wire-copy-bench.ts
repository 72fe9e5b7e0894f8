/**
 * Times the wire-copy finder (src/lib/wire-copy) on a synthetic edition of real sentences (seeds
 * and the labelled corpus) with planted cut and retitled copies, and says how many it found.
 *   npx tsx scripts/wire-copy-bench.ts [articles=20000] [copy every=100] [seeds]
 * With `seeds`, clauses come from the seeds alone (a small pool, as npm run bench's generated year
 * has: random articles then share passages by chance, and the finder rightly links them).
 * Then a daily build: the last issue added to the edition without it, signatures kept, once with
 * the run of the build before taken over (its candidates extended, its overlaps kept) and once
 * without it (texts read, and time).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findCopies, textSignature, type LastRun } from '../src/lib/wire-copy/pairs.ts';
import { sentencesOf, syntheticEdition } from '../tests/support/synthetic-edition.ts';

const n = Number(process.argv[2] ?? 20000);
const every = Number(process.argv[3] ?? 100);
const dirs = process.argv[4] === 'seeds' ? ['seeds'] : ['seeds', 'tests/corpus'];
const texts = dirs.flatMap((dir) =>
  (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8')),
);
const sentences = sentencesOf(texts);
const edition = syntheticEdition(sentences, n, every);
const byId = new Map(edition.map((a) => [a.id, a.paragraphs.join('\n')]));
const chars = [...byId.values()].reduce((s, t) => s + t.length, 0);
const cpu = process.cpuUsage();
const found = findCopies(
  edition.map((a) => ({ id: a.id, issue: a.issue })),
  (id) => byId.get(id) ?? '',
);
const cpuMs = Math.round((process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000);
const family = (id: string): string => {
  const a = edition[Number(id.slice(1))]!;
  return a.copyOf ? family(a.copyOf) : a.id;
};
const stray = found.pairs.filter((p) => family(p.a) !== family(p.b)).length;
const planted = edition.filter((a) => a.copyOf).map((a) => `${a.copyOf}|${a.id}`);
const got = new Set(found.pairs.map((p) => `${p.a}|${p.b}`));
const hit = planted.filter((p) => got.has(p)).length;
console.log(
  `${n} articles (${(chars / 1e6).toFixed(1)}M characters, ${sentences.length} real clauses): ` +
    `${found.stats.candidates} candidate pairs, ${found.stats.pairs} copies in ${found.stats.groups} groups, ` +
    `${hit}/${planted.length} planted copies found, ${stray} pairs outside a planted family, ` +
    `in ${found.stats.ms} ms (${cpuMs} ms of CPU)`,
);

// A daily build on kept signatures: the last issue added, with and without the overlaps kept.
const inputs = edition.map((a) => ({ id: a.id, issue: a.issue }));
const newest = inputs.at(-1)!.issue;
const signatures = new Map(inputs.map((a) => [a.id, textSignature(byId.get(a.id) ?? '')]));
const signatureOf = (id: string) => signatures.get(id)!;
const before = inputs.filter((a) => a.issue !== newest);
const { run } = findCopies(before, (id) => byId.get(id) ?? '', undefined, signatureOf);
const last: LastRun = { ...run, at: Int32Array.from(before, (_, i) => i) };
for (const [label, kept] of [
  ['the last run taken over', last],
  ['signatures only', undefined],
] as const) {
  let read = 0;
  const day = findCopies(inputs, (id) => (read++, byId.get(id) ?? ''), undefined, signatureOf, kept);
  console.log(
    `a day added (${inputs.length - before.length} articles), ${label}: ` +
      `${day.stats.candidates} candidates (${day.stats.kept} measured before; ` +
      `${day.stats.extended ? 'extended' : 'banded anew'}), ${read} texts read, ` +
      `${day.stats.pairs} copies, in ${day.stats.ms} ms`,
  );
}
