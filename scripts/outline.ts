/**
 * npm run outline -- <file.txt> [more files]
 *
 * A one-line-per-article outline of what the parser made of each file, for reviewing rules
 * against the text (kind, kicker | headline | subtitle, byline, paragraph count, subheads,
 * captions, references, source lines).
 */
import { resolve } from 'node:path';
import { loadCatalog, loadCorrections, parseFile } from '../src/lib/edition/load-folder.ts';
import { filesOrExit } from '../src/lib/util/file-arguments.ts';

const files = filesOrExit('usage: npm run outline -- <file.txt> [more files]');
const catalog = loadCatalog(resolve(import.meta.dirname, '../content/papers.json'));
const corrections = loadCorrections(resolve(import.meta.dirname, '../content/corrections.yaml'));
for (const f of files) {
  const r = parseFile(f, catalog, corrections);
  if (!('issue' in r)) {
    console.log(`error: ${r.message}`);
    continue;
  }
  const { issue } = r;
  console.log(
    `== ${issue.sources.map((s) => s.file).join(' + ')} ${issue.id} | paper ${issue.paper.name ?? '?'} (${issue.paper.confidence}) | date ${issue.date.value} (${issue.date.method}, ${issue.date.confidence}) | pages ${issue.pages.map((p) => p.label).join(', ')} | ${issue.articles.length} articles | ${issue.duplicates.length} duplicates`,
  );
  for (const w of issue.warnings) console.log(`   warning ${w.code}: ${w.message}`);
  for (const a of issue.articles) {
    const heads = [a.kicker ?? '', a.headline, a.subtitle ?? ''].join(' | ');
    const subheads = a.paragraphs.filter((p) => p.role === 'subhead').map((p) => p.text);
    console.log(
      `   [${issue.pages[a.page]!.label}] ${a.kind} L${a.lines.start}-${a.lines.end}: ${heads}` +
        (a.column ? ` {栏目 ${a.column}}` : '') +
        (a.byline
          ? ` «${a.byline.text}» ${a.byline.staff.map((s) => `${s.name}/${s.roleText ?? '-'}`).join(' ')}`
          : '') +
        ` ¶${a.paragraphs.length}` +
        (subheads.length ? ` subheads: ${subheads.join(' / ')}` : '') +
        (a.captions.length ? ` captions: ${a.captions.map((c) => c.text).join(' / ')}` : '') +
        (a.references.length ? ` refs: ${a.references.map((x) => x.text).join(' ')}` : ''),
    );
  }
}
