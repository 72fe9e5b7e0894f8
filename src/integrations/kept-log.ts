/**
 * Astro integration: the build's log without a line for each page Astro's incremental build leaves
 * in place. Astro writes two log events for every path it does not render again (`├─ /path/` and
 * ` (cached)`, or ` (restored)` when copied back from its cache): a daily build of a ten-year archive
 * wrote 528,000 such lines, a 58 MB log (9.5 s in a CPU profile, though about a second of wall time
 * when the log goes to a file, 2026-12-04). They are counted instead, and one line at the end says
 * how many; pages that render are listed as before. `BAOKAN_LOG_PAGES=1` lists every page, as Astro does.
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

/** Where Astro's logger writes. */
export interface LogDestination {
  write(event: LogEvent): unknown;
}

/** Pages Astro left in place ("(cached)") and copied back from its cache ("(restored)"). */
export interface KeptCounts {
  cached: number;
  restored: number;
}

/** A path line of Astro's page list: `  ├─ /path/`, written without a line break. */
const isPathLine = (e: LogEvent) =>
  e.level === 'info' && e.label === null && !e.newLine && /[├└]─/.test(e.message);

/** What follows a path Astro did not render: ` (cached)` or ` (restored)`, maybe coloured. */
const keptMark = (e: LogEvent): keyof KeptCounts | null => {
  if (e.label !== 'SKIP_FORMAT') return null;
  const m = /\((cached|restored)\)/.exec(e.message.replace(/\u001b\[[0-9;]*m/g, ''));
  return m ? (m[1] as keyof KeptCounts) : null;
};

/**
 * A destination that passes every event on to `to` but the pairs of events of a page left in place
 * (a path line followed by its mark), which it counts. `flush` writes a path line it still holds.
 */
export function keptPagesFilter(to: LogDestination): LogDestination & { counts: KeptCounts; flush(): void } {
  const counts: KeptCounts = { cached: 0, restored: 0 };
  let held: LogEvent | null = null;
  const flush = () => {
    if (held) to.write(held);
    held = null;
  };
  return {
    counts,
    flush,
    write(event) {
      if (held) {
        const mark = keptMark(event);
        if (mark) {
          counts[mark]++;
          held = null;
          return true;
        }
        flush();
      }
      if (isPathLine(event)) {
        held = event;
        return true;
      }
      return to.write(event);
    },
  };
}

/** Whether every page is listed (BAOKAN_LOG_PAGES=1 / true / on / yes). */
export function logEveryPage(env = process.env.BAOKAN_LOG_PAGES): boolean {
  return /^(?:1|true|on|yes)$/i.test((env ?? '').trim());
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
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build' || logEveryPage()) return;
        const shared = (logger as AstroIntegrationLogger & { options?: { destination?: LogDestination } })
          .options;
        if (typeof shared?.destination?.write !== 'function') return;
        options = shared;
        original = shared.destination;
        filter = keptPagesFilter(original);
        shared.destination = filter;
      },
      'astro:build:done': ({ logger }) => {
        restore();
        if (!filter) return;
        const { cached, restored } = filter.counts;
        logger.info(
          `${cached} page(s) left in place (cached), ${restored} copied back from Astro's cache (restored): ` +
            'not listed one by one (BAOKAN_LOG_PAGES=1 lists them)',
        );
      },
    },
  };
}
