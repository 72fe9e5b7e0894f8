/**
 * Where pages start: a continuation from another page (（上接第一版①）), a printed page header
 * (第二版 要闻, A04 经济, 《人民日报》（2025年03月01日第 01 版）), and the editorial credits a page
 * prints (责任编辑：周红 版式：吴刚), which belong to the page, not to an article.
 */
import { blockLines, type Stage } from '../assembly.ts';
import { matchContinuedFrom } from '../cross-references.ts';
import { smallNumber, visibleLength } from '../../text/characters.ts';

/**
 * 第二版 要闻, 2023年5月15日 星期一 第3版, A3 要闻, B2版：文体, 青溪报 2025年3月1日 星期六 第三版 经济,
 * 《人民日报》（2025年03月01日第 01 版）: a paper's name, a date and a page number, each optional
 * but the page number, in the order printed page headers and e-paper page titles give them.
 */
export const PAGE_HEADER =
  /^(?:《?[\u4e00-\u9fff]{2,8}报》?\s*)?[（(]?\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期.|周.)?\s*[|｜]?\s*)?(?:第\s*([一二三四五六七八九十\d]{1,3})\s*版|[A-H]0?([1-9]\d?)\s*版?)\s*[）)]?(?:$|[\s：:·|｜])/u;

/** Editorial credits printed on a page: 责任编辑：周红 版式：吴刚, 本期统筹：余璇. */
export const PAGE_CREDITS =
  /^(?:责任编辑|本版编辑|编辑|美术编辑|美编|版式|版式设计|校对|组版|编审|值班编委|(?:本期|本版)?(?:统筹|策划))\s*[：:]/u;

/** A continuation from another page starts a new page (unless a page header just opened one). */
export const continuedFromAnotherPage: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const lines = blockLines(b);
  const first = lines[0]!;
  const from = matchContinuedFrom(b.text, first);
  if (!from) return 0;
  const evidence = { kind: 'continuation', text: from.ref.text, line: first };
  // A page header just above has opened the page already (第二版 要闻 / （上接第一版①）…).
  if (a.page.header && !a.pageHasArticles()) a.page.evidence.push(evidence);
  else {
    a.startPage({
      numberKnown: false,
      numberSource: 'sequence',
      header: null,
      evidence: [evidence],
      startLine: first,
      minNumber: (from.ref.page ?? 0) + 1,
    });
  }
  const d = a.newDraft();
  d.kind = 'continuation';
  d.references.push(from.ref);
  a.addText(d, from.rest, lines);
  return 1;
};

/** A printed page header: the header of the page we are on when nothing is on it yet, else a new page. */
export const printedPageHeader: Stage = (a, i) => {
  const b = a.blocks[i]!;
  const header = PAGE_HEADER.exec(b.text);
  // A bare letter form (A3 要闻) is short; with the paper's name or the date before it
  // (临江晚报  2025年3月1日  星期六  A04  经济) a header runs longer.
  const bare = !!header?.[2] && !/[年报]/u.test(header[0]);
  if (!header || visibleLength(b.text) > (bare ? 16 : 40)) return 0;
  const first = b.lines[0]!.no;
  const n = smallNumber(header[1] ?? header[2]!);
  const page = a.page;
  if (!a.pageHasArticles() && !page.header) {
    // The header of the page we are on (the first page, after a masthead).
    Object.assign(page, {
      number: n ?? page.number,
      numberKnown: n !== null || page.numberKnown,
      numberSource: n !== null ? 'header' : page.numberSource,
      header: b.text,
    });
    page.evidence.push({ kind: 'page-header', text: b.text, line: first });
    return 1;
  }
  a.startPage({
    number: n ?? undefined,
    numberKnown: n !== null,
    numberSource: 'header',
    header: b.text,
    evidence: [{ kind: 'page-header', text: b.text, line: first }],
    startLine: first,
  });
  a.cur = null;
  return 1;
};

/** Editorial credits printed on the page: 责任编辑：周红 版式：吴刚 */
export const pageCredits: Stage = (a, i) => {
  const b = a.blocks[i]!;
  if (!PAGE_CREDITS.test(b.text) || visibleLength(b.text) > 60) return 0;
  for (const l of b.lines) a.page.credits.push({ text: l.text, line: l.no });
  return 1;
};
