import { describe, expect, it } from 'vitest';
import { keptPagesFilter, logEveryPage, type LogEvent } from './kept-log.ts';

const path = (p: string): LogEvent => ({
  label: null,
  level: 'info',
  message: `  \u001b[32m├─\u001b[39m ${p}`,
  newLine: false,
});
const mark = (text: string): LogEvent => ({
  label: 'SKIP_FORMAT',
  level: 'info',
  message: text,
  newLine: true,
});
const line = (message: string, label = 'build'): LogEvent => ({
  label,
  level: 'info',
  message,
  newLine: true,
});

describe("the build log's kept pages", () => {
  it('counts the pages Astro left in place or copied back, and passes on everything else in order', () => {
    const out: LogEvent[] = [];
    const filter = keptPagesFilter({ write: (e) => out.push(e) });
    const events = [
      line('generating static routes'),
      path('/a/index.html'),
      mark(' \u001b[32m(cached)\u001b[39m'),
      path('/b/index.html'),
      mark(' (+3ms) '), // rendered: listed with its time
      path('/c/index.html'),
      mark(' (restored)'),
      path('/d/index.html'),
      { label: 'vite', level: 'warn', message: 'a warning while /d/ renders', newLine: true },
      mark(' (+40ms) '),
      path('/e/index.html'),
    ];
    for (const e of events) filter.write(e);
    filter.flush();
    expect(filter.counts).toEqual({ cached: 1, restored: 1 });
    expect(filter.rendered()).toBe(3);
    expect(out).toEqual([events[0], events[3], events[4], events[7], events[8], events[9], events[10]]);
    // the file of the page left in place (not the restored one: Astro wrote it this build)
    expect([...filter.leftInPlace]).toEqual(['a/index.html']);
  });

  it('passes every event on when asked to list every page, and still notes the pages left in place', () => {
    const out: LogEvent[] = [];
    const filter = keptPagesFilter({ write: (e) => out.push(e) }, { listAll: true });
    const events = [
      path('/a/index.html'),
      mark(' (cached)'),
      path('/中文/index.html'),
      mark(' (cached)'),
      path('/a/article.md/'), // an endpoint: its route's path, with a trailing slash its file has not
      mark(' (cached)'),
      path('/b/index.html'),
      mark(' (+3ms) '),
    ];
    for (const e of events) filter.write(e);
    filter.flush();
    expect(out).toEqual(events);
    expect(filter.counts).toEqual({ cached: 3, restored: 0 });
    expect([...filter.leftInPlace]).toEqual(['a/index.html', '中文/index.html', 'a/article.md']);
  });

  it('pairs the pages left in place while others render at once (build.concurrency), and flushes', () => {
    const out: LogEvent[] = [];
    let flushed = 0;
    const filter = keptPagesFilter({ write: (e) => out.push(e), flush: () => flushed++ }, { atOnce: 8 });
    const events = [
      path('/a/index.html'), // renders
      'flush', // Astro flushes its destination while a page renders
      path('/b/index.html'), // renders too, at the same time
      path('/c/index.html'),
      mark(' (cached)'), // c's mark comes right after its line, whatever renders meanwhile
      line('a warning while a page renders', 'vite'),
      mark(' (+3ms) '), // a rendered page's time (a's or b's: the log does not say)
      path('/d/article.md/'),
      mark(' (cached)'),
      mark(' \u001b[31m(+1.20s)\u001b[39m '),
      mark(' generating optimized images '), // not a page's time
      path('/e/index.html'), // still rendering when the log ends
      'flush',
    ] as const;
    for (const e of events)
      if (e === 'flush') filter.flush();
      else filter.write(e);
    expect(filter.counts).toEqual({ cached: 2, restored: 0 });
    expect(filter.rendered()).toBe(3);
    expect([...filter.leftInPlace]).toEqual(['c/index.html', 'd/article.md']);
    // the rendered pages' lines are passed on in order, each a line of its own; their times are
    // left out, as they cannot be told apart; everything else is passed on, and the flushes too
    const line_ = (e: LogEvent) => ({ ...e, newLine: true });
    expect(out).toEqual([line_(events[0]), line_(events[2]), events[5], events[10], line_(events[11])]);
    expect(flushed).toBe(2);
  });

  it('lists every page when BAOKAN_LOG_PAGES says so', () => {
    expect(logEveryPage(undefined)).toBe(false);
    expect(logEveryPage('0')).toBe(false);
    for (const on of ['1', 'true', 'on', 'yes']) expect(logEveryPage(on)).toBe(true);
  });
});
