/**
 * Stage 5b: the date of publication.
 *
 * 1. A masthead date is printed fact (high); so is the date of a printed page header or e-paper page
 *    title (青溪报 2025年3月1日 星期六 第三版, 《人民日报》（2025年03月01日第 01 版）).
 * 2. A relative word tied to a date in a news lead — 昨日（3月5日） — gives the day exactly (medium).
 * 3. Otherwise the news leads: a daily reports the previous day's events, so the latest date that
 *    opens a news item, plus one day, estimates the date (low; medium when several leads
 *    agree). The year comes from the years the text mentions (see inferYear).
 * 4. Signatures of notices (2022年3月31日) set a lower bound; alone they give a low-confidence date.
 * 5. The file's name (`rmrb_20200107-p03.txt`, `2020/01/07/`; src/lib/parse/file-name.ts): below a
 *    masthead date (a check: they should agree), above dates inferred from the text (medium),
 *    see applyFileNameDate.
 */
import type { Article, DateInfo, Evidence, Masthead, Paragraph } from '../model/issue.ts';
import { addDays, compareYmd, findDates, inferYear, isoDate, type YMD } from '../text/dates.ts';
import { dateFromName } from './file-name.ts';

export interface DateClues {
  masthead: Masthead | null;
  /** the pages' printed headers, as printed, with their line */
  pageHeaders?: { text: string; line: number }[];
  articles: (Pick<Article, 'byline' | 'kind' | 'signature'> & { paragraphs: Omit<Paragraph, 'id'>[] })[];
  text: string;
}

const LEAD_WINDOW = 40;

export function inferPublicationDate(clues: DateClues): DateInfo {
  const m = clues.masthead;
  if (m?.date) {
    return {
      value: m.date,
      method: 'masthead',
      confidence: 'high',
      evidence: [
        {
          kind: 'masthead',
          text: m.lines.find((l) => l.text.includes('年'))?.text ?? m.date,
          line: m.lines[0]?.line,
        },
      ],
    };
  }

  for (const h of clues.pageHeaders ?? []) {
    const full = findDates(h.text).find((dm) => dm.kind === 'full' && dm.y && dm.m && dm.d);
    if (full)
      return {
        value: isoDate({ y: full.y!, m: full.m!, d: full.d! }),
        method: 'page-header',
        confidence: 'high',
        evidence: [{ kind: 'page-header', text: h.text, line: h.line }],
      };
  }

  const leads: { m: number; d: number; text: string; line: number }[] = [];
  const relatives: { date: { m: number; d: number }; offset: number; text: string; line: number }[] = [];
  for (const a of clues.articles) {
    if (!a.byline || a.kind === 'continuation') continue;
    if (a.byline.dateline) {
      leads.push({ ...a.byline.dateline, text: a.byline.text, line: a.byline.lines.start });
    }
    const first = a.paragraphs.find((p) => p.role === 'text');
    if (!first) continue;
    for (const dm of findDates(first.text)) {
      if (dm.index > LEAD_WINDOW) break;
      if (dm.kind === 'relative' && dm.m && dm.d && dm.offset !== undefined) {
        relatives.push({
          date: { m: dm.m, d: dm.d },
          offset: dm.offset,
          text: dm.text,
          line: first.lines[0]!,
        });
        break;
      }
      if ((dm.kind === 'month-day' || dm.kind === 'full') && dm.m && dm.d) {
        leads.push({ m: dm.m, d: dm.d, text: dm.text, line: first.lines[0]! });
        break;
      }
    }
  }

  const signatures: { date: YMD; text: string; line: number }[] = [];
  for (const a of clues.articles) {
    if (!a.signature) continue;
    for (const dm of findDates(a.signature.text)) {
      if (dm.kind === 'full' && dm.y && dm.m && dm.d) {
        signatures.push({ date: { y: dm.y, m: dm.m, d: dm.d }, text: dm.text, line: a.signature.lines[0]! });
      }
    }
  }
  const latestSignature = signatures.sort((a, b) => compareYmd(b.date, a.date))[0];

  const withYear = (md: { m: number; d: number }) => inferYear(md, clues.text);

  if (relatives.length > 0) {
    const r = relatives[0]!;
    const y = withYear(r.date);
    if (y) {
      const value = addDays({ y: y.y, ...r.date }, -r.offset);
      return {
        value: isoDate(value),
        method: 'relative-word',
        confidence: 'medium',
        evidence: [
          { kind: 'relative-word', text: r.text, line: r.line },
          { kind: 'year-mention', text: y.evidence },
        ],
      };
    }
  }

  if (leads.length > 0) {
    // Across New Year, January leads are later than December ones.
    const months = new Set(leads.map((l) => l.m));
    const key = (l: { m: number; d: number }) => (months.has(12) && l.m <= 2 ? l.m + 12 : l.m) * 100 + l.d;
    const latest = leads.reduce((a, b) => (key(b) > key(a) ? b : a));
    const y = withYear(latest);
    if (y) {
      let value = addDays({ y: y.y, m: latest.m, d: latest.d }, 1);
      const agreeing = leads.filter((l) => l.m === latest.m && l.d === latest.d).length;
      const evidence: Evidence[] = [
        ...leads.map((l) => ({ kind: 'lead-date', text: l.text, line: l.line })),
        { kind: 'year-mention', text: y.evidence },
      ];
      let method: DateInfo['method'] = 'latest-event-plus-one';
      if (latestSignature && compareYmd(latestSignature.date, value) > 0) {
        value = latestSignature.date;
        method = 'signature';
        evidence.push({ kind: 'signature', text: latestSignature.text, line: latestSignature.line });
      }
      return {
        value: isoDate(value),
        method,
        confidence: agreeing >= 2 && y.confidence === 'medium' ? 'medium' : 'low',
        evidence,
      };
    }
  }

  if (latestSignature) {
    return {
      value: isoDate(latestSignature.date),
      method: 'signature',
      confidence: 'low',
      evidence: [{ kind: 'signature', text: latestSignature.text, line: latestSignature.line }],
    };
  }
  return { value: null, method: 'none', confidence: 'none', evidence: [] };
}

/**
 * Combine the date the text gives with the one the file's name carries. A masthead date stays (a
 * disagreeing name is reported); a date inferred from news leads, relative words or signatures
 * gives way to the name's (medium confidence: the name is someone's record of the date, not
 * print), and a disagreement is reported; with no date in the text the name's date is used.
 */
export function applyFileNameDate(date: DateInfo, name: string): { date: DateInfo; warning: string | null } {
  const fromName = dateFromName(name);
  if (!fromName) return { date, warning: null };
  const evidence: Evidence = { kind: 'file-name', text: fromName.text };
  if (date.method === 'masthead' || date.method === 'page-header' || date.method === 'hint') {
    const warning =
      date.value && date.value !== fromName.value
        ? `the file name says ${fromName.value} (${fromName.text}), the ${date.method} ${date.value}`
        : null;
    return { date: { ...date, evidence: [...date.evidence, evidence] }, warning };
  }
  const warning =
    date.value && date.value !== fromName.value
      ? `the file name says ${fromName.value} (${fromName.text}); the text suggests ${date.value} (${date.method}, ${date.confidence} confidence)`
      : null;
  return {
    date: {
      value: fromName.value,
      method: 'file-name',
      confidence: 'medium',
      evidence: [evidence, ...date.evidence],
    },
    warning,
  };
}
