/**
 * The edition in numbers, as the About page states them: issues, pages and articles in all and per
 * paper with their date spans, how many dates and page numbers were inferred, and how many edits
 * of each kind the parser and the editors made. Pure; the page gives it the edition's issues.
 */

/** What the statistics need of an issue. */
export interface StatIssue {
  paper: { id: string; name: string };
  date: { value: string | null; method: string };
  /** duplicated paragraphs kept on record */
  duplicates: number;
  /** editorial corrections applied */
  corrections: number;
  pages: readonly { numberKnown: boolean }[];
  /** each article's edits by kind (rejoined-split, caption-moved …) */
  articles: readonly { edits: Readonly<Record<string, number>> }[];
}

/** One paper's line in the About page's table. */
export interface PaperStats {
  id: string;
  name: string;
  issues: number;
  pages: number;
  articles: number;
  /** first and last dated issue, or null when none is dated */
  from: string | null;
  to: string | null;
}

/** The numbers the About page states. */
export interface EditionStats {
  issues: number;
  pages: number;
  articles: number;
  /** first and last date with an issue */
  from: string | null;
  to: string | null;
  /** issues whose date is neither printed nor given by an editor */
  inferredDates: number;
  /** pages whose number is not printed */
  inferredPages: number;
  duplicates: number;
  corrections: number;
  /** paragraphs rejoined across a column break */
  rejoined: number;
  /** captions moved out of the text */
  captions: number;
  /** per paper, in the order of `papers` */
  papers: PaperStats[];
}

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);

/** First and last of the dated issues' dates. */
function span(issues: readonly StatIssue[]): { from: string | null; to: string | null } {
  const dates = issues
    .map((i) => i.date.value)
    .filter((d): d is string => !!d)
    .sort();
  return { from: dates[0] ?? null, to: dates[dates.length - 1] ?? null };
}

const articleEdits = (issues: readonly StatIssue[], kind: string) =>
  sum(issues, (i) => sum(i.articles, (a) => a.edits[kind] ?? 0));

/** The edition's numbers; `papers` lists the papers in the order the page shows them. */
export function editionStats(
  issues: readonly StatIssue[],
  papers: readonly { id: string; name: string }[],
): EditionStats {
  return {
    issues: issues.length,
    pages: sum(issues, (i) => i.pages.length),
    articles: sum(issues, (i) => i.articles.length),
    ...span(issues),
    inferredDates: issues.filter((i) => i.date.method !== 'masthead' && i.date.method !== 'hint').length,
    inferredPages: sum(issues, (i) => i.pages.filter((p) => !p.numberKnown).length),
    duplicates: sum(issues, (i) => i.duplicates),
    corrections: sum(issues, (i) => i.corrections),
    rejoined: articleEdits(issues, 'rejoined-split'),
    captions: articleEdits(issues, 'caption-moved'),
    papers: papers.map((p) => {
      const own = issues.filter((i) => i.paper.id === p.id);
      return {
        ...p,
        issues: own.length,
        pages: sum(own, (i) => i.pages.length),
        articles: sum(own, (i) => i.articles.length),
        ...span(own),
      };
    }),
  };
}

/** A paper's span in the table: 2021-03-06, 2021-03-06 至 2021-05-01, or 不详. */
export function spanCell(from: string | null, to: string | null): string {
  if (!from) return '不详';
  return from === to || !to ? from : `${from} 至 ${to}`;
}
