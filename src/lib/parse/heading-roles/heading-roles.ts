/**
 * The roles of a heading group's lines: 栏目 (column label or banner: 决胜全面小康 决战脱贫攻坚), 引题 (kicker), 主题 (headline), 副题
 * (subtitle). Marked lines first (a kicker ends in —— or a short ：, a subtitle starts with ——
 * or names the officials present, a bracketed date under a document's title is its 副题); then, of
 * two plain lines, a column tag in brackets marks the headline, a second line opening with a
 * person's name is the 副题, a first line with clause punctuation is the 引题, two short parallel
 * lines are one headline, a name of two or three characters over a long line is the column (纵横), a much shorter second line is the headline under its kicker, otherwise
 * headline + subtitle; three plain lines read 引题, 主题, 副题.
 */
import type { Block } from '../blocks.ts';
import type { Edit } from '../../model/issue.ts';
import { blockLines } from '../assembly.ts';
import { isKickerMarked, isLabelBlock, isOfficialsLine, isSubtitleMarked } from '../block-shapes.ts';
import { visibleLength } from '../../text/characters.ts';
import { tag } from '../../text/words.ts';

/**
 * The date a document was adopted, printed in brackets under its title: （二〇二五年三月十三日）,
 * (2021年3月5日十三届全国人大四次会议通过).
 */
export function isDocumentDate(text: string): boolean {
  return /^[（(]\s*(?:[〇零一二三四五六七八九]{4}|\d{4})\s*年[^（）()]{2,30}[）)]$/u.test(text.trim());
}

/** A line that opens with a person's name (jieba: nr) reports what someone did: 李克强向朔尔茨致贺电. */
function opensWithPerson(text: string): boolean {
  return tag(text.trim().slice(0, 8))[0]?.tag === 'nr';
}

/**
 * A column banner over a headline group (专栏 slogans): parallel phrases of one length set with
 * spaces (决胜全面小康 决战脱贫攻坚), or a study campaign (学习宣传贯彻党的十九届六中全会精神).
 * Only in a group that keeps a headline without it.
 */
function isBanner(text: string): boolean {
  const t = text.trim();
  if (/^(?:深入)?学习(?:宣传)?贯彻[^，。！？、]{2,24}精神$/u.test(t)) return true;
  const phrases = t.split(/[\s\u3000]+/u);
  return (
    phrases.length >= 2 &&
    phrases.every((p) => /^[\u4e00-\u9fff]{4,8}$/u.test(p) && p.length === phrases[0]!.length)
  );
}

/** A column tag closing a headline: （身边的经济故事）, （新春走基层）, （快评）. */
const COLUMN_TAG = /[^（(][（(][\u4e00-\u9fff·、\s]{2,16}[）)]$/u;

export interface HeadingRoles {
  column: string | null;
  kicker: string | null;
  headline: string;
  subtitle: string | null;
  /** an edit to record (a headline printed in two lines, joined) */
  edit: Edit | null;
}

/**
 * Roles by position in e-paper text that prints three header lines per article — 引题, 主题, 副题,
 * an empty line for each one absent: `slots` gives the blank lines before the group, between its
 * blocks and after it, so that blank and printed lines together are the three slots. Null when
 * they are not three (the roles are then read from the lines themselves).
 */
export function slotRoles(group: readonly Block[], after: number): HeadingRoles | null {
  const texts: (string | null)[] = [];
  group.forEach((b) => {
    for (let k = 0; k < b.gapBefore; k++) texts.push(null);
    texts.push(b.text);
  });
  for (let k = 0; k < after; k++) texts.push(null);
  if (texts.length !== 3 || texts[1] === null) return null;
  return {
    column: null,
    kicker: texts[0] ?? null,
    headline: texts[1]!,
    subtitle: texts[2] ?? null,
    edit: null,
  };
}

/** Give a heading group's blocks their roles. */
export function headingRoles(group: readonly Block[]): HeadingRoles {
  const columns: string[] = [];
  const kickers: string[] = [];
  const subtitles: string[] = [];
  const unmarked: Block[] = [];
  let edit: Edit | null = null;
  const plain = group.filter((b) => !isKickerMarked(b.text) && !isSubtitleMarked(b.text)).length;
  group.forEach((b, k) => {
    if (k > 0 && isLabelBlock(b)) columns.push(b.lines.map((l) => l.text).join(' '));
    else if (group.length >= 3 && plain >= 2 && (k === 0 || k === group.length - 1) && isBanner(b.text))
      columns.push(b.text);
    else if (isKickerMarked(b.text) && k < group.length - 1) kickers.push(b.text);
    else if (isSubtitleMarked(b.text) && k > 0) subtitles.push(b.text);
    else if (k > 0 && isOfficialsLine(b.text) && unmarked.length > 0) subtitles.push(b.text);
    else if (k > 0 && isDocumentDate(b.text)) subtitles.push(b.text);
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
    } else if (la <= 3 && lb >= 2 * la && /^[\u4e00-\u9fff]+$/u.test(a.trim())) {
      // A name of two or three characters over a long line is the column's name (纵横 / 创意文旅当挖掘特色):
      // a headline that short never has a subtitle twice its length.
      columns.push(a);
      headline = b;
    } else if (la <= 8 && Math.abs(la - lb) <= 1) {
      // A headline printed in two parallel lines: 缅怀革命先烈 / 赓续精神血脉
      headline = `${a} ${b}`;
      edit = {
        kind: 'heading-joined',
        note: '分两行印出的标题已合并为一行',
        lines: [...blockLines(unmarked[0]!), ...blockLines(unmarked[1]!)],
      };
    } else if (opensWithPerson(b)) {
      // A second line reporting what a person did is the 副题 (李克强向朔尔茨致贺电).
      headline = a;
      subtitles.unshift(b);
    } else if (/[，；,;]/u.test(a) && !/[，；,;]/u.test(b)) {
      // A first line with clause punctuation tells the background: the 引题 over its 主题.
      kickers.push(a);
      headline = b;
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
  return {
    column: columns.length ? columns.join(' ') : null,
    kicker: kickers.length ? kickers.join(' ') : null,
    headline,
    subtitle: subtitles.length ? subtitles.join(' ') : null,
    edit,
  };
}
