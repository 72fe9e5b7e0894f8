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
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../parse/read.ts';
import { isPersonName } from './names.ts';

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

let jieba: Jieba | null = null;
/** Words with tags, jieba's HMM on (names not in its dictionary come out as words). */
function tagged(text: string): { word: string; tag: string }[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.tag(text, true);
}

/** Titles that stand before a name (longest first, so 市委副书记 wins over 书记). */
const TITLES = [
  '常务副市长',
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
];
const TITLE_RE = new RegExp(`(?:${TITLES.join('|')})`, 'gu');
/** What may follow a name: punctuation, or a word that starts a predicate. */
const AFTER_NAME =
  /^(?:$|[，。、；：:）)“”"！？\s]|主持|宣布|出席|表示|强调|指出|讲话|致辞|参加|调研|率队|带队|一行|等|和|与|及|同志|在|到|对|向|为|是|也|就|还|又|都|将|要求|介绍|会见|看望|慰问|检查|督导|深入|前往|来到|说|认为|作|听取|见证|提出|希望|感谢|领衔|带领|签约|代表|委员|先后|致词|走进|走访|陪同|一同|分别|首先|随后|专程|亲切)/u;
/** A character that is a word of its own after a two-character name (朱健在调研: not 朱健在). */
const NOT_THIRD = /[在到对向为是也就还又都将说和与及等]/u;

/** The name after a title at `at`, or null: 3 characters when that ends well, else 2. */
function nameAfter(text: string, at: number): string | null {
  for (const len of [3, 2]) {
    const name = text.slice(at, at + len);
    if (name.length !== len || !isPersonName(name)) continue;
    if (len === 3 && NOT_THIRD.test(name[2]!)) continue;
    // 书记任组长: a title, not a name
    if (/长$/u.test(name)) continue;
    if (AFTER_NAME.test(text.slice(at + len))) return name;
  }
  return null;
}

const PLACE_END = /(?:省|市|县|区|镇|乡|村|街道|社区)$/u;
const ORG_END =
  /(?:局|委|办|厅|部|署|院|大学|学院|学校|中学|小学|医院|公司|集团|中心|协会|学会|委员会|联合会|银行|法院|检察院|支队|大队)$/u;

const TAIL_CHAR = String.raw`[\u4e00-\u9fff](?<![与和及的在对向为是了将把被从到等])`;
/** What turns a place into an organisation of its own: 常宁市委, 珠晖区政府, 耒阳市第十八届人民代表大会. */
const PLACE_ORG_TAIL =
  /^(?:第[一二三四五六七八九十百]+届)?(?:人民代表大会|人大常委会|人民政府|政府|人大|政协|纪委|委(?![员托]))|^(?:[\u4e00-\u9fff](?<![与和及的在对向为是了将把被从到等举主开])){1,12}?(?:局|组(?![织成建])|集团|分公司)/u;
/** What makes an organisation a part of its own: 南华大学附二医院, 湖南高速集团衡阳分公司. */
const ORG_ORG_TAIL =
  /^(?:附[一二三四五六七八九]|附属第?[一二三四五六七八九十]+)(?:医院)|^[\u4e00-\u9fff]{2,4}?分公司/u;
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
const HOME_CITY = '衡阳市';
const HOME_PROVINCE = '湖南省';

/** Full names of hospitals written short (附二 → 附属第二). */
const fullName = (name: string) =>
  name.replace(/第[一二三四五六七八九十百]+届/u, '').replace(/附([一二三四五六七八九])(?=医院)/u, '附属第$1');

export interface ArticleText {
  /** paragraphs with their anchors (p1, p2 …) */
  paragraphs: readonly { id: string; text: string }[];
}

/** Mentions in one article, paragraph by paragraph, every confidence (filter with `kept`). */
export function articleMentions(
  article: ArticleText,
  gaz: Gazetteer,
): { paragraph: string; mention: Mention }[] {
  const found: { paragraph: string; mention: Mention }[] = [];
  const perParagraph = article.paragraphs.map((p) => ({ p, spans: gazetteerSpans(p.text, gaz) }));
  // Local names resolve only when the article names no other city or province.
  const foreign = perParagraph.some(({ spans }) =>
    spans.some((s) => s.entry && s.entry.kind === 'place' && isForeign(s.entry)),
  );
  const titled = new Set<string>();
  for (const { p, spans } of perParagraph) {
    const ms: Mention[] = [];
    const free = (start: number, end: number) => ms.every((m) => end <= m.start || start >= m.end);
    for (const s of spans) {
      if (!s.entry) {
        ms.push({
          kind: 'place',
          name: '',
          text: s.text,
          start: s.start,
          end: s.end,
          method: 'gazetteer',
          confidence: 'low',
        });
        continue;
      }
      if (s.local && foreign) continue;
      ms.push({
        kind: s.entry.kind,
        name: s.entry.name,
        text: s.text,
        start: s.start,
        end: s.end,
        method: 'gazetteer',
        confidence: 'high',
      });
    }
    // Tails that make a place or organisation an organisation; places after places.
    for (const m of [...ms]) {
      if (m.confidence !== 'high') continue;
      const after = p.text.slice(m.end);
      const tail = (m.kind === 'place' ? PLACE_ORG_TAIL : ORG_ORG_TAIL).exec(after);
      if (tail && free(m.end, m.end + tail[0].length)) {
        const text = p.text.slice(m.start, m.end + tail[0].length);
        const t = tail[0].replace(/^第[一二三四五六七八九十百]+届/u, '');
        const org =
          m.kind === 'place' && t === '委'
            ? `中共${m.name}委`
            : m.kind === 'place' && t === '政府'
              ? `${m.name}人民政府`
              : m.kind === 'place' && /^(?:人民代表大会|人大常委会|人民政府|人大|政协|纪委)$/u.test(t)
                ? `${m.name}${t}`
                : fullName(text);
        Object.assign(m, { kind: 'organisation', name: org, text, end: m.end + tail[0].length });
        const more = ORG_ORG_TAIL.exec(p.text.slice(m.end));
        if (more && /分公司$/u.test(more[0]) && free(m.end, m.end + more[0].length)) {
          const whole = p.text.slice(m.start, m.end + more[0].length);
          Object.assign(m, { name: whole, text: whole, end: m.end + more[0].length });
        }
        continue;
      }
      if (m.kind !== 'place') continue;
      let end = m.end;
      for (
        let next = PLACE_NEXT.exec(p.text.slice(end));
        next && free(end, end + next[0].length);
        next = PLACE_NEXT.exec(p.text.slice(end))
      ) {
        ms.push({
          kind: 'place',
          name: next[0],
          text: next[0],
          start: end,
          end: end + next[0].length,
          method: 'gazetteer',
          confidence: 'medium',
        });
        end += next[0].length;
      }
    }
    for (let i = 0; i < p.text.length; i++) {
      if (p.text[i] !== '市' && p.text[i] !== '省') continue;
      if (i > 0 && !BEFORE_LOCAL.test(p.text[i - 1]!)) continue;
      const m = LOCAL_ORG.exec(p.text.slice(i));
      if (!m || foreign) continue;
      const end = i + m[0].length;
      // a local name the gazetteer holds (市委) may be the start of a longer one (市委组织部)
      const inner = ms.filter((x) => x.start >= i && x.end <= end && /^[市省]委$/u.test(x.text));
      if (!ms.filter((x) => !inner.includes(x)).every((x) => end <= x.start || i >= x.end)) continue;
      for (const x of inner) ms.splice(ms.indexOf(x), 1);
      const home = m[0].startsWith('市') ? HOME_CITY : HOME_PROVINCE;
      const name = m[0].startsWith('市委')
        ? `中共${HOME_CITY}${m[0].slice(1)}`
        : fullName(home + m[0].slice(1));
      ms.push({
        kind: 'organisation',
        name,
        text: m[0],
        start: i,
        end,
        method: 'gazetteer',
        confidence: 'medium',
      });
      i = end - 1;
    }
    for (const m of p.text.matchAll(NAME_BEFORE)) {
      const name = m[1]!;
      if (isPersonName(name) && !/长$/u.test(name) && free(m.index, m.index + name.length)) {
        ms.push({
          kind: 'person',
          name,
          text: name,
          start: m.index,
          end: m.index + name.length,
          method: 'title',
          confidence: 'high',
        });
        titled.add(name);
      }
    }
    for (const m of p.text.matchAll(TITLE_RE)) {
      const at = m.index + m[0].length;
      const name = nameAfter(p.text, at);
      if (name && free(at, at + name.length)) {
        ms.push({
          kind: 'person',
          name,
          text: name,
          start: at,
          end: at + name.length,
          method: 'title',
          confidence: 'high',
        });
        titled.add(name);
      }
    }
    let pos = 0;
    for (const t of tagged(p.text)) {
      const start = pos;
      const end = (pos += t.word.length);
      if (!free(start, end)) continue;
      const w = t.word;
      if (/^nr/.test(t.tag) && t.tag !== 'nrt' && isPersonName(w) && w.length <= 3) {
        ms.push({ kind: 'person', name: w, text: w, start, end, method: 'tag', confidence: 'low' });
      } else if (t.tag === 'ns' && w.length >= 3 && PLACE_END.test(w)) {
        ms.push({ kind: 'place', name: w, text: w, start, end, method: 'tag', confidence: 'medium' });
      } else if (t.tag === 'nt' && w.length >= 3 && ORG_END.test(w)) {
        const before = p.text[start - 1];
        const prefixed = (before === '市' || before === '县' || before === '区') && free(start - 1, start);
        if (prefixed && (before !== '市' || foreign)) continue; // whose 县, whose 区: not guessed
        const name = prefixed ? `衡阳市${w}` : w;
        const s = prefixed ? start - 1 : start;
        ms.push({
          kind: 'organisation',
          name,
          text: p.text.slice(s, end),
          start: s,
          end,
          method: 'tag',
          confidence: 'medium',
        });
      }
    }
    ms.sort((a, b) => a.start - b.start);
    for (const m of ms) if (m.name) found.push({ paragraph: p.id, mention: m });
  }
  // A name jieba alone found is kept where the article also names it after a title.
  for (const f of found)
    if (f.mention.method === 'tag' && f.mention.kind === 'person' && titled.has(f.mention.name))
      f.mention.confidence = 'medium';
  return found;
}

const HOME = new Set(['衡阳市', '湖南省', '中国']);
function isForeign(e: GazetteerEntry): boolean {
  if (HOME.has(e.name)) return false;
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
function gazetteerSpans(text: string, gaz: Gazetteer): Span[] {
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
      if (f) {
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
