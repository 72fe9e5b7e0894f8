/**
 * One issue from the files that hold it. Many papers publish their e-paper text one file per 版;
 * the edition groups the files that name the same paper and date (src/lib/edition/load-folder.ts) and
 * combines their parses here:
 *
 * - pages in page-number order (files in name order where numbers tie), each page keeping the
 *   index of its file (`source`), so that every line number stays a line of its own file;
 * - articles renumbered in reading order across the files (`<issue>-aNNN`), duplicates pointing
 *   at the new ids;
 * - paper and date from the file with the strongest evidence; the first masthead found;
 * - every file's warnings, named with the file.
 *
 * A page number claimed twice (two files, or a hint and the text) is kept twice: the later page
 * is a variant with a slug of its own (`2-2`) and a warning names both places. Nothing is dropped.
 */
import { toChineseNumber } from '../text/characters.ts';
import type { Confidence, Issue, Page, Warning } from '../model/issue.ts';

/** 第一版; 第二版（推定） when the number is inferred; 第二版（另本） for a second text of a page. */
export function pageLabel(n: number, known: boolean, variant = 1): string {
  const notes = [known ? '' : '推定', variant > 1 ? `另本${variant > 2 ? variant - 1 : ''}` : ''];
  const note = notes.filter(Boolean).join('，');
  return `第${toChineseNumber(n)}版${note ? `（${note}）` : ''}`;
}

/**
 * Give every page a slug unique within its issue: the number, or `<n>-2`, `<n>-3` … for a later
 * page whose number an earlier page already has. Returns a warning for each such page, naming
 * both pages' files (`files[page.source]`) and first lines.
 */
export function assignPageSlugs(pages: Page[], files: readonly string[]): Warning[] {
  const warnings: Warning[] = [];
  const first = new Map<number, Page>();
  const count = new Map<number, number>();
  for (const p of pages) {
    const k = (count.get(p.number) ?? 0) + 1;
    count.set(p.number, k);
    p.slug = k === 1 ? String(p.number) : `${p.number}-${k}`;
    p.label = pageLabel(p.number, p.numberKnown, k);
    const earlier = first.get(p.number);
    if (!earlier) {
      first.set(p.number, p);
      continue;
    }
    const at = (q: Page) => `${files[q.source]}:${q.lines.start}`;
    warnings.push({
      code: 'page-number-repeated',
      message:
        `page ${p.number} appears twice: ${at(earlier)} and ${at(p)}; both are kept, ` +
        `the second as a variant (${p.slug})`,
      file: files[p.source],
      line: p.lines.start,
    });
  }
  return warnings;
}

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1, none: 0 };

/** The part whose evidence for a field is strongest (the first such part on a tie). */
function strongest<T extends { confidence: Confidence }>(values: T[]): T {
  return values.reduce((best, v) => (RANK[v.confidence] > RANK[best.confidence] ? v : best));
}

/**
 * Combine the parses of the files of one issue (each a one-file Issue, in file-name order) under
 * the issue id `id`. A single part keeps all it has; its id and article ids follow `id`.
 */
export function combineParts(id: string, parts: readonly Issue[]): Issue {
  if (parts.length === 0) throw new Error(`issue ${id}: no files to combine`);
  const files = parts.map((p) => p.sources[0]!.file);
  const several = parts.length > 1;
  const named = (w: Warning, file: string): Warning => (several && !w.file ? { ...w, file } : w);

  // Pages in number order; a stable sort keeps file order (and each file's own order) on ties.
  const pages = parts
    .flatMap((part, source) => part.pages.map((page, index) => ({ page, source, index })))
    .sort((a, b) => (several ? a.page.number - b.page.number : 0));
  const pageIndex = new Map(pages.map((p, k) => [`${p.source}:${p.index}`, k]));

  const articleIds = new Map<string, string>();
  const total = parts.reduce((n, p) => n + p.articles.length, 0);
  const pad = Math.max(3, String(total).length);
  const articles = pages.flatMap(({ source, index }) =>
    parts[source]!.articles.filter((a) => a.page === index).map((a) => ({ a, source })),
  );
  const renumbered = articles.map(({ a, source }, k) => {
    const newId = `${id}-a${String(k + 1).padStart(pad, '0')}`;
    articleIds.set(`${source}:${a.id}`, newId);
    return { ...a, id: newId, order: k + 1, page: pageIndex.get(`${source}:${a.page}`)! };
  });

  const combinedPages: Page[] = pages.map(({ page, source }, k) => ({
    ...page,
    id: `p${k + 1}`,
    source: several ? source : page.source,
  }));
  const warnings: Warning[] = parts.flatMap((part, k) => part.warnings.map((w) => named(w, files[k]!)));
  // A part's own repeats were warned about when it was parsed; warn here only about new ones.
  const repeats = assignPageSlugs(combinedPages, files).filter((w) =>
    several ? !warnings.some((x) => x.code === w.code && x.line === w.line && x.file === w.file) : false,
  );
  warnings.push(...repeats);

  return {
    schema: parts[0]!.schema,
    id,
    sources: parts.map((p) => p.sources[0]!),
    paper: strongest(parts.map((p) => p.paper)),
    date: strongest(parts.map((p) => p.date)),
    masthead: parts.find((p) => p.masthead)?.masthead ?? null,
    pages: combinedPages,
    articles: renumbered,
    duplicates: parts.flatMap((part, source) =>
      part.duplicates.map((d) => ({
        ...d,
        source: several ? source : d.source,
        keptIn: articleIds.get(`${source}:${d.keptIn}`) ?? d.keptIn,
      })),
    ),
    unclassified: parts.flatMap((part, source) =>
      part.unclassified.map((u) => ({ ...u, source: several ? source : u.source })),
    ),
    corrections: parts.flatMap((p) => p.corrections),
    warnings,
  };
}
