/**
 * How people are named in running text, for the name finder (entities.ts): titles before names
 * (市委书记秦国文, 董事长周超男), names before the word that says what the person is (刘晓琼委员,
 * 习近平总书记), foreign names after a head of government's title (捷总理费林格), names jieba does
 * not know (tagged x) after a role or before a stop, and credits inside the text, whose names are
 * the reporters index's.
 */
import { isPersonName } from './names.ts';
import { boundaryAt, commonWord, wordAt, wordBefore, type Token } from './tokens.ts';

/** Titles that stand before a name (longest first, so 市委副书记 wins over 书记). */
const TITLES = [
  '常务副市长',
  '常务副省长',
  '副总经理',
  '理事长',
  '委员长',
  '副总理',
  '副局长',
  '副主编',
  '负责人',
  '创始人',
  '传承人',
  '工程师',
  '市委副书记',
  '县委副书记',
  '区委副书记',
  '市委书记',
  '县委书记',
  '区委书记',
  '省委书记',
  '党组书记',
  '副市长',
  '副县长',
  '副区长',
  '副省长',
  '副主任',
  '副主席',
  '秘书长',
  '董事长',
  '总经理',
  '检察长',
  '书记',
  '市长',
  '县长',
  '区长',
  '省长',
  '镇长',
  '乡长',
  '主任',
  '主席',
  '局长',
  '厅长',
  '部长',
  '院长',
  '校长',
  '会长',
  '所长',
  '站长',
  '队长',
  '支书',
  '代表',
  '委员',
  '教授',
  '医生',
  '老师',
  '总理',
  '经理',
  '厂长',
  '车长',
  '处长',
  '科长',
  '社长',
  '馆长',
  '行长',
  '村长',
  '主编',
  '专家',
  '作家',
  '大使',
];
/** Titles of heads of state and government and of generals, after which a foreign name may stand. */
const FOREIGN_TITLES = /(?:总理|总统|首相|国王|外长|外交部长|元帅|将军|大使)$/u;
export const TITLE_RE = new RegExp(`(?:${TITLES.join('|')})`, 'gu');
/** What may follow a name: punctuation, or a word that starts a predicate. */
const AFTER_NAME =
  /^(?:$|[，。、；：:）)（(“”"！？\s]|的|从|站|来|先生|女士|签字|接到|把|被|已|曾|正在|日前|近日|告诉|回忆|坦言|笑着|主持|宣布|出席|表示|强调|指出|讲话|致辞|参加|调研|率队|带队|一行|等|和|与|及|同志|在|到|对|向|为|是|也|就|还|又|都|将|要求|介绍|会见|看望|慰问|检查|督导|深入|前往|来到|说|认为|作|听取|见证|提出|希望|感谢|领衔|带领|签约|代表|委员|先后|致词|走进|走访|陪同|一同|分别|首先|随后|专程|亲切)/u;
/** A character that is a word of its own after a two-character name (朱健在调研: not 朱健在). */
const NOT_THIRD = /[在到对向为是也就还又都将说和与及等的从]/u;

/** The name after a title at `at`, or null: 3 characters when that ends well, else 2. */
export function nameAfter(text: string, at: number): string | null {
  for (const len of [3, 2]) {
    const name = text.slice(at, at + len);
    if (name.length !== len || !isPersonName(name)) continue;
    if (len === 3 && NOT_THIRD.test(name[2]!)) continue;
    // 书记任组长: a title, not a name; 总书记强调: a verb, not a name
    if (/长$/u.test(name) || commonWord(name) || (len === 3 && commonWord(name.slice(0, 2)))) continue;
    if (AFTER_NAME.test(text.slice(at + len))) return name;
  }
  return null;
}

/** A name before the word that says what the person is: 刘晓琼委员工作室, 习近平总书记. */
export const NAME_BEFORE = /(?<=^|[、，。；：\s（(“])([\u4e00-\u9fff]{2,3}?)(?=委员|代表|同志|总书记)/gu;

/** A role before an unknown name (负责人陈钟鹿, 小贩程慧安, 徒弟刘枫翔). */
const ROLE_END = /(?:人|长|员|家|者|师|徒|弟|贩|主|户|手|工|生)$/u;
/** What may follow an unknown name for it to be taken as one: punctuation, a conjunction, speech. */
const AFTER_UNKNOWN = /^(?:$|[，。、；：:）)（(“”"！？\s]|和|与|等|说|表示|介绍|告诉|的)/u;
/** Last characters of places, not names (肖家山, 白渔潭). */
const PLACE_LIKE = /[山港潭湖江河村镇乡岭坪冲湾桥园街路堂寺庙塘洲峰岗州城]$/u;
/** A credit inside the text ((记者武少民、李家鼎), 本报记者王云娜采访整理): its names are the reporters index's. */
export const CREDIT =
  /(?:记者|通讯员|实习生|摄影)[\s\u3000]*[\u4e00-\u9fff]{2,3}(?:[、，,\s\u3000]+[\u4e00-\u9fff]{2,3}(?=[、，,）)\s\u3000]|$))*/gu;

/** A foreign name after a head of state's or government's title (捷总理费林格): jieba's next word. */
export function foreignNameAfter(title: string, words: readonly Token[], at: number): string | null {
  if (!FOREIGN_TITLES.test(title)) return null;
  const w = wordAt(words, at);
  if (!w || !/^(?:nr|nrt|nrfg|x)$/u.test(w.tag) || !/^[\u4e00-\u9fff]{2,5}$/u.test(w.word)) return null;
  return commonWord(w.word) ? null : w.word;
}

/**
 * A name jieba does not know (tagged x): three characters from a surname, not ending as places
 * end, after a role (负责人, 小贩, 徒弟) or before punctuation, a conjunction or speech.
 */
export function unknownName(text: string, words: readonly Token[], t: Token): boolean {
  if (t.word.length !== 3 || !isPersonName(t.word) || PLACE_LIKE.test(t.word)) return false;
  // 关于党: a word and a character, not a name
  if (commonWord(t.word.slice(0, 2))) return false;
  const before = wordBefore(words, t.start);
  const role = before !== undefined && /^n/u.test(before.tag) && ROLE_END.test(before.word);
  return role || (boundaryAt(words, t.end) && AFTER_UNKNOWN.test(text.slice(t.end)));
}

/** Items of a list set with spaces: names of two to four characters (or dotted), one or more spaces apart. */
const SPACED_LIST =
  /(?<=^|[^\u4e00-\u9fff·•・\s\u3000])(?:[\u4e00-\u9fff·•・]{2,9}[ \t\u3000]+){3,}[\u4e00-\u9fff·•・]{2,}/gu;
/** The fewest items for a run set with spaces to be read as a list of names. */
const MIN_LIST = 4;

/**
 * Names in a list set with spaces (a notice of press-card holders, of candidates: 刘虹梅 王文焱 邓江虹
 * 尹利民 …): a run of at least MIN_LIST items, every one a person's name by its surname; the last item
 * ends where jieba's words do (谢丹上述人员: 谢丹). Inside such a list a name that is also a word
 * (周围, 凌波) is a name. Returns the names with their offsets; none when any item is no name.
 */
export function spacedNameList(text: string, words: readonly Token[]): { name: string; start: number }[] {
  const out: { name: string; start: number }[] = [];
  for (const m of text.matchAll(SPACED_LIST)) {
    const items: { name: string; start: number }[] = [];
    for (const part of m[0].matchAll(/[^\s\u3000]+/gu))
      items.push({ name: part[0], start: m.index + part.index });
    const last = items[items.length - 1]!;
    // the last item runs into the sentence after the list: cut it where a word ends
    const cut = [3, 2].find(
      (n) => n <= last.name.length && (n === last.name.length || boundaryAt(words, last.start + n)),
    );
    if (cut === undefined) continue;
    last.name = last.name.slice(0, cut);
    if (items.length < MIN_LIST || !items.every((i) => i.name.length <= 4 && isPersonName(i.name))) continue;
    out.push(...items);
  }
  return out;
}
