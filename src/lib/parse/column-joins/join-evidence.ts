/**
 * Whether a paragraph that stops inside a sentence goes on after a column break: the evidence at
 * the seam. Printed forms that are certain decide by rule (a finished sentence or a colon never
 * goes on; a hard-wrapped line that fills its column and is cut does; a right side that opens with
 * a comma continues). Everything else is scored by a fitted linear model (weights.json, refit with
 * `npm run train`) from named features: the left side's length (absolute and against the file's
 * own paragraphs), a dictionary word spanning the seam (系列重|要讲话, jieba), a phrase ending on a
 * word that cannot end one (…工作将|在…), the vocabulary the two sides share, the shape of the
 * right side (heading-like, short, indented, after a picture gap, opening with a word that opens
 * paragraphs: 上述, 此外, 据悉), a left side that is a list of names, and whether a caption was
 * lifted out between the two halves.
 */
import type { Block } from '../blocks.ts';
import {
  isEnumerated,
  isKickerMarked,
  isNoticeTitle,
  isSubtitleMarked,
  MAX_HEADING,
} from '../block-shapes.ts';
import { listening, logDecision } from '../evidence/decision-log.ts';
import { mainEvidence, scoreOf, type Features, type LinearModel } from '../evidence/linear-model.ts';
import { bigrams, CLAUSE_PUNCT, endsSentence, overlap, visibleLength } from '../../text/characters.ts';
import { cut, lastWordTag, wordSpansSeam } from '../../text/words.ts';
import weights from './weights.json' with { type: 'json' };

/** The fitted model (scripts/train.ts refits it in place while training). */
export const JOIN_MODEL: LinearModel = weights;

/** A seam between two pieces of text that may be one paragraph. */
export interface Seam {
  /** the text before the break (the paragraph so far) */
  left: string;
  /** the first line after the break */
  right: string;
  /** the block after the break, when there is one */
  rightBlock?: Block;
  /** the right block may be a heading in this file (heading-like, not at the body's indent) */
  rightHeading: boolean;
  /** the left text's last line fills its column and was cut there (hard-wrapped text, blocks.ts) */
  leftCut: boolean;
  /** the left text's last line stops short of its column in hard-wrapped text (blocks.ts) */
  leftShort?: boolean;
  /** a caption stands between the two halves and would be lifted out */
  captionLifted: boolean;
  /** the file's typical paragraph length (visible characters) */
  typical: number;
  /** last source line before the break and first after (for the decision's record) */
  lines: [number, number];
}

/** The decision at a seam and its main evidence. */
export interface JoinDecision {
  join: boolean;
  /** the model's score, or null when a printed form decided by rule */
  score: number | null;
  /** the rule's name, or the features that weighed most (`word-spans-seam +2.10`) */
  evidence: string[];
}

/** Part-of-speech tags of words that cannot end a phrase: prepositions, conjunctions, particles, adverbs, pronouns, locatives. */
const OPEN_ENDED_TAG = /^(?:p|c|u|uj|ud|ug|ul|uv|uz|d|r|f)$/;

function lastWord(text: string): string {
  const words = cut(Array.from(text).slice(-8).join(''));
  return words[words.length - 1] ?? '';
}

/** Words that open a paragraph, not the middle of a sentence: 上述人员…, 此外，…, 据悉，… */
const PARAGRAPH_OPENER =
  /^(?:上述|此外|另外|另据|同时[，,]|据悉|据了解|据介绍|目前[，,]|近日[，,]|为此|对此|与此同时|首先|其次|最后[，,]|总之|下一步)/u;

/** A list of names set with spaces (公示 lists: 张伟伟 周围 罗茂盟 张静 谢丹): it ends without punctuation. */
const NAME_LIST_END = /(?:[\u4e00-\u9fff]{2,4}[ \u3000]+){3,}[\u4e00-\u9fff]{2,4}$/u;

const tail = (s: string, n: number) => Array.from(s).slice(-n).join('');
const head = (s: string, n: number) => Array.from(s).slice(0, n).join('');

/** The named features of a seam (values 0–1, or a ratio capped at 2). */
export function seamFeatures(s: Seam): Features {
  const l = s.left.trim();
  const r = s.right.trim();
  const ll = visibleLength(l);
  const clause = CLAUSE_PUNCT.test(l);
  const tag = lastWordTag(l);
  const rightText = s.rightBlock?.text ?? r;
  const b = (v: boolean) => (v ? 1 : 0);
  return {
    'left-long': b(ll > MAX_HEADING),
    'left-long-before-text': b(ll > MAX_HEADING && !s.rightHeading),
    'left-short': b(ll <= 16),
    'left-length-vs-file': Math.min(2, ll / Math.max(1, s.typical)),
    'left-clause-punct': b(clause),
    'left-closes-quote': b(/[”’」』》）)]$/u.test(l) && !clause),
    'left-enumerated': b(isEnumerated(l) && ll <= MAX_HEADING),
    'left-ends-open-word': b(
      !!tag && OPEN_ENDED_TAG.test(tag) && (clause || Array.from(lastWord(l)).length === 1),
    ),
    'word-spans-seam': b(wordSpansSeam(l, r)),
    'vocabulary-continues': overlap(bigrams(tail(l, 40)), bigrams(head(rightText, 80))),
    'right-heading': b(s.rightHeading),
    'right-short': b(visibleLength(rightText) <= 24),
    'right-indented': b(!!s.rightBlock?.indented),
    'picture-gap': b((s.rightBlock?.gapBefore ?? 0) >= 2),
    'right-opens-paragraph': b(PARAGRAPH_OPENER.test(r)),
    'left-ends-name-list': b(NAME_LIST_END.test(l)),
    'caption-lifted': b(s.captionLifted),
    'caption-lifted-clause': b(s.captionLifted && clause),
  };
}

/** Text that is one bracketed note: opens with （ and ends with the ） that closes it. */
function isWholeBracketed(text: string): boolean {
  if (!/^[（(]/u.test(text) || !/[）)]$/u.test(text)) return false;
  let depth = 0;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    if (/[（(]/u.test(chars[i]!)) depth++;
    else if (/[）)]/u.test(chars[i]!)) {
      depth--;
      if (depth === 0 && i < chars.length - 1) return false;
    }
  }
  return depth === 0;
}

/** A printed form that decides the seam by itself, or null. */
export function certainRule(s: Seam): { join: boolean; rule: string } | null {
  const l = s.left.trim();
  const r = s.right.trim();
  if (!l || !r) return { join: false, rule: 'nothing-to-join' };
  if (endsSentence(l)) return { join: false, rule: 'left-ends-sentence' };
  // A note in brackets, whole (（摘编自《新华日报》，原题为《…》）, （作者为…）): nothing goes on after it.
  if (isWholeBracketed(l)) return { join: false, rule: 'left-is-bracketed-note' };
  // A headline's column tag closes it (越开放，越活跃，越发展（现场评论）): nothing goes on after it.
  if (/[^（(][（(][\u4e00-\u9fff·、\s]{2,16}[）)]$/u.test(l) && visibleLength(l) <= MAX_HEADING)
    return { join: false, rule: 'left-ends-column-tag' };
  // Wrapped text that stops short of its column ended there: a column break cuts a full line.
  if (s.leftShort) return { join: false, rule: 'left-stops-short-of-column' };
  // A colon introduces what follows (a list, a table, a quotation); it does not end a column.
  if (isKickerMarked(l) || /[：:]$/u.test(l)) return { join: false, rule: 'left-ends-colon-or-dash' };
  const closes = /[”’」』》）)]$/u.test(l) && !CLAUSE_PUNCT.test(l);
  const enumerated = isEnumerated(l) && visibleLength(l) <= MAX_HEADING;
  // Hard-wrapped text whose last line fills its column was cut by the column edge: it goes on,
  // unless the next block is marked as a heading of its own.
  if (s.leftCut && !closes && !enumerated && !isSubtitleMarked(r) && !isKickerMarked(r) && !isNoticeTitle(r))
    return { join: true, rule: 'column-cut' };
  if (/^[，、。；：,.;:）)”’]/u.test(r) && !closes && !enumerated)
    return { join: true, rule: 'right-opens-with-punctuation' };
  return null;
}

/** Decide a seam: by a certain rule, else by the model's score. */
export function decideJoin(s: Seam): JoinDecision {
  const rule = certainRule(s);
  if (rule) {
    if (listening() && s.left.trim() && s.right.trim())
      logDecision({
        model: 'join',
        features: seamFeatures(s),
        lines: s.lines,
        yes: rule.join,
        rule: rule.rule,
      });
    return { join: rule.join, score: null, evidence: [rule.rule] };
  }
  const x = seamFeatures(s);
  const score = scoreOf(JOIN_MODEL, x);
  logDecision({ model: 'join', features: x, lines: s.lines, yes: score > 0 });
  return { join: score > 0, score: Math.round(score * 100) / 100, evidence: mainEvidence(JOIN_MODEL, x) };
}
