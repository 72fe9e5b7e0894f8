/**
 * What an issue page says about the issue besides its contents: the masthead's date line
 * (weekday and lunar date as printed, else computed), how the date was found and how sure it is,
 * and the parser's warnings in words for readers. Pure functions on plain values.
 */
import { lunarDate, parseIso, weekdayZh } from '../text/dates.ts';
import { CONFIDENCE_ZH, DATE_METHOD_ZH, dateZh, WARNING_ZH } from './labels.ts';

/** The parts of an issue's masthead the date line uses. */
export interface MastheadDate {
  weekday?: string | null;
  lunarDate?: string | null;
  issueNumber?: string | number | null;
  pageCount?: number | null;
}

/** The masthead's date line: 2021年3月6日 星期六 农历正月廿三 · 第18021号 · 今日8版. */
export function mastheadLine(date: string | null, masthead: MastheadDate | null | undefined): string {
  const ymd = date ? parseIso(date) : null;
  const weekday = masthead?.weekday ?? (ymd ? weekdayZh(ymd) : null);
  const lunar = masthead?.lunarDate ?? (ymd ? lunarDate(ymd).text : null);
  return [
    dateZh(date),
    weekday ? ` ${weekday}` : '',
    lunar ? ` 农历${lunar}` : '',
    masthead?.issueNumber ? ` · 第${masthead.issueNumber}号` : '',
    masthead?.pageCount ? ` · 今日${masthead.pageCount}版` : '',
  ].join('');
}

/**
 * How the date was found, for an issue whose date is not printed in a masthead: 出版日期：据…推定，
 * 可信度低；报名系据署名形式推定. Null when the masthead prints the date.
 */
export function dateMethodNote(
  date: { method: string; confidence: string },
  paperConfidence: string,
): string | null {
  if (date.method === 'masthead') return null;
  const method = DATE_METHOD_ZH[date.method] ?? date.method;
  const confidence = CONFIDENCE_ZH[date.confidence] ?? date.confidence;
  const paper = paperConfidence === 'low' ? '；报名系据署名形式推定' : '';
  return `出版日期：${method}，可信度${confidence}${paper}`;
}

/** A parser warning as the issue page lists it. */
export interface WarningNote {
  /** the note for readers (the maintainer's message when the code has none) */
  text: string;
  /** where: （file 第12行）, or '' */
  where: string;
  /** the maintainer's message, shown after a reader's note; null when `text` is that message */
  message: string | null;
}

/** A warning in words for readers, with where it points and the original message. */
export function warningNote(w: { code: string; message: string; file?: string; line?: number }): WarningNote {
  const note = WARNING_ZH[w.code];
  const at = [w.file ?? '', w.line ? `第${w.line}行` : ''].filter(Boolean).join(' ');
  return { text: note ?? w.message, where: at ? `（${at}）` : '', message: note ? w.message : null };
}
