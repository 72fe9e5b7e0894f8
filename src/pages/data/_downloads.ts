/**
 * The researchers' downloads, made once per build and shared by their endpoints and the 数据
 * page (which lists their sizes): each article and issue as Markdown (src/lib/site/markdown.ts), and
 * per year one gzip-compressed JSON Lines file of all articles (`data/<yyyy>.jsonl.gz`; issues
 * without a date in `data/undated.jsonl.gz`), each keyed by its year's issues. Not a route (the
 * leading underscore).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageKeys } from '../../data/page-keys.ts';
import { fullArticle } from '../../data/articles.ts';
import { getEdition, type ArticleNode, type IssueNode } from '../../data/site-graph.ts';
import { dateZh, paperLabel } from '../../lib/site/labels.ts';
import { pageName } from '../../lib/site/page-nav.ts';
import { siteBase, siteOrigin } from '../../components/site/site-config.ts';
import { articleMdast, issueMdast, toMarkdown, type ArticlePlace } from '../../lib/site/markdown.ts';
import { permalink } from '../../lib/site/meta.ts';

const base = () => siteBase();
const url = (path: string) => permalink(siteOrigin().origin, base(), path).href;

const pageLabel = (a: ArticleNode) =>
  [pageName(a.page.entry.data.label), a.page.entry.data.header].filter(Boolean).join(' ');

function place(a: ArticleNode): ArticlePlace {
  const issue = a.page.issue.entry.data;
  return {
    printed: [paperLabel(issue.paper.name), dateZh(issue.date.value), pageLabel(a)].join(' '),
    url: url(a.path),
  };
}

export function articleMarkdown(a: ArticleNode): string {
  return toMarkdown(articleMdast(fullArticle(a), place(a)));
}

export function issueMarkdown(issue: IssueNode): string {
  const d = issue.entry.data;
  const notes = [
    [
      d.masthead?.weekday,
      d.masthead?.issueNumber && `第${d.masthead.issueNumber}号`,
      d.masthead?.pageCount && `今日${d.masthead.pageCount}版`,
    ]
      .filter(Boolean)
      .join(' · '),
    `本数字版收录${issue.pages.length}版、${issue.articles.length}篇；本期网址：${url(issue.path)}`,
    '文本取自报纸版面 PDF 的文字层，经程序整理；引用请以原版为准。',
  ].filter(Boolean);
  return toMarkdown(
    issueMdast(
      `${paperLabel(d.paper.name)} ${dateZh(d.date.value)}`,
      notes,
      issue.pages.map((p) => ({
        label: [pageName(p.entry.data.label), p.entry.data.header].filter(Boolean).join(' '),
        articles: p.articles.map((a) => ({ article: fullArticle(a), place: place(a) })),
      })),
    ),
  );
}

/** One JSON Lines record: an article with where it was printed and its whole text. */
function record(a: ArticleNode) {
  const d = fullArticle(a);
  const issue = a.page.issue.entry.data;
  return {
    id: d.id,
    url: url(a.path),
    paper: issue.paper.name,
    paperId: issue.paper.id,
    date: issue.date.value,
    issueNumber: issue.masthead?.issueNumber ?? null,
    page: a.page.entry.data.number,
    pageKnown: a.page.entry.data.numberKnown,
    pageLabel: pageLabel(a),
    order: d.order,
    kind: d.kind,
    column: d.column,
    kicker: d.kicker,
    headline: d.headline,
    subtitle: d.subtitle,
    title: d.title,
    byline: d.byline?.text ?? null,
    authors: (d.byline?.staff ?? []).map((s) => s.name),
    topics: a.entry.data.topics.map((t) => t.name),
    paragraphs: d.paragraphs.map((p) => ({ role: p.role, text: p.text })),
    captions: d.captions.map((c) => ({ text: c.text, credit: c.credit })),
    tables: d.tables.map((t) => ({ header: t.header, rows: t.rows })),
    signature: d.signature?.text ?? null,
    source: { file: d.sourceFile, lines: d.lines },
  };
}

export interface YearDump {
  /** `2021`, or `undated` */
  year: string;
  file: string;
  articles: number;
  /** the page key: the site inputs and the digests of the year's issues (src/data/page-keys.ts) */
  key: string;
  /** the compressed file's and the JSON Lines' sizes, and the compressed bytes (read when asked) */
  sizes(): { bytes: number; rawBytes: number };
  gz(): Buffer;
}

let dumps: Promise<YearDump[]> | null = null;

/**
 * Per year the gzip-compressed JSON Lines of its articles, in edition order. A year's file is made
 * when first asked for and kept in the build's work folder under its key (beside the parsed
 * issues), so a daily build makes only the years whose issues changed; the 数据 page reads the
 * others' sizes from there.
 */
export function yearDumps(): Promise<YearDump[]> {
  dumps ??= (async () => {
    const edition = await getEdition();
    const keys = await pageKeys();
    const byYear = new Map<string, IssueNode[]>();
    for (const issue of edition.issues) {
      const year = issue.entry.data.date.value?.slice(0, 4) ?? 'undated';
      let list = byYear.get(year);
      if (!list) byYear.set(year, (list = []));
      list.push(issue);
    }
    const first = edition.issues[0];
    const folder = first ? join(dirname(dirname(first.entry.data.parsedFile)), 'dumps') : '';
    const years = [...byYear.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const made = years.map(([year, issues]) => {
      const key = keys.list('year-dump', year, ...issues.map((i) => keys.issueData(i)));
      const file = join(folder, `${key}.json`);
      let kept: { bytes: number; rawBytes: number } | null = null;
      const make = (): Buffer => {
        const articles = issues.flatMap((i) => i.articles);
        const raw = Buffer.from(articles.map((a) => `${JSON.stringify(record(a))}\n`).join(''));
        // level 9, and no file name or time in the header: the same bytes every build
        const gz = gzipSync(raw, { level: 9 });
        kept = { bytes: gz.length, rawBytes: raw.length };
        mkdirSync(folder, { recursive: true });
        // whole files or none: the sizes are written last, and each file under a name of its own first
        for (const [to, bytes] of [
          [`${file}.gz`, gz],
          [file, JSON.stringify(kept)],
        ] as const) {
          writeFileSync(`${to}.tmp`, bytes);
          renameSync(`${to}.tmp`, to);
        }
        return gz;
      };
      return {
        year,
        file: `data/${year}.jsonl.gz`,
        articles: issues.reduce((n, i) => n + i.articles.length, 0),
        key,
        sizes() {
          if (!kept && existsSync(file) && existsSync(`${file}.gz`))
            kept = JSON.parse(readFileSync(file, 'utf8')) as { bytes: number; rawBytes: number };
          if (!kept) make();
          return kept!;
        },
        gz() {
          return existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`) : make();
        },
      };
    });
    // kept years no build asks for any more
    const wanted = new Set(made.flatMap((d) => [`${d.key}.json`, `${d.key}.json.gz`]));
    if (folder && existsSync(folder))
      for (const f of readdirSync(folder)) if (!wanted.has(f)) rmSync(join(folder, f), { force: true });
    return made;
  })();
  return dumps;
}
