/**
 * Stage 3: what a block looks like on its own (its shape). The assembler decides from the shapes
 * and their neighbours what each block is in the edition.
 */
import type { Block } from './blocks.ts';
import { CLAUSE_PUNCT, endsSentence, visibleLength } from '../text/characters.ts';

/** Longest heading line we accept without a kicker marker. */
export const MAX_HEADING = 48;

/** Ends with a kicker marker: 注意，清明假期乘坐高铁——   南岳区：   心梗救治日: */
export function isKickerMarked(text: string): boolean {
  const t = text.trim();
  if (/(?:——|—|--)$/u.test(t)) return true;
  // A colon ends a kicker only when the line is short (南岳区：); a long line ending in a colon
  // introduces what follows (…发现以下几方面突出问题：).
  return /[：:]$/u.test(t) && visibleLength(t) <= 12 && !CLAUSE_PUNCT.test(t.slice(0, -1));
}

/** How many clause punctuation marks a text holds. */
function clauseCount(text: string): number {
  return (text.match(/[，、；,;]/gu) ?? []).length;
}

/** Starts with a subtitle marker: ——记市直工委…副部长刘义杰 */
export function isSubtitleMarked(text: string): boolean {
  return /^(?:——|—|--)/u.test(text.trim());
}

/**
 * Subtitles that name the officials present, a convention of Chinese political news:
 * 杨洪峰出席并讲话, 江涌作宣讲报告 秦国文主持 朱健出席, 秦国文朱健马捷见证签约.
 */
export function isOfficialsLine(text: string): boolean {
  const t = text.trim();
  return (
    visibleLength(t) <= 40 &&
    /(?:出席|主持|讲话|致辞|参加|见证|陪同|调研|宣讲报告)(?:活动|签约|会议|并讲话)?/u.test(t)
  );
}

/** A heading-like block: short, one or two lines, not a finished sentence. */
export function isHeadingLike(b: Block): boolean {
  const t = b.text;
  const len = visibleLength(t);
  if (len === 0) return false;
  // Wrapped text cut at a column edge goes on after the break (blocks.ts): a paragraph, not a heading.
  if (b.cut) return false;
  if (isKickerMarked(t)) return len <= 90;
  // Any other line ending in a colon introduces what follows.
  if (/[：:]$/u.test(t)) return false;
  if (len > MAX_HEADING) return false;
  // Headlines hold a comma or two at most; three or more make a sentence.
  if (clauseCount(t) >= 3) return false;
  if (b.lines.length > 3) return false;
  if (endsSentence(t)) {
    // Headlines may end in ！ or ？ (你好，春天！), but not in 。; quoted speech is not a headline.
    return /[！？!?]$/u.test(t) && len <= 24 && !/[。；]/u.test(t) && !/^[“「『"]/u.test(t);
  }
  return true;
}

/** Enumerated subheads in reports: 一是…, 二、…, （三）…, 1.… */
export function isEnumerated(text: string): boolean {
  return /^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、．.](?!\d)|第[一二三四五六七八九十]+[，,、是])/u.test(
    text.trim(),
  );
}

/** Notice titles: 公示, 干部任前公示公告, …巡查公告, 通知, 启事, 声明, 通告. */
export function isNoticeTitle(text: string): boolean {
  return /(?:公告|公示|通告|通知|启事|声明|公报|告示|通报|名单公示|招标公告|遗失声明)$/u.test(text.trim());
}

/** Signs of a public-service advert or slogan panel: ★ decoration, hotlines, 宣 sign-off. */
export function isAdLike(text: string): boolean {
  const t = text.trim();
  return /[★☆◆◇]/u.test(t) || /热线\s*[:：]?\s*\d{4,}/u.test(t) || /\s宣$/u.test(t) || /公益广告/u.test(t);
}

/** A multi-line block of short label lines (栏目: 安全生产三年行动 / 应急科普). */
export function isLabelBlock(b: Block): boolean {
  return (
    b.lines.length >= 2 && b.lines.every((l) => visibleLength(l.text) <= 12 && !CLAUSE_PUNCT.test(l.text))
  );
}

const DATE_ONLY = /^\d{4}年\d{1,2}月\d{1,2}日$/u;
const ORG_DATE = /^(?<org>[\u3400-\u9fff（）()·]{4,40})\s+(?<date>\d{4}年\d{1,2}月\d{1,2}日)$/u;

/**
 * A signature block closing a notice: organisation lines and a date
 * (中共衡阳市委 / 衡阳市人民政府 / 2022年3月31日), or one line `组织名 2020年11月17日`.
 */
export function isSignature(b: Block): boolean {
  const lines = b.lines.map((l) => l.text.trim());
  const last = lines[lines.length - 1]!;
  if (lines.length === 1) return ORG_DATE.test(last);
  if (!DATE_ONLY.test(last) && !ORG_DATE.test(last)) return false;
  return lines.slice(0, -1).every((l) => visibleLength(l) <= 30 && !/[。，！？]/u.test(l));
}

/** A lone date line, which closes a signature in one-paragraph-per-line files. */
export function isDateLine(text: string): boolean {
  return DATE_ONLY.test(text.trim());
}

/** Table rows: tab-separated cells on at least two lines of the block. */
export function isTable(b: Block): boolean {
  return b.lines.filter((l) => l.text.includes('\t')).length >= 2;
}
