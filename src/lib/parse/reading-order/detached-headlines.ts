/**
 * Headlines printed apart from their text. A text layer lists a page's blocks in the order a tool
 * found them, and a headline set across the top of its columns can come out far from its text:
 * 同心锅做出百家饭（在现场） / (another article's headings and text) / 本报讯（记者 袁泉）在西藏日喀则…
 * The assembler then has a headline with no text, and an item with text and no headline, on the
 * same page. Each such headline goes to the headless item whose opening words share the most
 * words with it (at least one), or — when the page has exactly one of each — to that one.
 */
import { blockLines, type Assembly, type Draft } from '../assembly.ts';
import type { Block } from '../blocks.ts';
import { headingRoles } from '../heading-roles/heading-roles.ts';
import { cut } from '../../text/words.ts';

const NOTE = '标题与正文在原文中相隔，已合为一篇';

/** A headline with no text of its own: no text paragraph, caption, table, byline or signature. */
function isBareHeadline(d: Draft): boolean {
  return (
    !!d.headline &&
    !d.closed &&
    !d.byline &&
    !d.signature &&
    d.captions.length === 0 &&
    d.tables.length === 0 &&
    !d.paragraphs.some((p) => p.role === 'text')
  );
}

/** Text with no headline: a byline or text paragraphs, and not the continuation of another page's article. */
function isHeadless(d: Draft): boolean {
  return (
    !d.headline &&
    !d.closed &&
    (!!d.byline || d.paragraphs.some((p) => p.role === 'text')) &&
    !d.references.some((r) => r.kind === 'continued-from')
  );
}

/** Words of two characters or more. */
const words = (text: string) =>
  new Set(cut(text).filter((w) => Array.from(w).length >= 2 && /\p{Script=Han}/u.test(w)));

/** The words of an item's opening text (its byline and first paragraphs, up to `chars` characters). */
function openingWords(body: Draft, chars: number): Set<string> {
  return words([body.byline?.text ?? '', ...body.paragraphs.map((p) => p.text)].join('').slice(0, chars));
}

/** How many of the headline's words the item's opening text uses. */
function affinity(head: Draft, body: Draft): number {
  const opening = openingWords(body, 300);
  return [...words([head.kicker, head.headline, head.subtitle].filter(Boolean).join(' '))].filter((w) =>
    opening.has(w),
  ).length;
}

/** How many of a heading line's words an article's opening text (byline included) uses. */
function lineAffinity(line: string, body: Draft): number {
  const opening = openingWords(body, 400);
  return [...words(line)].filter((w) => opening.has(w)).length;
}

/**
 * Two articles' headings read as one group (以更加饱满的热情擦亮“衡阳群众”品牌 / 为“一体两翼”和健康衡阳贡献
 * 医保力量 / 我市举行…启动仪式 / 2021年全市医疗保障工作会议召开…) over the first article's text, the
 * second article's text left headless on the same page: each heading line whose words the
 * headless text uses more goes to it, and both groups are read for their roles again.
 */
function splitSharedHeadings(d: Draft, body: Draft): boolean {
  const group = d.heading ?? [];
  if (group.length < 2 || !d.paragraphs.some((p) => p.role === 'text')) return false;
  const moved = group.filter((g) => {
    const there = lineAffinity(g.text, body);
    return there >= 1 && there > lineAffinity(g.text, d);
  });
  if (moved.length === 0 || moved.length === group.length) return false;
  const kept = group.filter((g) => !moved.includes(g));
  setRoles(d, headingRoles(kept), kept);
  setRoles(body, headingRoles(moved), moved);
  const lines = moved.flatMap(blockLines);
  d.lines = d.lines.filter((n) => !lines.includes(n));
  body.lines.push(...lines);
  body.edits.push({ kind: 'paragraph-moved', note: SHARED_NOTE, lines });
  return true;
}

const SHARED_NOTE = '两篇文章的标题在原文中排在一起，已按用词分归各篇';

function setRoles(d: Draft, roles: ReturnType<typeof headingRoles>, group: Block[]): void {
  d.column = roles.column;
  d.kicker = roles.kicker;
  d.headline = roles.headline;
  d.subtitle = roles.subtitle;
  d.heading = group;
}

/** Pair each bare headline of a page with its headless text, and make them one article. */
export function joinDetachedHeadlines(a: Assembly): void {
  const pages = new Set(a.drafts.map((d) => d.page));
  for (const page of pages) {
    const onPage = a.drafts.filter((d) => d.page === page);
    const heads = onPage.filter(isBareHeadline);
    let bodies = onPage.filter(isHeadless);
    if (bodies.length === 0) continue;
    const alone = heads.length === 1 && bodies.length === 1;
    for (const head of heads) {
      const scored = bodies.map((b) => ({ b, s: affinity(head, b) })).sort((x, y) => y.s - x.s);
      const best = scored[0];
      if (!best || (best.s === 0 && !alone)) continue;
      merge(a, head, best.b);
      bodies = bodies.filter((b) => b !== best.b);
    }
    // headings of two articles read as one group over the first one's text
    for (const body of bodies) onPage.find((d) => d !== body && splitSharedHeadings(d, body));
  }
}

/** The headline's fields and lines go to the text's article, which takes the headline's place. */
function merge(a: Assembly, head: Draft, body: Draft): void {
  body.column ??= head.column;
  body.kicker = head.kicker;
  body.headline = head.headline;
  body.subtitle = head.subtitle;
  body.lines.push(...head.lines);
  body.edits.push(...head.edits, { kind: 'paragraph-moved', note: NOTE, lines: [...head.lines] });
  body.decisions.push(...head.decisions);
  body.paragraphs.unshift(...head.paragraphs);
  a.drafts.splice(a.drafts.indexOf(body), 1);
  a.drafts.splice(a.drafts.indexOf(head), 1, body);
}
