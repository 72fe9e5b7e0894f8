/**
 * What a PDF page's header and foot say: the page number a printed header (报眉) gives —
 * 第二版, 第3版, 第 01 版, A3, B2版 — and which lines at the foot are editors' credits (责任编辑：…).
 * The forms are those the text parser reads (src/lib/parse: PAGE_HEADER and the page credits).
 */
import { smallNumber } from '../text/characters.ts';

const NUMBERED =
  /第\s*([一二三四五六七八九十\d]{1,3})\s*版|(?:^|[\s：:|｜])[A-H]0?([1-9]\d?)(?=\s*版|[\s：:·|｜]|$)/u;

/** Editors' credits printed on a page. */
export const PAGE_CREDITS =
  /^(?:责任编辑|本版编辑|编辑|美术编辑|美编|版式|版式设计|校对|组版|编审|值班编委)\s*[：:]/u;

/** The page number a header prints, or null when it prints none. */
export function pageNumberOf(header: string): number | null {
  const m = NUMBERED.exec(header);
  if (!m) return null;
  return smallNumber(m[1] ?? m[2] ?? '');
}
