/**
 * People, places and organisations named in an article's text, for the name index.
 *
 * Sources, in this order of trust (a later one never takes text an earlier one holds):
 *  1. the gazetteer (gazetteer.ts, content/gazetteer.yaml): full names and aliases of places and
 *     organisations, longest first; a short alias only where jieba's words do not cut through it;
 *     `local` short names (市委, 省政府) resolve to the papers' own city or province only where
 *     neither their paragraph nor the article's lead names another city (province); `ambiguous`
 *     names are never resolved and `not` words (衡阳群众) hide the names inside them. High.
 *     Words after a gazetteer name make it an organisation (常宁市委, 天津市高级人民法院, 贵州省博物馆)
 *     or a part of one (…分公司, …执行局); a paper's name (济宁日报) is no mention of its place.
 *  2. names by position (medium): a dispatch's dateline (贝尔格莱德讯：), companies and
 *     institutions by their last word (…有限公司, 银行, 中学), buildings and works (…水电站,
 *     …高速公路), villages and streets after a jieba place (天河街道), roads named with a direction
 *     (建设南路), 市X局 of the home city.
 *  3. people (person-patterns.ts): after a title (市委书记秦国文, 董事长周超男), before the word that
 *     says what they are (习近平总书记), foreign names after a head of government's title; high.
 *     Names jieba does not know (x) after a role or before a stop, and lists of names set with
 *     spaces (a notice's 刘虹梅 王文焱 邓江虹 …); medium.
 *  4. jieba's tags (tokens.ts): nr a person (low, medium where the article titles the same name),
 *     ns a place and nt an organisation when the word ends as such names end (medium).
 * A name kept once is found again wherever the article repeats it. Names inside credits
 * ((记者武少民、李家鼎)) are the reporters index's. Mentions below MIN_CONFIDENCE stay out of the index.
 */
import {
  gazetteerSpans,
  type EntityKind,
  type Gazetteer,
  type GazetteerEntry,
  type Span,
} from './gazetteer.ts';
import { isPersonName } from './names.ts';
import {
  CREDIT,
  foreignNameAfter,
  NAME_BEFORE,
  nameAfter,
  spacedNameList,
  TITLE_RE,
  unknownName,
} from './person-patterns.ts';
import { boundaryAt, commonWord, tokens, type Token } from './tokens.ts';

export {
  loadGazetteer,
  parseGazetteer,
  type EntityKind,
  type Gazetteer,
  type GazetteerEntry,
} from './gazetteer.ts';
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

export const MIN_CONFIDENCE: MentionConfidence = 'medium';
const RANK: Record<MentionConfidence, number> = { low: 0, medium: 1, high: 2 };
export const kept = (m: Mention) => RANK[m.confidence] >= RANK[MIN_CONFIDENCE];

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
  String.raw`^(?:第[一二三四五六七八九十百]+届)?(?:人民代表大会|人大常委会|人民政府|政府|人大|政协|纪委|委(?![员托]))|^(?:高级|中级)?人民(?:法院|检察院)|^(?:${WITH_AND}|[\u4e00-\u9fff](?<![与和及的在对向为是了将把被从到等举主开之])){1,12}?(?:(?<![布格结当大全时棋饭骗出残开终败])局|组(?![织成建])|集团|分公司)|^(?:${WITH_AND}|[\u4e00-\u9fff](?<![与和及的在对向为是了将把被从到等举主开])){0,12}?(?:大学|学院|医院|博物馆|纪念馆|图书馆|研究院|研究所)|^(?:共产|社会|自由|民主|国民|保守|工)党(?![员委组内建])|^海关|^专署`,
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
/** What may stand before 市/省 of a local organisation (从市总工会, 联合市城管执法局, 召开市生态环境保护委员会). */
const BEFORE_LOCAL = /[^\u4e00-\u9fff]|[由从到在和与及对向为是的了合据开、]/u;
/** A place after a place, as in an address: 南岳镇延寿村, 石鼓区青山街道西湖一村社区. */
const PLACE_NEXT =
  /^(?![与和及的在对向为是了将把被从到等])([\u4e00-\u9fff]{2,5}?)(?:街道|社区|村(?:社区|委会)?|镇|乡|步行街|街)/u;
/**
 * Words that end the name of a company or an institution (比亚迪汽车有限公司, 瑞华银行, 华北新华书店,
 * 淄博联合中学): the name is the run of nouns and names before it.
 */
const INSTITUTION_END =
  /(?:有限公司|有限责任公司|公司|银行|支行|分行|书店|中学|小学|出版社|研究院|研究所|医院|协会|学会|矿业|实业)$/u;
/** Last characters that make a word a verb or a preposition phrase (起于, 止于, 经由): no part of a name. */
const FUNCTION_END = /[于至在从向到由与和及的是]$/u;
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
/** What makes a place the name of a paper or a station (济宁日报, 衡阳晚报, 湖南卫视). */
const PAPER_TAIL = /^(?:日报|晚报|早报|时报|报社|广播电视台|电视台|人民广播电台|卫视)/u;
const HOME_CITY = '衡阳市';
const HOME_PROVINCE = '湖南省';

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
  // places the article names by a full name (南岳区): their short names (南岳) are theirs here
  const named = new Set(perParagraph.flatMap(({ spans }) => spans.flatMap((x) => x.entry?.name ?? [])));
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
      // 耒水河: a river whose name ends in 水, written with 河 after it (the name as printed)
      const river = s.entry.level === 'river' && /水$/u.test(s.text) && p.text[s.end] === '河';
      const text = river ? `${s.text}河` : s.text;
      ms.push(mention(s.entry.kind, river ? text : s.entry.name, text, s.start, 'gazetteer', 'high'));
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
    streets(p.text, words, ms);
    stations(p.text, words, ms);
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
    for (const { name, start } of spacedNameList(p.text, words))
      if (free(start, start + name.length)) ms.push(mention('person', name, name, start, 'tag', 'medium'));
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
        const org = mention('organisation', name, p.text.slice(s, t.end), s, 'tag', 'medium');
        ms.push(org);
        partOf(p.text, org, ms); // 中华医学会心血管病学分会
      }
    }
    shortForms(p.text, words, ms, gaz, named);
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
    // a name that is also a word (周围 in a list of names) is not looked for again
    if (m.kind === 'person' && kept(m) && !commonWord(m.text)) known.set(m.text, 'person');
    // a place named by its dateline alone (贝尔格莱德讯) is that place again in the text
    // (and a street or village named after its town, 衡阳县新正街, is that street again: 新正街)
    else if (
      m.kind === 'place' &&
      (m.method === 'tag' || m.confidence === 'medium') &&
      m.name === m.text &&
      kept(m) &&
      m.text.length >= 2
    )
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
    // a town or a subdistrict has no 政协 of its own (人民街道政协委员工作室: the members who live there)
    const townless =
      m.kind === 'place' && /(?:乡|镇|街道)$/u.test(text.slice(m.start, chainEnd)) && /^政协/u.test(after);
    if (
      !townless &&
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
            : m.kind === 'place' && t === '专署'
              ? `${placeName}专员公署`
              : m.kind === 'place' && /^(?:人民代表大会|人大常委会|人民政府|人大|政协|纪委)$/u.test(t)
                ? `${placeName}${t}`
                : // a part of a local body (市中心医院华新分院) is the home city's
                  m.kind === 'organisation' && /^[市省]/u.test(m.text) && m.name !== m.text
                  ? fullName(m.name + tail[0])
                  : fullName(whole);
      Object.assign(m, { kind: 'organisation', name: org, text: whole, end: chainEnd + tail[0].length });
      partOf(text, m, ms);
      continue;
    }
    if (m.kind !== 'place') continue;
    // 政协衡阳市第十三届委员会: the CPPCC committee of the place, its session's number left out
    const cppcc = CPPCC_AFTER.exec(after);
    if (cppcc && text.slice(m.start - 2, m.start) === '政协' && free(m.start - 2, m.start) && !chain.length) {
      const placeName = m.name;
      const start = m.start - 2;
      Object.assign(m, {
        kind: 'organisation',
        name: `中国人民政治协商会议${placeName}委员会`,
        text: text.slice(start, m.end + cppcc[0].length),
        start,
        end: m.end + cppcc[0].length,
      });
      continue;
    }
    let end = m.end;
    for (
      let next = PLACE_NEXT.exec(text.slice(end));
      next &&
      free(end, end + next[0].length) &&
      !DETERMINER.test(next[0]) &&
      // a name does not open with a word (担任驻村); a street's longer name may (上下九步行街)
      !(commonWord(next[0].slice(0, 2)) && !(next[1]!.length >= 3 && /街$/u.test(next[0])));
      next = PLACE_NEXT.exec(text.slice(end))
    ) {
      ms.push(mention('place', next[0], next[0], end, 'gazetteer', 'medium'));
      end += next[0].length;
    }
  }
}

/** What follows the place in a CPPCC committee's name written in full (政协衡阳市第十三届委员会). */
const CPPCC_AFTER = /^(?:第[一二三四五六七八九十百]+届)?委员会/u;

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
      // a word jieba does not know that ends in a preposition (起于, 止于) is a verb, not a name's part
      if (w.tag === 'x' && FUNCTION_END.test(w.word)) break;
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

/**
 * Stations, ports, airports and interchanges named by their place and what they are (重庆铁路集装箱
 * 中心站, 衡阳火车站, 衡阳洪市互通): a place the gazetteer knows, up to three common nouns or names
 * jieba does not know, then the word of the site.
 * The place is part of the name (no mention apart). A place by its form.
 */
function stations(text: string, words: readonly Token[], ms: Mention[]): void {
  for (const m of [...ms]) {
    if (m.kind !== 'place' || m.confidence !== 'high') continue;
    let k = words.findIndex((w) => w.start === m.end);
    if (k < 0) continue;
    const first = k;
    const between = (w: Token) =>
      w.tag === 'n' ||
      (w.tag === 'x' && /^[\u4e00-\u9fff]{2,3}$/u.test(w.word) && !FUNCTION_END.test(w.word));
    while (k < words.length && k - first < 3 && between(words[k]!) && !STATION_END.test(words[k]!.word)) k++;
    const end = words[k];
    if (!end || !STATION_END.test(end.word)) continue;
    // an interchange is named by the place it serves (衡阳洪市互通), never by common nouns (信息互通)
    if (end.word === '互通' && !words.slice(first, k).some((w) => w.tag === 'x')) continue;
    if (ms.some((x) => x !== m && x.start < end.end && m.start < x.end)) continue;
    const name = text.slice(m.start, end.end);
    Object.assign(m, { name, text: name, end: end.end, method: 'tag', confidence: 'medium' });
  }
}
const STATION_END = /^(?:中心站|火车站|客运站|高铁站|车站|客运码头|码头|国际机场|机场|互通)$/u;

/**
 * Roads named with a direction (建设南路, 清江中路, 解放西路): two characters that start a word,
 * hold no function word, then 东路, 西路, 南路, 北路 or 中路. A place by its form.
 */
function streets(text: string, words: readonly Token[], ms: Mention[]): void {
  for (const m of text.matchAll(STREET)) {
    const end = m.index + m[0].length;
    if (!boundaryAt(words, m.index) || DETERMINER.test(m[0])) continue;
    if (!ms.every((x) => end <= x.start || m.index >= x.end)) continue;
    ms.push(mention('place', m[0], m[0], m.index, 'tag', 'medium'));
  }
}
const STREET =
  /(?:(?![的了在和与是向往从到及对把被将为一])[\u4e00-\u9fff]){2}[东西南北中]路(?![线程径费过面况口子灯])/gu;

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
 * Short names of county-level divisions and regions (南岳 for 南岳区, 永年 for 永年区, 太行 for 太行区):
 * a word of its own that is no division yet, whose one division (divisionOf) the article names in
 * full, or which stands in a list of places (沙河永年邯郸磁县, 冀鲁豫、冀南、太岳、太行等区) next to a
 * place found. Names the gazetteer leaves ambiguous (南岳) are resolved so; a short name that ends the
 * name of a mountain (衡山 of 南岳衡山) is not. A place by its context.
 */
function shortForms(
  text: string,
  words: readonly Token[],
  ms: Mention[],
  gaz: Gazetteer,
  named: ReadonlySet<string>,
): void {
  // a neighbour in the list is a division or region the gazetteer knows (not a street: 东至清江中路)
  const place = (at: (x: Mention) => boolean) =>
    ms.some((x) => x.kind === 'place' && kept(x) && gaz.forms.get(x.name)?.entry.kind === 'place' && at(x));
  const endsList = (from: number): boolean => {
    let at = from;
    for (let next: { end: number } | undefined; ; at = next.end) {
      next =
        ms.find((x) => x.kind === 'place' && kept(x) && x.start === at) ??
        words.find((t) => t.start === at && divisionOf(t.word, gaz) !== null);
      if (!next) break;
    }
    return at >= text.length || /[、，,。；;：:等和及与)）\s]/u.test(text[at]!);
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const w of words) {
      if (!/^[\u4e00-\u9fff]{2,3}$/u.test(w.word) || /[省市县区镇乡村旗州]$/u.test(w.word)) continue;
      if (DIVISION_WORD.test(text.slice(w.end)) || gaz.mountainEnds.has(w.word)) continue;
      const over = ms.filter((x) => x.start < w.end && w.start < x.end);
      // nothing there but the blocked form itself (a mention without a name)
      if (over.some((x) => x.start !== w.start || x.end !== w.end || x.name || kept(x))) continue;
      const full = divisionOf(w.word, gaz);
      if (!full) continue;
      // next to a place with 、 between, or with nothing between in a run of places that ends the
      // list (沙河永年邯郸磁县等; not 衡阳县上街买菜)
      const listed =
        place((x) => x.end === w.start - 1 && text[x.end] === '、') ||
        place((x) => x.start === w.end + 1 && text[w.end] === '、') ||
        ((place((x) => x.end === w.start) || place((x) => x.start === w.end)) && endsList(w.end));
      if (!named.has(full) && !listed) continue;
      for (const x of over) ms.splice(ms.indexOf(x), 1);
      ms.push(mention('place', full, w.word, w.start, 'tag', 'medium'));
      changed = true;
    }
  }
}
const DIVISION_WORD = /^(?:专区|地区|区|县|市|省|州|盟|旗)/u;

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

const HOME = new Set([HOME_CITY, HOME_PROVINCE, '中国']);
/** Whether a place makes the home city's (level city) or province's (level province) local names unsure. */
function isForeign(e: GazetteerEntry, level: 'city' | 'province'): boolean {
  if (HOME.has(e.name)) return false;
  if (level === 'province') return e.level === 'province' || e.level === 'country';
  return e.level === 'province' || e.level === 'city' || (e.level === 'county' && e.name.endsWith('市'));
}
