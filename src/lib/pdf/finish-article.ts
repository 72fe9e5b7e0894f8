/**
 * An article read from the page (articles.ts) → the model's Article: title roles from the sizes
 * of the title block's lines, the byline and the cross-references taken out of the text with the
 * text pipeline's rules (src/lib/parse/byline.ts, cross-references.ts), photo credits split from
 * captions, the kind and the display title. Ids are given by the caller (read-pdf.ts).
 */
import type { Article, Byline, Caption, Paragraph, Reference } from '../model/issue.ts';
import { matchByline, matchNameLine, matchPhotoCredit, splitCaptionCredit } from '../parse/byline.ts';
import { matchContinuedFrom, matchContinuedOn, matchSee } from '../parse/cross-references.ts';
import { openingTitle } from '../parse/parse-issue.ts';
import { joinLines } from '../text/characters.ts';
import type { PdfArticleDraft } from './articles.ts';

type Body = { text: string; lines: number[]; role: Paragraph['role'] };

/** 引题, 主题, 副题: the first run of lines in the block's largest size is the 主题. */
export function titleRoles(title: PdfArticleDraft['title']): {
  kicker: string | null;
  headline: string;
  subtitle: string | null;
} {
  if (title.length === 0) return { kicker: null, headline: '', subtitle: null };
  const largest = Math.max(...title.map((t) => t.size));
  const first = title.findIndex((t) => t.size >= largest - 0.5);
  let last = first;
  while (last + 1 < title.length && title[last + 1]!.size >= largest - 0.5) last++;
  const join = (part: typeof title) => (part.length ? joinLines(part.map((t) => t.text)) : null);
  return {
    kicker: join(title.slice(0, first)),
    headline: join(title.slice(first, last + 1)) ?? '',
    subtitle: join(title.slice(last + 1)),
  };
}

/**
 * The byline opening the first paragraph (本报讯（记者 X）…, ■本报记者 X, a name alone), or
 * 本报讯 on a line of its own with its credits opening the next paragraph (（记者 金明达）昨日…).
 */
function takeByline(body: Body[]): Byline | null {
  const first = body[0];
  if (!first || first.role !== 'text') return null;
  let m = matchByline(first.text) ?? (first.lines.length === 1 ? matchNameLine(first.text) : null);
  if (!m || m.open) return null;
  let used = 1;
  const next = body[1];
  if (!m.rest && next?.role === 'text' && /^[（(]/u.test(next.text)) {
    const joined = matchByline(first.text + next.text);
    if (joined && !joined.open && joined.text.length > m.text.length) {
      m = joined;
      used = 2;
    }
  }
  const lines = body.slice(0, used).flatMap((b) => b.lines);
  const byline: Byline = {
    text: m.text,
    source: m.source,
    place: m.place,
    dateline: m.dateline,
    staff: m.staff,
    lines: { start: lines[0]!, end: used === 2 ? body[1]!.lines[0]! : lines[0]! },
  };
  body.splice(0, used - 1);
  if (m.rest) body[0] = { ...body[0]!, text: m.rest, lines };
  else body.shift();
  return byline;
}

/** Cross-references: a paragraph that is only one, （上接…） opening the text, （下转…） closing it. */
function takeReferences(body: Body[]): Reference[] {
  const refs: Reference[] = [];
  for (let i = body.length - 1; i >= 0; i--) {
    const see = matchSee(body[i]!.text, body[i]!.lines[0]!);
    if (see) {
      refs.unshift(see);
      body.splice(i, 1);
    }
  }
  const first = body[0];
  const from = first ? matchContinuedFrom(first.text, first.lines[0]!) : null;
  if (first && from) {
    refs.unshift(from.ref);
    if (from.rest) first.text = from.rest;
    else body.shift();
  }
  const last = body[body.length - 1];
  const on = last ? matchContinuedOn(last.text, last.lines[last.lines.length - 1]!) : null;
  if (last && on) {
    refs.push(on.ref);
    if (on.rest) last.text = on.rest;
    else body.pop();
  }
  return refs;
}

/** A photo credit closing a caption: ■通讯员 王勤 摄 (as a credit line reads), or …。张  帆摄 (e-paper style). */
function splitCredit(text: string): { caption: string; credit: string } | null {
  const m = /^(?<caption>.+?)\s*(?<credit>[■□●▲]\s*[^■□●▲]{2,36})$/u.exec(text.trim());
  if (m?.groups && matchPhotoCredit(m.groups.credit!))
    return { caption: m.groups.caption!, credit: m.groups.credit! };
  return splitCaptionCredit(text);
}

function captionOf(c: PdfArticleDraft['captions'][number], k: number, afterParagraph: number): Caption {
  const split = splitCredit(c.text);
  return {
    id: `f${k + 1}`,
    text: split ? split.caption : c.text,
    credit: split ? split.credit : null,
    lines: c.lines,
    afterParagraph,
  };
}

function kindOf(headline: string, refs: Reference[], body: Body[], captions: Caption[]): Article['kind'] {
  if (headline) return 'news';
  if (refs.some((r) => r.kind === 'continued-from')) return 'continuation';
  if (captions.length && body.length === 0) return 'photo';
  return 'brief';
}

function displayTitle(headline: string, kind: Article['kind'], body: Body[], captions: Caption[]): string {
  if (headline) return headline;
  const source =
    kind === 'photo'
      ? (captions[0]?.text ?? '')
      : (body.find((b) => b.role === 'text')?.text ?? captions[0]?.text ?? '');
  const prefix = kind === 'photo' ? '图片新闻：' : kind === 'continuation' ? '（续）' : '';
  return prefix + (openingTitle(source) || '（无标题）');
}

/** The model's Article for a draft on page `page` (0-based), `order` in the issue (1-based); id left empty. */
export function finishArticle(d: PdfArticleDraft, page: number, order: number): Article {
  const { kicker, headline, subtitle } = titleRoles(d.title);
  const body: Body[] = d.paragraphs.map((p) => ({
    text: p.text,
    lines: p.lines,
    role: p.bold ? 'subhead' : 'text',
  }));
  const byline = takeByline(body);
  const references = takeReferences(body);
  const captions = d.captions.map((c, k) => captionOf(c, k, 0));
  const kind = kindOf(headline, references, body, captions);
  const all = [
    ...d.title.map((t) => t.line),
    ...d.paragraphs.flatMap((p) => p.lines),
    ...d.captions.flatMap((c) => c.lines),
  ];
  return {
    id: '',
    page,
    order,
    kind,
    column: null,
    kicker,
    headline,
    subtitle,
    title: displayTitle(headline, kind, body, captions),
    byline,
    paragraphs: body.map((b, k) => ({ id: `p${k + 1}`, role: b.role, text: b.text, lines: b.lines })),
    captions,
    tables: [],
    references,
    signature: null,
    edits: [],
    lines: { start: Math.min(...all), end: Math.max(...all) },
  };
}
