/**
 * An article's last lines printed before its headline. PDF text layers list blocks in the order
 * they were set, and the tail of an article that ends in a column to the left of (or above) its
 * headline comes out between the article before and that headline: …落实不到位、监 | 督组将积极支持
 * … 省政法队伍教育整顿驻衡指导组副组长高飞…出席。| 湖南省政法队伍教育整顿第二指导组已入驻衡阳. A
 * word across the seam (监|督) makes the join look right; what the run of text is about says
 * otherwise. When the run shares three or more words with the next headline that the article
 * hanging before it never uses, the run is held back and ends the article that headline opens.
 */
import type { Block } from '../blocks.ts';
import { blockLines, type Assembly, type Draft } from '../assembly.ts';
import { matchByline } from '../byline.ts';
import { isDateLine, isEnumerated, isSignature } from '../block-shapes.ts';
import { matchContinuedFrom } from '../cross-references.ts';
import { PAGE_CREDITS, PAGE_HEADER } from '../page-starts/page-starts.ts';
import { visibleLength } from '../../text/characters.ts';
import { cut } from '../../text/words.ts';

/** At most this many blocks of text between the seam and the headline. */
const MAX_RUN = 3;
/** A block of running text is at least this long (visible characters). */
const MIN_PROSE = 15;
/** Words of the headline the run must share (and the hanging article must not use). */
const MIN_SHARED = 3;

/** Text held back for the article a later headline opens. */
export interface HeldTail {
  /** the held blocks, in the file's order */
  blocks: Block[];
  /** index of the headline's block */
  headline: number;
  /** the article that was open (the text goes back there if the headline opens no article) */
  from: Draft;
  /** where the run stood in that article: the index its first paragraph would have had */
  at: number;
  /** the last source line of the paragraph left hanging before the run */
  after: number;
  /** the headline's words the run shares and the open article does not use */
  shared: string[];
}

/** Running text only: no byline, page start, page header or credits (those say where they belong). */
function isPlainProse(b: Block): boolean {
  const t = b.text.trim();
  return (
    visibleLength(t) >= MIN_PROSE &&
    !matchByline(t) &&
    !matchContinuedFrom(t, b.lines[0]!.no) &&
    !PAGE_HEADER.test(t) &&
    !PAGE_CREDITS.test(t)
  );
}

/** A heading that can open an article: not a lead-in (——平台建设由…), a numbered point or a signature. */
function opensArticle(a: Assembly, b: Block): boolean {
  return (
    a.headingCandidate(b) &&
    /^\p{Script=Han}/u.test(b.text.trim()) &&
    !isEnumerated(b.text) &&
    !isSignature(b) &&
    !isDateLine(b.text)
  );
}

/** Words of two or more Han characters. */
function words(text: string): Set<string> {
  return new Set(cut(text).filter((w) => Array.from(w).length >= 2 && /^\p{Script=Han}+$/u.test(w)));
}

/**
 * The run of text blocks from `i` up to the next heading, when it belongs with that heading's
 * article rather than with the open article `d`; else null.
 */
export function tailBeforeHeadline(a: Assembly, i: number, d: Draft, after: number): HeldTail | null {
  const run: Block[] = [];
  let j = i;
  for (; j < a.blocks.length && run.length <= MAX_RUN; j++) {
    const b = a.blocks[j]!;
    if (a.headingCandidate(b)) break;
    if (!isPlainProse(b)) return null;
    run.push(b);
  }
  const headline = a.blocks[j];
  if (!run.length || run.length > MAX_RUN || !headline || !opensArticle(a, headline)) return null;
  const used = words([d.kicker, d.headline, d.subtitle, ...d.paragraphs.map((p) => p.text)].join('\n'));
  const inRun = words(run.map((b) => b.text).join(''));
  const common = [...words(headline.text)].filter((w) => inRun.has(w) && !used.has(w));
  // 服务平台 and 平台 are one piece of evidence, not two
  const shared = common.filter((w) => !common.some((v) => v !== w && v.includes(w)));
  if (shared.length < MIN_SHARED) return null;
  return { blocks: run, headline: j, from: d, at: d.paragraphs.length, after, shared };
}

const HELD_NOTE = '原文排在标题之前的文字是本文的结尾，已移至文末';

/**
 * Place each held run: at the end of the article its headline opened, or — when the headline
 * opened none — back in the article it was held from, as its own paragraphs. Nothing is dropped.
 */
export function placeHeldTails(a: Assembly, held: readonly HeldTail[]): void {
  for (const h of held) {
    const first = a.blocks[h.headline]!.lines[0]!.no;
    const owner = a.drafts.find((d) => d !== h.from && d.lines.includes(first));
    const lines = h.blocks.flatMap(blockLines);
    if (!owner) {
      insertParagraphs(a, h.from, h.at, h.blocks);
      continue;
    }
    for (const b of h.blocks) a.addText(owner, b.text, blockLines(b));
    owner.edits.push({ kind: 'paragraph-moved', note: HELD_NOTE, lines });
    a.record(h.from, 'split', [h.after, lines[0]!], {
      score: null,
      evidence: [`tail-shares-next-headline: ${h.shared.join(' ')}`],
    });
  }
}

/** Put blocks back as paragraphs at index `at` of an article; captions after them move along. */
function insertParagraphs(a: Assembly, d: Draft, at: number, blocks: readonly Block[]): void {
  const before = d.paragraphs.length;
  for (const b of blocks) a.addText(d, b.text, blockLines(b));
  const added = d.paragraphs.splice(before);
  d.paragraphs.splice(at, 0, ...added);
  for (const c of d.captions) if (c.afterParagraph > at) c.afterParagraph += added.length;
}
