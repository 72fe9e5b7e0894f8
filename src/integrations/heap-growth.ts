/**
 * Astro integration: lets a build's heap grow further between major garbage collections.
 *
 * V8 chooses how far the old generation may grow after a full collection before the next one
 * starts (its "growing factor"). For a heap of a few hundred MB it lets the heap grow about
 * fourfold. For the 1–3 GB that a large archive's content store and Astro's route tables hold
 * during render it picks its minimum, 1.1: the heap may grow by a tenth before V8 marks all of it
 * again. At ten years that is a full mark of 1.5–3 GB after every 150–300 MB the pages promote,
 * and the render pays for it in proportion to the archive (docs/scale.md, stops 30 and 31).
 *
 * `--heap-growing-percent` fixes the factor instead, at 300 % (a factor of 4): what V8 itself allows a
 * small heap, so a small archive's build collects as it did, and a large one's grows as far as V8's
 * other bound lets it: never past half way from what is live to `--max-old-space-size` (the build
 * script's 6144 MB), which bounds the peak while the pages render. This cannot go in
 * NODE_OPTIONS, which refuses V8 flags of this kind, so it is set here, in the build's own process,
 * before the content layer loads.
 *
 * Once the pages are rendered (astro:build:generated) V8's own choice is back: the steps after render
 * (search, the file:// index, compression in a thread beside this heap) allocate little, and a heap
 * left to grow fourfold through them held garbage the build's peak memory counted (a ten-year build
 * with the factor kept to the end peaked at 5.83 GiB while compressing).
 *
 * `BAOKAN_HEAP_GROWTH` sets the percentage; `0` leaves V8's own choice throughout.
 */
import type { AstroIntegration } from 'astro';
import { setFlagsFromString } from 'node:v8';

/** The percentage a build uses when `BAOKAN_HEAP_GROWTH` is not set. */
export const DEFAULT_HEAP_GROWTH = 300;

/**
 * The V8 flag for this environment, or undefined when V8 should keep its own choice.
 * Throws a one-line error when `BAOKAN_HEAP_GROWTH` is not a whole number from 0 to 1000.
 */
export function heapGrowthFlag(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.BAOKAN_HEAP_GROWTH?.trim();
  const percent = raw === undefined || raw === '' ? DEFAULT_HEAP_GROWTH : Number(raw);
  if (!Number.isInteger(percent) || percent < 0 || percent > 1000)
    throw new Error(`BAOKAN_HEAP_GROWTH must be a whole number from 0 to 1000 (a percentage), not "${raw}"`);
  return percent === 0 ? undefined : `--heap-growing-percent=${percent}`;
}

export default function heapGrowth(
  env: NodeJS.ProcessEnv = process.env,
  setFlags: (flag: string) => void = setFlagsFromString,
): AstroIntegration {
  let fixed = false;
  return {
    name: 'baokan-heap-growth',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        // the dev server and `astro check` keep V8's own choice; only a build holds the whole archive
        if (command !== 'build') return;
        const flag = heapGrowthFlag(env);
        if (!flag) return;
        setFlags(flag);
        fixed = true;
        logger.debug(`V8 ${flag}`);
      },
      'astro:build:generated': () => {
        // 0: V8 chooses the factor itself again, from the next full collection on
        if (fixed) setFlags('--heap-growing-percent=0');
        fixed = false;
      },
    },
  };
}
