/**
 * Personal names in credits: written with spaces or split over lines (贺  勇, 贺勇 are one person),
 * told apart from words that stand where a name stands (报道, 整理, 市交通局).
 */
import { surnameOf } from './surnames.ts';

const HAN = String.raw`\u3400-\u9fff`;
/** White space inside a name: ASCII, full-width (U+3000) and other Unicode spaces. */
const SPACE = /[\s\u3000]+/gu;

/** A name as one string: white space inside it removed (贺  勇 → 贺勇, 欧阳 修 → 欧阳修). */
export function normaliseName(name: string): string {
  return name.replace(SPACE, '');
}

/**
 * Join two-character names that are set with a space to the width of three (记者 贺  勇 → 记者 贺勇),
 * so that a credit can be split on white space. Only a single character that is a surname, then a
 * single character that is not a photo mark, both standing alone between spaces or brackets.
 */
export function joinSpacedNames(credits: string): string {
  return credits.replace(
    new RegExp(
      String.raw`(?<=^|[\s\u3000（(、，,：:])([${HAN}])[\s\u3000]+([${HAN}])(?=$|[\s\u3000）)、，,])`,
      'gu',
    ),
    (whole, a: string, b: string) => (surnameOf(a) === a && !/[摄图文]/u.test(b) ? a + b : whole),
  );
}

/** Words that stand in credits but are no one's name. */
const NOT_NAMES = new Set([
  '本报',
  '记者',
  '报道',
  '整理',
  '综合',
  '编辑',
  '编译',
  '采写',
  '供稿',
  '供图',
  '制图',
  '图片',
  '文字',
  '摄影',
  '通讯',
  '特约',
  '联合',
  '实习',
  '见习',
  '发自',
  '报道组',
  '全媒体',
  '融媒体',
  '宣传部',
  '宣传科',
]);
/** Last characters of organisations (市交通局, 县委宣传部, 某某中心): not a name. */
const ORG_END =
  /(?:局|委|办|厅|部|处|科|所|院|校|站|队|社|报|网|台|组|室|署|中心|公司|集团|政府|协会|大学|医院)$/u;
const PLAIN = new RegExp(`^[${HAN}]{2,4}$`, 'u');
/** 阿依古丽·买买提: names of several parts joined by a middle dot */
const DOTTED = new RegExp(`^[${HAN}]{1,8}(?:[·•・][${HAN}]{1,8}){1,3}$`, 'u');

/** True when `name` (normalised) reads as a person's name. */
export function isPersonName(name: string): boolean {
  if (NOT_NAMES.has(name) || ORG_END.test(name)) return false;
  if (DOTTED.test(name)) return true;
  if (!PLAIN.test(name)) return false;
  const surname = surnameOf(name);
  // A surname and at least one character of given name.
  return surname !== null && name.length > surname.length;
}
