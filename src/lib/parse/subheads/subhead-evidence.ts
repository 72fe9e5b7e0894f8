/**
 * Subhead or new article: the evidence about a lone heading inside an article. Enumerated headings
 * (一是…, 二、…, （三）…) are subheads by rule. Everything else is scored by a fitted linear model
 * (weights.json, refit with `npm run train`) from named features: the vocabulary the heading shares
 * with the article (its headings and opening paragraphs), whether the article is bylined (a new
 * article would bring a byline of its own) or a feature (■ byline, subheads already), whether body
 * text follows, whether the text after it closes with a credit of its own (（本报记者 赵敏）), and the
 * heading's own shape (length against the file's headlines, a column tag, clause punctuation, ！？).
 */
import { isEnumerated } from '../block-shapes.ts';
import { logDecision } from '../evidence/decision-log.ts';
import { mainEvidence, scoreOf, type Features, type LinearModel } from '../evidence/linear-model.ts';
import { CLAUSE_PUNCT, visibleLength } from '../../text/characters.ts';
import weights from './weights.json' with { type: 'json' };

/** The fitted model (scripts/train.ts refits it in place while training). */
export const SUBHEAD_MODEL: LinearModel = weights;

/** What is known about a lone heading inside an article. */
export interface LoneHeading {
  text: string;
  /** source lines of the heading */
  lines: number[];
  /** share of its character bigrams found in the article's headings and opening paragraphs */
  share: number;
  /** the article has a byline */
  bylined: boolean;
  /** the article's byline names staff (记者 X) */
  staffByline: boolean;
  /** the article's byline is a reporter line without names (本报记者): the names close the text */
  bareByline: boolean;
  /** the article is a feature: a ■ byline, or subheads already */
  feature: boolean;
  /** the article's 副题 opens with —— (…见闻, ——记…, ——解读…): a long report or commentary */
  dashSubtitle: boolean;
  /** the block after the heading is body text (not another heading) */
  textFollows: boolean;
  /** the text after it closes with a credit of its own (（本报记者 赵敏）) */
  ownClosingCredit: boolean;
  /** paragraphs the article has so far */
  paragraphs: number;
}

/** The decision and its main evidence. */
export interface SubheadDecision {
  subhead: boolean;
  score: number | null;
  evidence: string[];
}

/** The named features of a lone heading. */
export function headingFeatures(h: LoneHeading): Features {
  const len = visibleLength(h.text);
  const b = (v: boolean) => (v ? 1 : 0);
  return {
    'shares-vocabulary': h.share,
    'shares-much-vocabulary': b(h.share >= 0.25),
    'article-bylined': b(h.bylined),
    'bylined-and-shares': b(h.bylined && h.share >= 0.1),
    'bylined-feature': b(h.bylined && h.feature),
    'staff-byline-text-follows': b(h.staffByline && len >= 6 && h.textFollows && !h.ownClosingCredit),
    'own-closing-credit': b(h.ownClosingCredit),
    // the names a bare 本报记者 line promised, at the end of the text: the same article
    'bare-byline-credit-follows': b(h.bareByline && h.ownClosingCredit),
    // a long report or commentary (a ——副题) with no byline at its head closes with its credit:
    // a credit after the heading is the report's, and the heading one of its subheads
    'report-credit-at-end': b(!h.bylined && h.dashSubtitle && h.ownClosingCredit),
    'text-follows': b(h.textFollows),
    'heading-short': b(len < 6),
    'heading-long': b(len > 20),
    'heading-clause-punct': b(CLAUSE_PUNCT.test(h.text)),
    'heading-column-tag': b(/[（(][\u4e00-\u9fff·、\s]{2,16}[）)]$/u.test(h.text)),
    'heading-exclaims': b(/[！？!?]$/u.test(h.text)),
    'article-long': Math.min(1, h.paragraphs / 6),
    // an article under its headline and byline has no text yet: it cannot end here
    'article-without-text': b(h.paragraphs === 0),
  };
}

/** Decide: subhead of the article above, or the headline of a new article. */
export function decideSubhead(h: LoneHeading): SubheadDecision {
  if (isEnumerated(h.text)) return { subhead: true, score: null, evidence: ['enumerated'] };
  const x = headingFeatures(h);
  const score = scoreOf(SUBHEAD_MODEL, x);
  logDecision({ model: 'subhead', features: x, lines: h.lines, text: h.text, yes: score > 0 });
  return {
    subhead: score > 0,
    score: Math.round(score * 100) / 100,
    evidence: mainEvidence(SUBHEAD_MODEL, x),
  };
}
