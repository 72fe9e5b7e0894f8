/**
 * Every reader-facing label and display string of the site in one place: the words for what is
 * unknown (未知报纸, 日期不详), dates and months as printed (2021年3月6日, 2021年3月), credited roles,
 * article kinds, the notes on warnings, date methods and confidence, and short forms of
 * titles for breadcrumbs and lists. Pure functions and constant maps; pages and components call them.
 */
import { KIND_LABELS } from '../search/fields.ts';
import type { ArticleKind } from '../model/issue.ts';

/** What the site shows for a paper it could not name. */
export const UNKNOWN_PAPER = '未知报纸';
/** What the site shows for a date it could not infer (also the label of the undated month). */
export const UNKNOWN_DATE = '日期不详';

/** A paper's name for readers, or 未知报纸. */
export function paperLabel(name: string | null | undefined): string {
  return name ?? UNKNOWN_PAPER;
}

/** `2021-03-06` → 2021年3月6日; null → 日期不详. */
export function dateZh(iso: string | null | undefined): string {
  if (!iso) return UNKNOWN_DATE;
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A month as readers see it: 2021年3月. */
export function monthZh(year: number, month: number): string {
  return `${year}年${month}月`;
}

/** A month key (`2021-03`, or `undated`) as readers see it: 2021年3月, or 日期不详. */
export function monthKeyZh(key: string): string {
  return key === 'undated' ? UNKNOWN_DATE : monthZh(Number(key.slice(0, 4)), Number(key.slice(5, 7)));
}

/** A date span: 2021年3月6日至2021年5月1日, one date when both ends are the same, '' when none. */
export function dateSpanZh(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return '';
  if (!from || !to || from === to) return dateZh(from ?? to);
  return `${dateZh(from)}至${dateZh(to)}`;
}

/** Names of the normalised credit roles ('' for a name printed without a role word). */
export const ROLE_ZH: Readonly<Record<string, string>> = {
  reporter: '记者',
  'all-media-reporter': '全媒体记者',
  'trainee-reporter': '见习记者',
  intern: '实习生',
  correspondent: '通讯员',
  photographer: '摄影',
  'special-correspondent': '特约记者',
  // printed without a role word: the name alone
  contributor: '',
};

/** The credited role in Chinese: as printed (全媒体记者, 实习生 …), else the normalised role's name. */
export function roleZh(role: string, printed: string | null): string {
  return printed && printed !== '摄' ? printed : (ROLE_ZH[role] ?? role);
}

/** Reader-facing names of the article kinds (one list, shared with search). */
export const KIND_ZH: Readonly<Record<ArticleKind, string>> = KIND_LABELS;

/** An article kind's name, or the kind itself when it has none. */
export function kindZh(kind: string): string {
  return (KIND_ZH as Record<string, string>)[kind] ?? kind;
}

/** Reader-facing notes for the parser's warning codes (the message itself is for maintainers). */
export const WARNING_ZH: Readonly<Record<string, string>> = {
  'paper-low-confidence': '报名未印在文本中，系据署名形式（本报讯、本报记者）与地名推定，证据较弱。',
  'paper-unknown': '无法判断是哪家报纸。',
  'date-low-confidence': '出版日期的推定依据较弱。',
  'date-unknown': '无法推定出版日期。',
  'article-without-text': '有文章只有标题，没有正文。',
  'unclassified-text': '有文字未能归入任何文章，列在 issue.json 的 unclassified 中。',
  'input-repaired': '原始文本的编码或控制字符经过修复。',
  'correction-not-applied': '有一条编辑校订未能应用。',
  'hint-contradicts-text': '编辑标注与文本内容不一致。',
  'issue-id-repeated': '另有一期与本期编号相同，本期改用带序号的编号。',
  'page-number-repeated': '同一版号出现两次，两份文本均予保留，后者标为“另本”。',
  'conservation-failed': '整理前后的文字未能逐字对上，请核对原文。',
};

/** How a publication date was found, for readers. */
export const DATE_METHOD_ZH: Readonly<Record<string, string>> = {
  masthead: '报头所印',
  hint: '编辑标注',
  'relative-word': '据文中“昨日（某月某日）”推定',
  'latest-event-plus-one': '据消息导语中的最近日期推定（次日出版）',
  signature: '据公告落款日期推定',
  none: '无从推定',
};

/** Confidence levels, for readers. */
export const CONFIDENCE_ZH: Readonly<Record<string, string>> = {
  high: '高',
  medium: '中',
  low: '低',
  none: '无',
};

/** A text cut to `chars` characters (code points), with … when it was cut. */
export function clip(text: string, chars: number): string {
  const arr = Array.from(text);
  return arr.length > chars ? `${arr.slice(0, chars).join('')}…` : text;
}

/** A title cut to `chars` characters for breadcrumbs and pagers. */
export function shortTitle(title: string, chars = 24): string {
  return clip(title, chars);
}

/** Wire copy (src/lib/wire-copy): the article page's list of other printings, and the comparison page. */
export const COPIES_ZH = {
  /** the article page's section */
  title: '其他报纸/其他日期的同稿',
  /** the link to the side-by-side page */
  compare: '对照',
  /** printings not listed (the list shows ten) */
  more: (n: number) => `另有${n}处同稿未列出`,
  /** the comparison page's heading, before the title */
  heading: '同稿对照',
  /** the earlier printing (left; above on phones) and the later one */
  earlier: '前稿',
  later: '后稿',
  retitled: '标题有改动',
  sameTitle: '标题相同',
  /** a row both printings print alike */
  same: '两稿相同',
  /** a side that has nothing in a row */
  none: '（无）',
} as const;

/** How much a copy shares: 共有约1234字（占较短一稿的87%）. */
export function sharedZh(chars: number, containment: number): string {
  return `共有约${chars.toString()}字（占较短一稿的${Math.round(containment * 100)}%）`;
}

/** A printing named for readers: 衡阳日报 2021年3月6日 第一版. */
export function printingZh(
  paper: string | null | undefined,
  date: string | null | undefined,
  page: string,
): string {
  return `${paperLabel(paper)} ${dateZh(date)} ${page}`;
}

/**
 * The comparison page's legend, in words (not colour only): which printing is which (前稿 on the
 * left, or above on phones; 后稿 on the right, or below with a rule), what 删除线 and 下划线 mark.
 */
export function compareLegendZh(a: string, b: string): string[] {
  return [
    `前稿（左栏；手机上每段在上）：${a}。后稿（右栏；手机上每段在下，左边有竖线）：${b}。`,
    `加删除线的文字只见于前稿：后稿没有刊登（删去）。`,
    `加下划线的文字只见于后稿：后稿新增或改写。`,
    `没有标记的文字两稿相同（空格与标点不计）。`,
  ];
}

/** The comparison's count in words: 两稿共有1200字；只见于前稿80字，只见于后稿12字. */
export function compareCountZh(same: number, onlyA: number, onlyB: number): string {
  const n = (x: number) => String(x);
  return `两稿共有${n(same)}字；只见于前稿${n(onlyA)}字，只见于后稿${n(onlyB)}字（空格与标点不计）。`;
}
