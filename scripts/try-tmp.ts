import { loadCatalog, loadEdition } from '../src/lib/edition.ts';
const r = loadEdition('/work/main/seeds', loadCatalog('/work/main/content/papers.json'));
for (const e of r.errors) console.log('ERR', e);
for (const { issue } of r.issues) {
  console.log('==', issue.source.file, issue.id, issue.paper.name, issue.paper.confidence, issue.date.value, issue.date.method, issue.date.confidence, 'pages', issue.pages.map(p=>p.label).join(','), 'articles', issue.articles.length, 'dups', issue.duplicates.length);
  for (const w of issue.warnings) console.log('  W', w.code, w.message);
  for (const a of issue.articles) {
    console.log(`  [${a.page}] ${a.kind.padEnd(12)} K:${a.kicker ?? ''} | H:${a.headline} | S:${a.subtitle ?? ''} | C:${a.column ?? ''} | B:${a.byline?.text ?? ''} ${JSON.stringify(a.byline?.staff.map(s=>s.name+'/'+(s.roleText??'-')) ?? [])} | P${a.paragraphs.length} (${a.paragraphs.filter(p=>p.role==='subhead').map(p=>p.text).join(' / ')}) cap:${a.captions.map(c=>c.text).join('/')} ref:${a.references.map(r=>r.text).join(',')} L${a.lines.start}-${a.lines.end}`);
  }
}
