/**
 * Bylines: the credit line that opens a news item, in the forms Chinese papers print.
 *
 *   本报讯（记者 许珂 实习生付星婷）…           衡阳晚报讯 (全媒体记者 陈润)
 *   本报北京5月14日电（记者 王某）…             新华社北京5月14日电（记者 李某 张某）…
 *   本报记者（通讯员 尹骏彰 记者 莫雄飞）…      又讯（记者 胡亚华 通讯员 叶怡岑）…
 *   ■本报记者 向吟吟                            ■本报记者 胡建军 通讯员 周妍
 *   ■通讯员 王勤 摄                             (photo credit)
 *
 * Rules are written against the grammar of these forms (agency, optional place and date, 讯/电,
 * parenthesised credits), not against particular names.
 */
import { surnameOf } from '../people/surnames.ts';
import { tag } from '../text/words.ts';
import type { StaffCredit, StaffRole } from '../model/issue.ts';
import { cnNumber } from '../text/dates.ts';
import { visibleLength } from '../text/characters.ts';

const HAN = String.raw`\u3400-\u9fff`;
/** A paper or agency that sends news: 本报, 新华社, 中新社, 衡阳晚报, 人民日报, 央视网 … */
const AGENCY = String.raw`(?:本报|新华社|中新社|[${HAN}]{2,8}?(?:日报|晚报|早报|都市报|商报|时报|报|通讯社|社|网|台))`;
const NUM = String.raw`(?:\d{1,2}|[一二三四五六七八九十]{1,3})`;
/** 北京5月14日电, 5月14日讯, 讯, 电 */
const DATELINE = String.raw`(?<place>[${HAN}]{0,8}?)(?:(?<month>${NUM})月(?<day>${NUM})日)?(?<kind>讯|电)`;
const BULLET = String.raw`[■□●○▲△◆◇★☆▶►•·]`;

/** Opening of a parenthesised byline: 本报讯（…）, 新华社北京5月14日电（…）, 本报记者（…）, 又讯（…） */
const SOURCE_RE = new RegExp(
  String.raw`^${BULLET}?\s*(?<source>(?:据)?(?<agency>${AGENCY})\s*${DATELINE}|又讯|(?:${AGENCY})?记者)`,
  'u',
);

/** Role words, longest first. */
const ROLES: { text: string; role: StaffRole; photos?: boolean }[] = [
  { text: '全媒体记者', role: 'all-media-reporter' },
  { text: '融媒体记者', role: 'all-media-reporter' },
  { text: '见习记者', role: 'trainee-reporter' },
  { text: '特约记者', role: 'special-correspondent' },
  { text: '摄影记者', role: 'photographer', photos: true },
  { text: '特约通讯员', role: 'correspondent' },
  { text: '通讯员', role: 'correspondent' },
  { text: '实习生', role: 'intern' },
  { text: '记者', role: 'reporter' },
  { text: '摄影', role: 'photographer', photos: true },
];
const ROLE_RE = new RegExp(`(${ROLES.map((r) => r.text).join('|')})`, 'u');
const PHOTO_MARK = /^(?:文\/图|图\/文|文图|图文)$/u;
const NAME = new RegExp(`^[${HAN}·]{2,5}$`, 'u');
/** Words that stand in credits but are not names. */
const NOT_NAMES = new Set(['报道', '整理', '发自', '综合', '编译', '采写', '本报', '联合', '供稿', '报道组']);

const ONE_HAN = new RegExp(`^[${HAN}]$`, 'u');

/**
 * Two-character names are set with a space inside, to line up with three-character ones
 * (孙  振  胡婧怡, 颜  珂): two single characters in a row are one name.
 */
function joinSpacedNames(out: string[], t: string): string[] {
  const last = out[out.length - 1];
  if (last && ONE_HAN.test(last) && ONE_HAN.test(t) && !/[摄图文]/u.test(last + t)) {
    out[out.length - 1] = last + t;
  } else out.push(t);
  return out;
}

/**
 * A line that is a person's name alone (韩春瑶, 倪  星, 欧阳文俊): two to four Han characters
 * (spaces inside allowed) beginning with a common surname. Commentaries print the author so.
 */
export function isNameLine(text: string): boolean {
  const name = text.replace(/[\s\u3000]+/gu, '');
  if (!new RegExp(`^[${HAN}]{2,4}$`, 'u').test(name)) return false;
  // Places and bodies end so (衡阳市, 石鼓区, 市委); a dictionary word that is not a name is not one.
  if (/[市县区省镇乡村街路局委办厅部会社报网台站院所队组]$/u.test(name)) return false;
  const words = tag(name);
  if (words.length === 1 && !words[0]!.tag.startsWith('nr')) return false;
  const surname = surnameOf(name);
  return !!surname && (surname.length === 2 || name.length <= 3);
}

/**
 * A caption that ends with its photo credit, as e-papers print them: `…检查餐馆的油烟净化设施。张  帆摄（人民视觉）`,
 * `…踏青赏花。本报记者 李明 摄`. The caption must end a sentence (or a bracket) before the credit, and the
 * credited name must begin with a common surname, so that a sentence ending in 拍摄 is not read so.
 */
export function splitCaptionCredit(text: string): { caption: string; credit: string } | null {
  const t = text.trim();
  const m = new RegExp(
    String.raw`^(?<caption>.{6,}?[。！？）)\s])\s*(?<credit>${PICTURES_OF}(?:(?:本报|新华社|人民日报)?(?:特约|见习)?(?:记者|通讯员|摄影记者)\s*)?(?<name>[${HAN}](?:\s*[${HAN}]){1,3})\s*[/／]?\s*摄(?:影)?(?:\s*[（(][${HAN}·]{2,10}[）)])?)$`,
    'u',
  ).exec(t);
  if (m?.groups && surnameOf(m.groups.name!.replace(/\s+/gu, '')))
    return { caption: m.groups.caption!.trim(), credit: m.groups.credit! };
  // A picture an organisation supplied: …惠民演出现场。　　开州区委宣传部供图
  const given = new RegExp(
    String.raw`^(?<caption>.{6,}?[。！？）)\s])\s*(?<credit>${PICTURES_OF}[${HAN}]{2,16}(?:供图|供稿|提供))$`,
    'u',
  ).exec(t);
  if (given?.groups) return { caption: given.groups.caption!.trim(), credit: given.groups.credit! };
  return null;
}

/** What a credit may say the pictures are before naming who took them: 以上图片均为…, 图为…, 本版图片由… */
const PICTURES_OF = String.raw`(?:(?:以上|以下|本版|上|下|左|右)?(?:图片|照片|图)(?:均)?(?:为|由)?\s*)?`;

/**
 * A graphic's credit line, printed under a chart or map: 数据来源：国家文物局　　制图：张芳曼, 制图：李明,
 * 资料来源：… 制图：…, 数据来源：财政部
 */
export function isGraphicCredit(line: string): boolean {
  const t = line.trim();
  if (visibleLength(t) > 48) return false;
  return new RegExp(
    String.raw`^(?:(?:数据|资料)来源[：:][^。！？：:]{2,30}$|(?:(?:数据|资料)?来源[：:][^。！？]{2,30}?\s*)?(?:制图|图表制作|绘图|设计)[：:]\s*[${HAN}](?:\s*[${HAN}]){1,3}(?:\s+[${HAN}](?:\s*[${HAN}]){1,3})*$)`,
    'u',
  ).test(t);
}

/**
 * The names of a line that holds only authors' names: one (李洪兴, 崔  寅) or several set apart
 * by wide spaces (李鹏飞  吴海军); null otherwise.
 */
export function authorNames(text: string): string[] | null {
  const t = text.trim();
  if (isNameLine(t)) return [t.replace(/[\s\u3000]+/gu, '')];
  const parts = t.split(/[\s\u3000]{2,}|\u3000/u).filter(Boolean);
  if (parts.length < 2 || parts.length > 4) return null;
  return parts.every((p) => Array.from(p).length >= 2 && isNameLine(p)) ? parts : null;
}

/** Names alone as a byline (see authorNames). */
export function matchNameLine(text: string): BylineMatch | null {
  const t = text.trim();
  const names = authorNames(t);
  if (!names) return null;
  return {
    text: t,
    source: '',
    place: null,
    dateline: null,
    staff: names.map((name) => ({ name, role: 'contributor' as const, roleText: null, photos: false })),
    rest: '',
    open: false,
  };
}

/**
 * Parse the credits inside a byline: `记者 许珂 实习生付星婷`, `李建平 见习记者 刘紫叶`,
 * `文/图 记者 金明达`, `通讯员 袁成龙 卢健`, `记者 王勤 摄`.
 */
export function parseCredits(credits: string): StaffCredit[] {
  const staff: StaffCredit[] = [];
  let photosAll = false;
  let photosTail = false;
  let role: { text: string; role: StaffRole } | null = null;
  // Split role words from names that are glued to them (实习生付星婷) and separate names.
  const tokens = credits
    .replace(ROLE_RE, ' $1 ')
    .split(/[\s、，,；;]+/u)
    .flatMap((t) => (ROLE_RE.test(t) ? t.split(ROLE_RE) : [t]))
    .map((t) => t.trim())
    .filter(Boolean)
    .reduce(joinSpacedNames, []);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (PHOTO_MARK.test(t)) {
      photosAll = true;
      continue;
    }
    if (t === '摄' || t === '摄影' || t === '图') {
      photosTail = true;
      continue;
    }
    const r = ROLES.find((x) => x.text === t);
    if (r) {
      role = r;
      continue;
    }
    const name = t.replace(/摄$/u, '');
    if (name !== t) photosTail = true;
    if (!NAME.test(name) || NOT_NAMES.has(name) || /(?:社|日报|晚报|报|网|台)$/u.test(name)) continue;
    staff.push({
      name,
      role: role?.role ?? 'contributor',
      roleText: role?.text ?? null,
      photos: photosAll || role?.role === 'photographer',
    });
  }
  if (photosTail) for (const s of staff) s.photos = true;
  return staff;
}

export interface BylineMatch {
  /** the byline exactly as printed (without surrounding white space) */
  text: string;
  source: string;
  place: string | null;
  dateline: { m: number; d: number } | null;
  staff: StaffCredit[];
  /** text after the byline (the start of the first paragraph), trimmed */
  rest: string;
  /** the credits' opening bracket is not closed in this text (byline continues on the next line) */
  open: boolean;
}

function num(s: string | undefined): number | null {
  if (!s) return null;
  return /^\d+$/.test(s) ? Number(s) : cnNumber(s);
}

/**
 * A source in square brackets, as wire copy and older papers print it at the head of the text:
 * 【新华社邯郸十日电】, 【本市消息】, 【新华社晋冀鲁豫总分社讯】, 【本报讯】.
 */
const BRACKETED_SOURCE = new RegExp(String.raw`^[【\[]([${HAN}\d]{2,20}?(?:电|讯|消息))[】\]]`, 'u');

/**
 * Match a byline at the start of a paragraph. Returns null when the text does not open with one.
 * Forms without brackets (■本报记者 向吟吟) must stand alone in their block.
 */
export function matchByline(text: string): BylineMatch | null {
  const t = text.trim();
  const bracketed = BRACKETED_SOURCE.exec(t);
  if (bracketed) {
    const text = bracketed[0];
    return {
      text,
      source: bracketed[1]!,
      place: null,
      dateline: null,
      staff: [],
      rest: t.slice(text.length).trim(),
      open: false,
    };
  }
  // The reporter line without names (本报记者, 新华社记者) that national papers print when the
  // names follow the text or are left out: a byline of its own line.
  const bare = new RegExp(String.raw`^${BULLET}?\s*(?:${AGENCY})?(?:特约|驻[\u4e00-\u9fff]{1,6})?记者$`, 'u');
  if (bare.test(t))
    return { text: t, source: t, place: null, dateline: null, staff: [], rest: '', open: false };
  const m = SOURCE_RE.exec(t);
  if (m?.groups) {
    const source = m.groups.source!;
    const after = t.slice(m[0].length);
    const lead = /^\s*/u.exec(after)![0];
    const body = after.slice(lead.length);
    const bracket = /^[（(]/u.test(body);
    const g = m.groups;
    const place = g.place ? g.place : null;
    const mo = num(g.month);
    const da = num(g.day);
    const dateline = mo && da ? { m: mo, d: da } : null;
    const isReporterForm = /记者$/u.test(source) && !g.kind;
    if (bracket) {
      const close = body.search(/[）)]/u);
      if (close === -1) {
        // Credits continue in the next block: 衡阳晚报讯 (全媒体记者 许珂 通 | 讯员 王小云)
        if (body.length > 40) return null;
        return {
          text: t,
          source,
          place,
          dateline,
          staff: parseCredits(body.slice(1)),
          rest: '',
          open: true,
        };
      }
      const credits = body.slice(1, close);
      if (credits.length > 60) return null;
      const staff = parseCredits(credits);
      // A parenthesis that holds no credit is not a byline (本报讯 must still count as one).
      if (staff.length === 0 && isReporterForm) return null;
      const end = m[0].length + lead.length + close + 1;
      return {
        text: t.slice(0, end),
        source,
        place,
        dateline,
        staff,
        rest: t.slice(end).trim(),
        open: false,
      };
    }
    if (g.kind || source === '又讯') {
      // 本报讯 alone, or 新华社北京5月14日电 followed directly by text
      // Without brackets, text may follow only a full dateline (新华社北京5月14日电 …), so that
      // ordinary sentences that happen to contain 社…电 are not read as bylines.
      const lone = body.length === 0;
      if (!lone && !dateline) return null;
      return {
        text: t.slice(0, m[0].length),
        source,
        place,
        dateline,
        staff: [],
        rest: body,
        open: false,
      };
    }
    // ■本报记者 向吟吟 (通讯员 周妍): the whole block is the byline.
    if (
      isReporterForm &&
      lead.length > 0 &&
      body.length > 0 &&
      body.length <= 40 &&
      !/[。！？，]/u.test(body)
    ) {
      const staff = parseCredits(`记者 ${body}`);
      if (staff.length > 0 && staff.length <= 6) {
        return { text: t, source, place: null, dateline: null, staff, rest: '', open: false };
      }
    }
  }
  return matchCreditLine(t);
}

/**
 * Credit lines that stand alone without an agency: 文/图 本报记者 李四, 文/记者 张三, 记者 张三 通讯员 李四,
 * and a trailing bracketed credit （本报记者 王某某）. The whole block must be the credit.
 */
const CREDIT_LINE = new RegExp(
  String.raw`^(?<open>[（(])?\s*(?<lead>(?:文\s*[/／]\s*图|图\s*[/／]\s*文)\s*[/／：:]?\s*|(?:文|图)\s*[/／：:]\s*)?(?<credits>(?:本报)?(?:${ROLES.map((r) => r.text).join('|')})[^。！？，,；;（）()]{2,40}?)\s*(?<close>[）)])?$`,
  'u',
);

function matchCreditLine(t: string): BylineMatch | null {
  const m = CREDIT_LINE.exec(t);
  if (!m?.groups || !!m.groups.open !== !!m.groups.close) return null;
  // The role word must be set off from a name (记者 张三, not 记者手记).
  if (!m.groups.lead && !/[\s、]/u.test(m.groups.credits!)) return null;
  const photos = /图/u.test(m.groups.lead ?? '');
  const staff = parseCredits(m.groups.credits!.replace(/^本报/u, '')).map((s) =>
    photos ? { ...s, photos: true } : s,
  );
  if (staff.length === 0 || staff.length > 6) return null;
  return { text: t, source: '', place: null, dateline: null, staff, rest: '', open: false };
}

/** Continue an open byline with the next block's text: returns the completed match or null. */
export function continueByline(open: BylineMatch, next: string): BylineMatch | null {
  const close = next.search(/[）)]/u);
  if (close === -1 || close > 40) return null;
  const joined = open.text + next.slice(0, close + 1);
  const again = matchByline(joined + next.slice(close + 1));
  if (!again || again.open) return null;
  return again;
}

/** A photo credit line: ■通讯员 王勤 摄, 记者 金明达 摄, 本报记者 张三/摄 */
export function matchPhotoCredit(line: string): StaffCredit[] | null {
  const t = line.trim();
  if (t.length > 40) return null;
  const m = new RegExp(
    String.raw`^${BULLET}?\s*[（(]?\s*(.{2,36}?)\s*[/／]?\s*摄(?:影)?\s*[）)]?$`,
    'u',
  ).exec(t);
  if (!m) return null;
  const staff = parseCredits(m[1]!.replace(/^本报/u, '')).map((s) => ({ ...s, photos: true }));
  return staff.length > 0 ? staff : null;
}
