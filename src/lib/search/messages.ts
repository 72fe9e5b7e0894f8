/**
 * What the search page tells readers, as text: the count of results, the progress of a search,
 * and why search cannot run. A status is given as parts that alternate text and code
 * (text, code, text, …), so that commands show as code.
 */
import { countLabel } from './labels.ts';

/** How a search went, for the line above the results. */
export interface Outcome {
  /** the query as typed */
  q: string;
  /** results found */
  found: number;
  /** terms in the query */
  terms: number;
  /** headline only */
  head: boolean;
  /** whether a wider range could find more (more than one shard, not all of them searched) */
  canWiden: boolean;
}

/** 找到 N 篇含“q”的文章, or 没有找到… with what to try. */
export function outcomeMessage(o: Outcome): string {
  const where = o.head ? '标题含' : '含';
  if (o.found) return `找到 ${countLabel(o.found)} 篇${where}“${o.q}”的文章`;
  return (
    `没有找到${where}“${o.q}”的文章` +
    (o.terms > 1 ? '（每个词都要出现）' : '') +
    (o.canWiden ? '。可以在“范围”中选“全部年份”。' : '。')
  );
}

/** While Pagefind answers. */
export function searchingMessage(q: string): string {
  return `正在检索“${q}”……`;
}

/** While the candidates are checked. */
export function checkingMessage(q: string, done: number, total: number): string {
  return `正在核对“${q}”：${countLabel(done)} / ${countLabel(total)} 篇……`;
}

/** While the months of the index for file:// load. */
export function loadingMonthsMessage(done: number, total: number): string {
  return `正在载入本地索引：${countLabel(done)} / ${countLabel(total)} 个月……`;
}

/** From file:// without the index for it: why search cannot work, and what to do. */
export const OFFLINE_STATUS: readonly string[] = [
  '从本地文件（file://）打开时无法搜索：浏览器不允许网页读取搜索索引，本站点也没有生成供本地检索的索引。阅读和浏览不受影响。要搜索，请用一个静态网页服务器打开站点，例如在项目目录运行 ',
  'npx serve dist',
  '（或在站点文件夹里运行 ',
  'npx serve',
  '），再用浏览器打开它给出的地址（如 http://localhost:3000/search/）。',
];

/** The index is missing or incomplete. */
export const MISSING_STATUS: readonly string[] = [
  '搜索索引没有找到（站点的 pagefind 文件夹缺失或不完整）。请运行 ',
  'npm run build',
  ' 重新生成站点和索引。',
];

/** The edition has no article to search. */
export const EMPTY_STATUS: readonly string[] = ['本数字版还没有可检索的文章。'];

/** A search failed. */
export function errorStatus(e: unknown): string[] {
  return [`检索出错：${e instanceof Error && e.message ? e.message : String(e)}`];
}

/** A month file of the index for file:// that cannot be read. */
export function unreadableDiskFile(file: string): string {
  return `本地索引文件 search-disk/${file} 读不到（请运行 npm run build 重新生成站点）`;
}
