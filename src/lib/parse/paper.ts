/**
 * Stage 5a: which paper is this? Evidence from the masthead, from bylines that name a paper
 * (衡阳晚报讯), from signatures (衡阳日报 / 2022年3月31日), and — weakly — from house byline forms
 * (本报讯) together with the paper's region, and from the file's name (衡阳日报…txt, rmrb_…txt). Papers are described in content/papers.json, so a new
 * paper is added there, not in code; a paper that is printed but not in the catalogue is still named.
 */
import { createHash } from 'node:crypto';
import type { Confidence, Evidence, Masthead, PaperInfo } from '../model/issue.ts';
import { paperFromName } from './file-name.ts';

export interface PaperEntry {
  id: string;
  name: string;
  nameEn?: string | null;
  serial?: string | null;
  publisher?: string | null;
  region?: string[];
  bylines?: string[];
  houseBylines?: string[];
}

export interface PaperCatalog {
  papers: PaperEntry[];
}

/** ASCII slug for a paper that is not in the catalogue. */
export function slugForUnknownPaper(name: string): string {
  return `paper-${createHash('sha1').update(name).digest('hex').slice(0, 8)}`;
}

export interface PaperClues {
  masthead: Masthead | null;
  /** the pages' printed headers (青溪报 2025年3月1日 第三版, 《人民日报》（…第 01 版）), with their line */
  pageHeaders?: { text: string; line: number }[];
  /** byline sources as printed, with their line */
  bylines: { source: string; line: number }[];
  /** signature blocks' lines */
  signatures: { text: string; line: number }[];
  /** the whole text, for region counts */
  text: string;
  /** the file's name under the seed folder (`rmrb_20200107-p03.txt`), when known */
  fileName?: string;
}

const RANK: Record<Confidence, number> = { none: 0, low: 1, medium: 2, high: 3 };

export function identifyPaper(clues: PaperClues, catalog: PaperCatalog): PaperInfo {
  const scores = new Map<
    string,
    { name: string; id: string; score: number; evidence: Evidence[]; best: Confidence }
  >();
  const byName = (name: string) => catalog.papers.find((p) => p.name === name);
  const credit = (name: string, weight: number, conf: Confidence, ev: Evidence) => {
    const entry = byName(name);
    const id = entry?.id ?? slugForUnknownPaper(name);
    const s = scores.get(id) ?? { name, id, score: 0, evidence: [], best: 'none' as Confidence };
    s.score += weight;
    s.evidence.push(ev);
    if (RANK[conf] > RANK[s.best]) s.best = conf;
    scores.set(id, s);
  };

  const m = clues.masthead;
  if (m?.paperName) {
    credit(m.paperName, 10, 'high', { kind: 'masthead', text: m.paperName, line: m.lines[0]?.line });
  }
  for (const h of clues.pageHeaders ?? []) {
    const named = /^《?([\u4e00-\u9fff]{1,8}(?:日报|晚报|早报|都市报|商报|时报|报))》?/u.exec(h.text);
    if (named) credit(named[1]!, 8, 'high', { kind: 'page-header', text: h.text, line: h.line });
  }
  if (m?.serial) {
    const entry = catalog.papers.find(
      (p) => p.serial && p.serial.replace(/\s/g, '') === m.serial!.replace(/\s/g, ''),
    );
    if (entry) credit(entry.name, 10, 'high', { kind: 'serial', text: m.serial });
  }
  for (const b of clues.bylines) {
    const named =
      /^(?:据)?(.{2,10}?(?:日报|晚报|早报|都市报|商报|时报|报))(?:[\u3400-\u9fff]{0,8}?)(?:讯|电)$/u.exec(
        b.source,
      );
    if (named && named[1] !== '本报') {
      credit(named[1]!, 3, 'high', { kind: 'byline-form', text: b.source, line: b.line });
    }
  }
  for (const s of clues.signatures) {
    for (const p of catalog.papers) {
      if (s.text.split('\n').some((l) => l.trim() === p.name)) {
        credit(p.name, 2, 'medium', { kind: 'signature', text: p.name, line: s.line });
      }
    }
  }
  // The file's name: the paper written out or its initials (rmrb), among the papers the catalogue
  // describes and those the text has named — weaker than anything printed on the page.
  if (clues.fileName) {
    const candidates = [...catalog.papers.map((p) => p.name), ...[...scores.values()].map((s) => s.name)];
    const named = paperFromName(clues.fileName, candidates);
    if (named) credit(named.name, 4, 'medium', { kind: 'file-name', text: named.text });
  }
  if (scores.size === 0) {
    // Weak: house byline forms plus the paper's region named in the text.
    for (const p of catalog.papers) {
      const house = clues.bylines.filter((b) => p.houseBylines?.some((h) => b.source === h));
      const regionHits = (p.region ?? []).reduce((n, r) => n + (clues.text.split(r).length - 1), 0);
      if (house.length >= 2 && regionHits >= 5) {
        credit(p.name, 1, 'low', {
          kind: 'house-byline',
          text: `${house.length} bylines in the house form ${[...new Set(house.map((h) => h.source))].join('、')}; ${(p.region ?? []).join('、')} named ${regionHits} times`,
          line: house[0]!.line,
        });
      }
    }
  }
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score);
  const top = ranked[0];
  if (!top) return { id: 'unknown', name: null, confidence: 'none', evidence: [] };
  // Two candidates with the same weak evidence leave the paper unknown.
  if (ranked[1] && ranked[1].score === top.score) {
    return { id: 'unknown', name: null, confidence: 'none', evidence: ranked.flatMap((r) => r.evidence) };
  }
  return { id: top.id, name: top.name, confidence: top.best, evidence: top.evidence };
}
