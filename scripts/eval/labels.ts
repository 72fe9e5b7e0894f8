/**
 * The labels of one corpus page (`tests/corpus/pages/<kind>/<name>.labels.json`), written by
 * `npm run corpus` (scripts/corpus.ts) and read by `npm run eval`.
 */

export interface LabelArticle {
  /** page number (版) the article is printed on */
  page: number;
  /** 引题 / 主题 / 副题 as printed (null when absent; all null when only titleLines is known) */
  kicker: string | null;
  headline: string | null;
  subtitle: string | null;
  /** the title lines in order, when their roles are not known (1946 pages) */
  titleLines?: string[];
  /** the byline or dateline as printed (本报讯（记者 X）, 新华社北京2月28日电), or null */
  byline: string | null;
  /** subheads inside the article (they are part of its text, not new articles) */
  subheads: string[];
  /** photo caption with its credit, when the article has one */
  caption: string | null;
  /** 1-based lines of the page file that belong to the article (blank lines left out) */
  lines: number[];
  /** those lines' text, exactly as in the file */
  text: string[];
  /** where the text comes from: repo:path@commit#id, or the seed file and its lines */
  source: string;
}

export interface CorpusLabels {
  schema: 'baokan/corpus-labels@1';
  /** the input file, relative to the repository root */
  input: string;
  /** the name the parser is given (options.name): the file's base name */
  name: string;
  /** paper kind: national-daily, national-1946, city-daily, evening, county, seeds */
  kind: string;
  /** input form: epaper, pdf, db, seed */
  form: string;
  /** real: articles printed together on that 版; styled: real article text laid out in a paper kind's conventions */
  composition: 'real' | 'styled';
  /** the paper's name */
  paper: string;
  /** ISO date of the issue */
  date: string;
  /** where the date can be read: masthead, header, text, file-name */
  dateEvidence: string[];
  /** page numbers in the file, in order */
  pages: number[];
  articles: LabelArticle[];
  /** paragraphs split across a column break: last line before the break, first line after; null when not labelled */
  joins: { before: number; after: number }[] | null;
}
