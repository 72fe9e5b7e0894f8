/**
 * The state the assembler's stages share while they read one file's blocks (assemble.ts lists the
 * stages): the pages and articles built so far, the article being read, and the small operations
 * every stage uses — open an article, add a paragraph, join text across a column break, set a
 * byline, lift out a caption — so that each stage file holds only its own decision.
 */
import type { Block, Layout } from './blocks.ts';
import type {
  Article,
  ArticleKind,
  Byline,
  Caption,
  Decision,
  Edit,
  Evidence,
  NumberSource,
  Paragraph,
  Reference,
  Table,
} from '../model/issue.ts';
import { authorNames, matchByline, type BylineMatch } from './byline.ts';
import { isHeadingLike } from './block-shapes.ts';
import { matchContinuedOn } from './cross-references.ts';
import { endsSentence, visibleLength } from '../text/characters.ts';
import { decideJoin, type JoinDecision, type Seam } from './column-joins/join-evidence.ts';
import type { HeldTail } from './reading-order/tail-before-headline.ts';

/** A page as assembled: its number, where the number came from, and the evidence for its start. */
export interface DraftPage {
  /** editorial credits printed on the page (责任编辑：…) */
  credits: { text: string; line: number }[];
  number: number;
  numberKnown: boolean;
  numberSource: NumberSource;
  /** the printed page header, if any */
  header: string | null;
  evidence: Evidence[];
  startLine: number;
}

/** An article as assembled: no ids or display title yet. */
export type DraftArticle = Omit<Article, 'id' | 'title' | 'paragraphs' | 'captions' | 'tables'> & {
  paragraphs: Omit<Paragraph, 'id'>[];
  captions: Omit<Caption, 'id'>[];
  tables: Omit<Table, 'id'>[];
};

export interface AssembleResult {
  pages: DraftPage[];
  articles: DraftArticle[];
  /** text the assembler could not place, with a reason */
  unclassified: { text: string; lines: number[]; reason: string }[];
}

/** The article being built. */
export interface Draft {
  /** index of its page in Assembly.pages */
  page: number;
  kind: ArticleKind | null;
  column: string | null;
  kicker: string | null;
  headline: string;
  subtitle: string | null;
  byline: Byline | null;
  paragraphs: Omit<Paragraph, 'id'>[];
  captions: Omit<Caption, 'id'>[];
  tables: Omit<Table, 'id'>[];
  references: Reference[];
  signature: { text: string; lines: number[] } | null;
  edits: Edit[];
  /** the scored decisions about its text (joins, splits, subheads, its start) */
  decisions: Decision[];
  /** every source line the article holds */
  lines: number[];
  /** nothing more can be added (a teaser, a signed notice, a photo item) */
  closed: boolean;
  /** the heading group its headings were read from (for headings printed apart from their text) */
  heading?: Block[];
}

export interface AssembleOptions {
  /** the text begins with a masthead: the first page is the front page */
  mastheadPage: boolean;
  /**
   * one paragraph per line (e-paper text): every line is whole, so no paragraph is rejoined across
   * lines; default blank-separated (a PDF text layer, where column edges break paragraphs)
   */
  layout?: Layout;
  /**
   * the indent of the file's body paragraphs (U+3000 U+3000, four spaces), when the file sets its
   * body text off by one: a block with that indent is body text, never a heading
   */
  bodyIndent?: string | null;
}

/** How a seam stands: what the right side may be, how the left side's last line ended. */
export interface SeamHow {
  rightHeading: boolean;
  leftCut: boolean;
  leftShort?: boolean;
  captionLifted: boolean;
}

/** A stage looks at block i; it returns how many blocks it consumed (0: not its case). */
export type Stage = (a: Assembly, i: number) => number;

/** Every source line of a block (a logical line of hard-wrapped text holds several). */
export function blockLines(b: Block): number[] {
  return b.lines.flatMap((l) => (l.more ? [l.no, ...l.more] : [l.no]));
}

/** A label: value line (受理地点：…, 举报网址：…) belongs to body text, not to headings. */
export function isFieldLine(text: string): boolean {
  return /^[^：:，。、]{2,12}[：:]\s*\S/u.test(text.trim());
}

/** Text wholly inside brackets: (仅限受理短信举报) */
export function isAside(text: string): boolean {
  return /^[（(【［\[][^（()）]*[）)】］\]]$/u.test(text.trim());
}

/** A line set off with a bullet (■过去一年，…), as features and summaries print them. */
export const BULLETED = /^[■□●▲◆]/u;

/** What a new page is opened with (its number follows the last page's unless given). */
export type PageStart = Omit<DraftPage, 'number' | 'credits'> & { number?: number; minNumber?: number };

export class Assembly {
  readonly pages: DraftPage[] = [];
  readonly drafts: Draft[] = [];
  readonly unclassified: AssembleResult['unclassified'] = [];
  /** text held back for the article a later headline opens (reading-order/tail-before-headline.ts) */
  readonly held: HeldTail[] = [];
  /** the article last opened (it may be closed) */
  cur: Draft | null = null;
  /** paragraphs may be rejoined across blocks (not in one-paragraph-per-line text) */
  readonly rejoins: boolean;
  /** last source lines of blocks that a hard-wrapped column cut (blocks.ts `cut`) */
  private readonly cutEnds: Set<number>;
  private readonly shortEnds: Set<number>;
  /** the file's typical paragraph length: the 75th percentile of its blocks' visible lengths */
  readonly typical: number;

  constructor(
    readonly blocks: readonly Block[],
    readonly options: AssembleOptions,
  ) {
    this.rejoins = options.layout !== 'line-per-paragraph';
    this.cutEnds = new Set(blocks.filter((b) => b.cut).map((b) => blockLines(b).at(-1)!));
    this.shortEnds = new Set(blocks.filter((b) => b.short).map((b) => blockLines(b).at(-1)!));
    const lengths = blocks.map((b) => visibleLength(b.text)).sort((x, y) => x - y);
    this.typical = lengths[Math.floor(lengths.length * 0.75)] ?? 0;
    const firstLine = blocks[0]?.lines[0]?.no ?? 1;
    this.startPage({
      numberKnown: options.mastheadPage,
      numberSource: options.mastheadPage ? 'masthead' : 'sequence',
      header: null,
      evidence: options.mastheadPage
        ? [{ kind: 'masthead', text: 'front page masthead', line: firstLine }]
        : [],
      startLine: firstLine,
    });
  }

  // —— what a block is, in this file ——

  /** Heading-like and not a field line or an aside, whatever its indent. */
  plainHeading(b: Block): boolean {
    return isHeadingLike(b) && !isFieldLine(b.text) && !isAside(b.text);
  }

  /** A block that may be a heading: heading-like and not at the body text's indent. */
  headingCandidate(b: Block): boolean {
    return !(this.options.bodyIndent && b.indent === this.options.bodyIndent) && this.plainHeading(b);
  }

  /**
   * The block at k is a name alone with body text after it — directly, or after the first subhead
   * of a commentary (吴象 / 一根木梁 / 今年二月间…) — an author's line, not a heading.
   */
  isAuthorLine(k: number): boolean {
    const b = this.blocks[k];
    if (!b || !authorNames(b.text)) return false;
    const isText = (x: Block | undefined) => !!x && !this.headingCandidate(x) && !matchByline(x.text);
    const after = this.blocks[k + 1];
    if (isText(after)) return true;
    return !!after && !matchByline(after.text) && !authorNames(after.text) && isText(this.blocks[k + 2]);
  }

  /** Whether a paragraph ends where a hard-wrapped block was cut at a column edge (blocks.ts). */
  cutAt(p: { lines: number[] }): boolean {
    return this.cutEnds.has(p.lines[p.lines.length - 1]!);
  }

  /** Whether a paragraph ends where hard-wrapped text stopped short of its column (blocks.ts). */
  shortAt(p: { lines: number[] }): boolean {
    return this.shortEnds.has(p.lines[p.lines.length - 1]!);
  }

  // —— pages ——

  startPage(p: PageStart): void {
    const prev = this.pages[this.pages.length - 1];
    const seq = prev ? prev.number + 1 : 1;
    const number = p.number ?? Math.max(seq, p.minNumber ?? 1);
    this.pages.push({
      credits: [],
      number,
      numberKnown: p.numberKnown,
      numberSource: p.numberSource,
      header: p.header,
      evidence: p.evidence,
      startLine: p.startLine,
    });
  }

  /** The page being read. */
  get page(): DraftPage {
    return this.pages[this.pages.length - 1]!;
  }

  /** Whether an article has been opened on the page being read. */
  pageHasArticles(): boolean {
    return this.drafts.some((d) => d.page === this.pages.length - 1);
  }

  // —— articles ——

  /** Open a new article on the current page; it becomes the article being read. */
  newDraft(): Draft {
    const d: Draft = {
      page: this.pages.length - 1,
      kind: null,
      column: null,
      kicker: null,
      headline: '',
      subtitle: null,
      byline: null,
      paragraphs: [],
      captions: [],
      tables: [],
      references: [],
      signature: null,
      edits: [],
      decisions: [],
      lines: [],
      closed: false,
    };
    this.drafts.push(d);
    this.cur = d;
    return d;
  }

  /** The article being read, unless it is closed. */
  open(): Draft | null {
    return this.cur && !this.cur.closed ? this.cur : null;
  }

  /** The last paragraph of the open article when it stops inside a sentence (text that may go on). */
  hanging(): Omit<Paragraph, 'id'> | undefined {
    if (!this.rejoins) return undefined;
    const p = lastParagraph(this.open());
    return p && p.role === 'text' && !endsSentence(p.text) ? p : undefined;
  }

  touch(d: Draft, lines: readonly number[]): void {
    d.lines.push(...lines);
  }

  /** Add a paragraph (a （下转第二版①） at its end becomes a reference). */
  addText(d: Draft, text: string, lines: number[]): void {
    this.touch(d, lines);
    const on = matchContinuedOn(text, lines[lines.length - 1]!);
    const body = on ? on.rest : text;
    if (on) d.references.push(on.ref);
    if (body) d.paragraphs.push({ role: 'text', text: body, lines });
  }

  /** Add a subhead paragraph. */
  addSubhead(d: Draft, text: string, lines: number[]): void {
    this.touch(d, lines);
    d.paragraphs.push({ role: 'subhead', text, lines });
  }

  /**
   * Go on with paragraph p, broken at a column edge, with text; the edit says so, and the decision
   * records its evidence.
   */
  joinInto(
    d: Draft,
    p: Omit<Paragraph, 'id'>,
    text: string,
    lines: number[],
    note: string,
    decision: JoinDecision,
  ): void {
    this.touch(d, lines);
    const on = matchContinuedOn(text, lines[lines.length - 1]!);
    if (on) d.references.push(on.ref);
    const seam = [p.lines[p.lines.length - 1]!, lines[0]!];
    p.text += on ? on.rest : text;
    d.edits.push({ kind: 'rejoined-split', note, lines: seam });
    this.record(d, 'join', seam, decision);
    p.lines.push(...lines);
  }

  /** Keep a decision and its evidence with the article it concerns. */
  record(
    d: Draft,
    kind: Decision['kind'],
    lines: number[],
    decision: { score: number | null; evidence: string[] },
  ): void {
    d.decisions.push({ kind, lines, score: decision.score, evidence: decision.evidence });
  }

  /**
   * Decide whether text before a column break (`left`, ending at source line `leftEnd`) goes on in
   * block `right` (join-evidence.ts).
   */
  decideJoin(left: { text: string; lines: number[] }, right: Block, how: SeamHow): JoinDecision {
    return decideJoin(this.seam(left, right, how));
  }

  /** The seam between text before a column break and block `right`, with this file's measures. */
  seam(left: { text: string; lines: number[] }, right: Block, how: SeamHow): Seam {
    return {
      left: left.text,
      right: right.lines[0]!.text,
      rightBlock: right,
      ...how,
      typical: this.typical,
      lines: [left.lines[left.lines.length - 1]!, right.lines[0]!.no],
    };
  }

  setByline(d: Draft, m: BylineMatch, lines: number[]): void {
    d.byline = {
      text: m.text,
      source: m.source,
      place: m.place,
      dateline: m.dateline,
      staff: m.staff,
      lines: { start: lines[0]!, end: lines[lines.length - 1]! },
    };
  }

  /** Add a picture caption; `moved` when it was lifted out of a paragraph it interrupted. */
  addCaption(d: Draft, text: string, credit: string | null, lines: number[], moved: boolean): void {
    this.touch(d, lines);
    d.captions.push({ text, credit, lines, afterParagraph: d.paragraphs.length });
    if (moved) {
      d.edits.push({ kind: 'caption-moved', note: `图片说明“${text}”原插在段落之中，已移出`, lines });
    }
  }
}

export function lastParagraph(d: Draft | null): Omit<Paragraph, 'id'> | undefined {
  return d ? d.paragraphs[d.paragraphs.length - 1] : undefined;
}
