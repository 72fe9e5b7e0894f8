/**
 * People, places and organisations named in an article's text, for the name index.
 *
 * Three sources, in this order of trust (a later one never takes text an earlier one holds):
 *  1. the gazetteer (content/gazetteer.yaml): full names and aliases of places and organisations,
 *     longest first; short names marked `local` (市委, 市政府) resolve to the papers' own city only
 *     when the article names no other city or province; `ambiguous` names are never resolved and
 *     `not` words (衡阳群众) hide the names inside them. Confidence high.
 *  2. titles before names (市委书记秦国文, 市长朱健, 代表 X, 委员 X): the name is the two or three
 *     characters after the title that start with a surname and are followed by a verb or a stop
 *     (主持, 出席, 、 …). Confidence high.
 *  3. jieba's part-of-speech tags (with its HMM for words not in the dictionary): nr a person
 *     (medium when the same name follows a title elsewhere in the article, else low), ns a place
 *     and nt an organisation (medium when the word ends as such names end: 县, 镇, 村 …; 局, 大学 …;
 *     else low). A single 市/县 before an organisation is its own city's (市商务局 → 衡阳市商务局)
 *     under the same rule as local names.
 * Mentions below MIN_CONFIDENCE stay out of the index.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../parse/read.ts';
import { isPersonName } from './names.ts';
import { boundaryAt, commonWord, fitsWords, tokens, wordAt, wordBefore, type Token } from './tokens.ts';

export type EntityKind = 'person' | 'place' | 'organisation';
export type MentionConfidence = 'high' | 'medium' | 'low';

export interface Mention {
  kind: EntityKind;
  /** the entry's name (衡阳市 for 衡阳, 中共衡阳市委 for 市委) */
  name: string;
  /** as printed */
  text: string;
  start: number;
  end: number;
  method: 'gazetteer' | 'title' | 'tag';
  confidence: MentionConfidence;
}

export interface GazetteerEntry {
  kind: EntityKind;
  name: string;
  level: string | null;
}

export interface Gazetteer {
  /** every written form → its entry; `local` forms carry the flag */
  forms: Map<string, { entry: GazetteerEntry; local: boolean }>;
  /** forms that are never resolved (ambiguous) or hide what they contain (not) */
  blocked: Set<string>;
  /** the longest form, in characters */
  longest: number;
}

export const MIN_CONFIDENCE: MentionConfidence = 'medium';
const RANK: Record<MentionConfidence, number> = { low: 0, medium: 1, high: 2 };
export const kept = (m: Mention) => RANK[m.confidence] >= RANK[MIN_CONFIDENCE];

export function parseGazetteer(source: string, file: string): Gazetteer {
  let doc: Record<string, unknown>;
  try {
    doc = (parseYaml(source) ?? {}) as Record<string, unknown>;
  } catch (e) {
    throw new InputError(file, `gazetteer is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const forms: Gazetteer['forms'] = new Map();
  const blocked = new Set<string>();
  const add = (form: string, entry: GazetteerEntry, local: boolean) => {
    const had = forms.get(form);
    // A form two entries claim is ambiguous: resolved to neither.
    if (had && had.entry !== entry) blocked.add(form);
    else forms.set(form, { entry, local });
  };
  const sections: [string, EntityKind][] = [
    ['people', 'person'],
    ['places', 'place'],
    ['organisations', 'organisation'],
  ];
  for (const [section, kind] of sections) {
    const list = doc[section] ?? [];
    if (!Array.isArray(list)) throw new InputError(file, `"${section}" must be a list`);
    for (const [k, raw] of list.entries()) {
      const e = raw as { name?: unknown; aliases?: unknown; local?: unknown; level?: unknown };
      if (typeof e?.name !== 'string' || !e.name)
        throw new InputError(file, `${section} ${k + 1}: "name" must be a non-empty text`);
      const entry: GazetteerEntry = {
        kind,
        name: e.name,
        level: typeof e.level === 'string' ? e.level : null,
      };
      add(e.name, entry, false);
      for (const [field, local] of [
        ['aliases', false],
        ['local', true],
      ] as const) {
        const v = e[field] ?? [];
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x))
          throw new InputError(file, `${section} ${k + 1} (${e.name}): "${field}" must be a list of names`);
        for (const form of v as string[]) add(form, entry, local);
      }
      // 市市场监管局 (local) of 衡阳市市场监督管理局: 衡阳市市场监管局 is an alias
      for (const form of (e.local ?? []) as string[]) {
        const head = /^[市省]/u.exec(form)?.[0];
        const at = head ? e.name.indexOf(head) : -1;
        if (at > 0) add(e.name.slice(0, at + 1) + form.slice(1), entry, false);
      }
    }
  }
  for (const field of ['ambiguous', 'not']) {
    const v = doc[field] ?? [];
    if (!Array.isArray(v)) throw new InputError(file, `"${field}" must be a list of names`);
    for (const form of v as string[]) blocked.add(form);
  }
  const longest = Math.max(0, ...[...forms.keys(), ...blocked].map((f) => f.length));
  return { forms, blocked, longest };
}

export function loadGazetteer(path: string): Gazetteer {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(path, `cannot read the gazetteer: ${(e as Error).message}`);
  }
  return parseGazetteer(source, path);
}

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
const TITLE_RE = new RegExp(`(?:${TITLES.join('|')})`, 'gu');
/** What may follow a name: punctuation, or a word that starts a predicate. */
const AFTER_NAME =
  /^(?:$|[，。、；：:）)（(“”"！？\s]|的|从|站|来|先生|女士|签字|接到|把|被|已|曾|正在|日前|近日|告诉|回忆|坦言|笑着|主持|宣布|出席|表示|强调|指出|讲话|致辞|参加|调研|率队|带队|一行|等|和|与|及|同志|在|到|对|向|为|是|也|就|还|又|都|将|要求|介绍|会见|看望|慰问|检查|督导|深入|前往|来到|说|认为|作|听取|见证|提出|希望|感谢|领衔|带领|签约|代表|委员|先后|致词|走进|走访|陪同|一同|分别|首先|随后|专程|亲切)/u;
/** A character that is a word of its own after a two-character name (朱健在调研: not 朱健在). */
const NOT_THIRD = /[在到对向为是也就还又都将说和与及等的从]/u;

/** The name after a title at `at`, or null: 3 characters when that ends well, else 2. */
function nameAfter(text: string, at: number): string | null {
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

const PLACE_END = /(?:省|市|县|旗|区|镇|乡|村|街道|社区)$/u;
const ORG_END =
  /(?:局|委|办|厅|部|署|院|大学|学院|学校|中学|小学|医院|公司|集团|中心|协会|学会|委员会|联合会|银行|法院|检察院|支队|大队)$/u;
/** Words that start with a determiner are no names (各县市, 本市, 全省). */
const DETERMINER = /^[各本该我全此这那某外]/u;

const TAIL_CHAR = String.raw`[\u4e00-\u9fff](?<![与和及的在对向为是了将把被从到等])`;
/** Names of departments that hold 和 (住房和城乡建设局): the tails below read them as one unit. */
const WITH_AND = '住房和城乡建设|住房和建设|人力资源和社会保障|工业和信息化|文化和旅游|自然资源和规划';
/**
 * What turns a place into an organisation of its own: 常宁市委, 珠晖区政府, 耒阳市第十八届人民代表大会,
 * 天津市高级人民法院, 荔湾区住房和建设局, 贵州省博物馆, 中国人民大学.
 */
const PLACE_ORG_TAIL = new RegExp(
  String.raw`^(?:第[一二三四五六七八九十百]+届)?(?:人民代表大会|人大常委会|人民政府|政府|人大|政协|纪委|委(?![员托]))|^(?:高级|中级)?人民(?:法院|检察院)|^(?:${WITH_AND}|[\u4e00-\u9fff](?<![与和及的在对向为是了将把被从到等举主开])){1,12}?(?:(?<![布格结当大全时棋饭骗出残开终败])局|组(?![织成建])|集团|分公司)|^(?:${WITH_AND}|[\u4e00-\u9fff](?<![与和及的在对向为是了将把被从到等举主开])){0,12}?(?:大学|学院|医院|博物馆|纪念馆|图书馆|研究院|研究所)|^(?:共产|社会|自由|民主|国民|保守|工)党(?![员委组内建])`,
  'u',
);
/**
 * What makes an organisation a part of its own: 南华大学附二医院, 湖南高速集团衡阳分公司, 中国人民大学
 * 公共管理学院, 天津市津南区人民法院执行局, 新华社晋冀鲁豫总分社.
 */
const ORG_ORG_TAIL = new RegExp(
  String.raw`^(?:附[一二三四五六七八九]|附属第?[一二三四五六七八九十]+)(?:医院)|^(?:${TAIL_CHAR}){2,6}?(?:分公司|支行|分行|分院|分会|总分社|分社|学院)|^执行局`,
  'u',
);
/** 市城管执法局, 省高速公路集团: an organisation of the papers' own city or province. */
const LOCAL_ORG = new RegExp(
  String.raw`^[市省](?:${TAIL_CHAR}){1,10}?(?:委员会|局|支队|大队|集团|医院|分院|组织部|宣传部|统战部|总工会)(?![\u4e00-\u9fff]{0,1}[长员])`,
  'u',
);
/** What may stand before 市/省 of a local organisation (从市总工会, 联合市城管执法局). */
const BEFORE_LOCAL = /[^\u4e00-\u9fff]|[由从到在和与及对向为是的了合据、]/u;
/** A place after a place, as in an address: 南岳镇延寿村, 石鼓区青山街道西湖一村社区. */
const PLACE_NEXT =
  /^(?![与和及的在对向为是了将把被从到等])[\u4e00-\u9fff]{1,5}?(?:街道|社区|村(?:社区|委会)?|镇|乡|街)/u;
/** A name before the word that says what the person is: 刘晓琼委员工作室, 习近平总书记. */
const NAME_BEFORE = /(?<=^|[、，。；：\s（(“])([\u4e00-\u9fff]{2,3}?)(?=委员|代表|同志|总书记)/gu;
/**
 * Words that end the name of a company or an institution (比亚迪汽车有限公司, 瑞华银行, 华北新华书店,
 * 淄博联合中学): the name is the run of nouns and names before it.
 */
const INSTITUTION_END = /(?:有限公司|有限责任公司|公司|银行|支行|分行|书店|中学|小学|出版社|研究院|研究所)$/u;
/** Words that end the name of a place that is a building or a work (遥田水电站, 泉南高速公路, 石鼓书院). */
const FACILITY_END =
  /^(?:水电站|电站|高速公路|铁路|大桥|机场|书院|度假区|风景区|景区|公园|步行街|大街|广场|水库)$/u;
/** A dateline: 【新华社延安十二日电】, 本报天津1月14日电, 贝尔格莱德讯： (the place is the capture). */
const DATELINE =
  /(?<=^|[【（(\s])(?:新华社|中新社|本报)?([\u4e00-\u9fff]{2,6}?)(?:[0-9一二三四五六七八九十]+月)?[0-9一二三四五六七八九十廿卅]+日电|(?<=^|[】：:\s])([\u4e00-\u9fff]{2,6}?)讯[：:】]/gu;
/** Tags of names (places, people, organisations, other names, words jieba does not know). */
const PROPER_TAG = /^(?:nr|nrfg|nrt|nz|ns|nt|x|j|eng)$/u;
/** Tags of words that may stand inside such a name (nouns, names, words jieba does not know). */
const NAME_PART_TAG = /^(?:n|nr|nrfg|nrt|nz|ns|nt|x|j|eng)$/u;
/** A role before an unknown name (负责人陈钟鹿, 小贩程慧安, 徒弟刘枫翔). */
const ROLE_END = /(?:人|长|员|家|者|师|徒|弟|贩|主|户|手|工|生)$/u;
/** What may follow an unknown name for it to be taken as one: punctuation, a conjunction, speech. */
const AFTER_UNKNOWN = /^(?:$|[，。、；：:）)（(“”"！？\s]|和|与|等|说|表示|介绍|告诉|的)/u;
/** Last characters of places, not names (肖家山, 白渔潭). */
const PLACE_LIKE = /[山港潭湖江河村镇乡岭坪冲湾桥园街路堂寺庙塘洲峰岗州城]$/u;
/** A credit inside the text ((记者武少民、李家鼎), 本报记者王云娜采访整理): its names are the reporters index's. */
const CREDIT =
  /(?:记者|通讯员|实习生|摄影)[\s\u3000]*[\u4e00-\u9fff]{2,3}(?:[、，,\s\u3000]+[\u4e00-\u9fff]{2,3}(?=[、，,）)\s\u3000]|$))*/gu;
/** What makes a place the name of a paper or a station (济宁日报, 衡阳晚报, 湖南卫视). */
const PAPER_TAIL = /^(?:日报|晚报|早报|时报|报社|广播电视台|电视台|人民广播电台|卫视)/u;
const HOME_CITY = '衡阳市';
const HOME_PROVINCE = '湖南省';

/** A division's word after a place's short name (淄博区, 太行专区). */
const DIVISION_AFTER = /^(?:专区|地区|区|县|市|省|州|盟|旗)/u;

/** Full names of hospitals written short (附二 → 附属第二). */
const fullName = (name: string) =>
  name.replace(/第[一二三四五六七八九十百]+届/u, '').replace(/附([一二三四五六七八九])(?=医院)/u, '附属第$1');

export interface ArticleText {
  /** paragraphs with their anchors (p1, p2 …) */
  paragraphs: readonly { id: string; text: string }[];
}

const mention = (
  kind: EntityKind,
  name: string,
  text: string,
  start: number,
  method: Mention['method'],
  confidence: MentionConfidence,
): Mention => ({ kind, name, text, start, end: start + text.length, method, confidence });

/** Mentions in one article, paragraph by paragraph, every confidence (filter with `kept`). */
export function articleMentions(
  article: ArticleText,
  gaz: Gazetteer,
): { paragraph: string; mention: Mention }[] {
  const found: { paragraph: string; mention: Mention }[] = [];
  const perParagraph = article.paragraphs.map((p) => {
    const words = tokens(p.text);
    return { p, words, spans: gazetteerSpans(p.text, gaz, words) };
  });
  // Local names resolve only where neither their paragraph nor the article's lead names another
  // city (for 市委, 市X局) or another province (for 省委, 省X局).
  const names = (spans: Span[], level: 'city' | 'province') =>
    spans.some((s) => s.entry && s.entry.kind === 'place' && isForeign(s.entry, level));
  const lead = perParagraph[0]?.spans ?? [];
  const titled = new Set<string>();
  for (const { p, words, spans } of perParagraph) {
    const foreignCity = names(spans, 'city') || names(lead, 'city');
    const foreignProvince = names(spans, 'province') || names(lead, 'province');
    const foreignFor = (form: string) => (form.includes('省') ? foreignProvince : foreignCity);
    const ms: Mention[] = [];
    const free = (start: number, end: number) => ms.every((m) => end <= m.start || start >= m.end);
    for (const s of spans) {
      if (!s.entry) {
        ms.push(mention('place', '', s.text, s.start, 'gazetteer', 'low'));
        continue;
      }
      if (s.local && foreignFor(s.text)) continue;
      ms.push(mention(s.entry.kind, s.entry.name, s.text, s.start, 'gazetteer', 'high'));
    }
    organisationTails(p.text, ms, free);
    datelinePlaces(p.text, ms, gaz);
    tagPlaces(p.text, words, ms);
    // 衡阳日报, 济宁日报: a paper's name, no mention of its place
    for (const m of [...ms])
      if (m.kind === 'place' && PAPER_TAIL.test(p.text.slice(m.end)))
        ms.splice(ms.indexOf(m), 1, { ...m, name: '' });
    institutions(p.text, words, ms);
    institutions(p.text, words, ms, FACILITY_END, 'place');
    for (let i = 0; i < p.text.length; i++) {
      if (p.text[i] !== '市' && p.text[i] !== '省') continue;
      if (i > 0 && !BEFORE_LOCAL.test(p.text[i - 1]!)) continue;
      const m = LOCAL_ORG.exec(p.text.slice(i));
      if (!m || foreignFor(m[0].slice(0, 1))) continue;
      const end = i + m[0].length;
      // a local name the gazetteer holds (市委) may be the start of a longer one (市委组织部)
      const inner = ms.filter((x) => x.start >= i && x.end <= end && /^[市省]委$/u.test(x.text));
      if (!ms.filter((x) => !inner.includes(x)).every((x) => end <= x.start || i >= x.end)) continue;
      for (const x of inner) ms.splice(ms.indexOf(x), 1);
      const home = m[0].startsWith('市') ? HOME_CITY : HOME_PROVINCE;
      const name = m[0].startsWith('市委')
        ? `中共${HOME_CITY}${m[0].slice(1)}`
        : fullName(home + m[0].slice(1));
      const local = mention('organisation', name, m[0], i, 'gazetteer', 'medium');
      ms.push(local);
      partOf(p.text, local, ms);
      i = local.end - 1;
    }
    for (const m of p.text.matchAll(NAME_BEFORE)) {
      const name = m[1]!;
      if (isPersonName(name) && !/长$/u.test(name) && free(m.index, m.index + name.length)) {
        ms.push(mention('person', name, name, m.index, 'title', 'high'));
        titled.add(name);
      }
    }
    for (const m of p.text.matchAll(TITLE_RE)) {
      const at = m.index + m[0].length;
      const name = nameAfter(p.text, at) ?? foreignNameAfter(m[0], words, at);
      if (name && free(at, at + name.length)) {
        ms.push(mention('person', name, name, at, 'title', 'high'));
        titled.add(name);
      }
    }
    for (const t of words) {
      if (!free(t.start, t.end)) continue;
      const w = t.word;
      if (/^nr/.test(t.tag) && t.tag !== 'nrt' && isPersonName(w) && w.length <= 3) {
        ms.push(mention('person', w, w, t.start, 'tag', 'low'));
      } else if (t.tag === 'x' && unknownName(p.text, words, t)) {
        ms.push(mention('person', w, w, t.start, 'tag', 'medium'));
      } else if (
        t.tag === 'ns' &&
        (w.length >= 3 || /^[\u4e00-\u9fff]县$/u.test(w)) &&
        PLACE_END.test(w) &&
        !DETERMINER.test(w)
      ) {
        ms.push(mention('place', w, w, t.start, 'tag', 'medium'));
      } else if (t.tag === 'nt' && w.length >= 4 && ORG_END.test(w) && !DETERMINER.test(w)) {
        const before = p.text[t.start - 1];
        const prefixed =
          (before === '市' || before === '县' || before === '区') && free(t.start - 1, t.start);
        if (prefixed && (before !== '市' || foreignCity)) continue; // whose 县, whose 区: not guessed
        const name = prefixed ? `衡阳市${w}` : w;
        const s = prefixed ? t.start - 1 : t.start;
        ms.push(mention('organisation', name, p.text.slice(s, t.end), s, 'tag', 'medium'));
      }
    }
    const credits = [...p.text.matchAll(CREDIT)].map((c) => [c.index, c.index + c[0].length] as const);
    ms.sort((a, b) => a.start - b.start);
    for (const m of ms) {
      if (!m.name) continue;
      if (m.kind === 'person' && credits.some(([s, e]) => m.start >= s && m.end <= e)) continue;
      found.push({ paragraph: p.id, mention: m });
    }
  }
  // A name found without a title is kept where the article also names it after a title; a titled
  // name is found again wherever the article repeats it (周超男说, 伍映方细细端详).
  for (const f of found)
    if (f.mention.method === 'tag' && f.mention.kind === 'person' && titled.has(f.mention.name))
      f.mention.confidence = 'medium';
  const known = new Map<string, EntityKind>();
  for (const f of found) {
    const m = f.mention;
    if (m.kind === 'person' && kept(m)) known.set(m.text, 'person');
    // a place named by its dateline alone (贝尔格莱德讯) is that place again in the text
    else if (m.kind === 'place' && m.method === 'tag' && m.name === m.text && kept(m) && m.text.length >= 2)
      known.set(m.text, 'place');
  }
  for (const name of titled) known.set(name, 'person');
  return again(article, found, known, new Map(perParagraph.map(({ p, words }) => [p.id, words])));
}

/** Names kept once (after a title, or by jieba with a role) found again wherever nothing else was found. */
function again(
  article: ArticleText,
  found: { paragraph: string; mention: Mention }[],
  known: Map<string, EntityKind>,
  wordsOf: Map<string, readonly Token[]>,
): { paragraph: string; mention: Mention }[] {
  if (!known.size) return found;
  const out = [...found];
  for (const p of article.paragraphs) {
    const here = found.filter((f) => f.paragraph === p.id).map((f) => f.mention);
    for (const [name, kind] of known) {
      for (let at = p.text.indexOf(name); at >= 0; at = p.text.indexOf(name, at + name.length)) {
        const end = at + name.length;
        if (here.some((m) => m.start < end && at < m.end)) continue;
        // a two-character name must stand as a word (江涌 in 江涌入 is none)
        const words = wordsOf.get(p.id)!;
        if (name.length === 2 && !(boundaryAt(words, at) && boundaryAt(words, end))) continue;
        out.push({
          paragraph: p.id,
          mention: mention(kind, name, name, at, kind === 'person' ? 'title' : 'tag', 'medium'),
        });
      }
    }
  }
  const order = new Map(article.paragraphs.map((p, i) => [p.id, i]));
  return out.sort(
    (a, b) => order.get(a.paragraph)! - order.get(b.paragraph)! || a.mention.start - b.mention.start,
  );
}

/**
 * Places that a following word makes an organisation (常宁市委, 天津市津南区人民法院执行局: a chain of
 * places is taken whole), organisations that a following word makes a part of their own, and
 * places after places (南岳镇延寿村).
 */
function organisationTails(text: string, ms: Mention[], free: (start: number, end: number) => boolean): void {
  for (const m of [...ms]) {
    if (m.confidence !== 'high' || !ms.includes(m)) continue;
    let chainEnd = m.end;
    const chain: Mention[] = [];
    if (m.kind === 'place') {
      for (
        let next = ms.find((x) => x.start === chainEnd && x.kind === 'place' && x.confidence === 'high');
        next;
      ) {
        chain.push(next);
        chainEnd = next.end;
        next = ms.find((x) => x.start === chainEnd && x.kind === 'place' && x.confidence === 'high');
      }
    }
    const after = text.slice(chainEnd);
    const tail = (m.kind === 'place' ? PLACE_ORG_TAIL : ORG_ORG_TAIL).exec(after);
    if (
      tail &&
      (m.kind === 'place'
        ? free(chainEnd, chainEnd + tail[0].length)
        : absorb(ms, m.end, m.end + tail[0].length))
    ) {
      for (const c of chain) ms.splice(ms.indexOf(c), 1);
      const whole = text.slice(m.start, chainEnd + tail[0].length);
      const t = tail[0].replace(/^第[一二三四五六七八九十百]+届/u, '');
      const placeName = chain.length ? text.slice(m.start, chainEnd) : m.name;
      const org =
        m.kind === 'place' && t === '委'
          ? `中共${placeName}委`
          : m.kind === 'place' && t === '政府'
            ? `${placeName}人民政府`
            : m.kind === 'place' && /^(?:人民代表大会|人大常委会|人民政府|人大|政协|纪委)$/u.test(t)
              ? `${placeName}${t}`
              : fullName(whole);
      Object.assign(m, { kind: 'organisation', name: org, text: whole, end: chainEnd + tail[0].length });
      partOf(text, m, ms);
      continue;
    }
    if (m.kind !== 'place') continue;
    let end = m.end;
    for (
      let next = PLACE_NEXT.exec(text.slice(end));
      next &&
      free(end, end + next[0].length) &&
      !DETERMINER.test(next[0]) &&
      !commonWord(next[0].slice(0, 2));
      next = PLACE_NEXT.exec(text.slice(end))
    ) {
      ms.push(mention('place', next[0], next[0], end, 'gazetteer', 'medium'));
      end += next[0].length;
    }
  }
}

/** Places inside [start, end) give way to a longer name; false when anything else is there. */
function absorb(ms: Mention[], start: number, end: number): boolean {
  const inside = ms.filter((x) => x.start < end && start < x.end);
  if (inside.some((x) => x.kind !== 'place' || x.start < start || x.end > end)) return false;
  for (const x of inside) ms.splice(ms.indexOf(x), 1);
  return true;
}

/** An organisation made a part of its own by what follows (湖南高速集团衡阳分公司, …人民法院执行局). */
function partOf(text: string, m: Mention, ms: Mention[]): void {
  const more = ORG_ORG_TAIL.exec(text.slice(m.end));
  if (!more || /医院$/u.test(more[0]) || !absorb(ms, m.end, m.end + more[0].length)) return;
  const longer = text.slice(m.start, m.end + more[0].length);
  Object.assign(m, { name: fullName(m.name + more[0]), text: longer, end: m.end + more[0].length });
}

/**
 * Companies and institutions by the word that ends their name (有限公司, 银行, 书店, 中学 …): the run
 * of nouns and names before it, from the last place that opens it (湖南长沙市比亚迪汽车有限公司: 湖南 a
 * place, 长沙市比亚迪汽车有限公司 the company). Places inside the name give way to it.
 */
function institutions(
  text: string,
  words: readonly Token[],
  ms: Mention[],
  ending: RegExp = INSTITUTION_END,
  kind: EntityKind = 'organisation',
): void {
  // from the right, so that a name's last word wins (冀南银行邯郸支行, not 冀南银行)
  for (let k = words.length - 1; k >= 0; k--) {
    const end = words[k]!;
    if (!ending.test(end.word)) continue;
    let first = k;
    // a building's name is made of names (遥田水电站), not of common nouns (梯级水电站, 辖区高速公路)
    const partTag = kind === 'place' ? PROPER_TAG : NAME_PART_TAG;
    while (first > 0 && k - first < 6) {
      const w = words[first - 1]!;
      if (!partTag.test(w.tag) || !/^[\u4e00-\u9fff]+$/u.test(w.word)) break;
      first--;
    }
    // a name of common nouns alone is no name (中心小学)
    if (!words.slice(first, k).some((w) => PROPER_TAG.test(w.tag))) continue;
    let start = words[first]!.start;
    // places that open the run: a company's registered name starts with the last of them
    // (长沙市比亚迪汽车有限公司); a building's name after them (吉林市 | 北大湖滑雪度假区)
    for (let m = ms.find((x) => x.start === start && x.kind === 'place'); m;) {
      const next = ms.find((x) => x.start === m!.end && x.kind === 'place');
      if (!next) {
        if (kind === 'place') start = m.end;
        break;
      }
      start = next.start;
      m = next;
    }
    const name = text.slice(start, end.end);
    const own = text.slice(
      kind === 'place' ? start : (ms.find((x) => x.start === start && x.kind === 'place')?.end ?? start),
      end.end,
    );
    if (own.length - (ending.exec(end.word)?.[0].length ?? 0) < 2 || name.length > 24) continue;
    if (DETERMINER.test(name) || commonWord(name.slice(0, 2))) continue;
    // an organisation already found that holds or overlaps the name keeps its text
    if (ms.some((x) => x.kind !== 'place' && x.start < end.end && start < x.end)) continue;
    for (const x of ms.filter((x) => x.start >= start && x.end <= end.end)) ms.splice(ms.indexOf(x), 1);
    if (ms.some((x) => x.start < end.end && start < x.end)) continue;
    ms.push(mention(kind, name, name, start, 'tag', 'medium'));
  }
}

/** Places a jieba place name makes with the word after it (天河街道, 酃湖乡): a village, town or street. */
function tagPlaces(text: string, words: readonly Token[], ms: Mention[]): void {
  for (let k = 1; k < words.length; k++) {
    const w = words[k]!;
    const before = words[k - 1]!;
    if (!/^(?:街道|社区|乡|镇|村)$/u.test(w.word) || !/^(?:ns|nz|x|j)$/u.test(before.tag)) continue;
    if (!/^[\u4e00-\u9fff]{2,5}$/u.test(before.word) || DETERMINER.test(before.word)) continue;
    if (
      ms.some(
        (x) =>
          x.start < w.end &&
          before.start < x.end &&
          !(x.kind === 'place' && x.start === before.start && x.end === before.end),
      )
    )
      continue;
    for (const x of ms.filter((x) => x.start === before.start)) ms.splice(ms.indexOf(x), 1);
    const name = text.slice(before.start, w.end);
    ms.push(mention('place', name, name, before.start, 'tag', 'medium'));
  }
}

/** The place a dispatch was filed from (贝尔格莱德讯：, 【新华社延安十二日电】): a place by its position. */
function datelinePlaces(text: string, ms: Mention[], gaz: Gazetteer): void {
  for (const m of text.matchAll(DATELINE)) {
    const place = m[1] ?? m[2]!;
    const at = m.index + m[0].indexOf(place);
    if (DETERMINER.test(place) || !ms.every((x) => at + place.length <= x.start || at >= x.end)) continue;
    ms.push(mention('place', divisionOf(place, gaz) ?? place, place, at, 'tag', 'medium'));
  }
}

/**
 * The one county-level division a bare name means (博山 → 博山区), when exactly one of 县, 区, 市, 旗
 * after it is a name the gazetteer holds and nothing blocks it; else null (not guessed).
 */
function divisionOf(place: string, gaz: Gazetteer): string | null {
  const hits = ['县', '区', '市', '旗']
    .map((s) => place + s)
    .filter((f) => !gaz.blocked.has(f) && gaz.forms.get(f)?.entry.kind === 'place');
  return hits.length === 1 ? gaz.forms.get(hits[0]!)!.entry.name : null;
}

/** A foreign name after a head of state's or government's title (捷总理费林格): jieba's next word. */
function foreignNameAfter(title: string, words: readonly Token[], at: number): string | null {
  if (!FOREIGN_TITLES.test(title)) return null;
  const w = wordAt(words, at);
  if (!w || !/^(?:nr|nrt|nrfg|x)$/u.test(w.tag) || !/^[\u4e00-\u9fff]{2,5}$/u.test(w.word)) return null;
  return commonWord(w.word) ? null : w.word;
}

/**
 * A name jieba does not know (tagged x): three characters from a surname, not ending as places
 * end, after a role (负责人, 小贩, 徒弟) or before punctuation, a conjunction or speech.
 */
function unknownName(text: string, words: readonly Token[], t: Token): boolean {
  if (t.word.length !== 3 || !isPersonName(t.word) || PLACE_LIKE.test(t.word)) return false;
  // 关于党: a word and a character, not a name
  if (commonWord(t.word.slice(0, 2))) return false;
  const before = wordBefore(words, t.start);
  const role = before !== undefined && /^n/u.test(before.tag) && ROLE_END.test(before.word);
  return role || (boundaryAt(words, t.end) && AFTER_UNKNOWN.test(text.slice(t.end)));
}

const HOME = new Set([HOME_CITY, HOME_PROVINCE, '中国']);
/** Whether a place makes the home city's (level city) or province's (level province) local names unsure. */
function isForeign(e: GazetteerEntry, level: 'city' | 'province'): boolean {
  if (HOME.has(e.name)) return false;
  if (level === 'province') return e.level === 'province' || e.level === 'country';
  return e.level === 'province' || e.level === 'city' || (e.level === 'county' && e.name.endsWith('市'));
}

interface Span {
  start: number;
  end: number;
  text: string;
  entry: GazetteerEntry | null;
  local: boolean;
}

/** Gazetteer forms in a text, longest first at each place, left to right; blocked forms hold their text. */
function gazetteerSpans(text: string, gaz: Gazetteer, words: readonly Token[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < text.length;) {
    let hit: Span | null = null;
    for (let len = Math.min(gaz.longest, text.length - i); len >= 2; len--) {
      const form = text.slice(i, i + len);
      if (gaz.blocked.has(form)) {
        hit = { start: i, end: i + len, text: form, entry: null, local: false };
        break;
      }
      const f = gaz.forms.get(form);
      // a short alias must stand as a word of its own (丽水 in 美丽水乡 is none)
      const short = !f?.local && f?.entry.name !== form && len <= 3;
      // 淄博区, 淄博专区: a short name with a division's word after it names another division
      const renamed =
        f?.entry.kind === 'place' && f.entry.name !== form && DIVISION_AFTER.test(text.slice(i + len));
      if (f && !renamed && (!short || fitsWords(words, i, i + len))) {
        hit = { start: i, end: i + len, text: form, entry: f.entry, local: f.local };
        break;
      }
    }
    if (hit) {
      out.push(hit);
      i = hit.end;
    } else i++;
  }
  return out;
}
