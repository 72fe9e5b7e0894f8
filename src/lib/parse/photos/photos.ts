/**
 * Pictures with a credit: a caption that ends with its credit (…设施。张  帆摄（人民视觉）), or a
 * block holding a credit line (■通讯员 王勤 摄). The picture belongs to the article it stands in,
 * unless a picture gap sets it apart (or nothing is open, or its caption is long): then it is a
 * photo item of its own.
 */
import { blockLines, type Stage } from '../assembly.ts';
import { isGraphicCredit, matchPhotoCredit, splitCaptionCredit } from '../byline.ts';
import { visibleLength } from '../../text/characters.ts';

/** One line: caption then credit. Under its heading or after its text it is that article's picture. */
export const captionWithCredit: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const captioned = b.lines.length === 1 ? splitCaptionCredit(b.text) : null;
  if (!captioned) return 0;
  const c = a.open();
  const under = !!c && b.gapBefore < 2;
  const d = under ? c : a.newDraft();
  if (!under) d.kind = 'photo';
  a.addCaption(d, captioned.caption, captioned.credit, blockLines(b), false);
  if (!under) d.closed = true;
  return 1;
};

/** A block with a photo or graphic credit line among its lines: the other lines are the caption. */
export const photoWithCreditLine: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const creditAt = b.lines.findIndex((l) => matchPhotoCredit(l.text) || isGraphicCredit(l.text));
  if (creditAt < 0) return 0;
  const captionText = b.lines
    .filter((_, k) => k !== creditAt)
    .map((l) => l.text)
    .join('');
  const credit = b.lines[creditAt]!.text;
  const standalone = !a.open() || visibleLength(captionText) > 40 || b.gapBefore >= 2;
  const d = standalone ? a.newDraft() : a.open()!;
  if (standalone) d.kind = 'photo';
  a.addCaption(d, captionText, credit, blockLines(b), false);
  if (standalone) d.closed = true;
  return 1;
};
