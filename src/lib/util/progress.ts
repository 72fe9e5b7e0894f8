/**
 * Progress of a long step for a build log: `parse 1200/3650 files (41/s)`, at most every `everyMs`,
 * so that a large archive never leaves the build silent for minutes.
 */
export function progress(log: (msg: string) => void, stage: string, unit: string, everyMs = 5000) {
  const started = performance.now();
  let last = started;
  return (done: number, total: number) => {
    const now = performance.now();
    if (now - last < everyMs) return;
    last = now;
    const rate = done / ((now - started) / 1000);
    log(`${stage} ${done}/${total} ${unit} (${rate.toFixed(rate < 10 ? 1 : 0)}/s)`);
  };
}
