/**
 * Stage 4: blocks → pages and articles.
 *
 * A single pass over the blocks keeps the article being read. Each block is, in this order of
 * precedence: a continuation start (new page), a page header, a cross-reference marker, a table,
 * a signature, a photo with credit, a byline, a heading group, or body text. Body text either
 * continues the last paragraph (a column break: see shouldJoin) or starts a new one; a short
 * line that interrupts a broken paragraph is lifted out as a caption.
 */
import type { Block, Layout } from './blocks.ts';
import type {
  Article,
  ArticleKind,
  Byline,
  Caption,
  Edit,
  Evidence,
  NumberSource,
  Paragraph,
  Reference,
  Table,
} from '../model/issue.ts';
import {
  continueByline,
  isNameLine,
  matchByline,
  matchNameLine,
  matchPhotoCredit,
  splitCaptionCredit,
  type BylineMatch,
} from './byline.ts';
import {
  isAdLike,
  isDateLine,
  isEnumerated,
  isHeadingLike,
  isKickerMarked,
  isLabelBlock,
  isNoticeTitle,
  isOfficialsLine,
  isSignature,
  isSubtitleMarked,
  isTable,
  shouldJoin,
} from './block-shapes.ts';
import { matchContinuedFrom, matchContinuedOn, matchSee } from './cross-references.ts';
import { wordSpansSeam } from '../text/words.ts';
import { bigrams, endsSentence, overlap, smallNumber, visibleLength } from '../text/characters.ts';

export interface DraftPage {
  credits: { text: string; line: number }[];
  number: number;
  numberKnown: boolean;
  numberSource: NumberSource;
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

interface Draft {
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
  lines: number[];
  closed: boolean;
}

/**
 * 第二版 要闻, 2023年5月15日 星期一 第3版, A3 要闻, B2版：文体, 青溪报 2025年3月1日 星期六 第三版 经济,
 * 《人民日报》（2025年03月01日第 01 版）: a paper's name, a date and a page number, each optional
 * but the page number, in the order printed page headers and e-paper page titles give them.
 */
export const PAGE_HEADER =
  /^(?:《?[\u4e00-\u9fff]{2,8}报》?\s*)?[（(]?\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期.|周.)?\s*[|｜]?\s*)?(?:第\s*([一二三四五六七八九十\d]{1,3})\s*版|[A-H]0?([1-9]\d?)\s*版?)\s*[）)]?(?:$|[\s：:·|｜])/u;

const PAGE_CREDITS =
  /^(?:责任编辑|本版编辑|编辑|美术编辑|美编|版式|版式设计|校对|组版|编审|值班编委)\s*[：:]/u;

/** A label: value line (受理地点：…, 举报网址：…) belongs to body text, not to headings. */
export function isFieldLine(text: string): boolean {
  return /^[^：:，。、]{2,12}[：:]\s*\S/u.test(text.trim());
}

/** Text wholly inside brackets: (仅限受理短信举报) */
function isAside(text: string): boolean {
  return /^[（(【［\[][^（()）]*[）)】］\]]$/u.test(text.trim());
}

function blockLines(b: Block): number[] {
  return b.lines.flatMap((l) => (l.more ? [l.no, ...l.more] : [l.no]));
}

/** A column tag closing a headline: （身边的经济故事）, （新春走基层）, （快评）. */
const COLUMN_TAG = /[^（(][（(][\u4e00-\u9fff·、\s]{2,16}[）)]$/u;

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

/**
 * The indent a file gives its body text, if it gives one: the leading white space most long
 * blocks (40+ characters) share. Headings in such a file start otherwise (flush, or indented
 * differently, as in archives that indent headings with U+3000 and body text with spaces); the
 * indent then tells body text from headings whatever their length or punctuation.
 */
export function bodyIndentOf(blocks: readonly Block[]): string | null {
  const long = blocks.filter((b) => visibleLength(b.text) >= 40);
  if (long.length < 3) return null;
  const counts = new Map<string, number>();
  for (const b of long) counts.set(b.indent, (counts.get(b.indent) ?? 0) + 1);
  const [indent, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return indent && n / long.length >= 0.6 ? indent : null;
}

export function assemble(blocks: readonly Block[], options: AssembleOptions): AssembleResult {
  const rejoins = options.layout !== 'line-per-paragraph';
  /** The block at k is a name alone with body text after it: an author's line, not a heading. */
  const isAuthorLine = (k: number): boolean => {
    const b = blocks[k];
    const after = blocks[k + 1];
    return !!b && !!after && isNameLine(b.text) && !headingCandidate(after) && !matchByline(after.text);
  };
  const plainHeading = (b: Block): boolean => isHeadingLike(b) && !isFieldLine(b.text) && !isAside(b.text);
  const headingCandidate = (b: Block): boolean =>
    !(options.bodyIndent && b.indent === options.bodyIndent) &&
    isHeadingLike(b) &&
    !isFieldLine(b.text) &&
    !isAside(b.text);
  const pages: DraftPage[] = [];
  const drafts: Draft[] = [];
  const unclassified: AssembleResult['unclassified'] = [];
  let cur: Draft | null = null;

  const startPage = (p: Omit<DraftPage, 'number' | 'credits'> & { number?: number; minNumber?: number }) => {
    const prev = pages[pages.length - 1];
    const seq = prev ? prev.number + 1 : 1;
    const number = p.number ?? Math.max(seq, p.minNumber ?? 1);
    pages.push({
      credits: [],
      number,
      numberKnown: p.numberKnown,
      numberSource: p.numberSource,
      header: p.header,
      evidence: p.evidence,
      startLine: p.startLine,
    });
  };
  const firstLine = blocks[0]?.lines[0]?.no ?? 1;
  startPage({
    numberKnown: options.mastheadPage,
    numberSource: options.mastheadPage ? 'masthead' : 'sequence',
    header: null,
    evidence: options.mastheadPage
      ? [{ kind: 'masthead', text: 'front page masthead', line: firstLine }]
      : [],
    startLine: firstLine,
  });

  const newDraft = (lines: number[]): Draft => {
    const d: Draft = {
      page: pages.length - 1,
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
      lines: [...lines],
      closed: false,
    };
    drafts.push(d);
    cur = d;
    return d;
  };
  const open = (): Draft | null => (cur && !cur.closed ? cur : null);
  const lastPara = (d: Draft | null) => (d ? d.paragraphs[d.paragraphs.length - 1] : undefined);
  const dangling = (d: Draft | null) => {
    if (!rejoins) return undefined;
    const p = lastPara(d);
    return p && p.role === 'text' && !endsSentence(p.text) ? p : undefined;
  };
  const touch = (d: Draft, lines: number[]) => d.lines.push(...lines);
  /** Whether a paragraph ends where a hard-wrapped block was cut at a column edge (blocks.ts). */
  const cutEnds = new Set(blocks.filter((b) => b.cut).map((b) => blockLines(b).at(-1)!));
  const cutAt = (p: { lines: number[] }) => cutEnds.has(p.lines[p.lines.length - 1]!);

  const addText = (d: Draft, text: string, lines: number[]) => {
    touch(d, lines);
    const on = matchContinuedOn(text, lines[lines.length - 1]!);
    const body = on ? on.rest : text;
    if (on) d.references.push(on.ref);
    if (body) d.paragraphs.push({ role: 'text', text: body, lines });
  };
  const joinInto = (d: Draft, p: Omit<Paragraph, 'id'>, text: string, lines: number[], note: string) => {
    touch(d, lines);
    const on = matchContinuedOn(text, lines[lines.length - 1]!);
    if (on) d.references.push(on.ref);
    p.text += on ? on.rest : text;
    d.edits.push({ kind: 'rejoined-split', note, lines: [p.lines[p.lines.length - 1]!, lines[0]!] });
    p.lines.push(...lines);
  };
  const setByline = (d: Draft, m: BylineMatch, lines: number[]) => {
    d.byline = {
      text: m.text,
      source: m.source,
      place: m.place,
      dateline: m.dateline,
      staff: m.staff,
      lines: { start: lines[0]!, end: lines[lines.length - 1]! },
    };
  };
  const addCaption = (d: Draft, text: string, credit: string | null, lines: number[], moved: boolean) => {
    touch(d, lines);
    d.captions.push({ text, credit, lines, afterParagraph: d.paragraphs.length });
    if (moved) {
      d.edits.push({
        kind: 'caption-moved',
        note: `图片说明“${text}”原插在段落之中，已移出`,
        lines,
      });
    }
  };

  /** Give a heading group's blocks their roles: column, kicker, headline, subtitle. */
  const applyHeadings = (d: Draft, group: Block[]) => {
    const columns: string[] = [];
    const kickers: string[] = [];
    const subtitles: string[] = [];
    const unmarked: Block[] = [];
    group.forEach((b, k) => {
      if (k > 0 && isLabelBlock(b)) columns.push(b.lines.map((l) => l.text).join(' '));
      else if (isKickerMarked(b.text) && k < group.length - 1) kickers.push(b.text);
      else if (isSubtitleMarked(b.text) && k > 0) subtitles.push(b.text);
      else if (k > 0 && isOfficialsLine(b.text) && unmarked.length > 0) subtitles.push(b.text);
      else unmarked.push(b);
    });
    let headline = '';
    if (unmarked.length === 1) headline = unmarked[0]!.text;
    else if (unmarked.length === 2) {
      const [a, b] = [unmarked[0]!.text, unmarked[1]!.text];
      const la = visibleLength(a);
      const lb = visibleLength(b);
      if (kickers.length > 0) {
        headline = a;
        subtitles.unshift(b);
      } else if (subtitles.length > 0) {
        // With a subtitle already marked, two more lines make the classic three-level heading.
        kickers.push(a);
        headline = b;
      } else if (COLUMN_TAG.test(b) !== COLUMN_TAG.test(a)) {
        // A column tag in brackets follows the 主题 (…的24小时（新春走基层）): the tagged line is
        // the headline, the other its 引题 (above) or 副题 (below).
        if (COLUMN_TAG.test(b)) {
          kickers.push(a);
          headline = b;
        } else {
          headline = a;
          subtitles.unshift(b);
        }
      } else if (la <= 8 && Math.abs(la - lb) <= 1) {
        // A headline printed in two parallel lines: 缅怀革命先烈 / 赓续精神血脉
        headline = `${a} ${b}`;
        d.edits.push({
          kind: 'heading-joined',
          note: '分两行印出的标题已合并为一行',
          lines: [...blockLines(unmarked[0]!), ...blockLines(unmarked[1]!)],
        });
      } else if (lb <= 0.6 * la) {
        kickers.push(a);
        headline = b;
      } else {
        headline = a;
        subtitles.unshift(b);
      }
    } else if (unmarked.length >= 3) {
      if (kickers.length === 0) kickers.push(unmarked.shift()!.text);
      headline = unmarked.shift()!.text;
      subtitles.unshift(...unmarked.map((b) => b.text));
    } else if (kickers.length > 0) {
      // Only marked lines: the last kicker-marked line is the headline.
      headline = kickers.pop()!;
    } else if (subtitles.length > 0) {
      headline = subtitles.shift()!;
    }
    d.column = columns.length ? columns.join(' ') : null;
    d.kicker = kickers.length ? kickers.join(' ') : null;
    d.headline = headline;
    d.subtitle = subtitles.length ? subtitles.join(' ') : null;
    touch(d, group.flatMap(blockLines));
  };

  /** What an article is about: its headings and opening paragraphs. */
  const articleBigrams = (d: Draft) =>
    bigrams(
      [d.kicker, d.headline, d.subtitle, ...d.paragraphs.slice(0, 2).map((p) => p.text)]
        .filter(Boolean)
        .join(' '),
    );

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const lines = blockLines(b);
    const first = lines[0]!;
    const next = blocks[i + 1];

    // 1. A continuation from another page starts a new page.
    const from = matchContinuedFrom(b.text, first);
    if (from) {
      // A page header just above has opened the page already (第二版 要闻 / （上接第一版①）…).
      const open = pages[pages.length - 1]!;
      if (open.header && !drafts.some((d) => d.page === pages.length - 1)) {
        open.evidence.push({ kind: 'continuation', text: from.ref.text, line: first });
        const d = newDraft([]);
        d.kind = 'continuation';
        d.references.push(from.ref);
        addText(d, from.rest, lines);
        continue;
      }
      startPage({
        numberKnown: false,
        numberSource: 'sequence',
        header: null,
        evidence: [{ kind: 'continuation', text: from.ref.text, line: first }],
        startLine: first,
        minNumber: (from.ref.page ?? 0) + 1,
      });
      const d = newDraft([]);
      d.kind = 'continuation';
      d.references.push(from.ref);
      addText(d, from.rest, lines);
      continue;
    }

    // 2. A printed page header.
    const header = PAGE_HEADER.exec(b.text);
    if (header && visibleLength(b.text) <= (header[2] ? 16 : 40)) {
      const n = smallNumber(header[1] ?? header[2]!);
      const page = pages[pages.length - 1]!;
      const pageIsEmpty = !drafts.some((d) => d.page === pages.length - 1);
      if (pageIsEmpty && !page.header) {
        // The header of the page we are on (the first page, after a masthead).
        Object.assign(page, {
          number: n ?? page.number,
          numberKnown: n !== null || page.numberKnown,
          numberSource: n !== null ? 'header' : page.numberSource,
          header: b.text,
        });
        page.evidence.push({ kind: 'page-header', text: b.text, line: first });
        continue;
      }
      startPage({
        number: n ?? undefined,
        numberKnown: n !== null,
        numberSource: 'header',
        header: b.text,
        evidence: [{ kind: 'page-header', text: b.text, line: first }],
        startLine: first,
      });
      cur = null;
      continue;
    }

    // 2b. Editorial credits printed on the page: 责任编辑：周红 版式：吴刚
    if (PAGE_CREDITS.test(b.text) && visibleLength(b.text) <= 60) {
      for (const l of b.lines) pages[pages.length - 1]!.credits.push({ text: l.text, line: l.no });
      continue;
    }

    // 3. A cross-reference marker: >>>详见第七版>>>
    const see = matchSee(b.text, first);
    if (see) {
      const c = cur as Draft | null;
      const target: Draft = c && !c.closed && c.paragraphs.length <= 1 ? c : newDraft([]);
      target.references.push(see);
      target.kind = 'teaser';
      touch(target, lines);
      target.closed = true;
      continue;
    }

    // 4. Tables.
    if (isTable(b)) {
      const d = open() ?? newDraft([]);
      const rows = b.lines.map((l) => l.text.split('\t').map((c) => c.trim()));
      d.tables.push({
        rows,
        header: rows.length > 1 && rows[0]!.every((c) => visibleLength(c) <= 12),
        lines: { start: first, end: lines[lines.length - 1]! },
      });
      touch(d, lines);
      continue;
    }

    // 5. A signature closes a notice.
    const c0 = open();
    if (c0 && (isSignature(b) || (isDateLine(b.text) && c0.paragraphs.length > 0))) {
      c0.signature = { text: b.lines.map((l) => l.text).join('\n'), lines };
      touch(c0, lines);
      c0.closed = true;
      continue;
    }

    // 6a. A caption that ends with its credit (…设施。张  帆摄（人民视觉）): a picture of the article
    // it stands in (under its heading, or after its text), else, after a picture gap or with no
    // article open, a photo item of its own.
    const captioned = b.lines.length === 1 ? splitCaptionCredit(b.text) : null;
    if (captioned) {
      const c6 = open();
      const under = !!c6 && b.gapBefore < 2;
      const d = under ? c6 : newDraft([]);
      if (!under) d.kind = 'photo';
      addCaption(d, captioned.caption, captioned.credit, lines, false);
      if (!under) d.closed = true;
      continue;
    }

    // 6. A photo with its credit line (■通讯员 王勤 摄).
    const creditAt = b.lines.findIndex((l) => matchPhotoCredit(l.text));
    if (creditAt >= 0) {
      const captionText = b.lines
        .filter((_, k) => k !== creditAt)
        .map((l) => l.text)
        .join('');
      const credit = b.lines[creditAt]!.text;
      const standalone = !open() || visibleLength(captionText) > 40 || b.gapBefore >= 2;
      const d = standalone ? newDraft([]) : open()!;
      if (standalone) d.kind = 'photo';
      addCaption(d, captionText, credit, lines, false);
      if (standalone) d.closed = true;
      continue;
    }

    // 7. A byline opens (or completes the heading of) a news item.
    // A name alone between a headline and the text is its author (commentaries print it so).
    const c7 = open();
    const authorLine = !!c7 && !!c7.headline && !c7.byline && c7.paragraphs.length === 0 && isAuthorLine(i);
    let by = matchByline(b.text) ?? (authorLine ? matchNameLine(b.text) : null);
    let byLines = lines;
    // A bare agency line above a full byline (新华社电 / 新华社北京5月14日电（记者…）) is a label.
    if (by && !by.rest && by.staff.length === 0 && !by.open && next && matchByline(next.text)) by = null;
    if (by && next && (by.open || (by.rest === '' && by.staff.length === 0 && /^[（(]/u.test(next.text)))) {
      const done = continueByline(by, next.text);
      if (done) {
        by = done;
        byLines = [...lines, ...blockLines(next)];
        i++;
      }
    }
    if (by && by.source === '') {
      // A credit line without an agency (文/图 记者 张三, （本报记者 王某）) credits the article it
      // stands in, before or after its text; a second one is text.
      const c = open();
      if (c && !c.byline) {
        setByline(c, by, byLines);
        touch(c, byLines);
        continue;
      }
      if (c) {
        addText(c, b.text, lines);
        continue;
      }
    }
    if (by) {
      const c = open();
      // The byline completes the heading above it, even after a summary printed between them
      // (■过去一年，…: lines set off with a bullet).
      const completes = c && c.headline && !c.byline && c.paragraphs.every((p) => /^[■□●▲◆]/u.test(p.text));
      const d = completes ? c : newDraft([]);
      setByline(d, by, byLines);
      if (byLines.length > lines.length) {
        d.edits.push({ kind: 'byline-joined', note: '跨行印出的署名已接续', lines: byLines });
      }
      touch(d, byLines);
      // the text after the byline, as any text (a （下转第二版①） at its end is a reference)
      if (by.rest) addText(d, by.rest, byLines.slice(-1));
      continue;
    }

    const c = open();
    const hanging = dangling(c);

    // A caption standing at the column break of a cut paragraph: the word the column cut goes on
    // in the block after it (…天马大街的“鹿家厨 | caption | 房”餐馆早早开了门).
    if (
      hanging &&
      cutAt(hanging) &&
      !b.cut &&
      next &&
      !headingCandidate(next) &&
      !matchByline(next.text) &&
      !wordSpansSeam(hanging.text, b.text) &&
      wordSpansSeam(hanging.text, next.text)
    ) {
      addCaption(c!, b.text, null, lines, true);
      joinInto(c!, hanging, next.text, blockLines(next), '被图片说明隔开的段落已接续');
      i++;
      continue;
    }

    // 8. Heading-like blocks.
    if (headingCandidate(b)) {
      // 8a. It is really the start or the rest of a paragraph broken at a column edge.
      if (
        hanging &&
        c &&
        !isNoticeTitle(b.text) &&
        shouldJoin(hanging.text, b.lines[0]!.text, 'heading', cutAt(hanging))
      ) {
        joinInto(c, hanging, b.text, lines, '分栏处断开的段落已接续');
        continue;
      }
      if (
        rejoins &&
        c &&
        next &&
        !headingCandidate(next) &&
        !matchByline(next.text) &&
        shouldJoin(b.text, next.lines[0]!.text)
      ) {
        addText(c, b.text, lines);
        continue;
      }
      // 8b. A caption standing between the two halves of a broken paragraph:
      //     this block opens the paragraph and the next one is the caption …
      const after = blocks[i + 2];
      if (
        rejoins &&
        c &&
        !hanging &&
        next &&
        after &&
        visibleLength(next.text) <= 30 &&
        headingCandidate(next) &&
        !matchByline(next.text) &&
        !headingCandidate(after) &&
        !matchByline(after.text) &&
        shouldJoin(b.text, after.lines[0]!.text, 'lenient')
      ) {
        addText(c, b.text, lines);
        const p = lastPara(c)!;
        addCaption(c, next.text, null, blockLines(next), true);
        joinInto(c, p, after.text, blockLines(after), '被图片说明隔开的段落已接续');
        i += 2;
        continue;
      }
      //     … or the last paragraph hangs and this block is the caption.
      if (
        c &&
        hanging &&
        next &&
        visibleLength(b.text) <= 30 &&
        !isNoticeTitle(b.text) &&
        !headingCandidate(next) &&
        !matchByline(next.text) &&
        shouldJoin(hanging.text, next.lines[0]!.text, 'lenient', cutAt(hanging))
      ) {
        addCaption(c, b.text, null, lines, true);
        joinInto(c, hanging, next.text, blockLines(next), '被图片说明隔开的段落已接续');
        i++;
        continue;
      }

      // 8c. Collect the heading group.
      const group: Block[] = [b];
      let j = i + 1;
      while (j < blocks.length) {
        const g = blocks[j]!;
        // A short line right under a heading continues the group even at the body's indent (some
        // archives set the 副题 there).
        const continues = headingCandidate(g) || (visibleLength(g.text) <= 24 && plainHeading(g));
        if (
          !continues ||
          isAuthorLine(j) ||
          matchByline(g.text) ||
          matchSee(g.text, 0) ||
          isSignature(g) ||
          isTable(g)
        )
          break;
        if (matchContinuedFrom(g.text, 0) || g.lines.some((l) => matchPhotoCredit(l.text))) break;
        group.push(g);
        j++;
      }
      const follower = blocks[j];
      const followerIsByline = !!follower && (!!matchByline(follower.text) || isAuthorLine(j));
      const followerIsSee = !!follower && !!matchSee(follower.text, 0);
      const followerIsSignature = !!follower && isSignature(follower);

      if (followerIsSee) {
        // Panels before a teaser: an advert or slogan, then the teaser's own headline.
        let lastAd = -1;
        group.forEach((g, k) => {
          if (isAdLike(g.text)) lastAd = k;
        });
        if (lastAd >= 0 && lastAd < group.length - 1) {
          const ad = newDraft([]);
          ad.kind = 'ad';
          const adGroup = group.slice(0, lastAd + 1);
          const signOff = adGroup.filter((g, k) => k > 0 && isAdLike(g.text) && !/[★☆◆◇]/u.test(g.text));
          applyHeadings(
            ad,
            adGroup.filter((g) => !signOff.includes(g)),
          );
          for (const s of signOff) addText(ad, s.text, blockLines(s));
          ad.closed = true;
          group.splice(0, lastAd + 1);
        }
        const t = newDraft([]);
        applyHeadings(t, group);
        i = j - 1;
        continue;
      }

      if (followerIsSignature && c) {
        for (const g of group) addText(c, g.text, blockLines(g));
        i = j - 1;
        continue;
      }

      // A line that opens with —— after text is the text's attribution (——人民网网友…), not a heading.
      if (
        !followerIsByline &&
        group.length === 1 &&
        c &&
        c.paragraphs.length > 0 &&
        /^[—－]{2}/u.test(b.text)
      ) {
        addText(c, b.text, lines);
        continue;
      }

      if (!followerIsByline && group.length === 1 && c && !isNoticeTitle(b.text) && c.paragraphs.length > 0) {
        // A lone heading inside an article: a subhead, unless it reads as the start of another article.
        // Features (■ bylines, or subheads already) carry subheads; elsewhere a subhead must share the
        // article's vocabulary, or it starts a new article.
        const share = overlap(bigrams(b.text), articleBigrams(c));
        const feature =
          /^[■□●▲◆]/u.test(c.byline?.text ?? '') || c.paragraphs.some((p) => p.role === 'subhead');
        // In a bylined article, a heading (a phrase, not a short label such as 记者手记) whose text
        // opens without a byline or dateline of its own (本报讯…, 新华社…电) and ends without a credit
        // of its own (（本报记者 赵敏）) is a subhead: a new article would carry its own byline.
        // (Vocabulary shared with the article above was tried and does not tell them apart.)
        const bylined = !!c.byline && c.byline.staff.length > 0;
        const ownLead = !!follower && !!matchByline(follower.text)?.source;
        let ownTail = false;
        for (let k = j; k < blocks.length && k < j + 40 && !headingCandidate(blocks[k]!); k++) {
          const t = blocks[k]!.text;
          if (/^[（(].*[）)]$/u.test(t) && matchByline(t)?.source === '') ownTail = true;
        }
        const related =
          isEnumerated(b.text) ||
          share >= 0.25 ||
          (!!c.byline && (feature || share >= 0.1)) ||
          (bylined &&
            visibleLength(b.text) >= 6 &&
            !!follower &&
            !headingCandidate(follower) &&
            !ownLead &&
            !ownTail);
        if (related) {
          touch(c, lines);
          c.paragraphs.push({ role: 'subhead', text: b.text, lines });
          continue;
        }
      }

      const d = newDraft([]);
      applyHeadings(d, group);
      if (
        !followerIsByline &&
        (!follower || headingCandidate(follower)) &&
        group.some((g) => isAdLike(g.text))
      ) {
        d.kind = 'ad';
      }
      i = j - 1;
      continue;
    }

    // 9. Body text. In a file that indents its body, a short heading-like line at the body's indent
    // inside an article is a subhead (e-papers set subheads at the body's indent).
    if (
      c &&
      c.paragraphs.length > 0 &&
      options.bodyIndent &&
      b.indent === options.bodyIndent &&
      visibleLength(b.text) <= 30 &&
      !/^[—－-]{2}/u.test(b.text) &&
      plainHeading(b)
    ) {
      touch(c, lines);
      c.paragraphs.push({ role: 'subhead', text: b.text, lines });
      continue;
    }
    if (!c) {
      const d = newDraft([]);
      addText(d, b.text, lines);
      continue;
    }
    if (
      hanging &&
      shouldJoin(hanging.text, b.lines[0]!.text, 'body', cutAt(hanging)) &&
      !isFieldLine(b.lines[0]!.text)
    ) {
      joinInto(c, hanging, b.text, lines, '分栏处断开的段落已接续');
      continue;
    }
    // A short sentence after a picture gap is the picture's caption.
    const sentences = (b.text.match(/[。！？]/gu) ?? []).length;
    if (
      b.gapBefore >= 2 &&
      visibleLength(b.text) <= 60 &&
      sentences <= 1 &&
      (c.headline || c.paragraphs.length)
    ) {
      addCaption(c, b.text, null, lines, false);
      continue;
    }
    addText(c, b.text, lines);
  }

  const articles = drafts
    .filter((d) => d.lines.length > 0)
    .map((d, k) => {
      const sorted = [...d.lines].sort((a, b) => a - b);
      return {
        page: d.page,
        order: k + 1,
        kind: finalKind(d),
        column: d.column,
        kicker: d.kicker,
        headline: d.headline,
        subtitle: d.subtitle,
        byline: d.byline,
        paragraphs: d.paragraphs,
        captions: d.captions,
        tables: d.tables,
        references: d.references,
        signature: d.signature,
        edits: d.edits,
        lines: { start: sorted[0]!, end: sorted[sorted.length - 1]! },
      } satisfies DraftArticle;
    });
  return { pages, articles, unclassified };
}

function finalKind(d: Draft): ArticleKind {
  if (d.kind === 'ad' || d.kind === 'photo') return d.kind;
  if (d.kind === 'teaser' && d.paragraphs.length <= 1) return 'teaser';
  if (d.kind === 'continuation' && !d.headline) return 'continuation';
  if (d.signature || isNoticeTitle(d.headline)) return 'notice';
  if (d.tables.length > 0 && d.paragraphs.length === 0) return 'table';
  if (d.byline?.source === '又讯') return 'brief';
  const subheads = d.paragraphs.filter((p) => p.role === 'subhead').length;
  if (d.byline && /^[■□●▲◆]/u.test(d.byline.text)) return 'feature';
  if (subheads >= 2 || /^——记/u.test(d.subtitle ?? '')) return 'feature';
  if (!d.headline && d.paragraphs.length > 0 && !d.byline) return 'brief';
  return 'news';
}
