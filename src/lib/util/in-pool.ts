/** Work on a list of items a few at a time (files read or written, search shards indexed). */

/**
 * Run `work` on every item, `jobs` at a time; each call is given the item's position and a slot
 * (0 … jobs − 1) that no other call holds meanwhile. Once a call fails no new one starts, and the
 * failure is thrown when the running ones are done.
 */
export async function inPool<T>(
  items: readonly T[],
  jobs: number,
  work: (item: T, index: number, slot: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (slot: number) => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        await work(items[i]!, i, slot);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const runs = await Promise.allSettled(
    Array.from({ length: Math.min(jobs, items.length) }, (_, slot) => worker(slot)),
  );
  for (const r of runs) if (r.status === 'rejected') throw r.reason;
}
