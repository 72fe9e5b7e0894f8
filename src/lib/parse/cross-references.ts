/**
 * Cross-references and continuations between pages:
 *   >>>详见第七版>>>   （详见第3版）   (上接第一版①)   （下转第二版）   （转A2版）
 */
import type { Reference } from '../model/issue.ts';
import { smallNumber } from '../text/characters.ts';

const PAGE = String.raw`第?\s*(?<page>[A-Z]?[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*版`;
const MARK = String.raw`(?<mark>[①-⑳❶-❿]?)`;

const CONTINUED_FROM = new RegExp(String.raw`^[（(【\[]\s*(?:上接|接)\s*${PAGE}\s*${MARK}\s*[）)】\]]`, 'u');
const CONTINUED_ON = new RegExp(String.raw`[（(【\[]\s*(?:下转|转)\s*${PAGE}\s*${MARK}\s*[）)】\]]$`, 'u');
const SEE = new RegExp(
  String.raw`^(?:[>》→＞]+\s*)?[（(]?\s*(?:详见|见|请看|请见)\s*${PAGE}\s*${MARK}\s*[）)]?(?:\s*[>》→＞]+)?$`,
  'u',
);

function pageNumber(s: string | undefined): number | null {
  if (!s) return null;
  const digits = s.replace(/^[A-Z]/, '');
  return smallNumber(digits);
}

function ref(kind: Reference['kind'], m: RegExpExecArray, line: number): Reference {
  return {
    kind,
    text: m[0],
    page: pageNumber(m.groups?.page),
    mark: m.groups?.mark || null,
    line,
  };
}

/** `(上接第一版①)` at the start of a paragraph: the reference and the remaining text. */
export function matchContinuedFrom(text: string, line: number): { ref: Reference; rest: string } | null {
  const m = CONTINUED_FROM.exec(text);
  return m ? { ref: ref('continued-from', m, line), rest: text.slice(m[0].length).trim() } : null;
}

/** `（下转第二版）` at the end of a paragraph: the reference and the text before it. */
export function matchContinuedOn(text: string, line: number): { ref: Reference; rest: string } | null {
  const m = CONTINUED_ON.exec(text);
  return m ? { ref: ref('continued-on', m, line), rest: text.slice(0, m.index).trim() } : null;
}

/** A block that is only a cross-reference marker: `>>>详见第七版>>>`. */
export function matchSee(text: string, line: number): Reference | null {
  const m = SEE.exec(text.trim());
  return m ? ref('see', m, line) : null;
}
