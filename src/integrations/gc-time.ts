/**
 * Astro integration: how long the build's thread stood still for garbage collection, in one line
 * at the end of a build. A daily build at ten years holds the archive's content store, and a
 * profile of one found a sixth of its time in the collector (docs/scale.md, stop 46): this line
 * lets each build say so, without a profiler, by the pauses V8 reports (Node's `gc` performance
 * entries). Collections on V8's helper threads (concurrent marking and sweeping) are not pauses
 * and not counted; what the build's own worker threads collect is theirs.
 *
 * Registered after the other integrations but the account, so that its line counts their work at
 * the end.
 */
import type { AstroIntegration } from 'astro';
import { constants, PerformanceObserver } from 'node:perf_hooks';

/** The build thread's pauses for garbage collection, by kind, in ms. */
export interface GcTime {
  pauses: number;
  /** scavenges of the young generation */
  minor: number;
  /** full mark-compacts */
  major: number;
  /** incremental marking steps and weak callbacks */
  other: number;
}

export const noGcTime = (): GcTime => ({ pauses: 0, minor: 0, major: 0, other: 0 });

/** A `gc` performance entry: its pause, and in `detail` the kind of collection. */
interface GcEntry {
  duration: number;
  detail?: unknown;
}

/** Add `gc` performance entries to a tally. */
export function countGc(t: GcTime, entries: readonly GcEntry[]): GcTime {
  for (const e of entries) {
    const kind = (e.detail as { kind?: number } | null | undefined)?.kind;
    t.pauses++;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) t.minor += e.duration;
    else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) t.major += e.duration;
    else t.other += e.duration;
  }
  return t;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The build's line: the whole pause time, by kind, and how much of it came before the pages were rendered. */
export function gcLine(t: GcTime, rendered: GcTime | null): string {
  const all = t.minor + t.major + t.other;
  const before = rendered ? rendered.minor + rendered.major + rendered.other : null;
  return (
    `garbage collection paused the build's thread for ${s(all)} in ${t.pauses} pause(s): ` +
    `${s(t.minor)} minor, ${s(t.major)} major, ${s(t.other)} incremental` +
    (before === null ? '' : `; ${s(before)} of it until the pages were rendered`)
  );
}

export default function gcTime(): AstroIntegration {
  let observer: PerformanceObserver | null = null;
  let t = noGcTime();
  let rendered: GcTime | null = null;
  return {
    name: 'baokan-gc-time',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build' || observer) return;
        t = noGcTime();
        rendered = null;
        observer = new PerformanceObserver((list) => countGc(t, list.getEntries()));
        observer.observe({ entryTypes: ['gc'] });
      },
      'astro:build:generated': () => {
        if (!observer) return;
        countGc(t, observer.takeRecords());
        rendered = { ...t };
      },
      'astro:build:done': ({ logger }) => {
        if (!observer) return;
        countGc(t, observer.takeRecords());
        observer.disconnect();
        observer = null;
        logger.info(gcLine(t, rendered));
      },
    },
  };
}
