/**
 * Bylines and datelines (本报讯（记者 X）, 新华社北京2月28日电, ■本报记者 X, a name alone between a
 * headline and its text): a printed byline form is certain evidence. It completes the heading
 * above it, or opens a news item of its own; a credit line without an agency (文/图 记者 张三,
 * （本报记者 王某）) credits the article it stands in.
 */
import { BULLETED, blockLines, lastParagraph, type Stage } from '../assembly.ts';
import { continueByline, matchByline, matchNameLine, type BylineMatch } from '../byline.ts';

export const byline: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const next = a.blocks[i + 1];
  const lines = blockLines(b);
  // A name alone between a headline and the text is its author (commentaries print it so).
  const c7 = a.open();
  const authorLine = !!c7 && !!c7.headline && !c7.byline && c7.paragraphs.length === 0 && a.isAuthorLine(i);
  let by = matchByline(b.text) ?? (authorLine ? matchNameLine(b.text) : null);
  if (!by) return 0;
  // A staff credit alone on its line under a subhead of the article being read (重庆开州 / 一张戏票聚人气
  // / 本报记者 沈靖然): the author of that section of a feature, part of its heading — a new item
  // opens with a headline or a dated source (本报讯, …电), not under another article's subhead.
  const reading = a.open();
  if (
    reading &&
    !by.rest &&
    !by.open &&
    !by.dateline &&
    by.staff.length > 0 &&
    !/[讯电]$/u.test(by.source) &&
    lastParagraph(reading)?.role === 'subhead' &&
    reading.paragraphs.some((p) => p.role === 'text')
  ) {
    // set as the section's heading, so the section's text never runs on from it
    a.addSubhead(reading, b.text, lines);
    return 1;
  }
  let byLines = lines;
  let used = 1;
  // A bare agency line above a full byline (新华社电 / 新华社北京5月14日电（记者…）) is a label;
  // above the same source opening the text (【本市消息】 / 【本市消息】华北新华书店…), it is the byline.
  const repeated = (m: BylineMatch | null) => !!m && m.text === by!.text;
  if (
    !by.rest &&
    by.staff.length === 0 &&
    !by.open &&
    next &&
    matchByline(next.text) &&
    !repeated(matchByline(next.text))
  )
    return 0;
  // Paragraphs that open with the byline printed alone above them (an archive that repeats the
  // source on every paragraph: 【本市消息】 / 【本市消息】边区政府… / 【本市消息】边府…) are text.
  const c0 = a.open();
  // So are further dispatches of one item, each opening with its bracketed source (【新华社渝十五日电】
  // …, then 【新华社渝十五日电】国民党当局…): a headless item would not follow another's text so.
  const bracketed = (t: string) => /^[【\[]/u.test(t);
  if (
    c0?.byline &&
    by.rest &&
    ((c0.byline.text === by.text && c0.paragraphs.every((p) => p.text.startsWith(by!.text))) ||
      (bracketed(c0.byline.text) && bracketed(by.text) && c0.paragraphs.some((p) => p.role === 'text')))
  ) {
    a.addText(c0, b.text, lines);
    return 1;
  }
  if (next && (by.open || (by.rest === '' && by.staff.length === 0 && /^[（(]/u.test(next.text)))) {
    const done = continueByline(by, next.text);
    if (done) {
      by = done;
      byLines = [...lines, ...blockLines(next)];
      used = 2;
    }
  }
  if (by.source === '') {
    // A credit line without an agency credits the article it stands in, before or after its
    // text; a second one is text.
    const c = a.open();
    if (c && !c.byline) {
      a.setByline(c, by, byLines);
      a.touch(c, byLines);
      return used;
    }
    if (c) {
      a.addText(c, b.text, lines);
      return used;
    }
  }
  const c = a.open();
  // The byline completes the heading above it, even after a summary printed between them
  // (■过去一年，…: lines set off with a bullet).
  const completes = c && c.headline && !c.byline && c.paragraphs.every((p) => BULLETED.test(p.text));
  const d = completes ? c : a.newDraft();
  a.setByline(d, by, byLines);
  if (byLines.length > lines.length) {
    d.edits.push({ kind: 'byline-joined', note: '跨行印出的署名已接续', lines: byLines });
  }
  a.touch(d, byLines);
  // the text after the byline, as any text (a （下转第二版①） at its end is a reference)
  if (by.rest) a.addText(d, by.rest, byLines.slice(-1));
  return used;
};
