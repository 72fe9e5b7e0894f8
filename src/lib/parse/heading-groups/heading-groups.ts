/**
 * Heading groups: a run of heading-like blocks is collected (it ends at a byline, an author's
 * line, a teaser marker, a signature, a table, a continuation or a photo credit) and read by what
 * follows it: panels before a teaser marker, closing lines before a signature, an attribution
 * (——人民网网友…) after text, a subhead inside the open article (subheads.ts), or — the usual case
 * — the heading of a new article, its lines given their roles (heading-roles.ts).
 */
import type { Block } from '../blocks.ts';
import { blockLines, type Assembly, type Draft, type Stage } from '../assembly.ts';
import { matchByline, matchPhotoCredit } from '../byline.ts';
import { isAdLike, isKickerMarked, isNoticeTitle, isSignature, isTable } from '../block-shapes.ts';
import { matchContinuedFrom, matchSee } from '../cross-references.ts';
import { headingRoles, isDocumentDate, slotRoles } from '../heading-roles/heading-roles.ts';
import { decideLoneHeading } from '../subheads/subheads.ts';
import { CLAUSE_PUNCT, visibleLength } from '../../text/characters.ts';
import { tag } from '../../text/words.ts';
import { PAGE_CREDITS, PAGE_HEADER } from '../page-starts/page-starts.ts';

/** The heading group starting at block i: its blocks and the index of the block after it. */
export function collectHeadingGroup(a: Assembly, i: number): { group: Block[]; end: number } {
  const group: Block[] = [a.blocks[i]!];
  let j = i + 1;
  while (j < a.blocks.length) {
    const g = a.blocks[j]!;
    // A short line right under a heading continues the group even at the body's indent (some
    // archives set the 副题 there).
    const continues =
      a.headingCandidate(g) || (visibleLength(g.text) <= 24 && a.plainHeading(g)) || isDocumentDate(g.text);
    if (
      !continues ||
      a.isAuthorLine(j) ||
      matchByline(g.text) ||
      matchSee(g.text, 0) ||
      isSignature(g) ||
      isTable(g)
    )
      break;
    if (matchContinuedFrom(g.text, 0) || g.lines.some((l) => matchPhotoCredit(l.text))) break;
    // a box's label under the headline (核心阅读) opens the box, not a 副题
    if (isBoxLabel(g.text)) break;
    // In a text layer without blank lines between paragraphs (pdftotext), a blank line before a
    // kicker (…记者在重庆实地探访——) parts two articles' headings printed one above the other.
    if (a.options.layout === 'wrapped-paragraphs' && g.gapBefore > 0 && isKickerMarked(g.text)) break;
    group.push(g);
    j++;
  }
  return { group, end: j };
}

/**
 * The label of a box set inside an article: 延伸阅读, 相关链接, 链接, 核心阅读, 背景链接, 名词解释, 小贴士
 * (a label alone on its line; 记者手记 and 编后 are left out: papers print them as pieces of their own).
 */
export function isBoxLabel(text: string): boolean {
  return /^[【［\[]?(?:延伸阅读|相关链接|背景链接|新闻链接|链接|核心阅读|阅读提示|名词解释|小贴士)[】］\]]?$/u.test(
    text.trim(),
  );
}

/** An editor's note: a paragraph opening 编者按, or the ——编者 that signs one. */
const EDITORS_NOTE = /^编\s*者\s*按|^[—－]{2}\s*编\s*者$/u;

/** The article prints an editor's note. */
export function hasEditorsNote(d: Draft): boolean {
  return d.paragraphs.some((p) => EDITORS_NOTE.test(p.text.trim()));
}

/**
 * An editor's note stands in the text under the heading ending before block j (within six blocks,
 * before any byline; a caption may stand between): a piece
 * opens with its editor's note, so the heading is a new article's, never a subhead.
 */
function editorsNoteFollows(a: Assembly, j: number): boolean {
  for (const b of a.blocks.slice(j, j + 6)) {
    if (EDITORS_NOTE.test(b.text.trim())) return true;
    if (matchByline(b.text)) return false;
  }
  return false;
}

/**
 * A place name and nothing else: a short line (six characters at most) that opens with a place
 * (jieba: ns) — 浙江嵊州, 四川丹棱 (a county jieba may not know after its province).
 */
function isPlaceName(text: string): boolean {
  const t = text.trim();
  if (visibleLength(t) > 6 || CLAUSE_PUNCT.test(t)) return false;
  return tag(t)[0]?.tag === 'ns';
}

/** Blank lines after a heading group (before the block that follows it). */
const blanksAfter = (a: Assembly, group: readonly Block[]) =>
  a.blocks[group.at(-1)!.index + 1]?.gapBefore ?? 0;

const slotFiles = new WeakMap<Assembly, boolean>();

/**
 * Does this file print three header lines per article (引题, 主题, 副题; an empty line for each one
 * absent), as e-paper text does? Only in one-paragraph-per-line text, and only when every heading
 * group of the file fills exactly three slots with its lines and blank lines, at least two groups
 * do, and some slot is empty: a file that merely separates articles with blank lines fails it.
 */
export function printsHeaderSlots(a: Assembly): boolean {
  let known = slotFiles.get(a);
  if (known !== undefined) return known;
  let groups = 0;
  let empty = false;
  known = !a.rejoins;
  for (let i = 0; known && i < a.blocks.length;) {
    const b = a.blocks[i]!;
    const header = (x: Block) => PAGE_HEADER.test(x.text) && visibleLength(x.text) <= 40;
    if (
      header(b) ||
      !a.headingCandidate(b) ||
      (i > 0 && a.headingCandidate(a.blocks[i - 1]!) && !header(a.blocks[i - 1]!))
    ) {
      i++;
      continue;
    }
    const { group, end } = collectHeadingGroup(a, i);
    const texts = group.length + group.reduce((n, g) => n + g.gapBefore, 0) + blanksAfter(a, group);
    if (texts !== 3) known = false;
    if (texts === 3 && group.length < 3) empty = true;
    groups++;
    i = Math.max(end, i + 1);
  }
  known = known && groups >= 2 && empty;
  slotFiles.set(a, known);
  return known;
}

/** How many brackets and quotes a text opens and does not close. */
function unclosed(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (/[（(《“【［]/u.test(ch)) n++;
    else if (/[）)》”】］]/u.test(ch)) n = Math.max(0, n - 1);
  }
  return n;
}

/**
 * A heading wrapped over two lines by a text layer (同心锅做出百家饭（在现 / 场）): a line that opens a
 * bracket or quote the next line closes is one heading with it, joined as printed.
 */
export function joinWrappedHeadings(group: readonly Block[]): { group: Block[]; joined: number[][] } {
  const out: Block[] = [];
  const joined: number[][] = [];
  for (const b of group) {
    const prev = out[out.length - 1];
    if (prev && unclosed(prev.text) > 0 && unclosed(prev.text + b.text) < unclosed(prev.text)) {
      out[out.length - 1] = { ...prev, lines: [...prev.lines, ...b.lines], text: prev.text + b.text.trim() };
      joined.push([...blockLines(prev), ...blockLines(b)]);
    } else out.push(b);
  }
  return { group: out, joined };
}

/** Set an article's headings from its heading group. */
export function applyHeadings(a: Assembly, d: Draft, blocks: readonly Block[]): void {
  const { group, joined } = joinWrappedHeadings(blocks);
  for (const lines of joined) d.edits.push({ kind: 'heading-joined', note: '折行印出的标题已接续', lines });
  const roles =
    (printsHeaderSlots(a) ? slotRoles(group, blanksAfter(a, group)) : null) ?? headingRoles(group);
  d.column = roles.column;
  d.kicker = roles.kicker;
  d.headline = roles.headline;
  d.subtitle = roles.subtitle;
  if (roles.edit) d.edits.push(roles.edit);
  d.heading = group;
  a.touch(d, group.flatMap(blockLines));
}

/** Panels before a teaser: an advert or slogan (its own item), then the teaser's own headline. */
function teaserWithPanels(a: Assembly, group: Block[]): void {
  let lastAd = -1;
  group.forEach((g, k) => {
    if (isAdLike(g.text)) lastAd = k;
  });
  if (lastAd >= 0 && lastAd < group.length - 1) {
    const ad = a.newDraft();
    ad.kind = 'ad';
    const adGroup = group.slice(0, lastAd + 1);
    const signOff = adGroup.filter((g, k) => k > 0 && isAdLike(g.text) && !/[★☆◆◇]/u.test(g.text));
    applyHeadings(
      a,
      ad,
      adGroup.filter((g) => !signOff.includes(g)),
    );
    for (const s of signOff) a.addText(ad, s.text, blockLines(s));
    ad.closed = true;
    group.splice(0, lastAd + 1);
  }
  applyHeadings(a, a.newDraft(), group);
}

/**
 * A line that opens with —— after text is the text's attribution (——人民网网友…), not a heading:
 * a 副题 opens with —— too, but it stands under its headline, never first in a heading group.
 */
export const attribution: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const c = a.open();
  if (!c || c.paragraphs.length === 0 || !/^[—－]{2}/u.test(b.text) || !a.headingCandidate(b)) return 0;
  const next = a.blocks[i + 1];
  if (next && (matchByline(next.text) || a.isAuthorLine(i + 1))) return 0;
  a.addText(c, b.text, blockLines(b));
  return 1;
};

export const headingGroup: Stage = (a, i) => {
  const b = a.blocks[i]!;
  if (!a.headingCandidate(b)) return 0;
  const c = a.open();
  const { group, end: j } = collectHeadingGroup(a, i);
  const follower = a.blocks[j];
  const followerIsByline = !!follower && (!!matchByline(follower.text) || a.isAuthorLine(j));

  if (follower && matchSee(follower.text, 0)) {
    teaserWithPanels(a, group);
    return j - i;
  }
  if (follower && isSignature(follower) && c) {
    // closing lines of a notice, before its signature
    for (const g of group) a.addText(c, g.text, blockLines(g));
    return j - i;
  }
  // A lone heading inside an article: after its text, or right under its headline and byline
  // (the first section title of a commentary: 邯郸的贫民贷款 / 吴象 / 一根木梁).
  // In e-paper text that prints header slots, a heading flush with the margin that fills its three
  // slots opens an article: subheads stand at the body's indent there.
  const slotted = printsHeaderSlots(a) && slotRoles(group, blanksAfter(a, group)) !== null;
  // A subhead may be printed in two lines inside a long report: a place name marked with —— over
  // the section's title (浙江嵊州—— / 保障好…用水的“最后一公里”); a new article's kicker says more
  // (注意，清明假期乘坐高铁——, 从进博会到链博会——, 西藏加快乡村“百姓小院”建设——).
  const pair =
    group.length === 2 &&
    !!c &&
    c.paragraphs.length > 0 &&
    isKickerMarked(group[0]!.text) &&
    isPlaceName(group[0]!.text.replace(/[—－]+$/u, ''));
  // An editor's note (……——编者, 编者按：…) introduces a package whose sections each open with a
  // place and a title, often over their own reporter (重庆开州 / 一张戏票聚人气 / 本报记者 沈靖然):
  // sections of that article, not articles of their own.
  const section =
    group.length === 2 &&
    !!c &&
    hasEditorsNote(c) &&
    isPlaceName(group[0]!.text) &&
    !isKickerMarked(group[1]!.text);
  if (section) {
    for (const g of group) a.addSubhead(c, g.text, blockLines(g));
    return group.length;
  }
  const lone =
    !followerIsByline &&
    !editorsNoteFollows(a, j) &&
    !slotted &&
    (group.length === 1 || pair) &&
    !!c &&
    (c.paragraphs.length > 0 || (!!c.headline && !!c.byline));
  // A box inside the article, under its label (延伸阅读, 相关链接, 核心阅读 …): the label and the
  // box's title are the article's subheads, not a new article's headline.
  if (c && (c.paragraphs.length > 0 || c.headline) && !followerIsByline && isBoxLabel(b.text)) {
    for (const g of group) a.addSubhead(c, g.text, blockLines(g));
    return group.length;
  }
  // A line marked as leading into what follows (以“供应链”打造“共赢链”——) with body text right
  // under it is a subhead: a new article's kicker stands over its headline, never over text.
  if (
    group.length === 1 &&
    isKickerMarked(b.text) &&
    c?.paragraphs.some((p) => p.role === 'text') &&
    follower &&
    !followerIsByline &&
    !a.headingCandidate(follower)
  ) {
    a.addSubhead(c, b.text, blockLines(b));
    return 1;
  }
  // A short sentence closing the article's text at the end of the page (预祝大会圆满成功！): an
  // article needs text of its own, and nothing follows it.
  if (
    group.length === 1 &&
    c?.paragraphs.some((p) => p.role === 'text') &&
    /[。！!]$/u.test(b.text.trim()) &&
    (!follower || PAGE_HEADER.test(follower.text) || PAGE_CREDITS.test(follower.text))
  ) {
    a.addText(c, b.text, blockLines(b));
    return 1;
  }
  // A lone heading inside an article: a subhead, unless it reads as the start of another article.
  const decision = lone && !isNoticeTitle(b.text) ? decideLoneHeading(a, c!, group, j) : null;
  if (decision?.subhead) {
    for (const g of group) a.addSubhead(c!, g.text, blockLines(g));
    a.record(c!, 'subhead', group.flatMap(blockLines), decision);
    return group.length;
  }

  const d = a.newDraft();
  applyHeadings(a, d, group);
  if (decision) a.record(d, 'article-start', blockLines(b), decision);
  // a group with advert signs and no text of its own is an advert
  if (
    !followerIsByline &&
    (!follower || a.headingCandidate(follower)) &&
    group.some((g) => isAdLike(g.text))
  ) {
    d.kind = 'ad';
  }
  return j - i;
};
