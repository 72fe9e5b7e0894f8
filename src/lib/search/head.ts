/**
 * Article pages as Pagefind is given them: the head holds only the title. Pagefind indexes what
 * lies in the element marked `data-pagefind-body` and reads its filters, meta and sort values
 * from elements that carry `data-pagefind-*` attributes; the rest of the head (the styles, the
 * scripts, the citation and Open Graph tags: a fifth of an article page) it parses and throws
 * away, page after page. A head that carries a `data-pagefind-*` attribute anywhere but in its
 * title is left whole.
 *
 * The pages are the build's own output: one head, before the body, its title written as
 * `<title>…</title>`.
 */

const HEAD = /<head(?:\s[^>]*)?>([\s\S]*?)<\/head\s*>/i;
const TITLE = /<title(?:\s[^>]*)?>[\s\S]*?<\/title\s*>/i;

/** The page with a head of its title alone (see above); everything else byte for byte. */
export function slimHead(html: string): string {
  const head = HEAD.exec(html);
  if (!head) return html;
  const title = TITLE.exec(head[1]!)?.[0] ?? '';
  if (head[1]!.replace(title, '').includes('data-pagefind')) return html;
  return `${html.slice(0, head.index)}<head>${title}</head>${html.slice(head.index + head[0].length)}`;
}
