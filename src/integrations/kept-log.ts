/**
 * Astro integration: the build's log without a line for each page Astro's incremental build leaves
 * in place. Astro writes two log events for every path it does not render again (`├─ /path/` and
 * ` (cached)`, or ` (restored)` when copied back from its cache): a daily build of a ten-year archive
 * wrote 528,000 such lines, a 58 MB log (9.5 s in a CPU profile, though about a second of wall time
 * when the log goes to a file, 2026-12-04). They are counted instead, and one line at the end says
 * how many; pages that render are listed as before. `BAOKAN_LOG_PAGES=1` lists every page, as Astro does.
 *
 * The files of the pages left in place ("(cached)") are kept as a set (pagesLeftInPlace): this build
 * did not write them, so the compressor and the search take what they recorded of them without a look
 * at each file. A page left in place logs its two events one right after the other, also when Astro
 * renders several pages at once (`build.concurrency`), so they pair up whatever else is in the log. The
 * pages it renders are not named from the log: with several rendering at once, a time line does not say
 * whose it is (written-files.ts names them).
 *
 * The filter sits between Astro's logger and its destination (the logger's options, which Astro
 * shares with every integration's logger); a logger of another shape is left alone.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

/** A log event as Astro's logger hands it to its destination. */
export interface LogEvent {
  label: string | null;
  level: string;
  message: string;
  newLine: boolean;
}

/** Where Astro's logger writes (Astro calls `flush`, when there is one, as a page renders). */
export interface LogDestination {
  write(event: LogEvent): unknown;
  flush?(): void;
}

/** Pages Astro left in place ("(cached)") and copied back from its cache ("(restored)"). */
export interface KeptCounts {
  cached: number;
  restored: number;
}

/** An event's message without its colours. */
const plain = (e: LogEvent) => e.message.replace(/\u001b\[[0-9;]*m/g, '');

/** A path line of Astro's page list: `  ├─ /path/`, written without a line break. */
const isPathLine = (e: LogEvent) =>
  e.level === 'info' && e.label === null && !e.newLine && /[├└]─/.test(e.message);

/** What follows a path Astro did not render: ` (cached)` or ` (restored)`, maybe coloured. */
const keptMark = (e: LogEvent): keyof KeptCounts | null => {
  if (e.label !== 'SKIP_FORMAT') return null;
  const m = /\((cached|restored)\)/.exec(plain(e));
  return m ? (m[1] as keyof KeptCounts) : null;
};

/** The time Astro logs after a page it rendered: ` (+12ms)` or ` (+1.20s)`, maybe coloured. */
const isPageTime = (e: LogEvent) => e.label === 'SKIP_FORMAT' && /^\s*\(\+[\d.]+m?s\)\s*$/.test(plain(e));

/**
 * The site path of a path line's file (`  ├─ /2024/01/11/index.html` → `2024/01/11/index.html`). An
 * endpoint's line gives its route's path, with the trailing slash of the site's URLs
 * (`/2024/01/11/1/a001/article.md/`), though its file has none.
 */
export const pathOfLine = (e: LogEvent): string | null =>
  /[├└]─\s+\/(\S+?)\/?$/.exec(plain(e).trimEnd())?.[1] ?? null;

export interface KeptPagesOptions {
  /** pass every event on (the pages left in place are still counted and noted) */
  listAll?: boolean;
  /**
   * pages Astro renders at once (`build.concurrency`). Above 1, a rendered page's path line is
   * written as a line of its own and the times are left out: each would otherwise end whichever
   * page's line came last, not its own page's.
   */
  atOnce?: number;
}

/**
 * A destination that passes every event on to `to` but the pairs of events of a page left in place
 * (a path line followed by its mark), which it counts, and whose files it keeps in `leftInPlace`
 * (site paths of the pages marked "(cached)": files this build did not write); `rendered` counts the
 * other path lines. With `listAll` every event is passed on, and still counted. `flush` writes a path
 * line it still holds (Astro flushes its destination while a page renders, so a rendered page's line
 * is written then) and flushes `to`.
 */
export function keptPagesFilter(
  to: LogDestination,
  { listAll = false, atOnce = 1 }: KeptPagesOptions = {},
): LogDestination & { counts: KeptCounts; rendered: () => number; leftInPlace: Set<string>; flush(): void } {
  const counts: KeptCounts = { cached: 0, restored: 0 };
  const leftInPlace = new Set<string>();
  let rendered = 0;
  let held: LogEvent | null = null;
  const release = () => {
    if (held) {
      rendered++;
      to.write(atOnce > 1 ? { ...held, newLine: true } : held);
    }
    held = null;
  };
  const flush = () => {
    release();
    to.flush?.();
  };
  return {
    counts,
    rendered: () => rendered,
    leftInPlace,
    flush,
    write(event) {
      if (held) {
        const mark = keptMark(event);
        if (mark) {
          counts[mark]++;
          const path = mark === 'cached' ? pathOfLine(held) : null;
          if (path) leftInPlace.add(path);
          if (listAll) {
            to.write(held);
            held = null;
            return to.write(event);
          }
          held = null;
          return true;
        }
        release();
      }
      if (isPathLine(event)) {
        held = event;
        return true;
      }
      if (atOnce > 1 && isPageTime(event)) return true;
      return to.write(event);
    },
  };
}

/** Whether every page is listed (BAOKAN_LOG_PAGES=1 / true / on / yes). */
export function logEveryPage(env = process.env.BAOKAN_LOG_PAGES): boolean {
  return /^(?:1|true|on|yes)$/i.test((env ?? '').trim());
}

let lastFilter: ReturnType<typeof keptPagesFilter> | null = null;

/**
 * The pages this build's Astro left in place as the last build wrote them (site paths), once the
 * pages are rendered; null when the log was not followed (another logger, or not a build). The
 * compressor and the search take their records without a look at the file (compress.ts, pagefind.ts).
 */
export function pagesLeftInPlace(): ReadonlySet<string> | null {
  return lastFilter?.leftInPlace ?? null;
}

export default function keptPagesLog(): AstroIntegration {
  let filter: ReturnType<typeof keptPagesFilter> | null = null;
  let original: LogDestination | null = null;
  let options: { destination?: LogDestination } | null = null;
  const restore = () => {
    filter?.flush();
    if (options && original) options.destination = original;
  };
  return {
    name: 'baokan-kept-log',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        lastFilter = null;
        if (command !== 'build') return;
        const shared = (logger as AstroIntegrationLogger & { options?: { destination?: LogDestination } })
          .options;
        if (typeof shared?.destination?.write !== 'function') return;
        options = shared;
        original = shared.destination;
        filter = keptPagesFilter(original, { listAll: logEveryPage(), atOnce: config.build.concurrency });
        lastFilter = filter;
        shared.destination = filter;
      },
      'astro:build:done': ({ logger }) => {
        restore();
        if (!filter || logEveryPage()) return;
        const { cached, restored } = filter.counts;
        logger.info(
          `${filter.rendered()} page(s) rendered; ${cached} left in place (cached), ${restored} copied back ` +
            "from Astro's cache (restored): not listed one by one (BAOKAN_LOG_PAGES=1 lists them)",
        );
      },
    },
  };
}
