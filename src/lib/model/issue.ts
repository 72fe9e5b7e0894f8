/**
 * The edition data model: what the parser makes of one issue file.
 *
 * This is the JSON that `npm run parse` prints and that the site publishes for download
 * (schema id `baokan/issue@2`). Keep it tidy and stable: add fields, do not rename them.
 * Every string that holds source text is exactly as printed (no characters added or dropped);
 * derived values (staff, dates, targets) never count towards conservation.
 */

export const SCHEMA_ID = 'baokan/issue@2';

/** 1-based inclusive source line range. */
export interface LineRange {
  start: number;
  end: number;
}

export type Confidence = 'high' | 'medium' | 'low' | 'none';

/** One reason for a conclusion, pointing at the text that gave it. */
export interface Evidence {
  /** what kind of clue: masthead, byline-form, signature, hint, lead-date, relative-word, year-mention, … */
  kind: string;
  /** the text that gave the clue, as printed */
  text: string;
  /** source line where it was found, when known */
  line?: number;
}

export interface Warning {
  /** stable machine-readable code, e.g. `date-low-confidence` */
  code: string;
  message: string;
  /** the source file the warning is about (its name under the seed folder), when the issue has several */
  file?: string;
  line?: number;
}

export interface PaperInfo {
  /** ASCII slug used in URLs (`hengyang-daily`), `unknown` when not identified */
  id: string;
  /** the paper's name as printed (衡阳日报), or null when unknown */
  name: string | null;
  confidence: Confidence;
  evidence: Evidence[];
}

export type DateMethod =
  | 'masthead'
  | 'page-header'
  | 'hint'
  | 'file-name'
  | 'relative-word'
  | 'latest-event-plus-one'
  | 'signature'
  | 'none';

export interface DateInfo {
  /** ISO date of publication (YYYY-MM-DD), or null when nothing in the text gives it */
  value: string | null;
  method: DateMethod;
  confidence: Confidence;
  evidence: Evidence[];
}

export interface Masthead {
  /** the masthead lines exactly as printed, with their line numbers */
  lines: { line: number; text: string }[];
  paperName: string | null;
  /** English name if printed (HENGYANG DAILY) */
  paperNameEn: string | null;
  /** ISO date printed in the masthead */
  date: string | null;
  /** weekday as printed (星期四) */
  weekday: string | null;
  /** lunar date as printed (辛丑年十一月初六) */
  lunarDate: string | null;
  /** issue number as a number (第18021号 → 18021) */
  issueNumber: number | null;
  /** page count (今日八版 → 8) */
  pageCount: number | null;
  /** serial number (CN 43-0004) */
  serial: string | null;
  /** official website as printed */
  website: string | null;
  /** hotlines: label → number as printed (新闻热线 → 8611110) */
  hotlines: { label: string; number: string }[];
  /** publisher/sponsor lines (主管, 主办, 出版) */
  publisher: string[];
}

/** where a page number comes from: printed (masthead, header), given (hint), or inferred (sequence, file-name) */
export type NumberSource = 'masthead' | 'header' | 'hint' | 'sequence' | 'file-name';

export interface Page {
  /** `p1`, `p2`, … in reading order; unique within the issue */
  id: string;
  /** page number: printed or inferred (see numberKnown) */
  number: number;
  /**
   * URL segment of the page, unique within the issue: its number (`3`), or `3-2`, `3-3` … for a
   * second or third text of a page number the issue already has (a variant, kept and warned about)
   */
  slug: string;
  /** index into the issue's `sources`: the file this page was read from (its line numbers are that file's) */
  source: number;
  /** true when the number is printed or given by a hint; false when inferred from the sequence */
  numberKnown: boolean;
  numberSource: NumberSource;
  /** display label: 第一版, 第二版（推定） when inferred, 第二版（另本） for a variant */
  label: string;
  /** a printed page header (第二版 要闻), exactly as printed, when there is one */
  header: string | null;
  /** editorial credits printed on the page (责任编辑：周红 版式：吴刚), as printed */
  credits: { text: string; line: number }[];
  /** why the page starts where it starts */
  evidence: Evidence[];
  lines: LineRange;
}

export type ArticleKind =
  'news' | 'feature' | 'photo' | 'notice' | 'ad' | 'teaser' | 'continuation' | 'table' | 'brief';

export type StaffRole =
  | 'reporter'
  | 'all-media-reporter'
  | 'trainee-reporter'
  | 'intern'
  | 'correspondent'
  | 'photographer'
  | 'special-correspondent'
  | 'contributor';

export interface StaffCredit {
  name: string;
  /** normalised role */
  role: StaffRole;
  /** the role word as printed (记者, 全媒体记者, 实习生, 通讯员, 见习记者, 摄 …), or null when printed without one */
  roleText: string | null;
  /** also credited for photos (文/图, 摄) */
  photos: boolean;
}

export interface Byline {
  /** exactly as printed, line breaks removed (本报讯（记者 许珂 实习生付星婷）) */
  text: string;
  /** the news-agency or paper part (本报讯, 衡阳晚报讯, 新华社北京5月14日电, 本报记者, 又讯) */
  source: string;
  /** place of a dateline (北京), when printed */
  place: string | null;
  /** month/day of a dateline (5月14日电), when printed */
  dateline: { m: number; d: number } | null;
  staff: StaffCredit[];
  lines: LineRange;
}

export type EditKind =
  'rejoined-split' | 'caption-moved' | 'duplicate-removed' | 'byline-joined' | 'heading-joined';

/** Something the parser changed relative to the raw line order. */
export interface Edit {
  kind: EditKind;
  /** plain-language description for readers (Chinese) */
  note: string;
  lines: number[];
}

export interface Paragraph {
  /** stable within the article: `p1`, `p2` … (subheads are paragraphs with role subhead) */
  id: string;
  role: 'text' | 'subhead';
  text: string;
  /** source lines this paragraph was made from (more than one when a column split was rejoined) */
  lines: number[];
}

export interface Caption {
  id: string;
  text: string;
  /** photo credit as printed, if any (■通讯员 王勤 摄) */
  credit: string | null;
  lines: number[];
  /** index into paragraphs before which the caption stood in the source */
  afterParagraph: number;
}

export interface Table {
  id: string;
  rows: string[][];
  /** true when the first row reads as a header row */
  header: boolean;
  lines: LineRange;
}

export interface Reference {
  kind: 'see' | 'continued-from' | 'continued-on';
  /** the marker exactly as printed (>>>详见第七版>>>, (上接第一版①)) */
  text: string;
  /** target page number */
  page: number | null;
  /** circled or other article mark after the page (①), if printed */
  mark: string | null;
  line: number;
}

export interface Article {
  /** `<issue id>-a<NN>` in reading order, stable for the same input */
  id: string;
  /** index into pages (0-based) */
  page: number;
  /** reading order within the issue, 1-based */
  order: number;
  kind: ArticleKind;
  /** column/series label printed with the article (栏目: 安全生产三年行动 应急科普) */
  column: string | null;
  /** 引题 as printed */
  kicker: string | null;
  /** 主题 as printed; empty when the article has no printed headline (photo, continuation) */
  headline: string;
  /** 副题 as printed */
  subtitle: string | null;
  /** display title: the headline, or a derived title for articles without one (never empty) */
  title: string;
  byline: Byline | null;
  paragraphs: Paragraph[];
  captions: Caption[];
  tables: Table[];
  references: Reference[];
  /** closing signature block of notices (organisation lines and date) */
  signature: { text: string; lines: number[] } | null;
  edits: Edit[];
  lines: LineRange;
}

export interface Duplicate {
  /** the removed text, exactly as printed */
  text: string;
  /** index into the issue's `sources` (a text printed twice is found within one file) */
  source: number;
  lines: number[];
  /** article that keeps the text */
  keptIn: string;
  /** line(s) of the kept copy */
  keptLines: number[];
}

export interface Unclassified {
  text: string;
  /** index into the issue's `sources` */
  source: number;
  lines: LineRange;
  reason: string;
}

export interface SourceInfo {
  /** the file's name under the seed folder (`000_x.txt`, or `2020/01/p03.txt` in a sub-folder) */
  file: string;
  sha256: string;
  bytes: number;
  encoding: string;
  newline: string;
  lines: number;
  /** characters removed while decoding (control characters) */
  removedCharacters: number;
}

/** An editorial correction applied to the source text before parsing (content/corrections.yaml). */
export interface AppliedCorrection {
  /** the source file it applies to (as in content/corrections.yaml) */
  file: string;
  /** source line (1-based) */
  line: number;
  /** the text as the seed has it */
  from: string;
  /** the corrected text */
  to: string;
  /** what was wrong */
  note: string;
  /** what the correction rests on (the page image, a second source) */
  authority: string;
  by: string | null;
  date: string | null;
}

export interface Issue {
  schema: typeof SCHEMA_ID;
  /** `<paper id>-<yyyy-mm-dd>` or `<paper id>-<file stem>` when undated; stable for the same input */
  id: string;
  /**
   * the files the issue was read from, in page order: one for an issue in one file, several when
   * each 版 (or group of 版) came in a file of its own. Line numbers anywhere in the issue are lines
   * of the source of their page (`pages[i].source`; duplicates and unclassified text name theirs).
   */
  sources: SourceInfo[];
  paper: PaperInfo;
  date: DateInfo;
  masthead: Masthead | null;
  pages: Page[];
  articles: Article[];
  duplicates: Duplicate[];
  unclassified: Unclassified[];
  /** editorial corrections applied to the source text before parsing */
  corrections: AppliedCorrection[];
  warnings: Warning[];
}
