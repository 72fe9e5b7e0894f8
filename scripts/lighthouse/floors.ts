/**
 * The floors the browser tests (tests/e2e/run.ts) hold Lighthouse's medians to. Accessibility,
 * best practices and SEO do not depend on the machine's speed: 95, strictly. Performance does
 * (Lighthouse simulates a slow phone by multiplying the tasks it timed on this machine, so a
 * machine busy with other work scores lower): its median is held to a lower floor, 85 unless
 * `LIGHTHOUSE_PERFORMANCE_FLOOR` says otherwise, and the pages under the target of 95 are reported.
 */
import type { Category, PageAudit } from './audit.ts';

/** The target of every category on every page. */
export const TARGET = 95;

/** The floor of each category's median. */
export function lighthouseFloors(
  env: Record<string, string | undefined> = process.env,
): Record<Category, number> {
  const perf = Number.parseInt(env.LIGHTHOUSE_PERFORMANCE_FLOOR ?? '', 10);
  return {
    performance: Number.isFinite(perf) ? perf : 85,
    accessibility: TARGET,
    'best-practices': TARGET,
    seo: TARGET,
  };
}

/** What falls short: each page's categories below their floor (`failures`) or below the target (`under`). */
export function shortfalls(
  audits: readonly PageAudit[],
  floors: Record<Category, number>,
): { failures: string[]; under: string[] } {
  const failures: string[] = [];
  const under: string[] = [];
  for (const a of audits) {
    for (const [c, floor] of Object.entries(floors) as [Category, number][]) {
      const s = a.scores[c];
      if (s < floor)
        failures.push(
          `${a.name} ${c} ${s} < ${floor} (runs: ${a.runs.map((r) => r.performance).join(', ')})`,
        );
      else if (s < TARGET) under.push(`${a.name} ${c} ${s} (floor ${floor}, target ${TARGET})`);
    }
  }
  return { failures, under };
}
