/**
 * 纠错: what a reader's error report on an article says, so that an editor can turn it into a
 * `content/corrections.yaml` entry (file, line, the text as printed, what it should be, evidence):
 * a new issue on the project's repository, pre-filled with the article's permalink, seed file and
 * source lines. Without a repository there is no link (the About page says how to report).
 */
import { newIssueUrl } from './meta.ts';

/** What the report names about the article. */
export interface ReportSubject {
  title: string;
  /** the article's permalink (absolute, or a base-absolute path when the site has no origin) */
  permalink: string;
  /** the seed file the article was read from, and its source lines */
  file: string;
  lines: { start: number; end: number };
  /** paper, date and 版 as printed on the page (衡阳日报 2021年3月6日 第一版) */
  printed: string;
}

/** The issue's title: 纠错：<headline>. */
export function reportTitle(s: ReportSubject): string {
  return `纠错：${s.title}`;
}

/** The issue's body: where the article is, then what the reader fills in. */
export function reportBody(s: ReportSubject, selected = ''): string {
  const lines =
    s.lines.start === s.lines.end ? `第${s.lines.start}行` : `第${s.lines.start}–${s.lines.end}行`;
  return [
    `文章：${s.title}（${s.printed}）`,
    `永久链接：${s.permalink}`,
    `原文：${s.file} ${lines}`,
    `有误的文字：${selected}`,
    '出错的行号（见文章页“原文与处理说明”）：',
    '应改为：',
    '依据（原版版面、页码等）：',
  ].join('\n');
}

/** The link that opens the pre-filled issue, or null when no repository is configured. */
export function reportUrl(repo: string | null, s: ReportSubject): string | null {
  return repo ? newIssueUrl(repo, reportTitle(s), reportBody(s)) : null;
}
