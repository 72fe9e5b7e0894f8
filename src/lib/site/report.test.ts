import { describe, expect, it } from 'vitest';
import { reportBody, reportTitle, reportUrl, type ReportSubject } from './report.ts';

const subject: ReportSubject = {
  title: '衡阳推进乡村振兴',
  permalink: 'https://example.org/hengyang-daily/2021/03/06/1/a003/',
  file: '2021-03-06.txt',
  lines: { start: 40, end: 58 },
  printed: '衡阳日报 2021年3月6日 第一版',
};

describe('error reports', () => {
  it('opens a new issue on the repository with title and body filled in', () => {
    const url = new URL(reportUrl('https://github.com/owner/baokan', subject)!);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/owner/baokan/issues/new');
    expect(url.searchParams.get('title')).toBe('纠错：衡阳推进乡村振兴');
    const body = url.searchParams.get('body')!;
    expect(body).toContain('永久链接：https://example.org/hengyang-daily/2021/03/06/1/a003/');
    expect(body).toContain('原文：2021-03-06.txt 第40–58行');
    expect(body).toContain('（衡阳日报 2021年3月6日 第一版）');
  });

  it('has no link without a repository', () => {
    expect(reportUrl(null, subject)).toBeNull();
  });

  it('names one line as one line, and carries the selected text', () => {
    const body = reportBody({ ...subject, lines: { start: 7, end: 7 } }, '衡阳市委');
    expect(body).toContain('原文：2021-03-06.txt 第7行');
    expect(body).toContain('有误的文字：衡阳市委');
    expect(reportTitle(subject)).toBe('纠错：衡阳推进乡村振兴');
  });
});
