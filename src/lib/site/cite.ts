/**
 * Citations of a newspaper article.
 *
 * GB/T 7714-2015 (信息与文献 参考文献著录规则), newspaper articles (文献类型标识 N):
 *   主要责任者. 题名[N]. 报纸名, 出版日期(版次).
 *   丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).
 * and online (载体标识 OL), with the date cited in brackets and the address:
 *   余建斌. 我们的科技一直在追赶: 访中国工程院院长周济[N/OL]. 人民日报, 2013-01-12(2)[2013-03-20]. http://….
 * Up to three authors are listed, more are cut to three followed by ", 等"; without an author the
 * reference starts with the title. The online form is used when `accessed` is given.
 * An inferred page number (pageKnown false) is printed as it is; the caller shows that it is inferred.
 */

export interface CitationInput {
  title: string;
  authors: string[];
  paper: string | null;
  /** ISO date of the issue */
  date: string | null;
  page: number | null;
  /** false when the page number is inferred from the page sequence */
  pageKnown: boolean;
  url: string;
  /** ISO date the page was consulted (引用日期); selects the online form [N/OL] */
  accessed?: string;
  /** article id, source of the BibTeX key */
  id: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

const clean = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** Names to cite from a byline's staff, in byline order: writers; photographers only when no one else is credited. */
export function citationAuthors(staff: { name: string; role: string; photos: boolean }[]): string[] {
  const named = staff.filter((s) => clean(s.name));
  // A credit with `photos` can be 文/图 (writer and photographer) or 摄 (photographer only); the
  // byline form does not tell them apart, so only credits without photos count as writers when any exist.
  const writers = named.filter((s) => s.role !== 'photographer' && !s.photos);
  const chosen = writers.length ? writers : named;
  return [...new Set(chosen.map((s) => clean(s.name)))];
}

export function citeGbt7714(c: CitationInput): string {
  const authors = c.authors.map(clean).filter(Boolean);
  const online = Boolean(c.accessed);
  let out = '';
  if (authors.length)
    out += `${authors.length > 3 ? [...authors.slice(0, 3), '等'].join(', ') : authors.join(', ')}. `;
  out += `${clean(c.title)}[${online ? 'N/OL' : 'N'}]`;
  const publication = [c.paper ? clean(c.paper) : null, c.date].filter(Boolean).join(', ');
  if (publication) out += `. ${publication}${c.page !== null ? `(${c.page})` : ''}`;
  if (online) out += `${publication ? '' : '. '}[${c.accessed}]. ${c.url.trim()}`;
  return `${out}.`;
}

/** Escape BibTeX/LaTeX special characters in a field value. */
export function bibtexEscape(value: string): string {
  const map: Record<string, string> = {
    '\\': '\\textbackslash{}',
    '{': '\\{',
    '}': '\\}',
    '&': '\\&',
    '%': '\\%',
    $: '\\$',
    '#': '\\#',
    _: '\\_',
    '^': '\\^{}',
    '~': '\\~{}',
  };
  return clean(value).replace(/[\\{}&%$#_^~]/gu, (ch) => map[ch]!);
}

/** URLs stay verbatim (biblatex reads url as a verbatim field); only characters that break a .bib value are encoded. */
function bibtexUrl(url: string): string {
  return url.trim().replace(/[{}\\\s"]/gu, (ch) => encodeURIComponent(ch));
}

/** ASCII citation key from the article id. */
export function bibtexKey(id: string): string {
  const key = id
    .replace(/[^A-Za-z0-9_.:-]+/gu, '-')
    .replace(/-{2,}/gu, '-')
    .replace(/^-|-$/gu, '');
  return key || 'baokan-article';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function citeBibtex(c: CitationInput): string {
  const fields: [string, string][] = [];
  const braced = (name: string, value: string) => fields.push([name, `{${value}}`]);
  braced('title', bibtexEscape(c.title));
  const authors = c.authors.map(clean).filter(Boolean);
  if (authors.length) {
    // a name holding a comma or the word "and" is braced so that BibTeX keeps it whole
    const names = authors.map((a) => bibtexEscape(a)).map((a) => (/,|\sand\s/iu.test(a) ? `{${a}}` : a));
    braced('author', names.join(' and '));
  }
  if (c.paper) braced('journal', bibtexEscape(c.paper));
  const d = c.date ? ISO_DATE.exec(c.date) : null;
  if (d) {
    braced('date', c.date!);
    braced('year', d[1]!);
    fields.push(['month', MONTHS[Number(d[2]) - 1] ?? `{${Number(d[2])}}`]);
  }
  if (c.page !== null) braced('pages', String(c.page));
  if (c.url.trim()) braced('url', bibtexUrl(c.url));
  if (c.accessed) braced('urldate', c.accessed);
  if (c.page !== null && !c.pageKnown) braced('note', '版次推定');
  braced('language', 'chinese');
  const width = Math.max(...fields.map(([k]) => k.length));
  const body = fields.map(([k, v]) => `  ${k.padEnd(width)} = ${v}`).join(',\n');
  return `@article{${bibtexKey(c.id)},\n${body}\n}\n`;
}

/** RIS date field: `YYYY/MM/DD/` (the trailing slash ends the date part). */
const risDate = (iso: string): string | null => {
  const d = ISO_DATE.exec(iso);
  return d ? `${d[1]}/${d[2]}/${d[3]}/` : null;
};

/**
 * RIS (Research Information Systems), type NEWS, as reference managers (Zotero, EndNote) import it:
 *   TY  - NEWS / TI title / AU each author / T2 the paper / PY year / DA date / SP page (版) /
 *   UR permalink / Y2 access date / LA zh / N1 版次推定 / ER.
 * One field per line, values on one line; the URL is left out when it is empty.
 */
export function citeRis(c: CitationInput): string {
  const lines: [string, string][] = [['TY', 'NEWS']];
  lines.push(['TI', clean(c.title)]);
  for (const a of c.authors.map(clean).filter(Boolean)) lines.push(['AU', a]);
  if (c.paper) lines.push(['T2', clean(c.paper)]);
  const d = c.date ? ISO_DATE.exec(c.date) : null;
  if (d) {
    lines.push(['PY', d[1]!]);
    lines.push(['DA', risDate(c.date!)!]);
  }
  if (c.page !== null) lines.push(['SP', String(c.page)]);
  if (c.url.trim()) lines.push(['UR', c.url.trim()]);
  if (c.accessed) lines.push(['Y2', c.accessed]);
  lines.push(['LA', 'zh']);
  if (c.page !== null && !c.pageKnown) lines.push(['N1', '版次推定']);
  lines.push(['ID', bibtexKey(c.id)]);
  return `${lines.map(([k, v]) => `${k}  - ${v}`).join('\n')}\nER  - \n`;
}
