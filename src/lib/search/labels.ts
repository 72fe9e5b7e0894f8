/**
 * The words search shows readers, shared by the build (what an article page tells Pagefind,
 * src/lib/search/fields.ts; the shards' labels, shards.ts) and the search page in the browser
 * (src/components/search/): the filter names and their order, the article kinds, and dates,
 * months and years as printed. No imports but types, so the page's script stays small.
 */
import type { ArticleKind } from '../model/issue.ts';

/** Filter names, as shown on the search page (and stored in the index). */
export const FILTERS = {
  paper: '报纸',
  year: '年份',
  month: '月份',
  topic: '专题',
  person: '人物',
  place: '地名',
  organisation: '机构',
  page: '版面',
  kind: '体裁',
} as const;

/** A filter's name as shown. */
export type FilterName = (typeof FILTERS)[keyof typeof FILTERS];

/** The order of the filter groups on the search page. */
export const FILTER_ORDER: readonly FilterName[] = [
  FILTERS.paper,
  FILTERS.year,
  FILTERS.month,
  FILTERS.topic,
  FILTERS.person,
  FILTERS.place,
  FILTERS.organisation,
  FILTERS.page,
  FILTERS.kind,
];

/** Filters whose values are listed newest first (the others by how many results they hold). */
export const DATE_FILTERS: readonly FilterName[] = [FILTERS.year, FILTERS.month];

/** Reader-facing names of the article kinds. */
export const KIND_LABELS: Record<ArticleKind, string> = {
  news: '消息',
  feature: '通讯',
  photo: '图片新闻',
  notice: '公告',
  ad: '广告',
  teaser: '导读',
  continuation: '转版续文',
  table: '表格',
  brief: '简讯',
};

/** The label of articles without a date (and of their shard). */
export const UNDATED_LABEL = '日期不详';

/** The year filter's value for a year: `2021` → 2021年. */
export function yearValue(year: string): string {
  return `${year}年`;
}

/** The month filter's value for an ISO date or month: `2021-03…` → 2021年03月 (as indexed). */
export function monthValue(date: string): string {
  return `${date.slice(0, 4)}年${date.slice(5, 7)}月`;
}

/** A year and month as printed: 2021, 3 → 2021年3月. */
export function yearMonthLabel(year: number, month: number): string {
  return `${year}年${month}月`;
}

/** A month key as printed: `2021-03` → 2021年3月. */
export function monthLabel(key: string): string {
  return yearMonthLabel(Number(key.slice(0, 4)), Number(key.slice(5, 7)));
}

/** An ISO date as printed: `2021-03-06` → 2021年3月6日; '' for anything else. */
export function dateLabel(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${yearMonthLabel(Number(m[1]), Number(m[2]))}${Number(m[3])}日` : '';
}

/** A count as readers read it: 1,234. */
export function countLabel(n: number): string {
  return n.toLocaleString('zh-CN');
}
